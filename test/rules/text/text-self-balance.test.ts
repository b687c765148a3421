// TEXT-SELF-BALANCE (issue 16): "受理25件，办结20件，结转3件" contradicts itself (受理 = 办结 + 结转,
// with 上年结转 when the sentence names it); no table needed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, replaceLine } from '../harness.ts';
import { edit, SEED } from './text-helpers.ts';

const RULE = 'TEXT-SELF-BALANCE';
// Seed 003: 新收 103, 上年结转 0, 总计 95, 结转 8; line 71 lies in s4.
const at71 = (s: string) => replaceLine(SEED[3], 71, s);

describe('TEXT-SELF-BALANCE', () => {
  it('受理 = 办结 + 结转 holds: no finding; 25 ≠ 20 + 3 is found over the figures', () => {
    assert.deepEqual(findings(at71('本年度受理政府信息公开申请103件，办结95件，结转下年度8件。'), RULE), []);
    const text = at71('本年度受理政府信息公开申请25件，办结20件，结转3件。');
    const [f, ...rest] = findings(text, RULE);
    assert.deepEqual(rest, []);
    assert.equal(f.message, '正文所述申请数前后不符：受理 25 件，但办结 20 件加结转 3 件为 23');
    assert.equal(text.slice(f.range.start, f.range.end), '25件，办结20件，结转3');
    assert.equal(f.cell, null);
    assert.equal(findings(text, RULE, { lang: 'en' })[0].message, 'The sentence does not add up: 25 received, but 20 completed + 3 carried forward = 23');
  });

  it('上年结转 + 新收 = 办结 + 结转; 受理 may already include the carry-over', () => {
    assert.deepEqual(findings(at71('上年结转政府信息公开申请2件，本年新收23件，办结20件，结转5件。'), RULE), []);
    const [f] = findings(at71('上年结转政府信息公开申请2件，本年新收23件，办结20件，结转3件。'), RULE);
    assert.equal(f.message, '正文所述申请数前后不符：上年结转 2 件加新收 23 件为 25，但办结 20 件加结转 3 件为 23');
    // 受理25件（含上年结转2件）: 25 = 22 + 3.
    assert.deepEqual(findings(at71('本年度受理政府信息公开申请25件（含上年结转2件），已办结22件，结转下年度3件。'), RULE), []);
  });

  it('Chinese numerals and counting words', () => {
    assert.deepEqual(findings(at71('本年度收到政府信息公开申请二十五份，办结二十二份，结转下年度三份。'), RULE), []);
    assert.equal(findings(at71('本年度收到政府信息公开申请二十五份，办结二十份，结转下年度三份。'), RULE).length, 1);
  });

  it('a carry-over the sentence leaves unsaid may be in the table: 受理 + 上年结转 also agrees', () => {
    const carry = edit(3, 40, '0\t0\t0\t0\t0\t0\t0', '2\t0\t0\t0\t0\t0\t2');
    assert.deepEqual(findings(replaceLine(carry, 71, '本年度受理政府信息公开申请23件，办结20件，结转5件。'), RULE), []);
    assert.equal(findings(replaceLine(carry, 71, '本年度受理政府信息公开申请23件，办结20件，结转6件。'), RULE).length, 1);
  });

  it('not read: a part missing, a figure stated twice, 上年结转 taken for the carry-forward', () => {
    assert.deepEqual(findings(at71('本年度受理政府信息公开申请25件，办结20件。'), RULE), []);
    assert.deepEqual(findings(at71('本年度受理政府信息公开申请25件，办结20件，其中已办结18件，结转3件。'), RULE), []);
    assert.deepEqual(findings(at71('办理上年度结转信息公开申请1件，办结20件。'), RULE), []);
  });

  it('runs on a report without tables too (pre-2019 outline)', () => {
    const text = ['2017年政府信息公开工作年度报告', '', '三、依申请公开政府信息情况', '', '本年度共受理政府信息公开申请25件，办结20件，结转3件。', ''].join('\n');
    assert.equal(findings(text, RULE).length, 1);
  });
});
