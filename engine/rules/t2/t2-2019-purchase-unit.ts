// T2-2019-PURCHASE-UNIT: the 2019 采购总金额 header names no unit, so the cell must ("988.2576万"
// in 002, "251000元" elsewhere); a bare number could be yuan or 万元 — a factor of 10 000.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { cellAt, t2Of } from './shared.ts';

export default defineRule({
  id: 'T2-2019-PURCHASE-UNIT',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '采购总金额应注明单位', en: 'The procurement amount states its unit' },
  messages: { default: { zh: '{cell} 未注明金额单位（元或万元）', en: '{cell} has no currency unit (元 or 万元)' } },
  check({ report, emit }) {
    const t2 = t2Of(report);
    if (!t2 || t2.version !== '2019' || t2.purchaseHeaderUnit) return;
    const c = cellAt(t2, 'purchase', 'amount');
    // 0 is 0 in any unit: nothing is ambiguous.
    if (c?.state !== 'number' || c.unit || c.value === 0) return;
    emit({ range: { start: c.start, end: c.end }, cell: c, args: { cell: cellDisplay(t2, c) } });
  },
});
