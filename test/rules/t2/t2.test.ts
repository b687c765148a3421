// T2-* rules (docs/spec/rules.md §4): a failing and a passing example per rule, written by hand from the
// seeds (000/002 one cell per TAB line, 003 TSV rows, 004 OCR TSV), with messages in zh and en
// and the cell the range points at.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../../engine/finding.ts';
import { lineOf, replaceLine, seed } from '../harness.ts';
import { t2Findings as findings } from './run.ts';

const s000 = seed(0).text;
const s002 = seed(2).text; // 2019 template, county-level government
const s003 = seed(3).text; // 2021, department
const s004 = seed(4).text; // 2021, zone, fee header "保留4位小数"
const TAB = '\t';
const at = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);
const row003 = (label: string, ...values: string[]) => [label, ...values].join(TAB);

test('T2-NONNEG-INT: a negative count, a fractional count', () => {
  for (const n of [0, 1, 2, 3, 4]) assert.deepEqual(findings(seed(n).text, 'T2-NONNEG-INT'), [], `seed ${n}`);
  const neg = replaceLine(s000, 32, '\t-3');
  const [f] = findings(neg, 'T2-NONNEG-INT');
  assert.equal(f.message, '行政规范性文件·现行有效件数 为 -3，应为非负整数');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.cell, { table: 'T2', row: 'norm', col: 'valid' });
  assert.equal(f.written, -3);
  assert.equal(lineOf(neg, f.range.start), 32);
  assert.equal(at(neg, f), '-3');
  assert.equal(f.fix, null);
  assert.equal(findings(neg, 'T2-NONNEG-INT', { lang: 'en' })[0].message, 'Normative documents · in force is -3; it must be a non-negative integer');
  const frac = replaceLine(s003, 22, row003('行政规范性文件', '2.5', '0', '18'));
  const [g] = findings(frac, 'T2-NONNEG-INT');
  assert.equal(g.message, '行政规范性文件·本年制发件数 为 2.5，应为非负整数');
  assert.equal(at(frac, g), '2.5');
});

test('T2-NONNEG-INT: amounts may be fractional but not negative; a 2019 delta may be negative but whole', () => {
  const fee = (v: string) => replaceLine(s003, 32, row003('行政事业性收费', v, '', ''));
  assert.deepEqual(findings(fee('1.25'), 'T2-NONNEG-INT'), []);
  const [f] = findings(fee('-1.5'), 'T2-NONNEG-INT');
  assert.equal(f.message, '行政事业性收费·本年收费金额 为 -1.5，金额不能为负');
  assert.equal(findings(fee('-1.5'), 'T2-NONNEG-INT', { lang: 'en' })[0].message, 'Fees · amount (10k yuan) is -1.5; an amount cannot be negative');
  // 002 line 91: 行政事业性收费 本年增/减 −2 is fine ("减用负值表示").
  assert.deepEqual(findings(s002, 'T2-NONNEG-INT'), []);
  const half = replaceLine(s002, 91, '\t-2.5');
  const [g] = findings(half, 'T2-NONNEG-INT');
  assert.equal(g.message, '行政事业性收费·本年增/减 为 -2.5，应为整数');
  assert.equal(findings(half, 'T2-NONNEG-INT', { lang: 'en' })[0].message, 'Fees · change is -2.5; it must be an integer');
  assert.equal(lineOf(half, g.range.start), 91);
  assert.deepEqual(g.cell, { table: 'T2', row: 'fee', col: 'delta' });
});

test('T2-FEE-UNIT: 元 in the 2021 万元 column', () => {
  const fee = (v: string) => replaceLine(s003, 32, row003('行政事业性收费', v, '', ''));
  for (const v of ['0', '0.35', '0.35万元']) assert.deepEqual(findings(fee(v), 'T2-FEE-UNIT'), [], v);
  const text = fee('3500元');
  const [f] = findings(text, 'T2-FEE-UNIT');
  assert.equal(f.message, '行政事业性收费·本年收费金额 写有“元”，而本栏单位为万元，疑似按元填报');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(text, f.range.start), 32);
  assert.equal(at(text, f), '3500元');
  assert.equal(findings(text, 'T2-FEE-UNIT', { lang: 'en' })[0].message, 'Fees · amount (10k yuan) says “元” but the column is in 万元 (10,000 yuan); entered in yuan?');
  assert.equal(findings(fee('0.1亿元'), 'T2-FEE-UNIT')[0].message, '行政事业性收费·本年收费金额 写有“亿元”，而本栏单位为万元，疑似按元填报');
  // The 2019 procurement amount in 元 is a stated unit, not this rule's business.
  assert.deepEqual(findings(replaceLine(s002, 103, '\t251000元'), 'T2-FEE-UNIT'), []);
});

