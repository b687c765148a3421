// T4-SUM, T4-NONNEG-INT, T4-POST-WITHOUT-REVIEW: failing and passing examples from the seeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFixResolves, findings, lineOf, replaceLine, seed } from '../harness.ts';

const s002 = seed(2).text;
const s003 = seed(3).text; // T4 on line 70: 1 0 0 2 3 | 0 0 0 0 0 | 0 0 0 0 0
const t4Row = (v: (number | string)[]) => v.join('\t');

test('T4-SUM: a group total that is not the sum of its four outcomes', () => {
  const text = replaceLine(s003, 70, t4Row([1, 0, 0, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  const [f] = findings(text, 'T4-SUM');
  assert.equal(f.message, '行政复议·总计 为 4，但结果维持、结果纠正、其他结果、尚未审结之和为 3');
  assert.deepEqual(f.cell, { table: 'T4', row: 'rev', col: 'tot' });
  assert.equal(lineOf(text, f.range.start), 70);
  assert.equal(text.slice(f.range.start, f.range.end), '4');
  assert.equal(f.fix?.title, '将行政复议·总计改为 3');
  assert.deepEqual(f.related.map((r) => r.label), ['行政复议·结果维持', '行政复议·尚未审结']);
  assert.equal(findings(text, 'T4-SUM', { lang: 'en' })[0].message, 'Administrative review · total is 4, but upheld + corrected + other + pending sum to 3');
  assertFixResolves(text, f);
  assert.deepEqual(findings(s003, 'T4-SUM'), []);
  assert.deepEqual(findings(s002, 'T4-SUM'), [], 'seed 002: 4 + 0 + 0 + 5 = 9');
});

test('T4-NONNEG-INT: a negative case count', () => {
  const text = replaceLine(s003, 70, t4Row([1, 0, 0, 2, 3, 0, 0, 0, 0, 0, 0, -1, 0, 0, -1]));
  const fs = findings(text, 'T4-NONNEG-INT');
  assert.deepEqual(fs.map((f) => f.message), ['复议后起诉·结果纠正 为 -1，案件数应为非负整数', '复议后起诉·总计 为 -1，案件数应为非负整数']);
  assert.deepEqual(findings(s003, 'T4-NONNEG-INT'), []);
});

test('T4-POST-WITHOUT-REVIEW: seed 002 has 9 suits after review and no review', () => {
  const [f] = findings(s002, 'T4-POST-WITHOUT-REVIEW');
  assert.equal(f.severity, 'info');
  assert.equal(lineOf(s002, f.range.start), 410);
  assert.deepEqual([f.written, f.computed], [9, 0]);
  assert.equal(f.message, '复议后起诉 9 件，但本年行政复议为 0；如相关复议系上年度申请等情形属正常，请核实');
  assert.deepEqual(findings(s003, 'T4-POST-WITHOUT-REVIEW'), [], 'seed 003 has reviews and no suits');
});
