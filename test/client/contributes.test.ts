// What package.json and the snippets contribute from the engine (scripts/contributes.ts): current
// with the engine, offering every rule id, and snippets that check as the template they copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { check, RULES } from '../../engine/index.ts';
import { PACKAGE, SNIPPETS, stale } from '../../scripts/contributes.ts';

const pkg = JSON.parse(readFileSync(PACKAGE, 'utf8'));
const snippets = JSON.parse(readFileSync(SNIPPETS, 'utf8')) as Record<string, { prefix: string; body: string[] }>;
const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));
const expand = (body: string[]) => body.join('\n').replace(/\$\{\d+:([^{}$]*)\}/g, '$1').replace(/\$\{1\}/g, 'XX单位').replace(/\$\{2\}/g, (_m) => '').replace(/\$0/g, '');

test('package.json and the snippets are what `npm run contributes` writes from the engine', () => {
  assert.deepEqual(stale(), [], 'run npm run contributes');
});

test('the govreport.rules setting offers every rule id and rejects any other', () => {
  const setting = pkg.contributes.configuration.properties['govreport.rules'];
  const ids: string[] = setting.propertyNames.enum;
  for (const r of RULES) assert.ok(ids.includes(r.id), `${r.id} is not offered`);
  assert.equal(setting.additionalProperties, false);
  assert.deepEqual(Object.keys(setting.properties), ids);
  assert.deepEqual(setting.properties['T3-BALANCE'].enum, ['off', 'error', 'warning', 'info']);
  assert.ok(!ids.includes('CONFIG-INVALID'), 'a notice the configuration cannot change is not offered');
});

test('the skeletons, expanded, are reports of their template with no table finding', () => {
  for (const [prefix, year, version] of [['gr-skeleton-2021', '2021', '2021'], ['gr-skeleton-2019', '2020', '2019']] as const) {
    const body = byPrefix.get(prefix)!.body.join('\n').replace(/\$\{2\}/g, year);
    const text = expand(body.split('\n'));
    const r = check(text, { fileName: 'skeleton.md', lang: 'zh' });
    for (const id of ['T2', 'T3', 'T4'] as const) {
      assert.equal(r.report.tables[id].status, 'bound', `${prefix}: ${id}`);
      if (id !== 'T4') assert.equal(r.report.tables[id].version, version, `${prefix}: ${id} version`);
    }
    const tableFindings = r.findings.filter((f) => /^(T[234]|STRUCT)-/.test(f.rule));
    assert.deepEqual(tableFindings.map((f) => `${f.rule}: ${f.message}`), [], prefix);
  }
});

test('GFM table snippets are aligned: every line of a table has the same display width once expanded', () => {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
  for (const s of Object.values(snippets).filter((x) => x.prefix.endsWith('-gfm'))) {
    const lines = expand(s.body).split('\n').filter((l) => l.startsWith('|'));
    assert.ok(lines.length > 3, s.prefix);
    assert.equal(new Set(lines.map(width)).size, 1, `${s.prefix}: widths ${[...new Set(lines.map(width))].join(', ')}`);
  }
});
