// Editor features beyond diagnostics (issue 17), over stdio against the built server: hover order,
// quick fixes, recompute's report, folding, symbols, table formatting, code lenses, completion,
// detection of non-reports, HTML pages, cross-year checks, workspace checks.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { check, decode, displayWidth } from '../../engine/index.ts';
import { applyTextEdits, editsOf } from '../helpers/edits.ts';
import { ensureBuilt, ROOT, TestClient } from './lsp.ts';

export const SEED_PATH = (n: string) => join(ROOT, 'test/fixtures/seeds', n);
const SEED002 = readFileSync(SEED_PATH('002_c7925c89c326f8ac.txt'), 'utf8');
const EXPECTED = JSON.parse(readFileSync(SEED_PATH('002_c7925c89c326f8ac.expected.json'), 'utf8'));
const T3ROWS = EXPECTED.tables.T3.rows as Record<string, { values: number[]; lines: number[] }>;
const COLS = EXPECTED.tables.T3.columns as string[];
const lineOf = (row: string, col: string) => T3ROWS[row].lines[COLS.indexOf(col)] - 1;

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
    // Each related cell links to its line.
    const r1 = lineOf('r1', 'np') + 1;
    assert.match(md.slice(related), new RegExp(`予以公开.* = 4（\\[第 ${r1} 行\\]\\(file:///virtual/f-hover\\.txt#L${r1}\\)）`));
    // By default the diagnostic carries its related cells too (Neovim, other clients).
    const p = client.diagnostics.get(uri)!.at(-1)!;
    assert.ok(byRule(p.diagnostics, 'T3-RESULT-TOTAL').every((d) => d.relatedInformation?.length));
    await client.close(uri);
  });

  it("relatedInHover (VS Code): a total's diagnostic leaves its related cells to the hover, which lists them after the formula", async () => {
    const vs = await TestClient.start({ locale: 'zh-cn', initializationOptions: { debounceMs: 0, relatedInHover: true } });
    try {
      const uri = 'file:///virtual/f-hover-vs.txt';
      await vs.open(uri, SEED002, 'plaintext', 1);
      const p = await vs.waitForDiagnostics(uri, (x) => x.version === 1);
      const totals = p.diagnostics.filter((d) => d.code === 'T3-RESULT-TOTAL' || d.code === 'T3-BALANCE');
      assert.ok(totals.length >= 2, JSON.stringify(p.diagnostics.map((d) => d.code)));
      for (const d of totals) assert.equal(d.relatedInformation, undefined, `${d.code} ${d.message}`);
      const line = lineOf('r7', 'np');
      const hover = (await vs.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } })) as Hover;
      const md = (hover.contents as MarkupContent).value;
      assert.ok(md.indexOf('✗ 与写明的 8 不符') < md.indexOf('相关单元格'), md);
      assert.match(md, /予以公开·自然人 = 4（\[第 \d+ 行\]/);
    } finally {
      await vs.stop();
    }
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

const GFM002 = readFileSync(join(ROOT, 'test/fixtures/converted/002.pandoc-docx.gfm.md'), 'utf8');

