// CELL-NOT-NUMBER: a value cell the grammar of docs/spec/rules.md §1 cannot read ("约5", "五", "1，691").
// No fix: guessing the number would be the checker inventing data.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { rawText, valueCells } from './shared.ts';

export default defineRule({
  id: 'CELL-NOT-NUMBER',
  severity: 'error',
  versions: ['any'],
  summary: { zh: '表格单元格应为可识别的数字', en: 'Table cells hold readable numbers' },
  messages: { default: { zh: '{cell} 的内容“{text}”无法识别为数字', en: '{cell}: “{text}” is not a readable number' } },
  check({ report, emit }) {
    for (const { table, cell } of valueCells(report)) {
      if (cell.state !== 'invalid') continue;
      emit({ range: { start: cell.start, end: cell.end }, cell, args: { cell: cellDisplay(table, cell), text: rawText(cell) } });
    }
  },
});
