// T4-SUM: in each group of table 4, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (the
// 'review-total' sum of engine/template/totals.ts).
import { sumDecl } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { brokenSums, cellDisplay, recomputeFix, relatedOf, rowDisplay, SUBSTITUTION_SUFFIX } from '../helpers.ts';

const REVIEW_TOTAL = sumDecl('review-total');

export default defineRule({
  id: 'T4-SUM',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '表四每组总计应等于四种结果之和', en: 'Each total of table 4 equals its four outcomes' },
  messages: {
    default: { zh: '{group}·总计 为 {W}，但结果维持、结果纠正、其他结果、尚未审结之和为 {S}', en: '{group} · total is {W}, but upheld + corrected + other + pending sum to {S}' },
    substituted: SUBSTITUTION_SUFFIX,
    fix: { zh: '将{group}·总计改为 {S}', en: 'Set {group} · total to {S}' },
  },
  fixes: { fix: 'unsafe' },
  check({ report, emit }) {
    const t4 = report.tables.T4;
    for (const { instance, target, sum } of brokenSums(t4, REVIEW_TOTAL)) {
      const args = { group: rowDisplay(t4, instance.line), W: target.value, S: sum.value, cell: cellDisplay(t4, target), k: sum.substituted };
      emit({
        range: target, args, cell: target, written: target.value, computed: sum.value,
        suffix: sum.substituted ? { message: 'substituted', args } : undefined,
        related: relatedOf(t4, sum.parts), fixes: recomputeFix(target, sum, 'fix', args),
      });
    }
  },
});
