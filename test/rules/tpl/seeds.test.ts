// The TPL-* findings of each seed are exactly those of docs/spec/seeds.md (rule, line, range text and the
// detail it names), none of the forbidden ones. (Messages and docs pages of every rule:
// test/rules/registry.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, check } from '../../../engine/index.ts';
import { lineOf, seed } from '../harness.ts';

type Expect = [rule: string, line: number, text: string, message: string];
const EXPECTED: Record<number, Expect[]> = {
  0: [],
  1: [['TPL-TITLE', 1, '', '缺少标题行（<机关名称><年份>年政府信息公开工作年度报告）']],
  2: [['TPL-GOV-EXTRAS', 4, '一、总体情况', '人民政府年度报告应包括工作考核、社会评议、责任追究结果情况（《条例》第五十条第（四）项），正文未见']],
  3: [['TPL-PERIOD', 3, '淮阳区人民政府办公室 2023 年政府信息公开工作年度报告', '未说明统计期限（应为2023年1月1日至2023年12月31日）']],
  4: [
    ['TPL-PERIOD', 1, '汴东产业集聚区2021年政府信息公开工作年度报告', '未说明统计期限（应为2021年1月1日至2021年12月31日）'],
    ['TPL-S1-ASPECTS', 3, '#### 一、总体情况', '“总体情况”未涉及：政府信息管理（格式要求包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）'],
    ['TPL-S6-FEE', 79, '无', '第六部分未说明信息处理费收取情况（模板：“收取信息处理费情况在此处报告”）'],
  ],
};

const tpl = (n: number) => {
  const { name, text } = seed(n);
  return { text, fs: check(text, { fileName: name }).findings.filter((f) => f.rule.startsWith('TPL-')) };
};

for (const n of [0, 1, 2, 3, 4]) {
  test(`seed ${n}: TPL-* findings as docs/spec/seeds.md lists them`, () => {
    const { text, fs } = tpl(n);
    assert.deepEqual(fs.map((f) => [f.rule, lineOf(text, f.range.start), text.slice(f.range.start, f.range.end), f.message]), EXPECTED[n]);
    assert.deepEqual(fs.map((f) => f.severity), EXPECTED[n].map(() => 'warning'));
  });
}

test('seed 001: TPL-TITLE is an empty range at line 1, column 1, and its fix inserts the title', () => {
  const { text, fs } = tpl(1);
  assert.deepEqual(fs[0].range, { start: 0, end: 0 });
  assert.equal(fs[0].fix?.kind, 'unsafe');
  assert.equal(applyEdits(text, fs[0].fix!.edits).split('\n')[0], '曲阳街道2021年政府信息公开工作年度报告');
});

test('seeds 003 and 004: TPL-PERIOD inserts the statement of the report year right after the title', () => {
  for (const [n, year, titleLine] of [[3, 2023, 3], [4, 2021, 1]]) {
    const { text, fs } = tpl(n);
    const fixed = applyEdits(text, fs[0].fix!.edits).split('\n');
    assert.equal(fixed[titleLine - 1], text.split('\n')[titleLine - 1]);
    assert.equal(fixed[titleLine + 1], `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`);
  }
});

test('seeds: the forbidden TPL findings', () => {
  // 002: no TPL-DEADLINE (2021-03-04 ≤ 2021-03-31), no TPL-VERSION (2020 ↔ 2019), no TPL-S6-FEE /
  // TPL-S1-ASPECTS (2021 template only); no TPL-GOV-EXTRAS for departments, subdistricts, zones.
  const rules = (n: number) => tpl(n).fs.map((f) => f.rule);
  for (const r of ['TPL-DEADLINE', 'TPL-VERSION', 'TPL-S6-FEE', 'TPL-S1-ASPECTS']) assert.ok(!rules(2).includes(r), r);
  for (const n of [0, 1, 3, 4]) assert.ok(!rules(n).includes('TPL-GOV-EXTRAS'), `seed ${n}`);
  for (const n of [0, 1, 3]) assert.ok(!rules(n).includes('TPL-S6-FEE'), `seed ${n}`);
  assert.ok(!rules(1).includes('TPL-PERIOD'));
  // 002's date is read: move it past 31 March and TPL-DEADLINE speaks.
  const late = seed(2).text.replace('2021年3月4日', '2021年4月4日');
  assert.equal(check(late).findings.filter((f) => f.rule === 'TPL-DEADLINE').length, 1);
});
