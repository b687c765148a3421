// TEXT-NONE-RECEIVED ("未收到…申请" → 一、本年新收 = 0) and TEXT-ALL-DONE ("申请均已办结" →
// 四、结转下年度 = 0).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, replaceLine } from '../harness.ts';
import { assertRange, columnOf, lineText, SEED } from './text-helpers.ts';

describe('TEXT-NONE-RECEIVED', () => {
  const RULE = 'TEXT-NONE-RECEIVED';

  it('seed 001 "未收到依申请公开政府信息" agrees with new 0', () => {
    assert.deepEqual(findings(SEED[1], RULE), []);
  });

  it('"未收到政府信息公开申请" against new 7: range on the phrase, written 0, computed 7', () => {
    const text = replaceLine(SEED[0], 8, '2021年度，我办未收到政府信息公开申请。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称未收到申请，但表三“一、本年新收”·总计为 7');
    assertRange(text, f, 8, '未收到政府信息公开申请', columnOf(text, 8, '未收到', 0));
    assert.equal(f.written, 0);
    assert.equal(f.computed, 7);
    assert.deepEqual(f.cell, { table: 'T3', row: 'new', col: 'tot' });
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says no applications were received, but table 3 I · Total is 7');
  });

  it('a review application (复议/诉讼 in the gap) and 申请人 are not about table 3', () => {
    assert.deepEqual(findings(replaceLine(SEED[0], 8, '本年度未收到政府信息公开行政复议申请。'), RULE), []);
    assert.deepEqual(findings(replaceLine(SEED[0], 8, '本年度未接到申请人关于政府信息公开的投诉。'), RULE), []);
  });

  it('gate: outside s3/s4 without 公开 it is not read (may be licensing)', () => {
    assert.deepEqual(findings(replaceLine(SEED[0], 414, '本年度未受理行政许可申请。'), RULE), []);
    assert.equal(findings(replaceLine(SEED[0], 64, '本年度未受理行政许可申请。'), RULE).length, 1);
  });
});

describe('TEXT-ALL-DONE', () => {
  const RULE = 'TEXT-ALL-DONE';
  // Seed 003 carries 8 forward (四、结转下年度·总计, line 63).
  const line9 = lineText(SEED[3], 9);

  it('"申请均已按时办结" against fwd 8: range on the phrase, written 0, computed 8', () => {
    const text = replaceLine(SEED[3], 9, '(二) 依申请公开：本年度收到的政府信息公开申请均已按时办结。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称申请均已办结，但表三“四、结转下年度”·总计为 8');
    assertRange(text, f, 9, '均已按时办结', columnOf(text, 9, '均已按时办结', 0));
    assert.equal(f.written, 0);
    assert.equal(f.computed, 8);
    assert.deepEqual(f.cell, { table: 'T3', row: 'fwd', col: 'tot' });
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says all applications were completed, but table 3 carries 8 forward');
  });

  it('a sentence naming 结转/其余/剩余 may cover a subset: not read', () => {
    assert.ok(line9.startsWith('(二)'));
    for (const s of ['上年结转的申请均已办结', '其余申请均已办结', '剩余申请都已依法答复完毕']) {
      assert.deepEqual(findings(replaceLine(SEED[3], 9, `(二) 依申请公开：${s}。`), RULE), [], s);
    }
  });

  it('needs 申请 in the sentence', () => {
    // Both sentences pass the gate (公开); only the one naming 申请 is read.
    assert.equal(findings(replaceLine(SEED[3], 9, '(二) 依申请公开：来件均已及时办结。'), RULE).length, 1);
    assert.deepEqual(findings(replaceLine(SEED[3], 9, '(二) 政务公开：整改任务均已及时办结。'), RULE), []);
  });

  it('seed 002 "均办结" with fwd 0 (the contradiction inside table 3 is the table rules\' business)', () => {
    assert.deepEqual(findings(SEED[2], RULE), []);
  });
});