test('T2-FEE-DECIMALS: more decimals than the header asks for (004: 保留4位小数)', () => {
  // 004 line 26 holds the fee as "行政事业性收费 0" (a label echo); keep the echo, change the number.
  const fee = (v: string) => replaceLine(s004, 26, s004.split('\n')[25].replace('行政事业性收费 0', `行政事业性收费 ${v}`));
  for (const v of ['0', '0.1234', '12']) assert.deepEqual(findings(fee(v), 'T2-FEE-DECIMALS'), [], v);
  const text = fee('0.12345');
  const [f] = findings(text, 'T2-FEE-DECIMALS');
  assert.equal(f.message, '行政事业性收费·本年收费金额 有 5 位小数，表头要求保留 4 位');
  assert.equal(f.severity, 'info');
  assert.equal(lineOf(text, f.range.start), 26);
  assert.equal(at(text, f), '行政事业性收费 0.12345');
  assert.equal(findings(text, 'T2-FEE-DECIMALS', { lang: 'en' })[0].message, 'Fees · amount (10k yuan) has 5 decimals; the header asks for 4');
  // Without a stated limit (003's national header) nothing is checked.
  assert.deepEqual(findings(replaceLine(s003, 32, row003('行政事业性收费', '0.123456', '', '')), 'T2-FEE-DECIMALS'), []);
});

test('T2-VALID-GE-NET: fewer in force than made minus repealed', () => {
  assert.deepEqual(findings(s003, 'T2-VALID-GE-NET'), []); // 18 ≥ 10 (docs/spec/seeds.md 003)
  assert.deepEqual(findings(replaceLine(s003, 22, row003('行政规范性文件', '10', '2', '8')), 'T2-VALID-GE-NET'), []);
  const text = replaceLine(s003, 22, row003('行政规范性文件', '10', '0', '8'));
  const [f] = findings(text, 'T2-VALID-GE-NET');
  assert.equal(f.message, '行政规范性文件现行有效件数 8 少于本年制发 10 减本年废止 0（10）');
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.cell, { table: 'T2', row: 'norm', col: 'valid' });
  assert.equal(lineOf(text, f.range.start), 22);
  assert.equal(at(text, f), '8');
  assert.equal(findings(text, 'T2-VALID-GE-NET', { lang: 'en' })[0].message, 'Normative documents: 8 in force is less than 10 made minus 0 repealed (10)');
  // Not assessed when a cell is not a number.
  assert.deepEqual(findings(replaceLine(s003, 22, row003('行政规范性文件', '10', '/', '8')), 'T2-VALID-GE-NET'), []);
});

test('T2-REGULATION-AUTHORITY: 规章 reported by a zone or a county-level government', () => {
  for (const n of [0, 1, 2, 3, 4]) assert.deepEqual(findings(seed(n).text, 'T2-REGULATION-AUTHORITY'), [], `seed ${n}`);
  // 004 is 汴东产业集聚区 (zone); line 15 is 规章.
  const text = replaceLine(s004, 15, s004.split('\n')[14].replace(`规章${TAB}0${TAB}0${TAB}0`, `规章${TAB}0${TAB}2${TAB}3`));
  const [f] = findings(text, 'T2-REGULATION-AUTHORITY');
  assert.equal(f.message, '本机关无规章制定权，但“规章”行填有数字，请核实');
  assert.equal(f.severity, 'info');
  assert.deepEqual(f.cell, { table: 'T2', row: 'reg', col: 'repealed' });
  assert.equal(lineOf(text, f.range.start), 15);
  assert.equal(findings(text, 'T2-REGULATION-AUTHORITY', { lang: 'en' })[0].message, 'This agency cannot make 规章 (rules), yet the 规章 row has numbers; please check');
  // 002: 开发区· 铁山区, a county-level government (2019 template, line 28 = 规章 本年新公开数量).
  const gov = replaceLine(s002, 28, '\t1');
  assert.equal(findings(gov, 'T2-REGULATION-AUTHORITY').length, 1);
  // A department (003, 淮阳区人民政府办公室) is not judged: it may report its government's 规章.
  assert.deepEqual(findings(replaceLine(s003, 21, row003('规章', '1', '0', '1')), 'T2-REGULATION-AUTHORITY'), []);
});

