// TEXT-CARRY (上年结转 → 二、上年结转·总计) and TEXT-FWD (结转下年度 → 四、结转下年度·总计).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, replaceLine } from '../harness.ts';
import { assertRange, columnOf, edit, lineText, SEED } from './text-helpers.ts';

describe('TEXT-CARRY', () => {
  const RULE = 'TEXT-CARRY';

  it('seed 000 "上年度结转信息公开申请1件" agrees with carry 1', () => {
    assert.deepEqual(findings(SEED[0], RULE), []);
    assert.deepEqual(findings(edit(0, 8, '申请1件', '申请一件'), RULE), []);
  });

  it('"上年度结转信息公开申请2件" against carry 1', () => {
    const text = edit(0, 8, '申请1件', '申请2件');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称上年结转 2 件，但表三“二、上年结转”·总计为 1');
    assertRange(text, f, 8, '2', columnOf(text, 8, '申请2件', 2));
    assert.equal(f.written, 2);
    assert.equal(f.computed, 1);
    assert.deepEqual(f.cell, { table: 'T3', row: 'carry', col: 'tot' });
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says 2 carried over, but table 3 II · Total is 1');
  });

  it('"上年结转的申请共两件" reads the Chinese numeral', () => {
    const text = edit(0, 8, '上年度结转信息公开申请1件', '上年结转的申请共两件');
    const [f] = findings(text, RULE);
    assert.equal(f.written, 2);
    assert.equal(text.slice(f.range.start, f.range.end), '两');
  });

  it('agreement with the sum of parts when 二、上年结转·总计 is wrong', () => {
    // 二、上年结转·总计 (line 100) 1 → 3; its parts sum to 1 = the prose.
    const text = replaceLine(SEED[0], 100, lineText(SEED[0], 100).replace('1', '3'));
    assert.deepEqual(findings(text, RULE), []);
    assert.equal(findings(text, 'T3-ROW-TOTAL').length, 1);
  });
});

describe('TEXT-FWD', () => {
  const RULE = 'TEXT-FWD';

  it('"结转下年度2件" against fwd 0: range on the digit', () => {
    const text = edit(0, 8, '均已妥善处理完毕', '结转下年度继续办理2件');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称结转下年度 2 件，但表三“四、结转下年度”·总计为 0');
    assertRange(text, f, 8, '2', columnOf(text, 8, '继续办理2件', 4));
    assert.equal(f.written, 2);
    assert.equal(f.computed, 0);
    assert.deepEqual(f.cell, { table: 'T3', row: 'fwd', col: 'tot' });
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says 2 carried forward, but table 3 IV · Total is 0');
  });

  it('"N件结转至下一年" form', () => {
    const text = edit(0, 8, '均已妥善处理完毕', '3件结转至下一年度办理');
    const [f] = findings(text, RULE);
    assert.equal(f.written, 3);
    assertRange(text, f, 8, '3', columnOf(text, 8, '3件结转', 0));
  });

  it('agrees: seed 003 carries 8 forward', () => {
    const text = replaceLine(SEED[3], 9, '(二) 依申请公开：本年度结转下年度的申请8件，其余均已办结。');
    assert.deepEqual(findings(text, RULE), []);
    assert.equal(findings(replaceLine(SEED[3], 9, '(二) 依申请公开：本年度结转下年度的申请7件。'), RULE).length, 1);
  });

  it('not confused with 上年结转 (TEXT-CARRY)', () => {
    assert.deepEqual(findings(SEED[0], RULE), []);
  });
});
