// CELL-EMPTY: a bound value cell left blank. Many real reports leave every zero blank, so this is
// only info, and one cause gets one finding: a table's blanks are reported once, naming them (a
// row left wholly blank by its label), with one fix for all. A single blank keeps its own message.
import type { Cell, Table } from '../../model.ts';
import type { Edit } from '../../finding.ts';
import { defineRule, type FixSpec } from '../api.ts';
import { cellDisplay, rowDisplay } from '../helpers.ts';
import { tableName } from '../struct/shared.ts';
import type { Display } from '../../template/types.ts';
import { placesArg, valueTables } from './shared.ts';

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
    table: { zh: '{table}有 {n} 个单元格为空白：{places}；未发生的应填 0', en: '{table} has {n} blank cells: {places}; enter 0 where there were none' },
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
      // The places: rows left wholly blank (T4 has no row labels, so never there), then single cells.
      const places: { start: number; end: number; name: Display; cells: Cell[]; row?: string }[] = [];
      const wholeRows = new Set<string>();
      for (const [key, binding] of table.rows) {
        const cells = cellsOfRow(table, key);
        if (!binding.label || !cells.length || !cells.every((c) => c.state === 'blank')) continue;
        wholeRows.add(key);
        places.push({ start: binding.label.start, end: binding.label.end, name: rowDisplay(table, key), cells, row: key });
      }
      for (const c of blanks) if (!wholeRows.has(c.row)) places.push({ start: c.start, end: c.end, name: cellDisplay(table, c), cells: [c] });
      places.sort((a, b) => a.start - b.start);
      if (places.length === 1) {
        const [p] = places;
        if (p.row !== undefined) {
          const row = p.name;
          emit({ range: { start: p.start, end: p.end }, message: 'row', args: { row }, fixes: [{ title: 'fillRow', args: { row }, edits: p.cells.map(fill) }, fillTable] });
        } else emit({ range: { start: p.start, end: p.end }, cell: p.cells[0], args: { cell: p.name }, fixes: [{ title: 'fill', edits: [fill(p.cells[0])] }, fillTable] });
        continue;
      }
      const [first] = places;
      emit({
        range: { start: first.start, end: first.end }, message: 'table',
        args: { table: tableName(table.id), n: blanks.length, places: placesArg(places.map((p) => p.name)) },
        related: blanks.map((c) => ({ cell: c, range: { start: c.start, end: c.end }, value: null, label: cellDisplay(table, c) })),
        fixes: [fillTable],
      });
    }
  },
});

function cellsOfRow(table: Table, row: string): Cell[] {
  return [...table.cells.values()].filter((c) => c.row === row);
}
