// Every TEXT rule: registered, zh and en for every message, a docs page with a failing and a
// passing example.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../../engine/rules/index.ts';
import { TEXT_RULES } from '../../../engine/rules/text/index.ts';

const DOCS = fileURLToPath(new URL('../../../docs/rules/', import.meta.url));
const IDS = ['TEXT-NEW', 'TEXT-CARRY', 'TEXT-FWD', 'TEXT-NONE-RECEIVED', 'TEXT-ALL-DONE', 'TEXT-RESULT', 'TEXT-REVIEW', 'TEXT-LITIGATION', 'TEXT-REGDOCS', 'TEXT-EXPORT-ARTIFACT', 'TEXT-BRACKETS'];

describe('TEXT rules: registry, messages, docs', () => {
  it('all eleven rules are registered, once each', () => {
    assert.deepEqual(TEXT_RULES.map((r) => r.id).sort(), [...IDS].sort());
    for (const id of IDS) assert.equal(RULES.filter((r) => r.id === id).length, 1, id);
  });

  it('severities and applicability follow docs/spec/rules.md §7', () => {
    for (const r of TEXT_RULES) {
      const info = r.id === 'TEXT-EXPORT-ARTIFACT' || r.id === 'TEXT-BRACKETS';
      assert.equal(r.severity, info ? 'info' : 'warning', r.id);
      assert.equal(r.always === true, info, `${r.id} always`);
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

  it('every rule has a docs page with the id, an English summary and both examples', () => {
    for (const id of IDS) {
      const p = DOCS + id + '.md';
      assert.ok(existsSync(p), `${id}.md`);
      const md = readFileSync(p, 'utf8');
      assert.ok(md.startsWith(`# ${id}\n`), `${id} heading`);
      assert.match(md, /\*English:\*/, `${id} English summary`);
      assert.match(md, /## 不通过的例子/, `${id} failing example`);
      assert.match(md, /## 通过的例子/, `${id} passing example`);
    }
  });
});
