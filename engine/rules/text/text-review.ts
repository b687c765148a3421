// TEXT-REVIEW: reviews (行政复议) stated in the prose against table 4 行政复议·总计; "未…行政复议"
// states there were none.
import { defineRule } from '../api.ts';
import type { T4Col } from '../../model.ts';
import { cellDisplay, colDisplay } from '../helpers.ts';
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
    noneCorrected: { zh: '正文称未发生行政复议被纠错，但表四行政复议·结果纠正为 {t}', en: 'The text says no review was corrected, but table 4 review “corrected” is {t}' },
    outcome: { zh: '正文称行政复议{col} {n} 件，但表四行政复议·{col}为 {t}', en: 'The text says {n} review(s) “{col}”, but table 4 has {t}' },
  },
  check(ctx) {
    const t4 = ctx.report.tables.T4;
    for (const { hit } of gatedHits(ctx, matchReview)) {
      // A count of one outcome, or "no review corrected", is compared with that outcome's cell.
      const col: T4Col = hit.form === 'noneCorrected' ? 'fix' : hit.form.startsWith('outcome:') ? (hit.form.slice(8) as T4Col) : 'tot';
      const q = quantity(ctx.report, [`t4.rev.${col}`]);
      if (!q) continue;
      const cell = q.cells[0];
      const n = hit.num?.value ?? 0;
      if (q.supported.has(n)) continue;
      ctx.emit({
        range: hit.num ?? hit.span, message: col !== 'tot' ? (hit.num ? 'outcome' : 'noneCorrected') : hit.num ? 'default' : 'none',
        args: { n, t: q.value, col: colDisplay(t4, col) },
        cell, written: n, computed: q.value, related: [relatedCell(cell, cellDisplay(t4, cell))],
      });
    }
  },
});
