// Every TEXT rule: registered, zh and en for every message (its pages and their examples are held
// by test/docs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../../engine/rules/index.ts';
import { TEXT_RULES } from '../../../engine/rules/text/index.ts';

const IDS = ['TEXT-NEW', 'TEXT-CARRY', 'TEXT-FWD', 'TEXT-NONE-RECEIVED', 'TEXT-ALL-DONE', 'TEXT-RESULT', 'TEXT-REVIEW', 'TEXT-LITIGATION', 'TEXT-REGDOCS', 'TEXT-EXPORT-ARTIFACT', 'TEXT-BRACKETS', 'TEXT-APPLICANT', 'TEXT-SELF-BALANCE'];

describe('TEXT rules: registry, messages', () => {
  it('all thirteen rules are registered, once each', () => {
    assert.deepEqual(TEXT_RULES.map((r) => r.id).sort(), [...IDS].sort());
    for (const id of IDS) assert.equal(RULES.filter((r) => r.id === id).length, 1, id);
  });

  it('severities and applicability follow docs/spec/rules.md §7', () => {
    for (const r of TEXT_RULES) {
      const info = r.id === 'TEXT-EXPORT-ARTIFACT' || r.id === 'TEXT-BRACKETS';
      assert.equal(r.severity, info ? 'info' : 'warning', r.id);
      // TEXT-SELF-BALANCE compares the prose with itself, so it also runs on pre-2019 reports.
      assert.equal(r.always === true, info || r.id === 'TEXT-SELF-BALANCE', `${r.id} always`);
    }
    assert.deepEqual(TEXT_RULES.find((r) => r.id === 'TEXT-REGDOCS')!.versions, ['2021']);
  });

  it('every message and summary has zh and en', () => {
    for (const r of TEXT_RULES) {
      for (const [k, m] of Object.entries({ summary: r.summary, ...r.messages })) {
        assert.ok(m.zh.trim() && /[\u4e00-\u9fff]/.test(m.zh), `${r.id}.${k} zh`);
        assert.ok(m.en.trim() && !/[\u4e00-\u9fff]/.test(m.en), `${r.id}.${k} en`);
        // The English text may say less (docs/spec/rules.md gives it so), never something the Chinese lacks.
        const ph = (s: string) => new Set([...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]));
        const zh = ph(m.zh);
        for (const p of ph(m.en)) assert.ok(zh.has(p) || (p === 'verbEn' && zh.has('verb')), `${r.id}.${k} {${p}}`);
      }
    }
  });
});
