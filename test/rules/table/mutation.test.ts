// Mutation test (issue #4): in every seed whose arithmetic is clean, changing one numeric cell of
// T3 or T4 yields an arithmetic finding that names that cell or a total of its row or column,
// and nothing about unrelated cells.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, parseReport } from '../../../engine/index.ts';
import { seed } from '../harness.ts';

const ARITHMETIC = new Set(['T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T3-BALANCE', 'T3-LEGAL-SUBTOTAL', 'T4-SUM']);

for (const n of [0, 1, 3, 4]) {
  test(`seed ${n}: every T3/T4 cell, changed by one, is caught where it belongs`, () => {
    const { text, name } = seed(n);
    const { report } = parseReport(text, { fileName: name });
    let mutations = 0;
    for (const table of [report.tables.T3, report.tables.T4]) {
      assert.equal(table.status, 'bound');
      for (const cell of table.cells.values()) {
        assert.equal(cell.state, 'number', cell.id);
        const at = cell.number!;
        const mutated = text.slice(0, at.start) + String(cell.value! + 1) + text.slice(at.end);
        const found = check(mutated, { fileName: name }).findings.filter((f) => ARITHMETIC.has(f.rule));
        assert.ok(found.length > 0, `changing ${cell.id} is noticed`);
        for (const f of found) {
          assert.ok(f.cell, `${f.rule} names a cell`);
          const related = f.cell.table === cell.table && (f.cell.row === cell.row || f.cell.col === cell.col);
          assert.ok(related, `${f.rule} on ${f.cell.row}.${f.cell.col} after changing ${cell.id}`);
        }
        mutations++;
      }
    }
    assert.equal(mutations, report.tables.T3.cells.size + 15);
  });
}
