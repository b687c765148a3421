// Every source feeds one model: each seed as text, as the Word document an agency would make of it,
// and as the web page that document exports to, gives the same findings; so does the Markdown draft
// imported from each form. Also the official 2021 template (.docx) and a saved page with its site
// chrome (test/fixtures/README.md says where each came from).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { check, parseReport, type CheckResult, type Finding } from '../../engine/index.ts';
import { toMarkdownDraft } from '../../engine/render/draft.ts';
import { readEntry, zipEntries } from '../../engine/source/zip.ts';
import { reportDocx } from '../helpers/forms.ts';
import { FORM_OPTIONS } from '../../scripts/fixtures/forms.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const SEEDS = readdirSync(`${FIXTURES}seeds`).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();

/**
 * Rules that judge how the text form was typed, which a document made in the official template does
 * not carry: OCR debris among the cells, header cells as they were typed (or truncated), and the
 * levels of Markdown `#` headings.
 */
const TYPING_RULES = new Set(['CELL-OCR-NOISE', 'STRUCT-TABLE-HEADER', 'STRUCT-HEADING-LEVEL']);

const key = (f: Finding) => [f.rule, f.severity, f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : '-', f.written, f.computed, f.message].join(' | ');
const keys = (r: CheckResult) => r.findings.filter((f) => !TYPING_RULES.has(f.rule)).map(key).sort();
const bytes = (file: string) => new Uint8Array(readFileSync(file));

for (const seed of SEEDS) {
  const n = seed.slice(0, 3);
  const text = check(readFileSync(`${FIXTURES}seeds/${seed}`, 'utf8'), { fileName: seed });

  test(`seed ${n}: its Word form gives the findings of its text`, () => {
    const docx = check(bytes(`${FIXTURES}forms/${n}.docx`), { fileName: `${n}.docx` });
    assert.equal(docx.report.source, 'docx');
    assert.deepEqual(Object.values(docx.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
    assert.deepEqual(keys(docx), keys(text));
    for (const f of docx.findings) assert.equal(f.location?.kind, 'docx', `${f.rule} has a Word location`);
  });

  test(`seed ${n}: its web page gives the findings of its text`, () => {
    const html = check(readFileSync(`${FIXTURES}forms/${n}.html`, 'utf8'), { fileName: `${n}.html` });
    assert.equal(html.report.source, 'html');
    assert.deepEqual(Object.values(html.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
    assert.deepEqual(keys(html), keys(text));
  });

  test(`seed ${n}: the Markdown draft imported from its Word form gives the same findings`, () => {
    const parsed = parseReport(bytes(`${FIXTURES}forms/${n}.docx`), { fileName: `${n}.docx` });
    const draft = toMarkdownDraft(parsed);
    assert.deepEqual(keys(check(draft, { fileName: `${n}.md` })), keys(text));
    // The draft is a fixed point: importing it again changes nothing.
    assert.equal(toMarkdownDraft(parseReport(draft, { fileName: `${n}.md` })), draft);
  });

  test(`seed ${n}: the committed Word form is what the form builder makes`, async () => {
    const document = (zip: Uint8Array) => new TextDecoder().decode(readEntry(zip, zipEntries(zip, 100).find((e) => e.name === 'word/document.xml')!, { left: 1e8 }));
    const built = await reportDocx(readFileSync(`${FIXTURES}seeds/${seed}`, 'utf8'), seed, FORM_OPTIONS[n]);
    assert.equal(document(new Uint8Array(built)), document(bytes(`${FIXTURES}forms/${n}.docx`)));
  });
}

test('the official 2021 template (.docx): all three tables bound, every value cell blank, no arithmetic finding', () => {
  const r = check(bytes(`${FIXTURES}docx/template-2021.docx`), { fileName: 'template-2021.docx' });
  assert.deepEqual(Object.values(r.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
  assert.equal(r.report.template, '2021');
  const cells = Object.values(r.report.tables).flatMap((t) => [...t.cells.values()]);
  assert.equal(cells.length, 10 + 25 * 7 + 15);
  assert.ok(cells.every((c) => c.state === 'blank'), 'blank, never 0');
  assert.ok(r.findings.some((f) => f.rule === 'CELL-EMPTY'));
  assert.deepEqual(r.findings.filter((f) => /^(T2|T3|T4)-/.test(f.rule)), []);
});

test('a saved page with its site chrome (GB2312): the report is found, its findings are the text form’s, at the page’s own places', () => {
  const file = `${FIXTURES}html/wgj-002.html`;
  const r = check(bytes(file), { fileName: 'wgj-002.html' });
  assert.equal(r.parsed.source.encoding, 'gb18030');
  assert.equal(r.report.title?.text, '2020年开发区·铁山区政府信息公开工作年度报告');
  assert.equal(r.report.year, 2020);
  const seed = check(readFileSync(`${FIXTURES}seeds/${SEEDS[2]}`, 'utf8'), { fileName: SEEDS[2] });
  assert.deepEqual(keys(r), keys(seed));
  assert.ok(!r.findings.some((f) => f.rule === 'TEXT-EXPORT-ARTIFACT'), 'markup is never an export artefact');
  // Navigation, breadcrumbs, the metadata box and the print bar are not the report.
  for (const chrome of ['近期信息公开', '索引号', '浏览次数', '关闭窗口', '无障碍浏览工具', '政民互动']) {
    assert.ok(!r.parsed.source.text.includes(chrome), `${chrome} is site chrome`);
  }
  const page = r.positions.text;
  const total = r.findings.find((f) => f.rule === 'T3-RESULT-TOTAL' && f.cell?.col === 'np')!;
  assert.equal(page.slice(total.range.start, total.range.end), '8', 'the range is the cell’s text in the page');
  assert.match(page.slice(total.range.start - 60, total.range.start), /<td|<p|<span|<font/);
});

test('findings of a Word document name the table, row and cell, with the text shown there', () => {
  const r = check(bytes(`${FIXTURES}forms/002.docx`), { fileName: '002.docx' });
  const total = r.findings.find((f) => f.rule === 'T3-RESULT-TOTAL' && f.cell?.col === 'np')!;
  // Row 25 of the 2019 form: three header rows, 一、二, the 20 result rows (（六）one row), then （七）; cell 3
  // of that row in Word's order: the merged 三、本年度办理结果 slot, the label, then 自然人.
  assert.deepEqual(total.location, { kind: 'docx', table: 2, row: 25, cell: 3, text: '8' });
  const heading = r.findings.find((f) => f.rule === 'STRUCT-HEADING-WORDING')!;
  assert.equal(heading.location?.kind, 'docx');
  assert.ok('paragraph' in heading.location! && heading.location.paragraph > 0);
  assert.ok(r.findings.every((f) => f.fix === null && f.fixes.length === 0), 'nothing in a Word document is fixed as text');
});
