// STRUCT-ROW-INFERRED: a row without its label bound by position — exactly one template row
// missing between two bound rows and exactly one unlabelled row of the right size there.
import type { TableId } from '../../model.ts';
import { defineRule } from '../api.ts';
import { rowDisplay } from '../helpers.ts';
import { usable } from './shared.ts';

export default defineRule({
  id: 'STRUCT-ROW-INFERRED',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '缺少行标签的行按位置识别', en: 'Rows without a label are bound by position' },
  messages: {
    default: { zh: '此行缺少行标签，已按位置识别为“{row}”', en: 'This row has no label; bound by position as “{row}”' },
  },
  check({ report, emit }) {
    for (const id of ['T2', 'T3'] as TableId[]) {
      const t = report.tables[id];
      if (!usable(t)) continue;
      for (const row of t.rows.values()) {
        if (row.state !== 'inferred' || !row.valueSpans?.length) continue;
        const first = row.valueSpans[0];
        emit({ range: { start: first.start, end: first.end }, args: { row: rowDisplay(t, row.key) } });
      }
    }
  },
});
