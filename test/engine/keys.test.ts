// Tables are a discriminated union with typed row and column keys (issue 19): a misspelt key is a
// compile error. The `@ts-expect-error` lines below fail `tsc --noEmit` (run by `npm test`) the day
// a misspelt key compiles again; at run time the accessors still find the cells the keys name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cellId, cellIn, parseReport, type CellId, type Table } from '../../engine/index.ts';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;
const text = readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('002') && f.endsWith('.txt'))!), 'utf8');

test('typed keys reach the cells they name; misspelt ones do not compile', () => {
  const { report } = parseReport(text, { fileName: '002.txt' });
  const t3 = report.tables.T3;
  assert.equal(cellIn(t3, 'r7', 'np')?.id, 't3.r7.np');
  assert.equal(cellIn(report.tables.T4, 'post', 'tot')?.value, 9);
  assert.equal(cellId('T2', 'fee', 'amount'), 't2.fee.amount');
  const id: CellId = 't3.new.tot';
  assert.equal(t3.cells.get(id)?.row, 'new');
  // @ts-expect-error a row table 3 does not have
  cellIn(t3, 'r77', 'np');
  // @ts-expect-error a column of table 4 asked of table 3
  cellIn(t3, 'r7', 'keep');
  // @ts-expect-error a misspelt cell id
  const wrong: CellId = 't3.r7.npp';
  assert.equal(t3.cells.get(wrong), undefined);
  const some: Table = report.tables.T4;
  if (some.id === 'T4') assert.ok(cellIn(some, 'rev', 'tot'));
});
