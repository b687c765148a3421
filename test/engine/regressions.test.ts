// Bugs found by the property tests, each kept as a test of its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseReport } from '../../engine/index.ts';
import { seed } from '../rules/harness.ts';

test('L2: a line without its leading TAB after a value is not a continuation of that value', () => {
  // Seed 002 lines 399–400 are "\t0" (T4 values); write line 400 as a bare full-width "０" (a bare
  // ASCII number there would be skipped as a PDF page number): it must not be glued to
  // the value above it as one cell spanning two lines; it is a value cell of its own.
  const lines = seed(2).text.split('\n');
  lines[399] = lines[399].replace(/^\t0/, '０');
  const text = lines.join('\n');
  const { report } = parseReport(text, { fileName: 'r.txt' });
  const t4 = report.tables.T4;
  assert.equal(t4.status, 'bound', 'the value on its own line is still one of the fifteen');
  assert.equal(t4.cells.size, 15);
  assert.deepEqual([...t4.cells.values()].filter((c) => c.raw === '０').map((c) => [c.id, c.value]), [['t4.rev.tot', 0]]);
  for (const cell of t4.cells.values()) {
    assert.equal(text.slice(cell.start, cell.end), cell.raw, `${cell.id} is the text at its range`);
    assert.ok(!cell.raw.includes('\n'));
  }
  // Wrapped labels still join: "商业" + "企业" in seed 000's header is one cell.
  assert.deepEqual(parseReport(seed(0).text, { fileName: 'r.txt' }).report.tables.T3.missingHeaderLabels, []);
});

test('an ATX heading inside a list item is an ATX heading (fuzz: STRUCT-HEADING-LEVEL crashed on it)', async () => {
  const { check } = await import('../../engine/index.ts');
  const lines = seed(4).text.split('\n');
  lines[27] = '- # 三、收到和处理政府信息公开申请情况'; // line 28, the s3 heading, now inside a list item
  const text = lines.join('\n');
  const { report, findings } = check(text, { fileName: 'r.md' });
  const s3 = report.sections.find((s) => s.key === 's3')!;
  assert.equal(s3.heading.kind, 'atx');
  assert.equal(s3.heading.level, 1);
  const level = findings.find((f) => f.rule === 'STRUCT-HEADING-LEVEL' && text.slice(0, f.range.start).split('\n').length === 28)!;
  assert.equal(text.slice(level.range.start, level.range.end), '#');
  assert.equal(level.fix?.edits[0].newText, '##');
});
