// engine/explain.ts: the formula of a total cell with the values of its parts (used by hover).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainCell } from '../../engine/explain.ts';
import { parseReport, LineIndex } from '../../engine/index.ts';
import { ROOT } from './lsp.ts';

const SEED = join(ROOT, 'test/fixtures/seeds/002_c7925c89c326f8ac.txt');
const TEXT = readFileSync(SEED, 'utf8');
const EXPECTED = JSON.parse(readFileSync(SEED.replace(/\.txt$/, '.expected.json'), 'utf8'));
const T4 = EXPECTED.tables.T4.cells as Record<string, { value: number; line: number }>;
const T3 = EXPECTED.tables.T3 as { columns: string[]; rows: Record<string, { values: number[]; lines: number[] }> };

/** Offset of the first non-blank character of a 1-based line (where the seed's one-cell lines hold their value). */
function offsetOfLine(text: string, line1: number): number {
  const l = new LineIndex(text).lines[line1 - 1];
  return l.start + (l.text.length - l.text.trimStart().length);
}

it('explains a table-4 group total with its four parts', () => {
  const { report } = parseReport(TEXT, { languageId: 'plaintext' });
  const e = explainCell(report, offsetOfLine(TEXT, T4['t4.post.tot'].line), 'zh');
  assert.ok(e);
  assert.equal(e.label, '复议后起诉·总计');
  assert.equal(e.written, T4['t4.post.tot'].value);
  assert.equal(e.formulas.length, 1);
  const [f] = e.formulas;
  assert.equal(f.kind, 'review-total');
  assert.deepEqual(f.parts.map((p) => [p.id, p.value]), ['keep', 'fix', 'other', 'pend'].map((c) => [`t4.post.${c}`, T4[`t4.post.${c}`].value]));
  const sum = ['keep', 'fix', 'other', 'pend'].reduce((s, c) => s + T4[`t4.post.${c}`].value, 0);
  assert.equal(f.sum, sum);
  assert.equal(f.text, `总计 = 结果维持 ${T4['t4.post.keep'].value} + 结果纠正 ${T4['t4.post.fix'].value} + 其他结果 ${T4['t4.post.other'].value} + 尚未审结 ${T4['t4.post.pend'].value} = ${sum}`);
});

it('explains （七）总计 of a column in English, listing only the non-zero results', () => {
  const { report } = parseReport(TEXT, { languageId: 'plaintext' });
  const np = T3.columns.indexOf('np');
  const e = explainCell(report, offsetOfLine(TEXT, T3.rows.r7.lines[np]), 'en');
  assert.ok(e);
  assert.equal(e.label, '(7) Total · Natural persons');
  assert.deepEqual(e.formulas.map((f) => f.kind), ['result-total']);
  const items = Object.keys(T3.rows).filter((k) => !['new', 'carry', 'r7', 'fwd'].includes(k));
  assert.equal(e.formulas[0].parts.length, items.length);
  assert.equal(e.formulas[0].text, `(7) Total = (1) Disclosed ${T3.rows.r1.values[np]} = ${T3.rows.r1.values[np]} (${items.length - 1} other item(s) are 0)`);
});

it('counts a placeholder part as 0 and says so; a cell that is no total has no explanation', () => {
  const lines = TEXT.split('\n');
  const biz = T3.columns.indexOf('biz');
  const slashLine = T3.rows.r1.lines[biz] - 1;
  assert.equal(lines[slashLine].trim(), '0');
  lines[slashLine] = '\t/';
  const text = lines.join('\n');
  const { report } = parseReport(text, { languageId: 'plaintext' });
  const tot = T3.columns.indexOf('tot');
  const e = explainCell(report, offsetOfLine(text, T3.rows.r1.lines[tot]), 'zh');
  assert.ok(e);
  const [row] = e.formulas;
  assert.equal(row.kind, 'row-total');
  assert.equal(row.substituted, 1);
  assert.equal(row.parts[1].state, 'placeholder');
  assert.match(row.text, /商业企业 （占位符，按 0 计）/);
  assert.equal(row.sum, T3.rows.r1.values.slice(0, 6).reduce((s, v) => s + v, 0));
  assert.equal(explainCell(report, offsetOfLine(text, T3.rows.r1.lines[0]), 'zh'), null);
  assert.equal(explainCell(report, 0, 'zh'), null);
});
