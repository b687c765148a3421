// CELL-THOUSANDS-SEP: "1,691" is read as 1691, but the form asks for plain digits and a comma is
// easily misread as a decimal point or a list separator.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { rawText, valueCells } from './shared.ts';

export default defineRule({
  id: 'CELL-THOUSANDS-SEP',
  severity: 'info',
  versions: ['any'],
  summary: { zh: '数字中不应使用千位分隔符', en: 'Numbers carry no thousands separators' },
  messages: {
    default: { zh: '{cell} 含千位分隔符“{text}”，按 {value} 读取', en: '{cell} has a thousands separator “{text}”; read as {value}' },
    fix: { zh: '删除千位分隔符', en: 'Delete the thousands separators' },
  },
  fixes: { fix: 'safe' },
  check({ text, report, emit }) {
    for (const { table, cell } of valueCells(report)) {
      if (cell.state !== 'number' || !cell.flags.includes('thousands') || !cell.number) continue;
      const written = text.slice(cell.number.start, cell.number.end);
      emit({
        range: { start: cell.start, end: cell.end }, cell, args: { cell: cellDisplay(table, cell), text: rawText(cell), value: cell.value! },
        fixes: [{ title: 'fix', edits: [{ start: cell.number.start, end: cell.number.end, newText: written.replace(/,/g, '') }] }],
      });
    }
  },
});