describe('format table', () => {
  async function format(uri: string, text: string, languageId: string, line: number) {
    await openChecked(uri, text, languageId);
    const actions = await codeActions(uri, { start: { line, character: 0 }, end: { line, character: 0 } });
    return actions.find((a) => a.kind === 'refactor.rewrite.govreport.formatTable');
  }

  it('rewrites a converter-made GFM 表三 as an aligned canonical GFM table, values unchanged, idempotent', async () => {
    const uri = 'file:///virtual/f-format.md';
    const line = GFM002.split('\n').findIndex((l) => l.includes('（一）予以公开'));
    const action = await format(uri, GFM002, 'markdown', line);
    assert.ok(action, 'a format action inside 表三');
    assert.equal(action.title, '将表三排为规范表格');
    const text = applyTextEdits(GFM002, editsOf(action.edit!, uri));
    const before = check(GFM002, { languageId: 'markdown' });
    const after = check(text, { languageId: 'markdown' });
    for (const [id, c] of before.report.tables.T3.cells) assert.equal(after.report.tables.T3.cells.get(id)?.raw, c.raw, id);
    // Aligned: every row of the new table has its pipes at the same display columns.
    const rows = text.split('\n').filter((l) => l.includes('（一）予以公开') || l.includes('（七）总计') || l.startsWith('| -'));
    const pipes = (l: string) => { const out: number[] = []; let w = 0; for (const ch of l) { if (ch === '|') out.push(w); w += displayWidth(ch); } return out; };
    assert.ok(rows.length >= 3);
    for (const r of rows) assert.deepEqual(pipes(r), pipes(rows[0]), r);
    // Formatting again offers nothing: the table is canonical.
    await client.changeFull(uri, text, 2);
    await client.waitForDiagnostics(uri, (p) => p.version === 2);
    const line2 = text.split('\n').findIndex((l) => l.includes('（一）予以公开'));
    const again = await codeActions(uri, { start: { line: line2, character: 0 }, end: { line: line2, character: 0 } });
    assert.equal(again.filter((a) => a.kind === 'refactor.rewrite.govreport.formatTable').length, 0);
    const r = (await client.conn.sendRequest('workspace/executeCommand', { command: 'govreport.formatTable', arguments: [uri, 'T3'] })) as { applied: boolean; message: string };
    assert.deepEqual(r, { applied: false, edits: 0, message: '表三已是规范格式' });
    await client.close(uri);
  });

  it('rewrites one-cell-per-line 表三 of a text report as TAB rows through the command', async () => {
    const uri = 'file:///virtual/f-format.txt';
    await openChecked(uri, SEED002);
    const before = client.applyEditRequests.length;
    const r = (await client.conn.sendRequest('workspace/executeCommand', { command: 'govreport.formatTable', arguments: [uri, 'T3'] })) as { applied: boolean };
    assert.equal(r.applied, true);
    assert.equal(client.applyEditRequests.length - before, 1);
    const text = applyTextEdits(SEED002, editsOf(client.applyEditRequests.at(-1)!.edit, uri));
    const a = check(SEED002, { languageId: 'plaintext' }).report.tables.T3;
    const b = check(text, { languageId: 'plaintext' }).report.tables.T3;
    assert.equal(b.status, 'bound');
    assert.deepEqual(b.layout, ['L4']);
    for (const [id, c] of a.cells) assert.equal(b.cells.get(id)?.raw, c.raw, id);
    assert.ok(text.split('\n').some((l) => /^\t*（七）总计\t/.test(l.replace(/^\t+/, '')) || l.includes('（七）总计\t')));
    await client.close(uri);
  });
});

