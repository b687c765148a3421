// CELL-FULLWIDTH-DIGIT: ０–９ (and ．, －) in a value cell. Read correctly, but other tools and
// search do not treat them as numbers.
import { toHalfWidth } from '../../grid/number.ts';
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { emitPerCause, rawText, valueCells, type CellNote } from './shared.ts';

export default defineRule({
  id: 'CELL-FULLWIDTH-DIGIT',
  severity: 'info',
  versions: ['any'],
  summary: { zh: '数字应使用半角字符', en: 'Numbers use ASCII digits' },
  messages: {
    default: { zh: '{cell} 使用了全角数字“{text}”', en: '{cell} uses full-width digits “{text}”' },
    table: { zh: '{table}中 {n} 个单元格使用了全角数字：{places}', en: '{n} cells of {table} use full-width digits: {places}' },
    fix: { zh: '改为半角数字', en: 'Use ASCII digits' },
    fixAll: { zh: '将这 {n} 个单元格改为半角数字', en: 'Use ASCII digits in these {n} cells' },
  },
  fixes: { fix: 'safe', fixAll: 'safe' },
  check({ text, report, emit }) {
    const notes: CellNote[] = [];
    for (const { table, cell } of valueCells(report)) {
      if (cell.state !== 'number' || !cell.flags.includes('fullwidth') || !cell.number) continue;
      const written = text.slice(cell.number.start, cell.number.end);
      notes.push({
        table, cell, cause: 'fullwidth', emission: {
          range: { start: cell.start, end: cell.end }, cell, args: { cell: cellDisplay(table, cell), text: rawText(cell) },
          fixes: [{ title: 'fix', edits: [{ start: cell.number.start, end: cell.number.end, newText: toHalfWidth(written) }] }],
        },
      });
    }
    emitPerCause(notes, emit);
  },
});