test('T2-2019-NEW-LE-TOTAL: newly published above the total published', () => {
  assert.deepEqual(findings(s002, 'T2-2019-NEW-LE-TOTAL'), []); // 23 ≤ 25
  const text = replaceLine(s002, 33, '\t30');
  const [f] = findings(text, 'T2-2019-NEW-LE-TOTAL');
  assert.equal(f.message, '规范性文件本年新公开数量 30 大于对外公开总数量 25');
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.cell, { table: 'T2', row: 'norm', col: 'pub' });
  assert.equal(lineOf(text, f.range.start), 33);
  assert.equal(at(text, f), '30');
  assert.equal(findings(text, 'T2-2019-NEW-LE-TOTAL', { lang: 'en' })[0].message, 'Normative documents: newly published 30 exceeds the total published 25');
  assert.deepEqual(findings(replaceLine(s002, 33, '\t25'), 'T2-2019-NEW-LE-TOTAL'), []);
});

test('T2-2019-DELTA-BOUND: a decrease larger than last year’s items', () => {
  assert.deepEqual(findings(s002, 'T2-2019-DELTA-BOUND'), []); // 6 − 2 = 4 …
  assert.deepEqual(findings(replaceLine(s002, 91, '\t-6'), 'T2-2019-DELTA-BOUND'), []); // 0 is fine
  const text = replaceLine(s002, 91, '\t-7');
  const [f] = findings(text, 'T2-2019-DELTA-BOUND');
  assert.equal(f.message, '行政事业性收费上一年项目数量 6 加本年增/减 -7 为 -1，项目数不能为负');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.cell, { table: 'T2', row: 'fee', col: 'delta' });
  assert.equal(lineOf(text, f.range.start), 91);
  assert.equal(at(text, f), '-7');
  assert.equal(findings(text, 'T2-2019-DELTA-BOUND', { lang: 'en' })[0].message, "Fees: last year's 6 plus the change -7 is -1; a count cannot be negative");
});

test('T2-2019-PURCHASE-UNIT: a bare procurement amount under a header without unit', () => {
  assert.deepEqual(findings(s002, 'T2-2019-PURCHASE-UNIT'), []); // 988.2576万
  assert.deepEqual(findings(replaceLine(s002, 103, '\t251000元'), 'T2-2019-PURCHASE-UNIT'), []);
  assert.deepEqual(findings(replaceLine(s002, 103, '\t0'), 'T2-2019-PURCHASE-UNIT'), []);
  const text = replaceLine(s002, 103, '\t988.2576');
  const [f] = findings(text, 'T2-2019-PURCHASE-UNIT');
  assert.equal(f.message, '政府集中采购·采购总金额 未注明金额单位（元或万元）');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(text, f.range.start), 103);
  assert.equal(at(text, f), '988.2576');
  assert.equal(findings(text, 'T2-2019-PURCHASE-UNIT', { lang: 'en' })[0].message, 'Central procurement · total amount has no currency unit (元 or 万元)');
  // A header naming the unit makes a bare number fine (docs/spec/format.md §4).
  const header = replaceLine(text, 98, '\t采购总金额（万元）');
  assert.deepEqual(findings(header, 'T2-2019-PURCHASE-UNIT'), []);
});

test('T2-2019-* rules follow table 2’s own version, not the report year', () => {
  // 002 retitled 2021: its table 2 is still the 2019 form (TPL-VERSION reports that) and is checked as such.
  const text = replaceLine(replaceLine(s002, 1, '2021年开发区· 铁山区政府信息公开工作年度报告'), 33, '\t30');
  assert.equal(findings(text, 'T2-2019-NEW-LE-TOTAL').length, 1);
});

test('T2-*: nothing on an unparseable table 2', () => {
  const neg = replaceLine(s003, 21, row003('规章', '-1', '0', '0'));
  assert.equal(findings(neg, 'T2-NONNEG-INT').length, 1);
  // 行政规范性文件's three values run together (docs/spec/layouts.md §3): the table is refused.
  const text = replaceLine(neg, 22, row003('行政规范性文件', '10018'));
  assert.deepEqual(findings(text, 'T2-NONNEG-INT'), []);
});
