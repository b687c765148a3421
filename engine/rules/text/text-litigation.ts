// TEXT-LITIGATION: suits (行政诉讼) stated in the prose against table 4 未经复议直接起诉 +
// 复议后起诉; "未…行政诉讼" states there were none. Two cells are summed, so `cell` is null.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { gatedHits, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';
import { matchT4 } from './t4-prose.ts';

export const matchLitigation = (s: Sentence): Hit[] => matchT4(s, '行政诉讼', '行政复议', 60);

export default defineRule({
  id: 'TEXT-LITIGATION',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文所述行政诉讼数应与表四一致', en: 'Suits in the text match table 4' },
  messages: {
    default: {
      zh: '正文称行政诉讼 {n} 件，但表四未经复议直接起诉 {d} 件、复议后起诉 {p} 件，合计 {t}',
      en: 'The text says {n} suit(s), but table 4 has {d} direct + {p} after review = {t}',
    },
  },
  check(ctx) {
    const q = quantity(ctx.report, ['t4.dir.tot', 't4.post.tot']);
    if (!q) return;
    const [dir, post] = q.cells;
    const t4 = ctx.report.tables.T4;
    for (const { hit } of gatedHits(ctx, matchLitigation)) {
      const n = hit.num?.value ?? 0;
      if (q.supported.has(n)) continue;
      ctx.emit({
        range: hit.num ?? hit.span, args: { n, d: dir.value, p: post.value, t: q.value },
        cell: null, written: n, computed: q.value,
        related: [relatedCell(dir, cellDisplay(t4, dir)), relatedCell(post, cellDisplay(t4, post))],
      });
    }
  },
});
