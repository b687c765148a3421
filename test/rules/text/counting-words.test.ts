// Counting words beyond 件 and Chinese numerals (issue 16), across the prose-vs-table rules: each
// form is read where the sentence ties the number to the compared quantity, and 个 only where it
// ends the count ("3个工作日", "3个部门" are no counts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../engine/index.ts';
import { replaceLine } from '../harness.ts';
import { SEED } from './text-helpers.ts';

// Seed 003: 新收 103, 上年结转 0, 结转下年度 8, （四）1 本机关不掌握 90; 行政复议 3 (维持 1, 尚未审结 2),
// no suit. Line 71 lies in s4.
const text = (s: string) => replaceLine(SEED[3], 71, s);
const said = (s: string) => check(text(s), { fileName: 'r.txt' }).findings.filter((f) => f.rule.startsWith('TEXT-')).map((f) => `${f.rule} ${f.written}`);

describe('counting words and Chinese numerals', () => {
  const cases: [string, string, string][] = [
    // [rule, a sentence the table supports, the same sentence with a wrong number]
    ['TEXT-NEW', '本年度新收政府信息公开申请103条。', '本年度新收政府信息公开申请105条。'],
    ['TEXT-NEW', '本年度收到政府信息公开申请一百零三份。', '本年度收到政府信息公开申请一百零五份。'],
    ['TEXT-NEW', '本年度新收政府信息公开申请103人次。', '本年度新收政府信息公开申请130人次。'],
    ['TEXT-NEW', '本年度新收政府信息公开申请103宗。', '本年度新收政府信息公开申请13宗。'],
    ['TEXT-NEW', '本年度新收政府信息公开申请103个。', '本年度新收政府信息公开申请100个。'],
    ['TEXT-FWD', '结转下年度继续办理的申请八件。', '结转下年度继续办理的申请十二件。'],
    ['TEXT-CARRY', '上年结转政府信息公开申请零件。', '上年结转政府信息公开申请两件。'],
    ['TEXT-RESULT', '其中90份申请因本机关不掌握相关政府信息而无法提供。', '其中9份申请因本机关不掌握相关政府信息而无法提供。'],
    ['TEXT-REVIEW', '全年发生政府信息公开行政复议三起。', '全年发生政府信息公开行政复议十二起。'],
    ['TEXT-REVIEW', '政府信息公开行政复议案件3例。', '政府信息公开行政复议案件5例。'],
    ['TEXT-REVIEW', '政府信息公开行政复议案件三个。', '政府信息公开行政复议案件五个。'],
    ['TEXT-LITIGATION', '政府信息公开行政诉讼零宗。', '政府信息公开行政诉讼两宗。'],
  ];
  for (const [rule, right, wrong] of cases) {
    it(`${rule}: "${wrong}" is read, "${right}" agrees`, () => {
      assert.deepEqual(said(right), []);
      assert.deepEqual(said(wrong).filter((x) => x.startsWith(`${rule} `)).length, 1, said(wrong).join('; '));
    });
  }

  it('个 that does not end a count is never read', () => {
    assert.deepEqual(said('收到政府信息公开申请3个工作日内予以答复。'), []);
    assert.deepEqual(said('新收政府信息公开申请涉及3个部门。'), []);
    assert.deepEqual(said('政府信息公开行政复议涉及5个单位。'), []);
  });
});
