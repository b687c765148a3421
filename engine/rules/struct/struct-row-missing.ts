// STRUCT-ROW-MISSING: a template row of a bound or partial table is absent. Its cells are then
// unbound, so every sum that needs them is not assessed (docs/spec/rules.md §0).
import type { Table, TableId } from '../../model.ts';
import { TEMPLATES } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { rowDisplay } from '../helpers.ts';
import { tableName, usable } from './shared.ts';

/** Template rows of the table in order; for T2 without the rows of blocks STRUCT-TABLE-MISSING reports. */
function templateRows(t: Table): string[] {
  const v = t.version ?? '2021';
  if (t.id === 'T3') return TEMPLATES[v].t3.rows.map((r) => r.key);
  if (t.id === 'T2') {
    return TEMPLATES[v].t2.blocks
      .filter((b) => !(t.missingBlocks?.includes(b.key) && b.rows.every((r) => !t.rows.get(r.key)?.label)))
      .flatMap((b) => b.rows.map((r) => r.key));
  }
  return [];
}

export default defineRule({
  id: 'STRUCT-ROW-MISSING',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '表格应包含模板的全部行', en: 'Tables have every template row' },
  messages: {
    default: { zh: '{table}缺少“{row}”行', en: '{table} lacks the row “{row}”' },
  },
  check({ report, emit }) {
    for (const id of ['T2', 'T3'] as TableId[]) {
      const t = report.tables[id];
      if (!usable(t)) continue;
      const keys = templateRows(t);
      keys.forEach((key, i) => {
        if (t.rows.get(key)?.state !== 'missing') return;
        // Empty range before the label of the next row that has one, else at the table's end.
        const next = keys.slice(i + 1).map((k) => t.rows.get(k)?.label).find(Boolean);
        const at = next ? next.start : t.range.end;
        emit({ range: { start: at, end: at }, args: { table: tableName(id), row: rowDisplay(t, key) } });
      });
    }
  },
});