describe('outline, folding, lenses, completion', () => {
  it('folds each section and each table', async () => {
    const uri = 'file:///virtual/f-fold.txt';
    await openChecked(uri, SEED002);
    const ranges = (await client.conn.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as { startLine: number; endLine: number }[];
    const starts = ranges.map((r) => r.startLine);
    for (const k of ['s1', 's2', 's3', 's4', 's5', 's6']) assert.ok(starts.includes(EXPECTED.sections[k] - 1), k);
    const report = check(SEED002, { languageId: 'plaintext' });
    const index = report.parsed.index;
    for (const id of ['T2', 'T3', 'T4'] as const) {
      const t = report.report.tables[id];
      assert.ok(ranges.some((r) => r.startLine === index.lineAt(t.range.start) && r.endLine === index.lineAt(t.range.end)), id);
    }
    await client.close(uri);
  });

  it('lists in Markdown only what Markdown does not: tables, no second copy of the headings', async () => {
    const uri = 'file:///virtual/f-symbols.md';
    await openChecked(uri, GFM002, 'markdown');
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string; children?: unknown[] }[];
    assert.deepEqual(symbols.map((s) => s.name.split(' ')[0]), ['表二', '表三', '表四']);
    await client.close(uri);
  });

  it('puts a code lens above each table: its state, recompute, preview', async () => {
    const uri = 'file:///virtual/f-lens.txt';
    const p = await openChecked(uri, SEED002);
    const lenses = (await client.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }[];
    const t3Line = check(SEED002, { languageId: 'plaintext' }).parsed.index.lineAt(check(SEED002, { languageId: 'plaintext' }).report.tables.T3.range.start);
    const t3 = lenses.filter((l) => l.range.start.line === t3Line);
    const totals = p.diagnostics.filter((d) => ['T3-ROW-TOTAL', 'T3-LEGAL-SUBTOTAL', 'T3-RESULT-TOTAL', 'T3-BALANCE'].includes(String(d.code))).length;
    assert.ok(totals > 0);
    assert.match(t3[0].command.title, new RegExp(`^表三 · ${totals} 处合计不符`));
    assert.deepEqual(t3.map((l) => l.command.command), ['govreport.showPreview', 'govreport.recomputeTotals', 'govreport.showPreview']);
    assert.ok(t3.every((l) => l.command.arguments[0] === uri));
    assert.equal(lenses.filter((l) => l.command.title.startsWith('表四')).length, 1);
    await client.close(uri);
  });

  it('offers the table skeletons of the document\'s template when a line starts with 表三', async () => {
    const uri = 'file:///virtual/f-complete.md';
    const text = `${GFM002}\n表三`;
    await openChecked(uri, text, 'markdown');
    const line = text.split('\n').length - 1;
    const items = (await client.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 2 } })) as { label: string; textEdit: TextEdit }[];
    assert.equal(items.length, 1);
    assert.match(items[0].label, /^表三 政府信息公开申请情况表/);
    const inserted = applyTextEdits(text, [items[0].textEdit]);
    const t3 = check(inserted, { languageId: 'markdown' }).report.tables;
    // 002 is a 2019 report: the skeleton is the 2019 form (same rows as its own 表三, every cell blank).
    assert.ok(items[0].textEdit.newText.startsWith('表三　政府信息公开申请情况表\n\n| '));
    assert.ok(t3.T3.status !== 'missing');
    // Ordinary Markdown gets nothing.
    const other = 'file:///virtual/f-notes.md';
    await openChecked(other, '# 笔记\n\n表三');
    const none = await client.conn.sendRequest('textDocument/completion', { textDocument: { uri: other }, position: { line: 2, character: 2 } });
    assert.deepEqual(none, []);
    await client.close(uri);
    await client.close(other);
  });
});

