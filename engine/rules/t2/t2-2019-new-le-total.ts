// T2-2019-NEW-LE-TOTAL: in the 2019 format, documents newly published this year are part of
// all documents published, so 本年新公开数量 ≤ 对外公开总数量.
import { defineRule } from '../api.ts';
import { cellDisplay, rowDisplay } from '../helpers.ts';
import { cellAt, numbers, t2Of } from './shared.ts';

export default defineRule({
  id: 'T2-2019-NEW-LE-TOTAL',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '本年新公开数量不应大于对外公开总数量', en: 'Newly published documents do not exceed the total published' },
  messages: {
    default: { zh: '{row}本年新公开数量 {pub} 大于对外公开总数量 {total}', en: '{row}: newly published {pub} exceeds the total published {total}' },
  },
  check({ report, emit }) {
    const t2 = t2Of(report);
    if (!t2 || t2.version !== '2019') return;
    for (const r of ['reg', 'norm']) {
      const pub = cellAt(t2, r, 'pub');
      const total = cellAt(t2, r, 'total');
      if (!numbers(pub, total) || pub!.value! <= total!.value!) continue;
      emit({
        range: { start: pub!.start, end: pub!.end }, cell: pub,
        args: { row: rowDisplay(t2, r), pub: pub!.value!, total: total!.value! },
        related: [{ cell: total!, range: { start: total!.start, end: total!.end }, value: total!.value!, label: cellDisplay(t2, total!) }],
      });
    }
  },
});
