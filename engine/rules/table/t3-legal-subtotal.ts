// T3-LEGAL-SUBTOTAL: the optional 法人或其他组织小计 column equals the five organisation columns.
import { T3_ORGS } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { cellDisplay, isNum, recomputeFix, relatedOf, rowDisplay, sumOf, SUBSTITUTION_SUFFIX } from '../helpers.ts';

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
    if (!t3.hasSubtotal || (t3.status !== 'bound' && t3.status !== 'partial')) return;
    for (const [key, row] of t3.rows) {
      if (row.state !== 'bound' && row.state !== 'inferred') continue;
      const target = t3.cells.get(`t3.${key}.sub`);
      if (!isNum(target)) continue;
      const sum = sumOf(T3_ORGS.map((c) => t3.cells.get(`t3.${key}.${c}`)));
      if (!sum.assessed || sum.value === target.value) continue;
      const args = { row: rowDisplay(t3, key), W: target.value, S: sum.value, cell: cellDisplay(t3, target), k: sum.substituted };
      emit({
        range: target, args, cell: target, written: target.value, computed: sum.value,
        suffix: sum.substituted ? { message: 'substituted', args } : undefined,
        related: relatedOf(t3, sum.parts), fixes: recomputeFix(target, sum, 'fix', args),
      });
    }
  },
});
