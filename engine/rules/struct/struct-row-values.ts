// STRUCT-ROW-VALUES: a row label was found but its value cells are not the expected count; the
// row stays unbound (no guessing). When one value too many and merging one adjacent pair of
// single digits makes the T3 row total (the declared 'row-total' sum) hold, the message names the
// likely split number.
import type { RowBinding, T3Col, Table, TableId } from '../../model.ts';
import { parseValue } from '../../grid/number.ts';
import { sumDecl, T3_COLUMNS } from '../../template/index.ts';

/** The row total the split is judged by (engine/template/totals.ts). */
const ROW_TOTAL = sumDecl('row-total') as Extract<ReturnType<typeof sumDecl>, { table: 'T3'; along: 'row' }>;
import { defineRule } from '../api.ts';
import { rowDisplay } from '../helpers.ts';
import { usable } from './shared.ts';

const SINGLE_DIGIT = /^[0-9０-９]$/;

/** The one adjacent pair of single-digit cells whose merge makes 总计 = Σ six parts, if exactly one does. */
function splitDigitHint(t: Table, row: RowBinding): { a: string; b: string; ab: string } | undefined {
  if (t.id !== 'T3' || !row.rawValues || row.found === undefined || row.expected === undefined || row.found !== row.expected + 1) return undefined;
  const raw = row.rawValues.map((v) => v.trim());
  const cols = T3_COLUMNS.filter((c) => c.key !== 'sub' || t.hasSubtotal).map((c) => c.key);
  const hits: { a: string; b: string; ab: string }[] = [];
  for (let i = 0; i + 1 < raw.length; i++) {
    if (!SINGLE_DIGIT.test(raw[i]) || !SINGLE_DIGIT.test(raw[i + 1])) continue;
    const merged = [...raw.slice(0, i), raw[i] + raw[i + 1], ...raw.slice(i + 2)];
    const values = merged.map((v) => parseValue(v, 'count'));
    if (values.some((v) => v.state !== 'number')) continue;
    const at = (k: T3Col) => values[cols.indexOf(k)].value!;
    const parts = ROW_TOTAL.parts(t.version)!.reduce((s, k) => s + at(k), 0);
    if (parts === at(ROW_TOTAL.total)) hits.push({ a: raw[i], b: raw[i + 1], ab: raw[i] + raw[i + 1] });
  }
  return hits.length === 1 ? hits[0] : undefined;
}

export default defineRule({
  id: 'STRUCT-ROW-VALUES',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '每行的数值个数应与模板列数一致', en: 'Each row has as many values as the template columns' },
  messages: {
    default: { zh: '“{row}”行有 {found} 个数值，应为 {expected} 个；本行不参与计算', en: 'Row “{row}” has {found} values, expected {expected}; it is left out of all checks' },
    split: { zh: '；“{a}”“{b}”可能是被拆开的“{ab}”', en: '; “{a}” “{b}” may be “{ab}” split in two' },
  },
  check({ report, emit }) {
    for (const id of ['T2', 'T3'] as TableId[]) {
      const t = report.tables[id];
      if (!usable(t)) continue;
      for (const row of t.rows.values()) {
        if (row.state !== 'values' || !row.label) continue;
        const hint = splitDigitHint(t, row);
        const args = { row: rowDisplay(t, row.key), found: row.found ?? 0, expected: row.expected ?? 0, ...hint };
        emit({ range: { start: row.label.start, end: row.label.end }, args, suffix: hint ? { message: 'split', args } : undefined });
      }
    }
  },
});
