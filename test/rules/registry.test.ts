// Every rule and notice any host can report (the engine's registry, and the host notices of
// engine/notices.ts: files, configuration, cross-year): a unique id, a severity, both languages
// for every message. Every group's rules are in the registry. A rule lacking any of these fails
// here; its pages and their examples are held by test/docs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '../../engine/index.ts';
import { NOTICES } from '../../engine/notices.ts';
import { CELL_RULES } from '../../engine/rules/cell/index.ts';
import { STRUCT_RULES } from '../../engine/rules/struct/index.ts';
import { T2_RULES } from '../../engine/rules/t2/index.ts';
import { TABLE_RULES } from '../../engine/rules/table/index.ts';
import { TEXT_RULES } from '../../engine/rules/text/index.ts';
import { TPL_RULES } from '../../engine/rules/tpl/index.ts';

const GROUPS = { 'CELL-': CELL_RULES, 'STRUCT-': STRUCT_RULES, 'T2-': T2_RULES, 'T3-|T4-': TABLE_RULES, 'TEXT-': TEXT_RULES, 'TPL-': TPL_RULES };
const ALL = [...RULES, ...NOTICES];

test('rule ids are unique and well formed', () => {
  const ids = ALL.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[A-Z0-9]+(-[A-Z0-9]+)+$/);
});

test('every rule of every group is in the registry, under its group prefix', () => {
  for (const [prefix, rules] of Object.entries(GROUPS)) {
    assert.ok(rules.length > 0, prefix);
    for (const r of rules) {
      assert.match(r.id, new RegExp(`^(${prefix})`));
      assert.equal(RULES.filter((x) => x.id === r.id).length, 1, `${r.id} registered once`);
    }
  }
  assert.equal(RULES.length, Object.values(GROUPS).reduce((n, g) => n + g.length, 0), 'no rule outside a group');
});

for (const rule of ALL) {
  test(`${rule.id}: messages in Chinese and English`, () => {
    assert.ok(['error', 'warning', 'info'].includes(rule.severity));
    assert.ok(rule.summary.zh && rule.summary.en);
    for (const [key, m] of Object.entries(rule.messages)) {
      assert.ok(m.zh?.trim(), `${key}: zh`);
      assert.ok(m.en?.trim() && /[A-Za-z]/.test(m.en), `${key}: en`);
      assert.match(m.zh, /[\u4e00-\u9fff]/, `${key}: the zh message is Chinese`);
      // English may say less than Chinese (docs/spec/rules.md gives it so), never name a value Chinese lacks.
      const zhArgs = new Set([...m.zh.matchAll(/\{(\w+)\}/g)].map((x) => x[1]));
      for (const [, a] of m.en.matchAll(/\{(\w+)\}/g)) assert.ok(zhArgs.has(a) || ['n', 'm', 'verbEn'].includes(a), `${key}: en placeholder {${a}}`);
    }
  });
}
