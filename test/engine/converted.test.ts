// Converter-made Markdown: the seeds' Word and web-page forms as a real converter (pandoc 2.17)
// writes them — GFM and pandoc tables with blank header rows and spacer columns, headings in bold or
// in inline HTML, Word's numbering as ordered lists, paragraphs hard-wrapped inside inline tags,
// values wrapped in markup. Each gives the findings of the seed's text form, but for what the
// converter itself did: the three rules that judge how a text was typed, TEXT-EXPORT-ARTIFACT for
// the inline HTML it leaves (info), and STRUCT-ORDINAL where Word's 一、 became Markdown's "1.".
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { check, type CheckResult, type Finding } from '../../engine/index.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const SEEDS = readdirSync(`${FIXTURES}seeds`).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
const CONVERTER_OWN = new Set(['CELL-OCR-NOISE', 'STRUCT-TABLE-HEADER', 'STRUCT-HEADING-LEVEL', 'TEXT-EXPORT-ARTIFACT']);
/** Seeds whose Word form numbers its sections with Word's own list numbering (scripts/fixtures/forms.ts). */
const NUMBERED = new Set(['000', '003']);

/**
 * What pandoc itself dropped, each checked in the converted file: the full-width-space padding of a
 * cell ("4　　" → "4"), and in its space-aligned tables the boundary between a label and a value
 * echoing it ("行政处罚 0" there cannot be told from two cells).
 */
const LOST: Record<string, { cells: string[]; proof: (md: string) => boolean }> = {
  '000.pandoc-html.gfm.md': { cells: ['T2.norm.made'], proof: (md) => !md.includes('4\u3000\u3000') },
  '004.pandoc-docx.md': { cells: ['T2.penalty.decisions', 'T2.enforce.decisions', 'T2.fee.amount'], proof: (md) => /行政处罚 {2,}行政处罚 0/.test(md) },
};

const key = (f: Finding) => [f.rule, f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : '-', f.written, f.computed, f.message].join(' | ');
const keys = (r: CheckResult, drop: Set<string>) => r.findings.filter((f) => !drop.has(f.rule)).map(key).sort();

for (const seed of SEEDS) {
  const n = seed.slice(0, 3);
  const text = check(readFileSync(`${FIXTURES}seeds/${seed}`, 'utf8'), { fileName: seed });
  for (const form of ['pandoc-docx.gfm.md', 'pandoc-docx.md', 'pandoc-html.gfm.md']) {
    test(`seed ${n} through pandoc (${form}): every table bound, the findings of the text form`, () => {
      const file = `${FIXTURES}converted/${n}.${form}`;
      const r = check(readFileSync(file, 'utf8'), { fileName: file });
      assert.deepEqual(Object.values(r.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
      const drop = new Set([...CONVERTER_OWN, ...(NUMBERED.has(n) && !form.startsWith('pandoc-html') ? ['STRUCT-ORDINAL'] : [])]);
      const lost = LOST[`${n}.${form}`];
      if (lost) assert.ok(lost.proof(readFileSync(file, 'utf8')), 'pandoc did drop it');
      // A finding names its cell, or (one cause over several cells) lists them as related cells.
      const cellsOf = (f: Finding) => (f.cell ? [f.cell] : f.related.flatMap((x) => (x.cell ? [x.cell] : []))).map((c) => `${c.table}.${c.row}.${c.col}`);
      const expected = text.findings.filter((f) => !(f.rule === 'CELL-EXTRA-TEXT' && lost && cellsOf(f).every((c) => lost.cells.includes(c))));
      assert.deepEqual(keys(r, drop), keys({ ...text, findings: expected }, drop));
      if (drop.has('STRUCT-ORDINAL')) assert.equal(r.findings.filter((f) => f.rule === 'STRUCT-ORDINAL').length, 6, 'the six "1." ordinals');
      assert.equal(r.findings.filter((f) => f.rule === 'CELL-OCR-NOISE').length, 0, 'delimiter rows, spacer columns and prose are no noise');
    });
  }
}

test('a hard-wrapped paragraph is read as one line, and its findings land on the document’s own characters', () => {
  const file = `${FIXTURES}converted/002.pandoc-html.gfm.md`;
  const md = readFileSync(file, 'utf8');
  const r = check(md, { fileName: file });
  assert.equal(r.report.title?.text, '2020年开发区· 铁山区政府信息公开工作年度报告', 'a title wrapped inside an inline tag');
  assert.equal(r.report.period?.startYear, 2020, 'a period statement broken up by inline tags');
  const total = r.findings.find((f) => f.rule === 'T3-RESULT-TOTAL' && f.cell?.col === 'np')!;
  assert.equal(md.slice(total.range.start, total.range.end), '8');
});
