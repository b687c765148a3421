// CELL-PLACEHOLDER: "/", "-", "无" … written where a number belongs. It reads as "none", but
// the format asks for 0, and sums only count it as 0 with a note.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { emitPerCause, rawText, valueCells, type CellNote } from './shared.ts';

export default defineRule({
  id: 'CELL-PLACEHOLDER',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '表格单元格应填数字而非占位符', en: 'Table cells hold numbers, not placeholders' },
  messages: {
    default: { zh: '{cell} 填写的“{text}”不是数字；未发生的应填 0', en: '{cell} contains “{text}”, not a number; enter 0 if there were none' },
    table: { zh: '{table}中 {n} 个单元格填写的“{text}”不是数字：{places}；未发生的应填 0', en: '{n} cells of {table} contain “{text}”, not numbers: {places}; enter 0 where there were none' },
    fix: { zh: '改为 0', en: 'Replace with 0' },
    fixAll: { zh: '将这 {n} 个单元格改为 0', en: 'Replace these {n} cells with 0' },
  },
  fixes: { fix: 'unsafe', fixAll: 'unsafe' },
  check({ report, emit }) {
    const notes: CellNote[] = [];
    for (const { table, cell } of valueCells(report)) {
      if (cell.state !== 'placeholder') continue;
      notes.push({
        table, cell, cause: 'placeholder', emission: {
          range: { start: cell.start, end: cell.end }, cell, args: { cell: cellDisplay(table, cell), text: rawText(cell) },
          // The whole cell text goes: padding around a placeholder is no part of the value.
          fixes: [{ title: 'fix', edits: [{ start: cell.start, end: cell.end, newText: '0' }] }],
        },
      });
    }
    // One cause: placeholders in one table, whichever marks they are ("—", "/"), named together.
    emitPerCause(notes, emit, (list) => ({ text: [...new Set(list.map((n) => rawText(n.cell)))].join('”“') }));
  },
});
