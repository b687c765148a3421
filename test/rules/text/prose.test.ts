// The shared prose helpers: numbers, scope, sentences and clauses, the gate, resolution.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../engine/index.ts';
import { clauses, gated, matchAll, N, parseNumber, quantity, resolve, sentences, type Sentence } from '../../../engine/rules/text/prose.ts';
import { matchNew } from '../../../engine/rules/text/text-new.ts';
import { replaceLine } from '../harness.ts';
import { SEED } from './text-helpers.ts';

const ctxOf = (text: string) => {
  const r = check(text, { fileName: 'report.txt' });
  return { text, report: r.report, index: r.parsed.index, structure: r.parsed.structure, prose: r.parsed.prose };
};
const sentence = (text: string, section: Sentence['section'] = 's1'): Sentence => ({ start: 100, end: 100 + text.length, text, section });

describe('prose helpers', () => {
  it('parseNumber: ASCII, full-width, Chinese numerals below 10000', () => {
    assert.equal(parseNumber('12'), 12);
    assert.equal(parseNumber('１２'), 12);
    assert.equal(parseNumber('七'), 7);
    assert.equal(parseNumber('两'), 2);
    assert.equal(parseNumber('十二'), 12);
    assert.equal(parseNumber('一百零五'), 105);
    assert.equal(parseNumber('九千九百九十九'), 9999);
    assert.equal(parseNumber('零'), 0);
    assert.equal(parseNumber('二〇二一'), 2021);
    assert.equal(parseNumber('万'), undefined);
  });

  it('N reads a whole number and gives its offsets', () => {
    const [h] = matchAll(sentence('共新收到 12 件'), `新收到${N}件`, 'x', 0);
    assert.equal(h.num!.value, 12);
    assert.equal(h.num!.start, 100 + 5, "after 共新收到 and a space");
    assert.equal(h.num!.end, 100 + 7);
  });

  it('sentences split at 。！？； and line ends; clauses further at ，,：:', () => {
    const s = sentence('甲，乙:丙,丁：戊');
    assert.deepEqual(clauses(s).map((c) => c.text), ['甲', '乙', '丙', '丁', '戊']);
    assert.deepEqual(clauses(s).map((c) => c.start), [100, 102, 104, 106, 108]);
    const ctx = ctxOf(SEED[0]);
    const line8 = sentences(ctx).filter((x) => ctx.index.lineAt(x.start) === 7);
    assert.equal(line8.length, 3);
    for (const x of line8) assert.equal(ctx.text.slice(x.start, x.end), x.text);
    assert.ok(line8[2].text.startsWith('全年未因'));
  });

  it('scope: preamble, s1–s4, s6; not s5, tables, headings', () => {
    const ctx = ctxOf(SEED[0]);
    const lines = new Set(sentences(ctx).map((s) => ctx.index.lineAt(s.start) + 1));
    assert.ok(lines.has(3), 'preamble');
    assert.ok(lines.has(8), 's1');
    assert.ok(lines.has(414), 's6');
    for (const l of [1, 4, 63, 85, 91, 392, 411, 412]) assert.ok(!lines.has(l), `line ${l}`);
    assert.equal(sentences(ctx).find((s) => ctx.index.lineAt(s.start) === 7)!.section, 's1');
    assert.equal(sentences(ctx).find((s) => ctx.index.lineAt(s.start) === 2)!.section, null);
  });

  it('fenced code is not prose', () => {
    const text = replaceLine(replaceLine(replaceLine(SEED[0], 407, '```'), 408, '新收到9件申请'), 409, '```');
    const ctx = ctxOf(text);
    assert.ok(!sentences(ctx).some((s) => s.text.includes('新收到9件')));
  });

  it('HTML comments are not prose (directives, notes)', () => {
    const hidden = replaceLine(SEED[0], 64, '<!-- 新收到9件政府信息公开申请 -->');
    assert.deepEqual(check(hidden, { fileName: 'report.txt' }).findings.filter((f) => f.rule === 'TEXT-NEW'), []);
    const shown = replaceLine(SEED[0], 64, '新收到9件政府信息公开申请');
    assert.equal(check(shown, { fileName: 'report.txt' }).findings.filter((f) => f.rule === 'TEXT-NEW').length, 1);
  });

  it('gate: s3/s4, or 公开 in the sentence', () => {
    assert.equal(gated(sentence('受理申请9件', 's1')), false);
    assert.equal(gated(sentence('受理申请9件', 's3')), true);
    assert.equal(gated(sentence('受理申请9件', 's4')), true);
    assert.equal(gated(sentence('受理政府信息公开申请9件', null)), true);
  });

  it('resolve: the most specific pattern wins at a number', () => {
    const hits = matchNew(sentence('新收到7件政府信息公开申请'));
    assert.deepEqual(hits.map((h) => h.form).sort(), ['new', 'received']);
    assert.deepEqual(resolve(hits).map((h) => h.form), ['new']);
  });

  it('quantity: written total and the sum of its parts are both supported', () => {
    const text = replaceLine(SEED[0], 91, '\t6');
    const q = quantity(ctxOf(text).report, ['t3.new.tot']);
    assert.equal(q!.value, 6);
    assert.deepEqual([...q!.supported].sort(), [6, 7]);
    const both = quantity(ctxOf(text).report, ['t3.new.tot', 't3.carry.tot']);
    assert.deepEqual([...both!.supported].sort(), [7, 8]);
  });
});
