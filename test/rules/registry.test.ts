// Every rule in the registry: a unique id, a severity, both languages for every message, and a
// docs page. A rule lacking any of these fails here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { RULES } from '../../engine/index.ts';

const docs = (id: string) => new URL(`../../docs/rules/${id}.md`, import.meta.url);

test('rule ids are unique and well formed', () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[A-Z0-9]+(-[A-Z0-9]+)+$/);
});

for (const rule of RULES) {
  test(`${rule.id}: messages in Chinese and English, a docs page`, () => {
    assert.ok(['error', 'warning', 'info'].includes(rule.severity));
    assert.ok(rule.summary.zh && rule.summary.en);
    for (const [key, m] of Object.entries(rule.messages)) {
      assert.ok(m.zh?.trim(), `${key}: zh`);
      assert.ok(m.en?.trim(), `${key}: en`);
      assert.match(m.zh, /[\u4e00-\u9fff]/, `${key}: the zh message is Chinese`);
      const zhArgs = [...m.zh.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      const enArgs = [...m.en.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
      for (const a of enArgs) assert.ok(zhArgs.includes(a) || ['n', 'm', 'verbEn'].includes(a), `${key}: en placeholder {${a}} has a zh counterpart`);
    }
    assert.ok(existsSync(docs(rule.id)), `docs/rules/${rule.id}.md exists`);
    const page = readFileSync(docs(rule.id), 'utf8');
    assert.ok(page.includes(rule.id), 'the page names its rule');
  });
}
