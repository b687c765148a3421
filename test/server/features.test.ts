// Editor features beyond diagnostics (issue 17), over stdio against the built server: hover order,
// quick fixes, recompute's report, folding, symbols, table formatting, code lenses, completion,
// detection of non-reports, HTML pages, cross-year checks, workspace checks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../engine/index.ts';
import { ensureBuilt, ROOT, TestClient } from './lsp.ts';

export const SEED_PATH = (n: string) => join(ROOT, 'test/fixtures/seeds', n);
const SEED002 = readFileSync(SEED_PATH('002_c7925c89c326f8ac.txt'), 'utf8');
const EXPECTED = JSON.parse(readFileSync(SEED_PATH('002_c7925c89c326f8ac.expected.json'), 'utf8'));
const T3ROWS = EXPECTED.tables.T3.rows as Record<string, { values: number[]; lines: number[] }>;
const COLS = EXPECTED.tables.T3.columns as string[];
const lineOf = (row: string, col: string) => T3ROWS[row].lines[COLS.indexOf(col)] - 1;

export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const abs = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }));
  abs.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges) return (edit.documentChanges as TextDocumentEdit[]).filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits as TextEdit[]);
  return edit.changes?.[uri] ?? [];
}

const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.code === rule);

let client: TestClient;
before(async () => {
  ensureBuilt();
  client = await TestClient.start({ locale: 'zh-cn', initializationOptions: { debounceMs: 0 } });
});
after(async () => {
  await client?.stop();
});

async function openChecked(uri: string, text: string, languageId = 'plaintext') {
  await client.open(uri, text, languageId, 1);
  return client.waitForDiagnostics(uri, (p) => p.version === 1);
}

const codeActions = (uri: string, range: Diagnostic['range'], diagnostics: Diagnostic[] = [], only?: string[]) =>
  client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;

describe('hover', () => {
  it('explains the total first (formula, values, ✓/✗), the problems and their related cells after', async () => {
    const uri = 'file:///virtual/f-hover.txt';
    await openChecked(uri, SEED002);
    const line = lineOf('r7', 'np');
    const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: SEED002.split('\n')[line].search(/\S/) } })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    const formula = md.indexOf('（七）总计 = （一）予以公开 4');
    const verdict = md.indexOf('✗ 与写明的 8 不符');
    const problem = md.indexOf('**T3-RESULT-TOTAL**');
    const related = md.indexOf('相关单元格', problem);
    assert.ok(formula >= 0 && verdict > formula, md);
    assert.ok(problem > verdict, `the problem comes after the explanation:\n${md}`);
    assert.ok(related > problem, md);
    assert.match(md.slice(related), new RegExp(`予以公开.* = 4（第 ${lineOf('r1', 'np') + 1} 行）`));
    await client.close(uri);
  });
});
