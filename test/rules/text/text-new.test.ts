// TEXT-NEW: "新收…N件" against 一、本年新收·总计; "收到/受理…申请N件" against new or new + carry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../engine/index.ts';
import { findings, replaceLine } from '../harness.ts';
import { assertRange, columnOf, edit, lineText, SEED } from './text-helpers.ts';

const RULE = 'TEXT-NEW';

describe('TEXT-NEW', () => {
  it('seed 000 "新收到7件" agrees with new 7: no finding', () => {
    assert.deepEqual(findings(SEED[0], RULE), []);
  });

  it('"新收到9件" against new 7: range on the digit, written 9, computed 7, cell t3.new.tot', () => {
    const text = edit(0, 8, '新收到7件', '新收到9件');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称新收申请 9 件，但表三“一、本年新收”·总计为 7');
    assert.equal(f.severity, 'warning');
    assertRange(text, f, 8, '9', columnOf(text, 8, '新收到9件', 3));
    assert.equal(f.written, 9);
    assert.equal(f.computed, 7);
    assert.deepEqual(f.cell, { table: 'T3', row: 'new', col: 'tot' });
    assert.equal(f.related.length, 1);
  });

  it('English message', () => {
    const text = edit(0, 8, '新收到7件', '新收到9件');
    const [f] = findings(text, RULE, { lang: 'en' });
    assert.equal(f.message, 'The text says 9 new applications, but table 3 I · Total is 7');
  });

  it('Chinese numerals: "新收到七件" agrees, "新收到十二件" is 12', () => {
    assert.deepEqual(findings(edit(0, 8, '新收到7件', '新收到七件'), RULE), []);
    const text = edit(0, 8, '新收到7件', '新收到十二件');
    const [f] = findings(text, RULE);
    assert.equal(f.written, 12);
    assertRange(text, f, 8, '十二', columnOf(text, 8, '新收到十二件', 3));
  });

  it('full-width digits are numbers: "新收到９件"', () => {
    const text = edit(0, 8, '新收到7件', '新收到９件');
    const [f] = findings(text, RULE);
    assert.equal(f.written, 9);
    assert.equal(text.slice(f.range.start, f.range.end), '９');
    assert.deepEqual(findings(edit(0, 8, '新收到7件', '新收到７件'), RULE), []);
  });

  it('收到 form agrees with new + carry (7 + 1 = 8), not with other numbers', () => {
    assert.deepEqual(findings(edit(0, 8, '新收到7件政府信息公开申请', '收到8件政府信息公开申请'), RULE), []);
    assert.deepEqual(findings(edit(0, 8, '新收到7件政府信息公开申请', '收到7件政府信息公开申请'), RULE), []);
    const text = edit(0, 8, '新收到7件政府信息公开申请', '受理政府信息公开申请10件');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0].message, '正文称收到申请 10 件，但表三本年新收为 7（加上年结转为 8）');
    assert.equal(fs[0].written, 10);
    assert.equal(fs[0].computed, 7);
    assertRange(text, fs[0], 8, '10', columnOf(text, 8, '申请10件', 2));
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says 10 applications received, but table 3 has 7 new (8 with carry-over)');
  });

  it('the most specific pattern wins: "新收到9件政府信息公开申请" is one 新收 finding, not also a 收到 one', () => {
    const fs = findings(edit(0, 8, '新收到7件', '新收到8件'), RULE);
    // 8 = new + carry would satisfy the 收到 reading, but the 新收 reading compares with new only.
    assert.equal(fs.length, 1);
    assert.match(fs[0].message, /^正文称新收申请 8 件/);
  });

  it('事项 counts only with a disclosure qualifier (受理各类事项 is 政务服务)', () => {
    assert.deepEqual(findings(replaceLine(SEED[0], 64, '本年度政务公开大厅受理各类事项9件。'), RULE), []);
    assert.equal(findings(replaceLine(SEED[0], 64, '本年度受理依申请公开事项9件。'), RULE).length, 1);
  });

  it('agreement: the table total is wrong but its parts sum to the prose number → only the table rule reports', () => {
    // 一、本年新收·总计 (line 91) 7 → 6; the parts still sum to 7.
    const text = replaceLine(SEED[0], 91, lineText(SEED[0], 91).replace('7', '6'));
    assert.deepEqual(findings(text, RULE), []);
    assert.equal(findings(text, 'T3-ROW-TOTAL').length, 1);
    // A number that is neither the written total nor the parts' sum is still reported.
    const [f] = findings(replaceLine(text, 8, lineText(text, 8).replace('新收到7件', '新收到5件')), RULE);
    assert.equal(f.computed, 6);
  });

  it('gate: a 受理申请 sentence outside s3/s4 without 公开 is not read; in s3, or with 公开, it is', () => {
    // Line 414 is in s6: "受理申请9件" may be licensing.
    assert.deepEqual(findings(replaceLine(SEED[0], 414, '本年度受理申请9件。'), RULE), []);
    assert.equal(findings(replaceLine(SEED[0], 414, '本年度受理政府信息公开申请9件。'), RULE).length, 1);
    // Line 64 is in s3 (before table 3): the section is enough.
    const [f] = findings(replaceLine(SEED[0], 64, '本年度受理申请9件。'), RULE);
    assert.equal(f.written, 9);
  });

  it('scope: s5 (plans) and table lines are not prose', () => {
    const plan = '下一步力争新收到9件政府信息公开申请当日办结。';
    assert.deepEqual(findings(replaceLine(SEED[0], 411, plan), RULE), []);
    assert.equal(findings(replaceLine(SEED[0], 64, plan), RULE).length, 1, 'the same sentence in s3 is read');
  });

  it('CRLF line ends: same finding, range still on the digit', () => {
    const text = edit(0, 8, '新收到7件', '新收到9件').replace(/\n/g, '\r\n');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    assert.equal(text.slice(fs[0].range.start, fs[0].range.end), '9');
    assert.equal(text.slice(fs[0].range.start - 3, fs[0].range.start), '新收到');
  });

  it('not assessed when the compared cell is not a number', () => {
    const text = edit(0, 8, '新收到7件', '新收到9件');
    const blank = replaceLine(text, 91, '\t-');
    assert.equal(check(blank, { fileName: 'report.txt' }).report.tables.T3.cells.get('t3.new.tot')?.state, 'placeholder');
    assert.deepEqual(findings(blank, RULE), []);
  });
});
