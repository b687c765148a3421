// CELL-THOUSANDS-SEP: "1,691" is read as 1691, but the form asks for plain digits and a comma is
// easily misread as a decimal point or a list separator.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { emitPerCause, rawText, valueCells, type CellNote } from './shared.ts';

export default defineRule({
  id: 'CELL-THOUSANDS-SEP',
  severity: 'info',
  versions: ['any'],
  summary: { zh: '数字中不应使用千位分隔符', en: 'Numbers carry no thousands separators' },
  messages: {
    default: { zh: '{cell} 含千位分隔符“{text}”，按 {value} 读取', en: '{cell} has a thousands separator “{text}”; read as {value}' },
    table: { zh: '{table}中 {n} 个单元格含千位分隔符：{places}', en: '{n} cells of {table} have thousands separators: {places}' },
    fix: { zh: '删除千位分隔符', en: 'Delete the thousands separators' },
    fixAll: { zh: '删除这 {n} 个单元格的千位分隔符', en: 'Delete the thousands separators of these {n} cells' },
  },
  fixes: { fix: 'safe', fixAll: 'safe' },
  check({ text, report, emit }) {
    const notes: CellNote[] = [];
    for (const { table, cell } of valueCells(report)) {
      if (cell.state !== 'number' || !cell.flags.includes('thousands') || !cell.number) continue;
      const written = text.slice(cell.number.start, cell.number.end);
      notes.push({
        table, cell, cause: 'thousands', emission: {
          range: { start: cell.start, end: cell.end }, cell, args: { cell: cellDisplay(table, cell), text: rawText(cell), value: cell.value! },
          fixes: [{ title: 'fix', edits: [{ start: cell.number.start, end: cell.number.end, newText: written.replace(/,/g, '') }] }],
        },
      });
    }
    emitPerCause(notes, emit);
  },
});
