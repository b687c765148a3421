// Markdown structure: remark reads a skeleton of the document (structural lines and GFM blocks,
// prose left out), so headings, fences, lists and tables must come out exactly as in the original.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport } from '../../engine/index.ts';
import { splitGfmRow } from '../../engine/source/blocks.ts';
import { seed } from '../rules/harness.ts';

test('sections and tables of every seed are the same as .md and as .txt', () => {
  for (const n of [0, 1, 2, 3, 4]) {
    const { text } = seed(n);
    const md = parseReport(text, { fileName: 'r.md' }).report;
    const txt = parseReport(text, { fileName: 'r.txt' }).report;
    assert.deepEqual(md.sections.map((s) => [s.key, s.heading.line, s.heading.level]), txt.sections.map((s) => [s.key, s.heading.line, s.heading.level]), `seed ${n}`);
    for (const id of ['T2', 'T3', 'T4'] as const) {
      assert.deepEqual([...md.tables[id].cells.values()].map((c) => [c.id, c.start, c.value]), [...txt.tables[id].cells.values()].map((c) => [c.id, c.start, c.value]), `seed ${n} ${id}`);
    }
  }
});

test('a TAB after the #s is still a heading; TAB rows inside a fence are code, not a table', () => {
  const text = [
    '#\t某某局2021年政府信息公开工作年度报告', '', '##\t一、总体情况', '', '正文。', '',
    '```', '一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1', '```', '',
    '| 信息内容 | 本年制发件数 |', '|---|---|', '| 规章 | 0 |', '## 二、主动公开政府信息情况', '',
  ].join('\n');
  const { report, structure } = parseReport(text, { fileName: 'r.md' });
  assert.equal(report.title?.line, 0);
  assert.deepEqual(report.sections.map((s) => [s.key, s.heading.line]), [['s1', 2], ['s2', 13]]);
  assert.ok(structure.code.has(7), 'the TAB row inside the fence is code');
  assert.equal(report.tables.T3.status, 'missing', 'a fenced row is not table 3');
  assert.ok(structure.gridLines.has(10) && structure.gridLines.has(12), 'the GFM table is found by remark-gfm');
  assert.ok(!structure.gridLines.has(13), 'the heading after it is not a table row');
});

test('a multi-line HTML comment ends at its --> : the headings, code and lists after it are read', () => {
  const text = [
    '# 某某局2023年政府信息公开工作年度报告', '<!--', '草稿备注：第三部分待核', '-->', '',
    '## 一、总体情况', '正文。', '```', '## 二、不是标题', '```', '## 二、主动公开政府信息情况', '',
    '| 信息内容 | 本年制发件数 |', '|---|---|', '| 规章 | 0 |', '', '- 一项工作', '## 三、收到和处理政府信息公开申请情况',
  ].join('\n');
  const { structure } = parseReport(text, { fileName: 'r.md' });
  assert.deepEqual([...structure.headings.keys()], [0, 5, 10, 17]);
  assert.deepEqual([...structure.code], [7, 8, 9]);
  assert.deepEqual([...structure.bullets.keys()], [16]);
  assert.deepEqual(structure.grids.map((t) => [t.startLine, t.endLine]), [[12, 14]]);
});

test('GFM table extents are remark-gfm\'s: a quote ends one, a header not matching its delimiter is none', () => {
  const text = [
    '| 信息内容 | 本年制发件数 |', '|---|---|', '| 规章 | 0 |', '| 规范性文件 | 2 |', '> 注：单位 | 件', '',
    '| 信息内容 | 本年制发件数 |', '|---|---|---|', '| 规章 | 0 |', '',
    '- | 事项 | 件数 |', '  |---|---|', '  | 规章 | 0 |', '',
    '  | 事项 | 件数 |', '  | --- | --- |', '  | 规章 | 1 |',
  ].join('\n');
  const { structure } = parseReport(text, { fileName: 'r.md' });
  // The last table is indented under the list item two lines up: it is that item's, not the
  // document's (its raw lines are then read as pipe fragments).
  assert.deepEqual(structure.grids.map((t) => [t.startLine, t.endLine]), [[0, 3]]);
  assert.deepEqual(structure.grids[0].rows.map((r) => r.cells.map((c) => c.text)), [['信息内容', '本年制发件数'], ['规章', '0'], ['规范性文件', '2']]);
  assert.ok(!structure.bullets.has(10), 'a list marker before a table header is no bullet of the report');
});

test('the same skeleton in two documents: each gets its own lines and offsets', () => {
  const a = ['# 甲局2023年政府信息公开工作年度报告', '', '| 信息内容 | 本年制发件数 |', '|---|---|', '| 规章 | 0 |', '| 规范性文件 | 2 |'].join('\n');
  const b = ['前言一段。', '', '# 乙县人民政府办公室2023年政府信息公开工作年度报告', '正文。', '', '| 事项 | 件数 |', '| --- | --- |', '| 规章 | 5 |', '| 规范性文件 | 7 |', '| 其他 | 1 |'].join('\n');
  for (const [text, heading, table] of [[a, 0, [2, 5]], [b, 2, [5, 9]], [a, 0, [2, 5]]] as const) {
    const { structure } = parseReport(text, { fileName: 'r.md' });
    assert.deepEqual([...structure.headings.keys()], [heading]);
    const mark = structure.headings.get(heading)!;
    assert.equal(text.slice(mark.contentStart, mark.contentEnd), text.split('\n')[heading].slice(2));
    assert.deepEqual(structure.grids.map((t) => [t.startLine, t.endLine]), [table]);
  }
});

test('GFM cell counts: outer pipes optional, a backslash escapes the next character', () => {
  const gfmCellCount = (row: string) => splitGfmRow(row, 0).length;
  assert.equal(gfmCellCount('| a | b |'), 2);
  assert.equal(gfmCellCount('a | b'), 2);
  assert.equal(gfmCellCount('| a \\| b |'), 1);
  assert.equal(gfmCellCount('| a \\\\| b |'), 2);
  assert.equal(gfmCellCount('|  |'), 1);
  assert.equal(gfmCellCount('|'), 0);
  assert.equal(gfmCellCount('  |---|:-:|'), 2);
});
