// remark reads a skeleton of a Markdown report, not the report: prose left out, heading words and
// table cells shaped away, runs of pipe-led rows one lone pipe, and one tree per distinct skeleton
// (structure.ts). Property: for documents made of blocks separated by blank lines, the headings,
// fenced code and GFM tables found that way are the ones remark-gfm finds in the whole document.
// Known and kept (so not generated): a table ends at the first line without a pipe, where GFM
// would read that line as one more row; a header and delimiter without any pipe ("项目" over "--:",
// a table for remark-gfm) are no table; and lines left out of the skeleton read as blank, so in a
// list item or a quote they no longer continue a paragraph lazily (documents here hold neither).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { parseReport } from '../../engine/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300); // cheap cases: more of them than the other properties
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const full = unified().use(remarkParse).use(remarkGfm);

interface Node {
  type: string;
  children?: Node[];
  position?: { start: { line: number; column: number }; end: { line: number } };
}

/** What remark-gfm sees in the whole text: heading lines, fenced code lines, top-level tables. */
function oracle(text: string) {
  const lines = text.split('\n');
  const headings: number[] = [];
  const code: number[] = [];
  const tables: [number, number][] = [];
  const walk = (n: Node, top: boolean) => {
    const p = n.position;
    if (p && n.type === 'heading') headings.push(p.start.line - 1);
    if (p && n.type === 'code' && /^ {0,3}(`{3,}|~{3,})/.test(lines[p.start.line - 1])) for (let l = p.start.line; l <= p.end.line; l++) code.push(l - 1);
    if (p && n.type === 'table' && top) {
      const line = lines[p.start.line - 1];
      if (p.start.column - 1 === line.length - line.trimStart().length) tables.push([p.start.line - 1, p.end.line - 1]);
    }
    for (const c of n.children ?? []) walk(c, n.type === 'root');
  };
  walk(full.parse(text) as Node, false);
  return { headings, code, tables };
}

const cellText = fc.constantFrom('a', '项目', ' ', '', '\\|', '\\\\', '`x|y`', '-', ':', '总计 0', '<b>', '\\');
const row = fc.tuple(fc.array(cellText, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 4 }))
  .map(([cells, lead, trail, indent]) => `${' '.repeat(indent)}${lead ? '|' : ''}${cells.join('|')}${trail ? '|' : ''}`);
const delimiterCell = fc.constantFrom('---', ':--', '--:', ':-:', ' - ', '-', '--x', '');
const delimiter = fc.tuple(fc.array(delimiterCell, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.boolean(), fc.integer({ min: 0, max: 4 }))
  .map(([cells, lead, trail, indent]) => `${' '.repeat(indent)}${lead ? '|' : ''}${cells.join('|')}${trail ? '|' : ''}`);
const otherRow = fc.constantFrom('# 标题 | x', '```|', '    | 缩进 |', '正文 | 0', '<!-- x | y -->', '***', '| a |\t1 |');
const LIST_START = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const withPipe = (a: fc.Arbitrary<string>) => a.filter((r) => r.includes('|') && !LIST_START.test(r));
const bodyRow = fc.oneof({ weight: 3, arbitrary: withPipe(row) }, { weight: 1, arbitrary: otherRow });
const tableBlock = fc.tuple(withPipe(row), withPipe(delimiter), fc.array(bodyRow, { maxLength: 6 })).map(([h, d, rows]) => [h, d, ...rows].join('\n'));
const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom('一、总体情况', '', ' x ##', '#', '\t标题', '二、主动公开 #', '> 引')).map(([n, t]) => `${'#'.repeat(n)}${t.startsWith('\t') || t === '' ? '' : ' '}${t}`);
const block = fc.oneof(
  { weight: 4, arbitrary: tableBlock },
  { weight: 2, arbitrary: heading },
  { weight: 1, arbitrary: fc.constantFrom('正文。', '```\n| a | b |\n|---|---|\n```', '<!--\n注释\n-->', '标题\n===', '说明 | 文字\n第二行\n---', '```') },
);
const documentOf = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('\n\n'));

test('headings, fenced code and GFM tables from the skeleton are remark-gfm\'s on the whole document', () => {
  fc.assert(
    fc.property(documentOf, (text) => {
      const expected = oracle(text);
      const { structure } = parseReport(text, { fileName: 'r.md' });
      assert.deepEqual(structure.grids.map((t) => [t.startLine, t.endLine]), expected.tables, 'tables');
      assert.deepEqual([...structure.headings.keys()].sort((a, b) => a - b), expected.headings, 'headings');
      assert.deepEqual([...structure.code].sort((a, b) => a - b), expected.code, 'fenced code');
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: true },
  );
});
