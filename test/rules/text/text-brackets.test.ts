// TEXT-BRACKETS: unmatched brackets and quotes within one paragraph.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, replaceLine } from '../harness.ts';
import { assertRange, columnOf, lineText, SEED } from './text-helpers.ts';

const RULE = 'TEXT-BRACKETS';
const at = (text: string, fs: { range: { start: number; end: number } }[]) => fs.map((f) => text.slice(f.range.start, f.range.end));

describe('TEXT-BRACKETS', () => {
  it('seed 001 line 2: the "(" before https:// is never closed', () => {
    const fs = findings(SEED[1], RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '括号或引号不成对：“(”未闭合');
    assertRange(SEED[1], f, 2, '(', columnOf(SEED[1], 2, '(https://', 0));
    const [en] = findings(SEED[1], RULE, { lang: 'en' });
    assert.equal(en.message, 'Unbalanced bracket or quote: “(” is not closed');
  });

  it('closing the bracket resolves it; widths are interchangeable', () => {
    const l2 = lineText(SEED[1], 2);
    assert.deepEqual(findings(replaceLine(SEED[1], 2, l2.replace('专栏公布', '专栏）公布')), RULE), []);
    assert.deepEqual(findings(replaceLine(SEED[1], 2, l2.replace('专栏公布', '专栏)公布')), RULE), []);
  });

  it('every kind: 《》 “” 〔〕 【】, and a stray closer', () => {
    const text = replaceLine(SEED[0], 414, '依据《条例》和“国办函〔2020〕109号”【注】办理《方案。另见“说明。又见 例）。');
    assert.deepEqual(at(text, findings(text, RULE)), ['《', '“', '）']);
  });

  it('the closer of a leading ordinal does not count', () => {
    for (const l of ['1）加强组织领导。', '2)强化培训。', '一）完善制度。', '（1）健全机制。']) {
      assert.deepEqual(findings(replaceLine(SEED[0], 414, l), RULE), [], l);
    }
    assert.equal(findings(replaceLine(SEED[0], 414, '加强组织领导1）。'), RULE).length, 1);
  });

  it('plain text: a line is a paragraph; Markdown: lines of one paragraph pair up', () => {
    const text = replaceLine(replaceLine(SEED[3], 9, '(二) 依申请公开：按照“谁制作'), 10, '谁公开”的要求办理。');
    assert.deepEqual(at(text, findings(text, RULE)), ['“', '”']);
    assert.deepEqual(findings(text, RULE, { fileName: 'report.md' }), []);
    // A blank line ends a Markdown paragraph.
    const apart = replaceLine(replaceLine(SEED[3], 9, '(二) 依申请公开：按照“谁制作'), 11, '谁公开”的要求办理。');
    assert.equal(findings(apart, RULE, { fileName: 'report.md' }).length, 2);
  });

  it('tables and fenced code are not prose', () => {
    // Seed 003's T3 header note "(本列数据…)" is a table cell; seed 004 has OCR-broken table text.
    assert.deepEqual(findings(SEED[3], RULE), []);
    assert.deepEqual(findings(SEED[4], RULE), []);
    const code = replaceLine(replaceLine(replaceLine(SEED[0], 407, '```'), 408, '（未闭合'), 409, '```');
    assert.deepEqual(findings(code, RULE), []);
  });

  it('seeds 000 and 002 have balanced brackets everywhere', () => {
    assert.deepEqual(findings(SEED[0], RULE), []);
    assert.deepEqual(findings(SEED[2], RULE), []);
  });
});
