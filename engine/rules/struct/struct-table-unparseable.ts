// STRUCT-TABLE-UNPARSEABLE: a table the binder cannot read without guessing (docs/spec/layouts.md §3).
// It gets this one finding and nothing else: no cell, row or arithmetic finding.
import type { TableId } from '../../model.ts';
import { defineRule } from '../api.ts';
import { tableFirstLine, tableName } from './shared.ts';

const REASONS = {
  glued: { zh: '单元格粘连', en: 'cells run together' },
  'few-rows': { zh: '识别出的行不足一半', en: 'fewer than half of the rows found' },
  'not-15': { zh: '数值个数不是 15', en: 'not 15 values' },
};

export default defineRule({
  id: 'STRUCT-TABLE-UNPARSEABLE',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '表格应能可靠识别', en: 'Tables can be read reliably' },
  messages: {
    default: { zh: '{table}无法可靠识别（{reason}），未对其做任何计算检查', en: '{table} could not be read reliably ({reason}); no arithmetic checks were run on it' },
  },
  check(ctx) {
    for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
      const t = ctx.report.tables[id];
      if (t.status !== 'unparseable') continue;
      const reason = REASONS[t.unparseableReason ?? 'few-rows'];
      ctx.emit({ range: tableFirstLine(ctx, t), args: { table: tableName(id), reason } });
    }
  },
});
