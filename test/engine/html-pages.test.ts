// Real report pages and the shapes real pages give a report: a published report's own CMS markup
// in its portal's page (test/fixtures/html/sh-2019.html, see the fixtures README), and each seed's
// web page rewritten the ways government sites write theirs — each binds every table and gives
// the findings of the seed's text form, with no finding about markup.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { check, type CheckResult, type Finding } from '../../engine/index.ts';
import { PAGE_VARIANTS, pageVariant } from '../helpers/pages.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const bytes = (file: string) => new Uint8Array(readFileSync(file));
/** Rules about markup or typing that a page never deserves. */
const MARKUP_RULES = ['TEXT-EXPORT-ARTIFACT', 'CELL-OCR-NOISE'];

test('a real published report page (2019, Shanghai, GB2312): every table bound from its CMS markup, no invented finding', () => {
  const r = check(bytes(`${FIXTURES}html/sh-2019.html`), { fileName: 'sh-2019.html' });
  assert.equal(r.parsed.source.encoding, 'gb18030');
  assert.equal(r.report.title?.text, '2019年上海市人民政府办公厅政府信息公开工作年度报告');
  assert.equal(r.report.year, 2019);
  assert.equal(r.report.template, '2019');
  assert.deepEqual(Object.values(r.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
  const value = (table: 'T2' | 'T3' | 'T4', id: string) => r.report.tables[table].cells.get(id)?.value;
  // Numbers as the page prints them, in cells of every shape the page has: a header whose spans
  // differ from its data rows' (第（五）项), `<p>` inside every `<td>`, `&nbsp;` for blanks, a
  // 20-row rowspan, a value with its unit (251000元).
  assert.equal(value('T2', 't2.norm.total'), 368);
  assert.equal(value('T2', 't2.purchase.amount'), 251000);
  assert.equal(value('T3', 't3.new.tot'), 859);
  assert.equal(value('T3', 't3.r7.np'), 767);
  assert.equal(value('T3', 't3.fwd.tot'), 72);
  assert.equal(value('T4', 't4.dir.tot'), 9);
  assert.equal(r.report.tables.T3.cells.get('t3.r1.tot')?.state, 'blank', 'a &nbsp; cell is blank, never 0');
  // The report adds up; what it leaves blank is said as blank (info), nothing else.
  assert.deepEqual([...new Set(r.findings.map((f) => `${f.severity} ${f.rule}`))], ['info CELL-EMPTY']);
  for (const chrome of ['索引号', '主题分类', '打印本页', '信息公开文件', '无障碍']) assert.ok(!r.parsed.source.text.includes(chrome), `${chrome} is site chrome`);
  assert.ok(!r.findings.some((f) => MARKUP_RULES.includes(f.rule)));
});

const SEEDS = readdirSync(`${FIXTURES}seeds`).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
/** As in forms.test.ts: rules that judge how a text form was typed, which a page made from the Word form does not carry. */
const TYPING_RULES = new Set(['CELL-OCR-NOISE', 'STRUCT-TABLE-HEADER', 'STRUCT-HEADING-LEVEL']);
const key = (f: Finding) => [f.rule, f.severity, f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : '-', f.written, f.computed, f.message].join(' | ');
const keys = (r: CheckResult) => r.findings.filter((f) => !TYPING_RULES.has(f.rule)).map(key).sort();

for (const seed of SEEDS) {
  const n = seed.slice(0, 3);
  const text = check(readFileSync(`${FIXTURES}seeds/${seed}`, 'utf8'), { fileName: seed });
  const form = readFileSync(`${FIXTURES}forms/${n}.html`, 'utf8');
  for (const variant of PAGE_VARIANTS) {
    test(`seed ${n} as a ${variant} page: every table bound, the findings of its text, none about markup`, () => {
      const r = check(pageVariant(form, variant), { fileName: `${n}-${variant}.html` });
      assert.equal(r.report.source, 'html');
      assert.deepEqual(Object.values(r.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
      assert.deepEqual(keys(r), keys(text));
      // No noise among the cells; an export artefact only where the text has it too ("[bookmark: _GoBack]" of seed 000).
      const of = (x: CheckResult, rule: string) => x.findings.filter((f) => f.rule === rule).map((f) => f.message);
      assert.deepEqual(of(r, 'CELL-OCR-NOISE'), []);
      assert.deepEqual(of(r, 'TEXT-EXPORT-ARTIFACT'), of(text, 'TEXT-EXPORT-ARTIFACT'));
    });
  }
}
