// T3-ROW-TOTAL: in every bound row of table 3, 总计 equals the sum of the six applicant columns.
import { T3_PARTS } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { cellDisplay, recomputeFix, relatedOf, rowDisplay, sumOf, SUBSTITUTION_SUFFIX, isNum } from '../helpers.ts';

export default defineRule({
  id: 'T3-ROW-TOTAL',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '表三每行的总计应等于各申请人列之和', en: 'Each row total of table 3 equals the sum of its applicant columns' },
  messages: {
    default: { zh: '{row}·总计 为 {W}，但本行各列之和为 {S}', en: '{row} · Total is {W}, but the columns of this row sum to {S}' },
    substituted: SUBSTITUTION_SUFFIX,
    fix: { zh: '将{row}·总计改为 {S}', en: 'Set {row} · Total to {S}' },
  },
  fixes: { fix: 'unsafe' },
  check({ report, emit }) {
    const t3 = report.tables.T3;
    if (t3.status !== 'bound' && t3.status !== 'partial') return;
    for (const [key, row] of t3.rows) {
      if (row.state !== 'bound' && row.state !== 'inferred') continue;
      const target = t3.cells.get(`t3.${key}.tot`);
      if (!isNum(target)) continue;
      const sum = sumOf(T3_PARTS.map((c) => t3.cells.get(`t3.${key}.${c}`)));
      if (!sum.assessed || sum.value === target.value) continue;
      const args = { row: rowDisplay(t3, key), W: target.value, S: sum.value, cell: cellDisplay(t3, target), k: sum.substituted };
      emit({
        range: target, args, cell: target, written: target.value, computed: sum.value,
        suffix: sum.substituted ? { message: 'substituted', args } : undefined,
        related: relatedOf(t3, sum.parts),
        fixes: recomputeFix(target, sum, 'fix', args),
      });
    }
  },
});
