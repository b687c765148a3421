// T3-ROW-TOTAL: in every bound row of table 3, 总计 equals the sum of the six applicant columns
// (the 'row-total' sum of engine/template/totals.ts).
import { sumDecl } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { brokenSums, cellDisplay, recomputeFix, relatedOf, rowDisplay, SUBSTITUTION_SUFFIX } from '../helpers.ts';

const ROW_TOTAL = sumDecl('row-total');

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
    for (const { instance, target, sum } of brokenSums(t3, ROW_TOTAL)) {
      const args = { row: rowDisplay(t3, instance.line), W: target.value, S: sum.value, cell: cellDisplay(t3, target), k: sum.substituted };
      emit({
        range: target, args, cell: target, written: target.value, computed: sum.value,
        suffix: sum.substituted ? { message: 'substituted', args } : undefined,
        related: relatedOf(t3, sum.parts),
        fixes: recomputeFix(target, sum, 'fix', args),
      });
    }
  },
});
