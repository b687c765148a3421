// Mutation test (issue #4): in every seed whose arithmetic is clean, changing one numeric cell of
// T3 or T4 yields an arithmetic finding that names that cell or a total of its row or column,
// and nothing about unrelated cells.
//
// The four seeds share one template (2021) and so one set of cells and totals; each cell is changed
// in one of them, in turn (cell k in seed k mod 4), so every cell is changed once and every seed
// has its quarter, instead of every cell in every seed (four times the checks for the same sums).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, parseReport } from '../../../engine/index.ts';
import { seed } from '../harness.ts';

const ARITHMETIC = new Set(['T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T3-BALANCE', 'T3-LEGAL-SUBTOTAL', 'T4-SUM']);
const SEEDS = [0, 1, 3, 4];
/** The cells changed, by template: each must be every cell of its T3 and T4. */
const changed = new Map<string, Set<string>>();
const all = new Map<string, Set<string>>();

for (const [turn, n] of SEEDS.entries()) {
  test(`seed ${n}: its share of the T3/T4 cells, each changed by one, is caught where it belongs`, () => {
    const { text, name } = seed(n);
    const { report } = parseReport(text, { fileName: name });
    const version = String(report.template);
    if (!changed.has(version)) changed.set(version, new Set());
    if (!all.has(version)) all.set(version, new Set());
    let k = 0;
    let mutations = 0;
    for (const table of [report.tables.T3, report.tables.T4]) {
      assert.equal(table.status, 'bound');
      for (const cell of table.cells.values()) {
        assert.equal(cell.state, 'number', cell.id);
        all.get(version)!.add(cell.id);
        if (k++ % SEEDS.length !== turn) continue;
        const at = cell.number!;
        const mutated = text.slice(0, at.start) + String(cell.value! + 1) + text.slice(at.end);
        const found = check(mutated, { fileName: name }).findings.filter((f) => ARITHMETIC.has(f.rule));
        assert.ok(found.length > 0, `changing ${cell.id} is noticed`);
        for (const f of found) {
          assert.ok(f.cell, `${f.rule} names a cell`);
          const related = f.cell.table === cell.table && (f.cell.row === cell.row || f.cell.col === cell.col);
          assert.ok(related, `${f.rule} on ${f.cell.row}.${f.cell.col} after changing ${cell.id}`);
        }
        changed.get(version)!.add(cell.id);
        mutations++;
      }
    }
    assert.equal(k, report.tables.T3.cells.size + 15);
    assert.ok(mutations >= Math.floor(k / SEEDS.length));
  });
}

test('every T3/T4 cell of each template was changed in some seed', () => {
  assert.ok(all.size > 0);
  for (const [version, cells] of all) assert.deepEqual([...(changed.get(version) ?? [])].sort(), [...cells].sort(), version);
});
