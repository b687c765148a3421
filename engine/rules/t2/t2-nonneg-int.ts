// T2-NONNEG-INT: counts are non-negative integers, amounts are not negative, and the 2019
// 本年增/减 may be negative ("减用负值表示") but is still a whole number of items.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { t2Of } from './shared.ts';

export default defineRule({
  id: 'T2-NONNEG-INT',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '表二件数应为非负整数，金额不能为负', en: 'Table 2 counts are non-negative integers, amounts not negative' },
  messages: {
    default: { zh: '{cell} 为 {written}，应为非负整数', en: '{cell} is {written}; it must be a non-negative integer' },
    amount: { zh: '{cell} 为 {written}，金额不能为负', en: '{cell} is {written}; an amount cannot be negative' },
    delta: { zh: '{cell} 为 {written}，应为整数', en: '{cell} is {written}; it must be an integer' },
  },
  check({ report, emit }) {
    const t2 = t2Of(report);
    if (!t2) return;
    for (const c of [...t2.cells.values()].sort((a, b) => a.start - b.start)) {
      if (c.state !== 'number') continue;
      const v = c.value!;
      const amount = c.id === 't2.fee.amount' || c.id === 't2.purchase.amount';
      const delta = c.col === 'delta';
      const ok = amount ? v >= 0 : delta ? Number.isInteger(v) : Number.isInteger(v) && v >= 0;
      if (ok) continue;
      emit({
        range: { start: c.start, end: c.end }, cell: c, written: v,
        message: amount ? 'amount' : delta ? 'delta' : 'default', args: { cell: cellDisplay(t2, c), written: v },
      });
    }
  },
});
