// The totals are declared once (engine/template/totals.ts): the rules that check them exist, the
// recompute order settles every total after the totals among its parts, and the hover explains a
// total by the same declaration the rule checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../engine/rules/index.ts';
import { BALANCE, instancesOf, RECOMPUTE_ORDER, SUMS, sumDecl, sumsAt } from '../../engine/template/index.ts';
import { check, explainCell, parseReport, recomputeTotals } from '../../engine/index.ts';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;
const seed = (n: string) => readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(n) && f.endsWith('.txt'))!), 'utf8');

test('every declared total is checked by an error rule of its own', () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const d of [...SUMS, BALANCE]) {
    assert.ok(ids.has(d.rule), `${d.rule} is a rule`);
    assert.equal(RULES.find((r) => r.id === d.rule)!.severity, 'error');
  }
  assert.equal(new Set(SUMS.map((d) => d.rule)).size, SUMS.length, 'one rule per sum');
});

test('recompute settles each total only after the totals among its parts', () => {
  for (const version of ['2019', '2021'] as const) {
    const steps = RECOMPUTE_ORDER.map(({ kind, lines }) =>
      instancesOf(sumDecl(kind), version).filter((i) => !lines || lines(i.line)));
    const covered = new Set(steps.flat().map((i) => i.target));
    // Every instance of every sum is in some step.
    for (const d of SUMS) for (const i of instancesOf(d, version)) assert.ok(covered.has(i.target), `${i.target} is recomputed`);
    steps.forEach((step, n) => {
      const later = new Set(steps.slice(n + 1).flat().map((i) => i.target));
      for (const i of step) for (const p of i.parts) assert.ok(!later.has(p), `${version}: ${i.target} sums ${p}, which a later step rewrites`);
    });
  }
});

test('the hover explains a total by the declared sums whose total it is', () => {
  const { report } = parseReport(seed('002'), { fileName: '002.txt' });
  const version = report.tables.T3.version!;
  const r7tot = report.tables.T3.cells.get('t3.r7.tot')!;
  const explanation = explainCell(report, r7tot)!;
  const declared = sumsAt('T3', version, 'r7', 'tot');
  assert.deepEqual(explanation.formulas.map((f) => f.kind), declared.map((s) => s.decl.kind));
  assert.deepEqual(explanation.formulas.map((f) => f.parts.map((p) => p.id)), declared.map((s) => s.parts));
  assert.deepEqual(declared.map((s) => s.decl.kind), ['row-total', 'result-total']);
});

test('recompute leaves no broken declared sum on a seed whose totals are wrong', () => {
  const text = seed('002');
  const before = check(text).findings.filter((f) => SUMS.some((d) => d.rule === f.rule));
  assert.ok(before.length > 0, 'seed 002 has broken totals');
  const { text: after, remaining } = recomputeTotals(text);
  const left = check(after).findings.filter((f) => SUMS.some((d) => d.rule === f.rule));
  assert.deepEqual(left.map((f) => f.rule + ' ' + JSON.stringify(f.cell)), remaining.map((f) => f.rule + ' ' + JSON.stringify(f.cell)));
  assert.ok(left.length < before.length);
});
