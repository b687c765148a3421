// TEXT-REVIEW (行政复议 → 表四行政复议·总计) and TEXT-LITIGATION (行政诉讼 → 直接起诉 + 复议后起诉).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, replaceLine } from '../harness.ts';
import { assertRange, columnOf, edit, lineText, SEED } from './text-helpers.ts';

describe('TEXT-REVIEW', () => {
  const RULE = 'TEXT-REVIEW';
  // Seed 003: 行政复议 keep 1, pend 2, total 3 (line 70); line 71 is s4 prose after table 4.

  it('"行政复议案件3件" agrees; "5件" does not (range on the digit, cell t4.rev.tot)', () => {
    assert.deepEqual(findings(replaceLine(SEED[3], 71, '本年度发生政府信息公开行政复议案件3件。'), RULE), []);
    const text = replaceLine(SEED[3], 71, '本年度发生政府信息公开行政复议案件5件。');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称行政复议 5 件，但表四行政复议·总计为 3');
    assertRange(text, f, 71, '5', columnOf(text, 71, '案件5件', 2));
    assert.equal(f.written, 5);
    assert.equal(f.computed, 3);
    assert.deepEqual(f.cell, { table: 'T4', row: 'rev', col: 'tot' });
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says 5 review(s), but table 4 review total is 3');
  });

  it('negative statement "未发生…行政复议" against a total of 3', () => {
    const text = replaceLine(SEED[3], 71, '本年度未发生政府信息公开行政复议案件。');
    const [f] = findings(text, RULE);
    assert.equal(f.message, '正文称未发生行政复议，但表四行政复议·总计为 3');
    assertRange(text, f, 71, '未发生政府信息公开行政复议', columnOf(text, 71, '未发生', 0));
    assert.equal(f.written, 0);
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says no reviews, but table 4 review total is 3');
  });

  it('statements of rights and 未经…复议 are not negatives', () => {
    assert.deepEqual(findings(replaceLine(SEED[3], 71, '申请人对答复不服而未获解决的，可依法申请行政复议。'), RULE), []);
    assert.deepEqual(findings(replaceLine(SEED[3], 71, '公开申请人未经行政复议直接提起诉讼的情形本年度没有发生。'), RULE), []);
  });

  it('seed 000 "未因依申请公开办理不妥而产生行政复议" agrees with 0', () => {
    assert.deepEqual(findings(SEED[0], RULE), []);
  });

  it('agreement with the parts when 行政复议·总计 is wrong', () => {
    const table = replaceLine(SEED[3], 70, lineText(SEED[3], 70).replace('1\t0\t0\t2\t3', '1\t0\t0\t2\t4'));
    const text = replaceLine(table, 71, '本年度发生政府信息公开行政复议案件3件。');
    assert.deepEqual(findings(text, RULE), []);
    assert.equal(findings(text, 'T4-SUM').length, 1);
  });

  it('gate: an agency\'s own review caseload in s1 without 公开 is not read', () => {
    assert.deepEqual(findings(replaceLine(SEED[3], 13, '全年办理行政复议案件120件。'), RULE), []);
    assert.equal(findings(replaceLine(SEED[3], 13, '全年办理政府信息公开行政复议案件120件。'), RULE).length, 1);
  });
});

