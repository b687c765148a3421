// Every STRUCT rule is registered and gives every message in both languages (docs/spec/rules.md §2
// lists seventeen); its pages are held by test/docs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULES } from '../../../engine/index.ts';
import { STRUCT_RULES } from '../../../engine/rules/struct/index.ts';

const IDS = [
  'STRUCT-SECTION-MISSING', 'STRUCT-SECTION-DUPLICATE', 'STRUCT-SECTION-ORDER', 'STRUCT-ORDINAL', 'STRUCT-HEADING-WORDING',
  'STRUCT-HEADING-LEVEL', 'STRUCT-NUMBERING-RESTART', 'STRUCT-NUMBERING-HIERARCHY', 'STRUCT-TABLE-MISSING',
  'STRUCT-TABLE-PLACEMENT', 'STRUCT-TABLE-UNPARSEABLE', 'STRUCT-TABLE-HEADER', 'STRUCT-ROW-MISSING', 'STRUCT-ROW-VALUES',
  'STRUCT-ROW-DUPLICATE', 'STRUCT-ROW-UNKNOWN', 'STRUCT-ROW-INFERRED',
];
const SEVERITY: Record<string, string> = {
  'STRUCT-SECTION-MISSING': 'error', 'STRUCT-TABLE-MISSING': 'error', 'STRUCT-ROW-MISSING': 'error',
  'STRUCT-SECTION-DUPLICATE': 'warning', 'STRUCT-SECTION-ORDER': 'warning', 'STRUCT-ORDINAL': 'warning',
  'STRUCT-NUMBERING-RESTART': 'warning', 'STRUCT-TABLE-UNPARSEABLE': 'warning', 'STRUCT-ROW-VALUES': 'warning',
  'STRUCT-ROW-DUPLICATE': 'warning',
};

describe('STRUCT rules: registry, severities, messages', () => {
  it('all seventeen are registered, in the global registry too', () => {
    assert.deepEqual(STRUCT_RULES.map((r) => r.id).sort(), [...IDS].sort());
    for (const id of IDS) assert.ok(RULES.some((r) => r.id === id), id);
  });

  for (const rule of STRUCT_RULES) {
    it(`${rule.id}: severity, versions, zh and en messages`, () => {
      assert.equal(rule.severity, SEVERITY[rule.id] ?? 'info');
      assert.deepEqual([...rule.versions].sort(), ['2019', '2021']);
      assert.ok(rule.summary.zh && rule.summary.en);
      for (const [key, m] of Object.entries(rule.messages)) {
        assert.match(m.zh, /[\u4e00-\u9fff]/, `${key}: zh`);
        assert.ok(m.en.trim() && /[A-Za-z]/.test(m.en), `${key}: en`);
      }
    });
  }
});
