// The seeds' TEXT-* expectations (docs/spec/seeds.md): exactly the listed findings, none of the forbidden
// ones — and the forbidden statements are really read (the patterns match them and agree), so the
// "no finding" is not just a pattern that never fired.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../engine/index.ts';
import type { Finding } from '../../../engine/finding.ts';
import { gated, resolve, sentences, type Sentence } from '../../../engine/rules/text/prose.ts';
import { matchAllDone } from '../../../engine/rules/text/text-all-done.ts';
import { matchCarry } from '../../../engine/rules/text/text-carry.ts';
import { matchLitigation } from '../../../engine/rules/text/text-litigation.ts';
import { matchNew } from '../../../engine/rules/text/text-new.ts';
import { matchNone } from '../../../engine/rules/text/text-none-received.ts';
import { matchResults } from '../../../engine/rules/text/text-result.ts';
import { matchReview } from '../../../engine/rules/text/text-review.ts';
import { REGDOCS_PATTERNS } from '../../../engine/rules/text/text-regdocs.ts';
import { matchAll } from '../../../engine/rules/text/prose.ts';
import { seed } from '../harness.ts';
import { columnOf } from './text-helpers.ts';

function run(n: number) {
  const { name, text } = seed(n);
  const r = check(text, { fileName: name });
  const ctx = { text, report: r.report, index: r.parsed.index, structure: r.parsed.structure, prose: r.parsed.prose };
  const line = (o: number) => r.parsed.index.lineAt(o) + 1;
  const texts = r.findings.filter((f) => f.rule.startsWith('TEXT-'));
  const show = (f: Finding) => `${f.rule}@${line(f.range.start)}:${text.slice(f.range.start, f.range.end)}`;
  /** What the T3/T4 matchers read on a 1-based line: `kind value` strings. */
  const readOn = (l: number): string[] => {
    const out: string[] = [];
    for (const s of sentences(ctx).filter((x: Sentence) => line(x.start) === l)) {
      const named = { new: matchNew, carry: matchCarry, none: matchNone, done: matchAllDone, rev: matchReview, lit: matchLitigation } as const;
      for (const [k, m] of Object.entries(named)) for (const h of resolve(m(s))) out.push(`${gated(s) ? '' : '!'}${k}${h.num ? ' ' + h.num.value : ''}`);
      for (const h of matchResults(s)) out.push(`result ${h.row ?? h.group} ${h.num.value}`);
      for (const p of REGDOCS_PATTERNS) for (const h of matchAll(s, p.re, p.col, 0)) out.push(`${p.col} ${h.num!.value}`);
    }
    return out.sort();
  };
  return { text, texts, show, readOn };
}

describe('TEXT-* on the seeds', () => {
  it('000: only TEXT-EXPORT-ARTIFACT at line 10 columns 1–19, with a safe fix', () => {
    const { text, texts, show } = run(0);
    assert.deepEqual(texts.map(show), ['TEXT-EXPORT-ARTIFACT@10:[bookmark: _GoBack]']);
    assert.equal(texts[0].range.start, text.split('\n').slice(0, 9).join('\n').length + 1);
    assert.equal(texts[0].fix?.kind, 'safe');
    assert.equal(texts[0].severity, 'info');
  });

  it('000 line 8: every statement is read and agrees (carry 1, new 7, r1 2, r3_4 1, r4_1 5, no review/suit)', () => {
    const { readOn } = run(0);
    assert.deepEqual(readOn(8), ['carry 1', 'lit', 'new 7', 'result r1 2', 'result r3_4 1', 'result r4_1 5', 'rev'].sort());
    // "均已妥善处理完毕" shares its sentence with "上年度结转": it may cover a subset, so it is not read.
  });

  it('000 line 10: 制发 4 / 废止 0 / 现行有效 63 are read (and equal table 2)', () => {
    assert.deepEqual(run(0).readOn(10), ['made 4', 'repealed 0', 'valid 63']);
  });

  it('001: only TEXT-BRACKETS on the "(" before https://; line 6 "未收到依申请公开政府信息" is read and agrees', () => {
    const { text, texts, show, readOn } = run(1);
    assert.deepEqual(texts.map(show), ['TEXT-BRACKETS@2:(']);
    const lineStart = text.split('\n').slice(0, 1).join('\n').length + 1;
    assert.equal(texts[0].range.start, lineStart + columnOf(text, 2, '(https://', 0));
    assert.deepEqual(readOn(6), ['none']);
  });

  it('002: no TEXT finding; line 8 (受理…5件, 均办结) and line 9 (行政诉讼…9次) are read and agree', () => {
    const { texts, show, readOn } = run(2);
    assert.deepEqual(texts.map(show), []);
    assert.deepEqual(readOn(8), ['done', 'new 5']);
    assert.deepEqual(readOn(9), ['lit 9']);
  });

  it('003 and 004: no TEXT finding', () => {
    assert.deepEqual(run(3).texts.map(run(3).show), []);
    assert.deepEqual(run(4).texts.map(run(4).show), []);
  });

  it('004 line 71 ("2022年", a plan) lies in s5, outside the prose scope', () => {
    const { readOn } = run(4);
    assert.deepEqual(readOn(71), []);
    const { text } = seed(4);
    const r = check(text, { fileName: 'report.txt' });
    const ctx = { text, report: r.report, index: r.parsed.index, structure: r.parsed.structure, prose: r.parsed.prose };
    assert.ok(!sentences(ctx).some((s) => r.parsed.index.lineAt(s.start) + 1 === 71));
  });
});