describe('HTML pages', () => {
  it('a saved report page gets its diagnostics at line:column of the page, a page that is no report none', async () => {
    const bytes = readFileSync(join(ROOT, 'test/fixtures/html/wgj-002.html'));
    const decoded = decode(new Uint8Array(bytes));
    assert.ok(decoded.ok);
    const page = decoded.text;
    const uri = 'file:///virtual/f-page.html';
    const p = await openChecked(uri, page, 'html');
    const expected = check(page, { languageId: 'html', fileName: '/virtual/f-page.html', lang: 'zh' });
    assert.ok(expected.findings.length > 0);
    assert.equal(p.diagnostics.length, expected.findings.length);
    const total = p.diagnostics.find((d) => d.code === 'T3-RESULT-TOTAL' && /（七）总计·自然人 为 8/.test(String(d.message)));
    assert.ok(total, p.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
    // The range covers the page's own "8", in its own line numbering.
    const lines = page.split(/\r\n|\r|\n/);
    assert.equal(total.range.start.line, total.range.end.line);
    assert.equal(lines[total.range.start.line].slice(total.range.start.character, total.range.end.character), '8');
    // No report: a site's index page.
    const other = 'file:///virtual/f-index.html';
    const q = await openChecked(other, '<!doctype html><html><head><title>政务公开</title></head><body><ul><li><a href="a.html">2021年政府信息公开工作年度报告</a></li><li><a href="b.html">通知公告</a></li></ul></body></html>', 'html');
    assert.deepEqual(q.diagnostics, []);
    await client.close(uri);
    await client.close(other);
  });
});

describe('settings', () => {
  it('a rule id in govreport.rules that does not exist gets a warning naming the nearest real id, once per change', async () => {
    const c = await TestClient.start({ locale: 'zh-cn', initializationOptions: { debounceMs: 0 }, settings: { language: 'zh', rules: { 'T3-ROW-TOTL': 'off' } } });
    try {
      const warnings: string[] = [];
      c.conn.onNotification('window/showMessage', (m: { type: number; message: string }) => { if (m.type === 2) warnings.push(m.message); });
      const uri = 'file:///virtual/f-unknown-rule.txt';
      await c.open(uri, SEED003_R7, 'plaintext', 1);
      const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
      // The entry has no effect, and no diagnostic blames a .govreportrc.json for it.
      assert.ok(byRule(p.diagnostics, 'T3-ROW-TOTAL').length > 0);
      assert.equal(byRule(p.diagnostics, 'CONFIG-INVALID').length, 0);
      const until = Date.now() + 5000;
      while (!warnings.length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(warnings, ['设置 govreport.rules 中的规则“T3-ROW-TOTL”不存在（是否应为 T3-ROW-TOTAL？），此项未生效']);
      // Corrected: the rule is off, and nothing more is said.
      c.settings = { language: 'zh', rules: { 'T3-ROW-TOTAL': 'off' } };
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const q = await c.waitForDiagnostics(uri, (x) => !byRule(x.diagnostics, 'T3-ROW-TOTAL').length);
      assert.ok(q.diagnostics.length > 0);
      assert.equal(warnings.length, 1);
    } finally {
      await c.stop();
    }
  });
});

describe('cross-year checks', () => {
  const SEED000 = readFileSync(SEED_PATH('000_bb11c9eb4a4a9df5.txt'), 'utf8');
  /** Seed 000 (the agency's 2021 report) as its 2022 report, with 上年结转·自然人 0 and ·商业企业 2 (last year carried 0 forward). */
  const as2022 = () => {
    const lines = SEED000.split('\n');
    lines[0] = '烈山区人民政府办公室2022年政府信息公开工作年度报告';
    lines[2] = lines[2].replaceAll('2021年', '2022年');
    assert.deepEqual([lines[93], lines[94]], ['\t1', '\t0']);
    lines[93] = '\t0';
    lines[94] = '\t2';
    return lines.join('\n');
  };

  it('last year\'s report in the same folder (on disk, or open) is compared live: 上年结转 = 去年结转下年度', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-xyear-'));
    try {
      writeFileSync(join(dir, '2021.txt'), SEED000);
      writeFileSync(join(dir, 'notes.md'), '# 笔记\n');
      const uri = pathToFileURL(join(dir, '2022.txt')).href;
      await client.open(uri, as2022(), 'plaintext', 1);
      // Last year's file is read in the background; the report is checked again once it is known.
      const carry = (ds: Diagnostic[]) => byRule(ds, 'XYEAR-CARRY').map((d) => [d.range.start.line, d.message]);
      const p = await client.waitForDiagnostics(uri, (x) => carry(x.diagnostics).length > 0);
      assert.deepEqual(carry(p.diagnostics).map(([l]) => l), [94, 99]);
      assert.match(String(carry(p.diagnostics)[0][1]), /^上年结转·商业企业 为 2，但上一年度报告结转下年度·商业企业 为 0.*（上一年度报告：2021\.txt）$/);
      // Last year's report opened and edited (结转下年度·商业企业 0 → 2): this year's is compared with its text at once.
      const lastYear = pathToFileURL(join(dir, '2021.txt')).href;
      const lines = SEED000.split('\n');
      assert.equal(lines[342], '\t0');
      lines[342] = '\t2';
      await client.open(lastYear, lines.join('\n'), 'plaintext', 1);
      const q = await client.waitForDiagnostics(uri, (x) => carry(x.diagnostics).length === 1);
      assert.deepEqual(carry(q.diagnostics).map(([l]) => l), [99]);
      // The earlier year gets no cross-year findings of its own.
      const r = await client.waitForDiagnostics(lastYear, (x) => x.version === 1);
      assert.equal(r.diagnostics.filter((d) => String(d.code).startsWith('XYEAR-')).length, 0);
      await client.close(lastYear);
      await client.close(uri);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PDF in the server bundle', () => {
  it('a PDF of the workspace is read by the built server (pdfjs loaded from its own bundle on first use)', async () => {
    const uri = pathToFileURL(join(ROOT, 'test/fixtures/forms/002.pdf')).href;
    const r = (await client.conn.sendRequest('govreport/checkFiles', { uris: [uri] })) as { files: number; reports: number; problems: number };
    assert.deepEqual([r.files, r.reports], [1, 1]);
    const p = await client.waitForDiagnostics(uri);
    assert.ok(p.diagnostics.some((d) => d.code === 'T3-RESULT-TOTAL' && /（七）总计·自然人 为 8/.test(String(d.message))), p.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  });
});
