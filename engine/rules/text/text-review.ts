// TEXT-REVIEW: reviews (行政复议) stated in the prose against table 4 行政复议·总计; "未…行政复议"
// states there were none.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { gatedHits, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';
import { matchT4 } from './t4-prose.ts';

export const matchReview = (s: Sentence): Hit[] => matchT4(s, '行政复议', '行政诉讼', 50);

export default defineRule({
  id: 'TEXT-REVIEW',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文所述行政复议数应与表四一致', en: 'Reviews in the text match table 4' },
  messages: {
    default: { zh: '正文称行政复议 {n} 件，但表四行政复议·总计为 {t}', en: 'The text says {n} review(s), but table 4 review total is {t}' },
    none: { zh: '正文称未发生行政复议，但表四行政复议·总计为 {t}', en: 'The text says no reviews, but table 4 review total is {t}' },
  },
  check(ctx) {
    const q = quantity(ctx.report, ['t4.rev.tot']);
    if (!q) return;
    const cell = q.cells[0];
    for (const { hit } of gatedHits(ctx, matchReview)) {
      const n = hit.num?.value ?? 0;
      if (q.supported.has(n)) continue;
      ctx.emit({
        range: hit.num ?? hit.span, message: hit.num ? 'default' : 'none', args: { n, t: q.value },
        cell, written: n, computed: q.value, related: [relatedCell(cell, cellDisplay(ctx.report.tables.T4, cell))],
      });
    }
  },
});
