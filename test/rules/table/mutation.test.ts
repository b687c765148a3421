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

/** A seed's T3 and T4 cells, each with whether it is the seed's to change (cell k in seed k mod 4). */
function share(n: number, turn: number) {
  const { text, name } = seed(n);
  const { report } = parseReport(text, { fileName: name });
  const cells = [report.tables.T3, report.tables.T4].flatMap((t) => [...t.cells.values()]);
  return { text, name, report, cells: cells.map((cell, k) => ({ cell, mine: k % SEEDS.length === turn })) };
}

for (const [turn, n] of SEEDS.entries()) {
  test(`seed ${n}: its share of the T3/T4 cells, each changed by one, is caught where it belongs`, () => {
    const { text, name, report, cells } = share(n, turn);
    assert.equal(report.tables.T3.status, 'bound');
    assert.equal(report.tables.T4.status, 'bound');
    assert.equal(cells.length, report.tables.T3.cells.size + 15);
    for (const { cell, mine } of cells) {
      assert.equal(cell.state, 'number', cell.id);
      if (!mine) continue;
      const at = cell.number!;
      const mutated = text.slice(0, at.start) + String(cell.value! + 1) + text.slice(at.end);
      const found = check(mutated, { fileName: name }).findings.filter((f) => ARITHMETIC.has(f.rule));
      assert.ok(found.length > 0, `changing ${cell.id} is noticed`);
      for (const f of found) {
        assert.ok(f.cell, `${f.rule} names a cell`);
        const related = f.cell.table === cell.table && (f.cell.row === cell.row || f.cell.col === cell.col);
        assert.ok(related, `${f.rule} on ${f.cell.row}.${f.cell.col} after changing ${cell.id}`);
      }
    }
  });
}

test('the shares cover every T3/T4 cell of each template: each cell is changed in some seed', () => {
  const all = new Map<string, Set<string>>();
  const changed = new Map<string, Set<string>>();
  for (const [turn, n] of SEEDS.entries()) {
    const { report, cells } = share(n, turn);
    const version = String(report.template);
    for (const { cell, mine } of cells) {
      all.set(version, (all.get(version) ?? new Set()).add(cell.id));
      if (mine) changed.set(version, (changed.get(version) ?? new Set()).add(cell.id));
    }
  }
  assert.ok(all.size > 0);
  for (const [version, cells] of all) assert.deepEqual([...(changed.get(version) ?? [])].sort(), [...cells].sort(), version);
});
