// Converter-style Markdown in the shapes PDF-to-Markdown tools give it (test/fixtures/converter/,
// made by scripts/fixtures/converter-shapes.ts from the seeds): each gives its seed's findings but
// for the rules that judge how the text was typed, and reads each table cell for cell.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { check, parseReport, type CheckResult, type Finding } from '../../engine/index.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const TYPING = new Set(['CELL-OCR-NOISE', 'STRUCT-TABLE-HEADER', 'STRUCT-HEADING-LEVEL']);
const key = (f: Finding) => [f.rule, f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : '-', f.written, f.computed, f.message].join(' | ');
const keys = (r: CheckResult) => r.findings.filter((f) => !TYPING.has(f.rule)).map(key).sort();
const seedText = (n: string) => {
  const name = readdirSync(`${FIXTURES}seeds`).find((f) => f.startsWith(n) && f.endsWith('.txt'))!;
  return check(readFileSync(`${FIXTURES}seeds/${name}`, 'utf8'), { fileName: name });
};
const values = (r: CheckResult, id: 'T3' | 'T4') => Object.fromEntries([...r.report.tables[id].cells].map(([k, c]) => [k, c.raw]));

for (const [file, n] of [['split-003', '003'], ['pagebreak-002', '002'], ['wrapped-001', '001'], ['html-000', '000']] as const) {
  test(`${file}: every table bound cell for cell, and the findings of seed ${n}`, () => {
    const md = readFileSync(`${FIXTURES}converter/${file}.md`, 'utf8');
    const r = check(md, { fileName: `${file}.md` });
    const seed = seedText(n);
    assert.deepEqual(Object.values(r.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
    assert.deepEqual(values(r, 'T3'), values(seed, 'T3'));
    assert.deepEqual(values(r, 'T4'), values(seed, 'T4'));
    assert.deepEqual(keys(r), keys(seed));
    assert.equal(r.findings.filter((f) => f.rule === 'CELL-OCR-NOISE').length, 0, 'footers, running headers, generic headers and sub-headings are no noise');
  });
}

test('html-000: a cell read from an HTML table block points at its text in the Markdown', () => {
  const md = readFileSync(`${FIXTURES}converter/html-000.md`, 'utf8');
  const r = check(md, { fileName: 'html-000.md' });
  const extra = r.findings.find((f) => f.rule === 'CELL-EXTRA-TEXT')!;
  assert.equal(md.slice(extra.range.start, extra.range.end), '4\u3000\u3000');
  assert.match(md.slice(extra.range.start - 20, extra.range.start), /<td[^>]*>$/);
});

test('split-003: one small table’s header names the columns against the template; the values are read in the template’s order', () => {
  const md = readFileSync(`${FIXTURES}converter/split-003.md`, 'utf8');
  assert.match(md, /\| 内容\s+\| 总计\s+\| 自然人/, 'the fixture has the contradicting header');
  const r = check(md, { fileName: 'split-003.md' });
  assert.equal(r.report.tables.T3.cells.get('t3.r4_1.np')?.value, seedText('003').report.tables.T3.cells.get('t3.r4_1.np')?.value);
  assert.ok(!r.findings.some((f) => /^T3-/.test(f.rule)));
});

test('the converter fixtures are what their builder makes', async () => {
  const { execFileSync } = await import('node:child_process');
  const before = Object.fromEntries(['split-003', 'pagebreak-002', 'wrapped-001', 'html-000'].map((f) => [f, readFileSync(`${FIXTURES}converter/${f}.md`, 'utf8')]));
  execFileSync(process.execPath, ['--import', 'tsx', new URL('../../scripts/fixtures/converter-shapes.ts', import.meta.url).pathname]);
  for (const [f, text] of Object.entries(before)) assert.equal(readFileSync(`${FIXTURES}converter/${f}.md`, 'utf8'), text, f);
});

test('pagebreak-002: a paragraph a page break cut reads as one, the page number and running header left out; a heading before a page break stays a heading', () => {
  const md = readFileSync(`${FIXTURES}converter/pagebreak-002.md`, 'utf8');
  const lines = md.split('\n');
  const at = lines.indexOf('— 3 —');
  const [before, after] = [lines[at - 2], lines[at + 4]];
  const parsed = parseReport(md, { fileName: 'pagebreak-002.md' });
  const read = parsed.index.text;
  assert.ok(read.includes(before + after), 'the two parts are one paragraph');
  assert.ok(!read.includes('— 3 —'));
  const heading = lines[lines.indexOf('— 4 —') - 2];
  assert.ok(read.includes(heading + '\n'), 'the heading ends its line');
  assert.ok(parsed.report.sections.some((s) => heading.includes(s.heading.title.text)));
});
