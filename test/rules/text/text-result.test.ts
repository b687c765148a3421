// TEXT-RESULT: "N件" followed by an outcome keyword against the row (or group) of 三、本年度办理结果.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, replaceLine } from '../harness.ts';
import { assertRange, columnOf, edit, lineText, SEED } from './text-helpers.ts';

const RULE = 'TEXT-RESULT';

describe('TEXT-RESULT', () => {
  it('seed 000 line 8: 主动公开 2, 第三方 1, 非我办掌握 5 all agree', () => {
    assert.deepEqual(findings(SEED[0], RULE), []);
  });

  it('"3件已主动公开" against （一）予以公开 2: range on the digit, cell t3.r1.tot', () => {
    const text = edit(0, 8, '2件已主动公开', '3件已主动公开');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称主动公开 3 件，但表三（一）予以公开·总计为 2');
    assertRange(text, f, 8, '3', columnOf(text, 8, '3件已主动公开', 0));
    assert.equal(f.written, 3);
    assert.equal(f.computed, 2);
    assert.deepEqual(f.cell, { table: 'T3', row: 'r1', col: 'tot' });
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says 3 (主动公开), but table 3 (1) Disclosed · Total is 2');
  });

  it('reasons before verbs: "6件因申请信息非我办掌握而不予公开" is （四）1, not the group 不予公开', () => {
    const text = edit(0, 8, '剩余5件', '剩余6件');
    const [f] = findings(text, RULE);
    assert.equal(f.message, '正文称非我办掌握 6 件，但表三（四）1.本机关不掌握·总计为 5');
    assert.deepEqual(f.cell, { table: 'T3', row: 'r4_1', col: 'tot' });
    assertRange(text, f, 8, '6', columnOf(text, 8, '剩余6件', 2));
  });

  it('a group keyword sums its rows: 不予公开 = Σ（三）rows = 1; cell null', () => {
    const ok = edit(0, 8, '1件因可能侵犯第三方利益', '1件决定不予公开');
    assert.deepEqual(findings(ok, RULE), []);
    const text = edit(0, 8, '1件因可能侵犯第三方利益', '2件决定不予公开');
    const [f] = findings(text, RULE);
    assert.equal(f.message, '正文称不予公开 2 件，但表三（三）不予公开·总计为 1');
    assert.equal(f.cell, null);
    assert.equal(f.computed, 1);
    assert.equal(f.related.length, 8, 'the eight （三） rows');
  });

  it('clauses about topics (涉及, 内容, 关于) are skipped', () => {
    assert.deepEqual(findings(edit(0, 8, '1件因可能侵犯第三方利益', '3件涉及信访投诉事项'), RULE), []);
    assert.equal(findings(edit(0, 8, '1件因可能侵犯第三方利益', '3件属于信访投诉事项'), RULE).length, 1);
  });

  it('the keyword must follow within 20 characters', () => {
    const far = '1件经过多轮反复沟通并书面征询相关单位及个人的意见后认定属于第三方';
    assert.deepEqual(findings(edit(0, 8, '1件因可能侵犯第三方利益', far), RULE), []);
  });

  it('a clause matched by another TEXT pattern is not read for outcomes', () => {
    // "新收到2件…予以公开": TEXT-NEW reads the clause; its number is not an outcome.
    const text = edit(0, 8, '新收到7件政府信息公开申请', '新收到7件予以公开的申请');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('two counts in one clause: each reads only up to the next count', () => {
    const text = edit(0, 8, '1件因可能侵犯第三方利益', '2件予以公开1件不予公开');
    // 2 → r1 (2 agrees), 1 → group 不予公开 (1 agrees); without the window limit 2 would be 不予公开.
    assert.deepEqual(findings(text, RULE), []);
  });

  it('the tail of a larger number is not a count ("1,002件" is not 2, nor 1)', () => {
    assert.deepEqual(findings(edit(0, 8, '1件因可能侵犯第三方利益', '1,002件因可能侵犯第三方利益'), RULE), []);
  });

  it('agreement: a row total that differs from its parts is reported by the table rule only', () => {
    // （一）予以公开·总计 (line 110) 2 → 3; parts still sum to 2.
    const text = replaceLine(SEED[0], 110, lineText(SEED[0], 110).replace('2', '3'));
    assert.deepEqual(findings(text, RULE), []);
    assert.equal(findings(text, 'T3-ROW-TOTAL').length, 1);
  });

  it('2019 template: 其他处理 is the single row r6', () => {
    const text = replaceLine(SEED[2], 8, '在依申请公开方面，共受理依申请公开事项5件，其中2件作其他处理。');
    const [f] = findings(text, RULE);
    assert.equal(f.message, '正文称其他处理 2 件，但表三（六）其他处理·总计为 0');
    assert.deepEqual(f.cell, { table: 'T3', row: 'r6', col: 'tot' });
  });
});