describe('TEXT-LITIGATION', () => {
  const RULE = 'TEXT-LITIGATION';

  it('seed 002 "行政诉讼事件9次" = 0 direct + 9 after review', () => {
    assert.deepEqual(findings(SEED[2], RULE), []);
  });

  it('"行政诉讼事件7次" against 0 + 9: cell null, written 7, computed 9', () => {
    const text = edit(2, 9, '事件9次', '事件7次');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称行政诉讼 7 件，但表四未经复议直接起诉 0 件、复议后起诉 9 件，合计 9');
    assertRange(text, f, 9, '7', columnOf(text, 9, '事件7次', 2));
    assert.equal(f.cell, null);
    assert.equal(f.written, 7);
    assert.equal(f.computed, 9);
    assert.equal(f.related.length, 2);
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says 7 suit(s), but table 4 has 0 direct + 9 after review = 9');
  });

  it('negative statement against 9 suits', () => {
    const text = replaceLine(SEED[2], 9, '另外，本年度未发生因政府信息公开引发的行政诉讼。');
    const [f] = findings(text, RULE);
    assert.equal(f.written, 0);
    assert.equal(f.computed, 9);
    assertRange(text, f, 9, '未发生因政府信息公开引发的行政诉讼', columnOf(text, 9, '未发生', 0));
  });

  it('"行政复议和行政诉讼各1件" counts for both; "行政复议和行政诉讼共1件" is a combined count, read by neither', () => {
    const both = replaceLine(SEED[0], 408, '本年度发生政府信息公开行政复议和行政诉讼各1件。');
    assert.equal(findings(both, RULE).length, 1);
    assert.equal(findings(both, 'TEXT-REVIEW').length, 1);
    const combined = replaceLine(SEED[0], 408, '本年度发生政府信息公开行政复议和行政诉讼共1件。');
    assert.deepEqual(findings(combined, RULE), []);
    assert.deepEqual(findings(combined, 'TEXT-REVIEW'), []);
    const alone = replaceLine(SEED[0], 408, '本年度发生政府信息公开行政诉讼1件。');
    assert.equal(findings(alone, RULE).length, 1);
    assert.deepEqual(findings(alone, 'TEXT-REVIEW'), []);
  });

  it('a negated count ("行政诉讼案件无一起") is not the number 1', () => {
    assert.deepEqual(findings(replaceLine(SEED[0], 408, '本年度政府信息公开行政诉讼案件无一起。'), RULE), []);
    assert.equal(findings(replaceLine(SEED[0], 408, '本年度政府信息公开行政诉讼案件一起。'), RULE).length, 1);
  });

  it('seed 000 "未因…行政复议或行政诉讼" agrees with 0', () => {
    assert.deepEqual(findings(SEED[0], RULE), []);
  });
});

describe('table 4 prose: negations read by their scope, outcome counts against their cells', () => {
  // Seed 003: 行政复议 keep 1, fix 0, pend 2, total 3; no suits.
  it('"未发生行政复议被纠错、行政诉讼败诉" says 纠正 = 0, not that there was no review', () => {
    const text = replaceLine(SEED[3], 71, '全年未发生行政复议被纠错、行政诉讼败诉的情况。');
    assert.deepEqual(findings(text, 'TEXT-REVIEW'), []);
    assert.deepEqual(findings(text, 'TEXT-LITIGATION'), []);
    // "未发生行政复议" with a non-zero total is still an error.
    assert.equal(findings(replaceLine(SEED[3], 71, '全年未发生政府信息公开行政复议。'), 'TEXT-REVIEW').length, 1);
  });

  it('a corrected review against "未发生行政复议被纠错" is reported on the 纠正 cell', () => {
    const text = replaceLine(replaceLine(SEED[3], 70, '1\t1\t0\t1\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0'), 71, '全年未发生行政复议被纠错的情况。');
    const [f] = findings(text, 'TEXT-REVIEW');
    assert.equal(f.message, '正文称未发生行政复议被纠错，但表四行政复议·结果纠正为 1');
    assert.deepEqual(f.cell, { table: 'T4', row: 'rev', col: 'fix' });
  });

  it('"行政复议结果维持1件" is an outcome count: agrees with 结果维持, not compared with the total', () => {
    assert.deepEqual(findings(replaceLine(SEED[3], 71, '本年度政府信息公开行政复议结果维持1件，尚未审结2件。'), 'TEXT-REVIEW'), []);
    const [f] = findings(replaceLine(SEED[3], 71, '本年度政府信息公开行政复议结果维持2件。'), 'TEXT-REVIEW');
    assert.equal(f.message, '正文称行政复议结果维持 2 件，但表四行政复议·结果维持为 1');
  });
});

