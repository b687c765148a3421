// "Recompute totals" never creates a new error (issue 16): on the seeds and on seeds with one value
// cell of 表三 or 表四 changed at random, the document after recompute has no finding (rule and
// cell) that it did not have before, every declared sum it rewrote now holds, and recomputing the
// result again changes nothing.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, check, recomputeTotals, type Finding } from '../../engine/index.ts';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: readFileSync(SEEDS + f, 'utf8') }));
const where = (f: Finding) => `${f.rule} ${f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : `@${f.range.start}`}`;

function holds(name: string, text: string): void {
  const before = check(text, { fileName: name }).findings;
  const result = recomputeTotals(text, { fileName: name });
  assert.equal(applyEdits(text, result.edits), result.text, 'the edits, applied to the original, give the result');
  const after = check(result.text, { fileName: name }).findings;
  // Findings anchored by offset move when a number's width changes; compare the cell findings and
  // the count of the others.
  const had = new Set(before.filter((f) => f.cell).map(where));
  const fresh = after.filter((f) => f.cell && !had.has(where(f)));
  assert.deepEqual(fresh.map(where), [], `${name}: recompute created findings`);
  assert.ok(after.filter((f) => !f.cell).length <= before.filter((f) => !f.cell).length, `${name}: no new finding outside the tables`);
  assert.equal(recomputeTotals(result.text, { fileName: name }).edits.length, 0, `${name}: recompute twice changes nothing more`);
}

test('recompute on each seed creates no finding and is idempotent', () => {
  for (const s of seeds) holds(s.name, s.text);
});

test('recompute on seeds with one 表三/表四 value changed creates no finding', () => {
  const cells = seeds.map((s) => {
    const { report } = check(s.text, { fileName: s.name });
    return [...report.tables.T3.cells.values(), ...report.tables.T4.cells.values()].filter((c) => c.state === 'number' && c.number);
  });
  fc.assert(
    fc.property(fc.nat(seeds.length - 1), fc.nat(10_000), fc.integer({ min: 0, max: 40 }), (si, ci, value) => {
      const pool = cells[si];
      fc.pre(pool.length > 0);
      const cell = pool[ci % pool.length];
      const text = seeds[si].text.slice(0, cell.number!.start) + String(value) + seeds[si].text.slice(cell.number!.end);
      holds(seeds[si].name, text);
    }),
    { numRuns: 80, seed: 20261207 },
  );
});
