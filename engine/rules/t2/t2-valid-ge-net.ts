// T2-VALID-GE-NET: documents made this year and not repealed are still in force at year end
// (unless they expired within the year), so 现行有效 ≥ 本年制发 − 本年废止.
import { defineRule } from '../api.ts';
import { cellDisplay, rowDisplay, round } from '../helpers.ts';
import { cellAt, numbers, t2Of } from './shared.ts';

export default defineRule({
  id: 'T2-VALID-GE-NET',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '现行有效件数不应少于本年制发减本年废止', en: 'Documents in force are at least those made minus those repealed' },
  messages: {
    default: { zh: '{row}现行有效件数 {valid} 少于本年制发 {made} 减本年废止 {repealed}（{net}）', en: '{row}: {valid} in force is less than {made} made minus {repealed} repealed ({net})' },
  },
  check({ report, emit }) {
    const t2 = t2Of(report);
    if (!t2 || t2.version !== '2021') return;
    for (const r of ['reg', 'norm']) {
      const [made, repealed, valid] = ['made', 'repealed', 'valid'].map((c) => cellAt(t2, r, c));
      if (!numbers(made, repealed, valid)) continue;
      const net = round(made!.value! - repealed!.value!);
      if (valid!.value! >= net) continue;
      emit({
        range: { start: valid!.start, end: valid!.end }, cell: valid,
        args: { row: rowDisplay(t2, r), valid: valid!.value!, made: made!.value!, repealed: repealed!.value!, net },
        related: [made!, repealed!].map((c) => ({ cell: c, range: { start: c.start, end: c.end }, value: c.value!, label: cellDisplay(t2, c) })),
      });
    }
  },
});
