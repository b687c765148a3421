// STRUCT-TABLE-PLACEMENT: a table found in another part than its own (T3 under 二, …).
import type { TableId } from '../../model.ts';
import { defineRule } from '../api.ts';
import { TABLE_SECTION, ordinalDisplay, tableFirstLine, tableName } from './shared.ts';

export default defineRule({
  id: 'STRUCT-TABLE-PLACEMENT',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '表格应位于其所属部分', en: 'Each table stands in its own section' },
  messages: {
    default: { zh: '{table}位于第{found}部分，应在第{expected}部分', en: '{table} is in section {found}; it belongs in section {expected}' },
  },
  check(ctx) {
    for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
      const t = ctx.report.tables[id];
      // An unparseable table gets only STRUCT-TABLE-UNPARSEABLE; a table before 一 has no part to name.
      if (t.status === 'missing' || t.status === 'unparseable' || !t.section || t.section === TABLE_SECTION[id]) continue;
      ctx.emit({ range: tableFirstLine(ctx, t), args: { table: tableName(id), found: ordinalDisplay(t.section), expected: ordinalDisplay(TABLE_SECTION[id]) } });
    }
  },
});