describe('table 4 prose: the two groups of suits, and outcome counts in the clauses after the keyword (issue 16)', () => {
  // Seed 002: no review, no direct suit; after review 9 suits, 维持 4, 尚未审结 5 (line 9 is s1 prose with 公开).
  const at9 = (s: string) => replaceLine(SEED[2], 9, s);
  const lit = (s: string) => findings(at9(s), 'TEXT-LITIGATION').map((f) => f.message);

  it('a total stated as 直接起诉 + 复议后起诉: each group against its own 总计', () => {
    assert.deepEqual(lit('本年度因政府信息公开引发行政诉讼9件，其中未经复议直接起诉0件、复议后起诉9件。'), []);
    assert.deepEqual(lit('本年度因政府信息公开引发行政诉讼9件，其中未经复议直接起诉2件、复议后起诉7件。'), [
      '正文称未经复议直接起诉 2 件，但表四未经复议直接起诉·总计为 0',
      '正文称复议后起诉 7 件，但表四复议后起诉·总计为 9',
    ]);
    const [f] = findings(at9('本年度因政府信息公开引发行政诉讼9件，其中复议后起诉7件。'), 'TEXT-LITIGATION');
    assert.deepEqual(f.cell, { table: 'T4', row: 'post', col: 'tot' });
    assert.equal(findings(at9('本年度因政府信息公开引发行政诉讼9件，其中复议后起诉7件。'), 'TEXT-LITIGATION', { lang: 'en' })[0].message, 'The text says 7 suit(s) in “Suits after review”, but table 4 has 9');
  });

  it('"经行政复议后起诉的1件" is a suit, never a review count; "行政诉讼复议后起诉9件" is a group, not the total', () => {
    assert.deepEqual(findings(at9('本年度政府信息公开工作中经行政复议后起诉9件。'), 'TEXT-REVIEW'), []);
    assert.deepEqual(lit('本年度政府信息公开行政诉讼复议后起诉9件。'), []);
  });

  it('outcome counts after the keyword: 其中维持4件、尚未审结5件 against both groups summed', () => {
    assert.deepEqual(lit('本年度因政府信息公开引发行政诉讼9件，其中维持4件、尚未审结5件。'), []);
    assert.deepEqual(lit('本年度因政府信息公开引发行政诉讼9件，其中维持5件，4件尚未审结。'), [
      '正文称行政诉讼结果维持 5 件，但表四结果维持：未经复议直接起诉 0 件、复议后起诉 4 件，合计 4',
      '正文称行政诉讼尚未审结 4 件，但表四尚未审结：未经复议直接起诉 0 件、复议后起诉 5 件，合计 5',
    ]);
    // After a named group, the outcome is that group's.
    assert.deepEqual(lit('本年度政府信息公开行政诉讼9件，其中复议后起诉9件，维持4件，尚未审结5件。'), []);
    assert.deepEqual(lit('本年度政府信息公开行政诉讼9件，其中复议后起诉9件，维持3件。'), ['正文称复议后起诉结果维持 3 件，但表四复议后起诉·结果维持为 4']);
  });

  it('review outcomes in later clauses; a negated clause is not read', () => {
    // Seed 003: 行政复议 keep 1, pend 2, total 3.
    const rev = (s: string) => findings(replaceLine(SEED[3], 71, s), 'TEXT-REVIEW').map((f) => f.message);
    assert.deepEqual(rev('本年度政府信息公开行政复议3件，其中维持1件、2件尚未审结。'), []);
    assert.deepEqual(rev('本年度政府信息公开行政复议3件，其中维持2件、纠正1件。'), [
      '正文称行政复议结果维持 2 件，但表四行政复议·结果维持为 1',
      '正文称行政复议结果纠正 1 件，但表四行政复议·结果纠正为 0',
    ]);
    assert.deepEqual(rev('本年度政府信息公开行政复议3件，无被纠正1件以上的情况。'), []);
    // Outcome counts before any keyword belong to nothing.
    assert.deepEqual(rev('维持2件，本年度政府信息公开行政复议3件。'), []);
  });
});
