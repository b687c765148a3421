// CELL-EMPTY: a bound value cell left blank. Many real reports leave every zero blank, so this is
// only info; a row left wholly blank gets one finding on its label instead of one per cell.
import type { Cell, Table } from '../../model.ts';
import type { Edit } from '../../finding.ts';
import { defineRule, type FixSpec } from '../api.ts';
import { cellDisplay, rowDisplay } from '../helpers.ts';
import { valueTables } from './shared.ts';

/** The whole cell (padding included) becomes `0`; a truly empty cell gets `0` inserted at its range. */
const fill = (c: Cell): Edit => ({ start: c.start, end: c.end, newText: '0' });

export default defineRule({
  id: 'CELL-EMPTY',
  severity: 'info',
  versions: ['any'],
  summary: { zh: '表格单元格不应空白', en: 'Table cells should not be blank' },
  messages: {
    default: { zh: '{cell} 为空白；未发生的应填 0', en: '{cell} is blank; enter 0 if there were none' },
    row: { zh: '{row} 整行未填写', en: '{row} has no values' },
    fill: { zh: '填入 0', en: 'Enter 0' },
    fillRow: { zh: '将{row}各单元格填为 0', en: 'Enter 0 in every cell of {row}' },
    fillTable: { zh: '将本表所有空白单元格填为 0', en: 'Fill every blank cell of this table with 0' },
  },
  fixes: { fill: 'unsafe', fillRow: 'unsafe', fillTable: 'unsafe' },
  check({ report, emit }) {
    for (const table of valueTables(report)) {
      const blanks = [...table.cells.values()].filter((c) => c.state === 'blank').sort((a, b) => a.start - b.start);
      if (!blanks.length) continue;
      const fillTable: FixSpec = { title: 'fillTable', edits: blanks.map(fill) };
      const wholeRows = new Set<string>();
      for (const [key, binding] of table.rows) {
        const cells = cellsOfRow(table, key);
        // T4 has no row labels: its blanks are always reported per cell.
        if (!binding.label || !cells.length || !cells.every((c) => c.state === 'blank')) continue;
        wholeRows.add(key);
        const row = rowDisplay(table, key);
        emit({
          range: { start: binding.label.start, end: binding.label.end }, message: 'row', args: { row },
          fixes: [{ title: 'fillRow', args: { row }, edits: cells.map(fill) }, fillTable],
        });
      }
      for (const c of blanks) {
        if (wholeRows.has(c.row)) continue;
        emit({
          range: { start: c.start, end: c.end }, cell: c, args: { cell: cellDisplay(table, c) },
          fixes: [{ title: 'fill', edits: [fill(c)] }, fillTable],
        });
      }
    }
  },
});

function cellsOfRow(table: Table, row: string): Cell[] {
  return [...table.cells.values()].filter((c) => c.row === row);
}
