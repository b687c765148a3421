// T2-2019-DELTA-BOUND: last year's items plus this year's change is this year's count of items,
// which cannot be negative (a decrease larger than what existed).
import { defineRule } from '../api.ts';
import { cellDisplay, rowDisplay, round } from '../helpers.ts';
import { cellAt, numbers, t2Of } from './shared.ts';

export default defineRule({
  id: 'T2-2019-DELTA-BOUND',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '上一年项目数量加本年增/减不能为负', en: "Last year's items plus the change cannot be negative" },
  messages: {
    default: { zh: '{row}上一年项目数量 {prev} 加本年增/减 {delta} 为 {sum}，项目数不能为负', en: "{row}: last year's {prev} plus the change {delta} is {sum}; a count cannot be negative" },
  },
  check({ report, emit }) {
    const t2 = t2Of(report);
    if (!t2 || t2.version !== '2019') return;
    for (const r of ['permit', 'service', 'penalty', 'enforce', 'fee']) {
      const prev = cellAt(t2, r, 'prev');
      const delta = cellAt(t2, r, 'delta');
      if (!numbers(prev, delta)) continue;
      const sum = round(prev!.value! + delta!.value!);
      if (sum >= 0) continue;
      emit({
        range: { start: delta!.start, end: delta!.end }, cell: delta,
        args: { row: rowDisplay(t2, r), prev: prev!.value!, delta: delta!.value!, sum },
        related: [{ cell: prev!, range: { start: prev!.start, end: prev!.end }, value: prev!.value!, label: cellDisplay(t2, prev!) }],
      });
    }
  },
});
