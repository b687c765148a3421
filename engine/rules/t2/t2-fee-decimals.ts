// T2-FEE-DECIMALS: some provinces add "保留N位小数" to the fee header (004: 保留4位小数); the
// national format does not, so the rule runs only when the header states a limit.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { cellAt, t2Of } from './shared.ts';

export default defineRule({
  id: 'T2-FEE-DECIMALS',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '收费金额的小数位数应符合表头要求', en: 'The fee amount keeps the decimals the header asks for' },
  messages: { default: { zh: '{cell} 有 {n} 位小数，表头要求保留 {limit} 位', en: '{cell} has {n} decimals; the header asks for {limit}' } },
  check({ text, report, emit }) {
    const t2 = t2Of(report);
    if (!t2 || t2.version !== '2021' || t2.feeDecimals === undefined) return;
    const c = cellAt(t2, 'fee', 'amount');
    if (c?.state !== 'number' || !c.number) return;
    // Decimals as written ("1.50" has two), full-width point included.
    const written = text.slice(c.number.start, c.number.end);
    const n = /[.．]([0-9０-９]+)$/.exec(written)?.[1].length ?? 0;
    if (n <= t2.feeDecimals) return;
    emit({ range: { start: c.start, end: c.end }, cell: c, args: { cell: cellDisplay(t2, c), n, limit: t2.feeDecimals } });
  },
});
