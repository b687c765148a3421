// Editor features read from the report model, registered by main.ts in one call: folding ranges
// (sections and tables), code lenses above each table (its state, recompute, preview) and table
// skeletons offered when a line starts with 表二 / 表三 / 表四 (the document's template, in its layout).
import {
  CompletionItemKind,
  FoldingRangeKind,
  InsertTextFormat,
  type CodeLens,
  type CompletionItem,
  type CompletionParams,
  type FoldingRange,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { officialShape, tableText, type CheckResult, type Finding, type Lang, type Table, type TableId } from '../engine/index.ts';
import { BALANCE, expectedVersion, SUMS, TABLE_NAMES } from '../engine/template/index.ts';
import { TABLE_NO } from './format.ts';
import { COMMANDS } from './protocol.ts';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checker } from './checker.ts';

export const EDITOR_CAPABILITIES: ServerCapabilities = {
  foldingRangeProvider: true,
  codeLensProvider: { resolveProvider: false },
  // The last character of 表二 / 表三 / 表四 asks for completion: Markdown has no quick suggestions
  // by default, and an input method commits the word at once.
  completionProvider: { triggerCharacters: ['表', '二', '三', '四'] },
};

const TABLES = ['T2', 'T3', 'T4'] as const;
const usable = (t: Table) => t.status === 'bound' || t.status === 'partial';

/** What the editor features may read: the rendered text of an HTML page or a Word file is not the document. */
const ownText = (result: CheckResult) => result.report.source === 'markdown' || result.report.source === 'text';

export function foldingRanges(result: CheckResult): FoldingRange[] {
  if (!ownText(result)) return [];
  const { report, index } = result.parsed;
  const out: FoldingRange[] = [];
  // A range ends on its last non-blank line: the blank lines before the next heading stay visible.
  const lastFilled = (from: number, to: number) => {
    let l = to;
    while (l > from && !index.lines[l].text.trim()) l--;
    return l;
  };
  for (const s of report.sections) {
    const start = s.heading.line;
    const end = lastFilled(start, index.lineAt(Math.max(s.body.end - 1, s.heading.end)));
    if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  }
  for (const id of TABLES) {
    const t = report.tables[id];
    if (!usable(t)) continue;
    const start = index.lineAt(t.range.start);
    const end = index.lineAt(t.range.end);
    if (end > start) out.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** The rules of the template's declared totals (engine/template/totals.ts). */
const TOTAL_RULES = new Set([...SUMS.map((d) => d.rule), BALANCE.rule]);

export function tableState(table: Table, findings: readonly Finding[], lang: Lang): { totals: number; others: number; title: string } {
  const zh = lang === 'zh';
  const inside = findings.filter((f) => f.range.start >= table.range.start && f.range.end <= table.range.end);
  const totals = inside.filter((f) => TOTAL_RULES.has(f.rule)).length;
  const others = inside.length - totals;
  const parts = [TABLE_NO[table.id][lang]];
  if (table.status === 'partial') parts.push(zh ? '部分识别' : 'partly read');
  if (totals) parts.push(zh ? `${totals} 处合计不符` : `${totals} total(s) do not add up`);
  if (others) parts.push(zh ? `${others} 个其他问题` : `${others} other problem(s)`);
  if (!totals && !others) parts.push(zh ? '未发现问题' : 'no problems');
  return { totals, others, title: parts.join(' · ') };
}

export function codeLenses(result: CheckResult, findings: readonly Finding[], uri: string, lang: Lang): CodeLens[] {
  if (!ownText(result)) return [];
  const { report, index } = result.parsed;
  const zh = lang === 'zh';
  const out: CodeLens[] = [];
  for (const id of TABLES) {
    const t = report.tables[id];
    if (!usable(t)) continue;
    const line = index.lineAt(t.range.start);
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    const state = tableState(t, findings, lang);
    out.push({ range, command: { title: state.title, command: COMMANDS.showPreview, arguments: [uri] } });
    if (state.totals && id !== 'T2') out.push({ range, command: { title: zh ? '重新计算合计' : 'Recompute totals', command: COMMANDS.recomputeTotals, arguments: [uri] } });
    out.push({ range, command: { title: zh ? '预览表格' : 'Preview tables', command: COMMANDS.showPreview, arguments: [uri] } });
  }
  return out;
}

/** 表 / 表二 / 表三 / 表四 alone from the line's start to the cursor (a Markdown `#` run allowed). */
const PREFIX = /^(\s*(?:#{1,6}\s*)?)表([二三四]?)$/u;
const ID_OF: Record<string, TableId> = { 二: 'T2', 三: 'T3', 四: 'T4' };

/**
 * The table skeletons for the line being typed: the template of the document's year (2021 when it
 * names none), as GFM in Markdown and TAB rows in plain text, under the table's caption.
 */
export function tableCompletions(result: CheckResult | null, lineText: string, params: CompletionParams, markdown: boolean, lang: Lang): CompletionItem[] {
  const m = PREFIX.exec(lineText);
  if (!m) return [];
  const report = result?.report;
  const version = report?.template ?? expectedVersion(report?.year) ?? '2021';
  const ids = m[2] ? [ID_OF[m[2]]] : TABLES;
  const line = params.position.line;
  return ids.map((id) => {
    const table = tableText(officialShape(id, version, false), markdown);
    const caption = `${m[1]}${TABLE_NO[id].zh}　${TABLE_NAMES[id].zh}`;
    const label = `${TABLE_NO[id].zh} ${TABLE_NAMES[id].zh}`;
    return {
      label,
      kind: CompletionItemKind.Snippet,
      detail: lang === 'zh' ? `${version} 年格式的空表` : `empty table, ${version} format`,
      filterText: `${TABLE_NO[id].zh}`,
      sortText: id,
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: { range: { start: { line, character: 0 }, end: params.position }, newText: `${caption}\n\n${table}\n` },
    };
  });
}

export interface EditorContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  checker: Checker;
}

export function registerEditorFeatures({ connection, documents, checker }: EditorContext): void {
  connection.onFoldingRanges(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const m = doc && (await checker.model(doc));
    return m ? foldingRanges(m.result) : [];
  });
  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    const m = doc && (await checker.model(doc));
    return m ? codeLenses(m.result, m.r.findings, doc.uri, m.r.lang) : [];
  });
  connection.onCompletion(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const lineText = doc.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    if (!PREFIX.test(lineText)) return [];
    const r = await checker.current(doc);
    // Only in reports (or GovReport documents): ordinary Markdown gets no table skeletons.
    if (!r || (r.skipped && doc.languageId !== 'govreport')) return [];
    const m = r.skipped ? null : await checker.model(doc);
    return tableCompletions(m?.result ?? null, lineText, params, doc.languageId === 'markdown', r.lang);
  });
}
