// T3-LEGAL-SUBTOTAL: the optional 法人或其他组织小计 column equals the five organisation columns
// (the 'subtotal' sum of engine/template/totals.ts).
import { sumDecl } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { brokenSums, cellDisplay, recomputeFix, relatedOf, rowDisplay, SUBSTITUTION_SUFFIX } from '../helpers.ts';

const SUBTOTAL = sumDecl('subtotal');

export default defineRule({
  id: 'T3-LEGAL-SUBTOTAL',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '法人或其他组织小计应等于五类组织之和', en: 'The organisations subtotal equals the five organisation columns' },
  messages: {
    default: { zh: '{row}·法人或其他组织小计 为 {W}，但五类组织之和为 {S}', en: '{row} · Organisations subtotal is {W}, but the five organisation columns sum to {S}' },
    substituted: SUBSTITUTION_SUFFIX,
    fix: { zh: '将{row}·法人或其他组织小计改为 {S}', en: 'Set {row} · Organisations subtotal to {S}' },
  },
  fixes: { fix: 'unsafe' },
  check({ report, emit }) {
    const t3 = report.tables.T3;
    if (!t3.hasSubtotal) return;
    for (const { instance, target, sum } of brokenSums(t3, SUBTOTAL)) {
      const args = { row: rowDisplay(t3, instance.line), W: target.value, S: sum.value, cell: cellDisplay(t3, target), k: sum.substituted };
      emit({
        range: target, args, cell: target, written: target.value, computed: sum.value,
        suffix: sum.substituted ? { message: 'substituted', args } : undefined,
        related: relatedOf(t3, sum.parts), fixes: recomputeFix(target, sum, 'fix', args),
      });
    }
  },
});
