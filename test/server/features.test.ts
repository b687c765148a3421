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

const SEED003 = readFileSync(SEED_PATH('003_0f60ab1572c40d0d.txt'), 'utf8');
/** Seed 003 with （七）总计·总计 written 96 (its row and its column both add up to 95). */
const SEED003_R7 = (() => {
  const lines = SEED003.split('\n');
  const cells = lines[61].split('\t');
  assert.equal(cells[0], '(七) 总计');
  cells[8] = '96';
  lines[61] = cells.join('\t');
  return lines.join('\n');
})();

describe('quick fixes', () => {
  it('one action per distinct fix: two rules proposing the same edit give one title with both diagnostics', async () => {
    const uri = 'file:///virtual/f-dedupe.txt';
    const p = await openChecked(uri, SEED003_R7);
    const row = byRule(p.diagnostics, 'T3-ROW-TOTAL')[0];
    assert.ok(row && byRule(p.diagnostics, 'T3-RESULT-TOTAL').some((d) => d.range.start.line === row.range.start.line));
    const actions = await codeActions(uri, row.range, [row]);
    const titles = actions.map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, `duplicate titles: ${titles.join(' | ')}`);
    const fix = actions.find((a) => a.title === '将（七）总计·总计改为 95')!;
    assert.ok(fix, titles.join(' | '));
    assert.deepEqual(fix.diagnostics!.map((d) => d.code).sort(), ['T3-RESULT-TOTAL', 'T3-ROW-TOTAL']);
    // The rule pages, one per rule on the range, as commands the client renders.
    const docs = actions.filter((a) => a.command?.command === 'govreport.showRuleDoc');
    assert.deepEqual(docs.map((a) => a.command!.arguments![0]).sort(), ['T3-BALANCE', 'T3-RESULT-TOTAL', 'T3-ROW-TOTAL'].filter((r) => p.diagnostics.some((d) => d.code === r && d.range.start.line === row.range.start.line)).sort());
    assert.ok(docs.every((a) => a.title.startsWith('查看规则说明')));
    await client.close(uri);
  });

  it('fixes every finding of a rule at once, as one edit', async () => {
    const uri = 'file:///virtual/f-fixrule.txt';
    const p = await openChecked(uri, SEED003);
    const levels = byRule(p.diagnostics, 'STRUCT-HEADING-LEVEL');
    assert.equal(levels.length, 4);
    const actions = await codeActions(uri, levels[0].range, [levels[0]]);
    const all = actions.find((a) => a.title === '修复本文件中全部 STRUCT-HEADING-LEVEL 问题（4 处）');
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    const fixed = applyTextEdits(SEED003, editsOf(all.edit!, uri));
    await client.changeFull(uri, fixed, 2);
    const after = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.equal(byRule(after.diagnostics, 'STRUCT-HEADING-LEVEL').length, 0);
    assert.equal(after.diagnostics.length, p.diagnostics.length - 4);
    await client.close(uri);
  });

  it('disables a rule for one line with an inline directive, only where the directive works', async () => {
    const uri = 'file:///virtual/f-disable.txt';
    const p = await openChecked(uri, SEED003_R7);
    const row = byRule(p.diagnostics, 'T3-ROW-TOTAL')[0];
    const actions = await codeActions(uri, row.range, [row]);
    const disable = actions.find((a) => a.title === '在此行停用 T3-ROW-TOTAL');
    assert.ok(disable, actions.map((a) => a.title).join(' | '));
    const edits = editsOf(disable.edit!, uri);
    assert.deepEqual(edits.map((e) => e.newText), ['<!-- govreport-disable-next-line T3-ROW-TOTAL -->\n']);
    const text = applyTextEdits(SEED003_R7, edits);
    await client.changeFull(uri, text, 2);
    const after = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.equal(byRule(after.diagnostics, 'T3-ROW-TOTAL').length, 0);
    assert.equal(after.diagnostics.length, p.diagnostics.length - 1);
    await client.close(uri);
  });
});

describe('recompute totals', () => {
  it('says which cells it changed and which totals it left alone, in one edit', async () => {
    const uri = 'file:///virtual/f-recompute.txt';
    await openChecked(uri, SEED002);
    const before = client.applyEditRequests.length;
    const messages: string[] = [];
    client.conn.onNotification('window/showMessage', (m: { message: string }) => { messages.push(m.message); });
    const result = (await client.conn.sendRequest('workspace/executeCommand', { command: 'govreport.recomputeTotals', arguments: [uri] })) as {
      applied: boolean; edits: number; changed: { label: string; from: string; to: string }[]; leftAlone: { rule: string; message: string }[]; message: string;
    };
    assert.equal(client.applyEditRequests.length - before, 1);
    assert.equal(result.applied, true);
    assert.equal(result.changed.length, result.edits);
    assert.ok(result.changed.some((c) => c.label === '（七）总计·自然人' && c.from === '8' && c.to === '4'), JSON.stringify(result.changed));
    assert.match(result.message, new RegExp(`^重新计算合计：改写了 ${result.edits} 个单元格（.*（七）总计·自然人 8 → 4`));
    for (const l of result.leftAlone) assert.ok(result.message.includes(l.message) || result.leftAlone.length > 5);
    await new Promise((r) => setTimeout(r, 50));
    assert.ok(messages.includes(result.message), messages.join('\n'));
    await client.close(uri);
  });
});
