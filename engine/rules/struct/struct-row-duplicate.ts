// STRUCT-ROW-DUPLICATE: a template row occurs twice; when the values differ neither binds.
import type { TableId } from '../../model.ts';
import { defineRule } from '../api.ts';
import { rowDisplay } from '../helpers.ts';
import { usable } from './shared.ts';

export default defineRule({
  id: 'STRUCT-ROW-DUPLICATE',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '表格中每行只应出现一次', en: 'Each table row occurs once' },
  messages: {
    default: { zh: '“{row}”行重复出现（首次在第 {line} 行）', en: 'Row “{row}” appears twice (first at line {line})' },
  },
  check({ report, index, emit }) {
    for (const id of ['T2', 'T3'] as TableId[]) {
      const t = report.tables[id];
      if (!usable(t)) continue;
      for (const d of t.duplicateRows) {
        if (!d.label) continue;
        const line = d.first ? index.lineAt(d.first.start) + 1 : 0;
        emit({ range: { start: d.label.start, end: d.label.end }, args: { row: rowDisplay(t, d.key), line } });
      }
    }
  },
});
