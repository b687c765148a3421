// The kinds of prose of issue 16 (test/fixtures/kinds/prose-*, made from seed 003 by
// scripts/fixtures/prose-kinds.ts): each fixture gives exactly the TEXT-* findings written by hand
// in prose.json, in every layout it is written in, and nothing else beyond its twin's; its clean
// twin — the same tables, the prose stating their figures — gives no TEXT-* and no arithmetic
// finding, and the number of findings recorded (so that noise cannot creep back unnoticed).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { check, type CheckResult } from '../../engine/index.ts';
import { BALANCE, SUMS } from '../../engine/template/index.ts';

const DIR = new URL('../fixtures/kinds/', import.meta.url).pathname;
const EXPECTED: Record<string, { layouts: string[]; fixture: [string, string][]; twinCount: number }> = JSON.parse(readFileSync(`${DIR}prose.json`, 'utf8'));
delete (EXPECTED as Record<string, unknown>).$comment;
const ARITHMETIC = new Set([...SUMS.map((d) => d.rule), BALANCE.rule]);

const run = (file: string): CheckResult => check(readFileSync(`${DIR}${file}`, 'utf8'), { fileName: file });
const prose = (r: CheckResult) => r.findings.filter((f) => f.rule.startsWith('TEXT-')).map((f) => [f.rule, f.message]).sort();

for (const [kind, exp] of Object.entries(EXPECTED)) {
  describe(`prose kind ${kind}`, () => {
    for (const layout of exp.layouts) {
      it(`${layout}: the findings written by hand; the twin none, and ${exp.twinCount} findings in all`, () => {
        const r = run(`${kind}.${layout}.txt`);
        const twin = run(`${kind}.${layout}.clean.txt`);
        for (const x of [r, twin]) assert.deepEqual(Object.values(x.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
        assert.deepEqual(prose(r), [...exp.fixture].sort());
        assert.deepEqual(prose(twin), []);
        assert.deepEqual(twin.findings.filter((f) => ARITHMETIC.has(f.rule)).map((f) => f.message), []);
        assert.equal(twin.findings.length, exp.twinCount);
        // The kind adds its own findings and nothing else.
        assert.equal(r.findings.length, exp.twinCount + exp.fixture.length);
      });
    }
  });
}
