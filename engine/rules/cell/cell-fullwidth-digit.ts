// CELL-FULLWIDTH-DIGIT: ０–９ (and ．, －) in a value cell. Read correctly, but other tools and
// search do not treat them as numbers.
import { toHalfWidth } from '../../grid/number.ts';
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { rawText, valueCells } from './shared.ts';

export default defineRule({
  id: 'CELL-FULLWIDTH-DIGIT',
  severity: 'info',
  versions: ['any'],
  summary: { zh: '数字应使用半角字符', en: 'Numbers use ASCII digits' },
  messages: {
    default: { zh: '{cell} 使用了全角数字“{text}”', en: '{cell} uses full-width digits “{text}”' },
    fix: { zh: '改为半角数字', en: 'Use ASCII digits' },
  },
  fixes: { fix: 'safe' },
  check({ text, report, emit }) {
    for (const { table, cell } of valueCells(report)) {
      if (cell.state !== 'number' || !cell.flags.includes('fullwidth') || !cell.number) continue;
      const written = text.slice(cell.number.start, cell.number.end);
      emit({
        range: { start: cell.start, end: cell.end }, cell, args: { cell: cellDisplay(table, cell), text: rawText(cell) },
        fixes: [{ title: 'fix', edits: [{ start: cell.number.start, end: cell.number.end, newText: toHalfWidth(written) }] }],
      });
    }
  },
});
