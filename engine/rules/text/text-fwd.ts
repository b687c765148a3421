// TEXT-FWD: the number carried forward to next year stated in the prose against table 3
// "四、结转下年度继续办理".
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { APP_UNIT, gatedHits, matchAll, N, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';

export const FWD_PATTERNS = [
  `结转(至|到)?下(一)?年度?(继续办理)?(的)?(申请)?${N}${APP_UNIT}`,
  `${N}${APP_UNIT}(申请)?结转(至|到)?下(一)?年`,
];

export function matchFwd(s: Sentence): Hit[] {
  return FWD_PATTERNS.flatMap((re) => matchAll(s, re, 'fwd', 20));
}

export default defineRule({
  id: 'TEXT-FWD',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文所述结转下年度数应与表三一致', en: 'Carry-forward in the text matches table 3' },
  messages: {
    default: { zh: '正文称结转下年度 {n} 件，但表三“四、结转下年度”·总计为 {t}', en: 'The text says {n} carried forward, but table 3 IV · Total is {t}' },
  },
  check(ctx) {
    const q = quantity(ctx.report, ['t3.fwd.tot']);
    if (!q) return;
    const cell = q.cells[0];
    for (const { hit } of gatedHits(ctx, matchFwd)) {
      const n = hit.num!.value;
      if (q.supported.has(n)) continue;
      ctx.emit({
        range: hit.num!, args: { n, t: q.value }, cell, written: n, computed: q.value,
        related: [relatedCell(cell, cellDisplay(ctx.report.tables.T3, cell))],
      });
    }
  },
});
