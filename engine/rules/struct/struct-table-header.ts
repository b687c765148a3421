// STRUCT-TABLE-HEADER: a bound table whose header lacks template labels (docs/spec/format.md §2.5); the
// columns were then bound in template order. One finding per table.
import type { Table, TableId } from '../../model.ts';
import { TEMPLATES } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { tableFirstLine, tableName, usable } from './shared.ts';

/**
 * The header labels to report. A T2 block that is missing altogether (STRUCT-TABLE-MISSING) takes
 * its caption and column labels with it; those are not a damaged header, so they are left out.
 */
function reported(t: Table): string[] {
  if (t.id !== 'T2' || !t.missingBlocks?.length || !t.version) return t.missingHeaderLabels;
  const gone = TEMPLATES[t.version].t2.blocks.filter((b) => t.missingBlocks!.includes(b.key) && b.rows.every((r) => !t.rows.get(r.key)?.label));
  if (!gone.length) return t.missingHeaderLabels;
  const skip = new Set(['信息内容', ...gone.flatMap((b) => [b.caption, ...b.columns.map((c) => c.label)])]);
  return t.missingHeaderLabels.filter((l) => !skip.has(l));
}

export default defineRule({
  id: 'STRUCT-TABLE-HEADER',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '表头应包含模板的全部栏目名称', en: 'Table headers carry every template label' },
  messages: {
    default: { zh: '{table}的表头不完整（缺少{labels}），已按模板列顺序识别', en: '{table} header is incomplete ({labels} missing); columns were bound in template order' },
  },
  check(ctx) {
    for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
      const t = ctx.report.tables[id];
      const labels = usable(t) ? reported(t) : [];
      if (!labels.length) continue;
      ctx.emit({ range: tableFirstLine(ctx, t), args: { table: tableName(id), labels } });
    }
  },
});
