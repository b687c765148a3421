// TEXT-APPLICANT (issue 16): "其中自然人申请120件，法人或其他组织申请6件" against table 3 row 一's
// 自然人 column and its five organisation columns together (rows 一+二 with 含上年结转).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, replaceLine } from '../harness.ts';
import { assertRange, columnOf, edit, SEED } from './text-helpers.ts';

const RULE = 'TEXT-APPLICANT';
// Seed 003: 一、本年新收 自然人 103, every organisation 0, total 103; 二、上年结转 0 (lines 39–40).
const at71 = (s: string) => replaceLine(SEED[3], 71, s);
/** Seed 003 with 一、本年新收 written as 自然人 100, 商业企业 2, 法律服务机构 1 (total 103). */
const mixed = (s: string) => {
  const t = edit(3, 39, '103\t0\t0\t0\t0\t0\t103', '100\t2\t0\t0\t1\t0\t103');
  return replaceLine(t, 71, s);
};

describe('TEXT-APPLICANT', () => {
  it('自然人 and 法人或其他组织 agree with the table; wrong figures are found on their digits', () => {
    assert.deepEqual(findings(at71('本年度新收政府信息公开申请103件，其中自然人申请103件，法人或其他组织申请0件。'), RULE), []);
    const text = at71('本年度新收政府信息公开申请103件，其中自然人申请120件，法人或其他组织申请6件。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => f.message), [
      '正文称自然人申请 120 件，但表三“一、本年新收”·自然人为 103',
      '正文称法人或其他组织申请 6 件，但表三“一、本年新收”·法人或其他组织合计为 0',
    ]);
    assertRange(text, fs[0], 71, '120', columnOf(text, 71, '自然人申请120件', 5));
    assert.deepEqual(fs[0].cell, { table: 'T3', row: 'new', col: 'np' });
    assert.equal(fs[1].cell, null, 'five cells are summed');
    assert.equal(fs[1].related.length, 5);
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says 120 application(s) from natural persons, but table 3 I · Natural persons is 103');
  });

  it('the organisations are the five columns together: 法人申请3件 agrees with 2 + 1', () => {
    assert.deepEqual(findings(mixed('法人申请3件、自然人申请100件。'), RULE), []);
    assert.deepEqual(findings(mixed('法人申请2件、自然人申请100件。'), RULE).map((f) => f.message), ['正文称法人或其他组织申请 2 件，但表三“一、本年新收”·法人或其他组织合计为 3']);
  });

  it('counting words and Chinese numerals: 一百人次, 三份', () => {
    assert.deepEqual(findings(mixed('其中自然人申请一百人次，法人或其他组织申请三份。'), RULE), []);
    assert.equal(findings(mixed('其中自然人申请一百零五人次。'), RULE).length, 1);
  });

  it('含上年结转: rows 一 and 二 are summed', () => {
    const carry = edit(3, 40, '0\t0\t0\t0\t0\t0\t0', '2\t0\t0\t0\t0\t0\t2');
    const s = (n: number) => replaceLine(carry, 71, `本年度共收到政府信息公开申请105件（含上年结转2件），其中自然人申请${n}件。`);
    assert.deepEqual(findings(s(105), RULE), []);
    assert.deepEqual(findings(s(103), RULE).map((f) => f.message), ['正文称自然人申请 103 件，但表三“一、本年新收”加“二、上年结转”·自然人为 105']);
    // Without the phrase, row 一 alone.
    assert.equal(findings(replaceLine(carry, 71, '本年度新收政府信息公开申请103件，其中自然人申请105件。'), RULE).length, 1);
  });

  it('no reading: a joint count, a negation, a non-count 个, a sentence outside the gate', () => {
    assert.deepEqual(findings(at71('公民、法人或其他组织申请12件。'), RULE), []);
    assert.deepEqual(findings(at71('本年度未收到法人或其他组织申请2件以上的情况。'), RULE), []);
    assert.deepEqual(findings(at71('自然人申请3个工作日内予以答复。'), RULE), []);
    // s1 without 公开: an agency's own licensing caseload, not table 3.
    assert.deepEqual(findings(replaceLine(SEED[3], 13, '全年受理自然人申请120件。'), RULE), []);
  });
});
