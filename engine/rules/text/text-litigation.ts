// TEXT-LITIGATION: suits (行政诉讼) stated in the prose against table 4 未经复议直接起诉 +
// 复议后起诉; "未…行政诉讼" states there were none. Two cells are summed, so `cell` is null.
import { defineRule } from '../api.ts';
import type { T4Col } from '../../model.ts';
import { cellDisplay, colDisplay } from '../helpers.ts';
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
    noneCorrected: {
      zh: '正文称未发生行政诉讼败诉，但表四行政诉讼结果纠正：未经复议直接起诉 {d} 件、复议后起诉 {p} 件，合计 {t}',
      en: 'The text says no suit was lost, but table 4 “corrected” suits are {d} direct + {p} after review = {t}',
    },
    outcome: {
      zh: '正文称行政诉讼{col} {n} 件，但表四{col}：未经复议直接起诉 {d} 件、复议后起诉 {p} 件，合计 {t}',
      en: 'The text says {n} suit(s) “{col}”, but table 4 has {d} direct + {p} after review = {t}',
    },
  },
  check(ctx) {
    const t4 = ctx.report.tables.T4;
    for (const { hit } of gatedHits(ctx, matchLitigation)) {
      // A count of one outcome, or "no suit lost", is compared with that outcome's two cells.
      const col: T4Col = hit.form === 'noneCorrected' ? 'fix' : hit.form.startsWith('outcome:') ? (hit.form.slice(8) as T4Col) : 'tot';
      const q = quantity(ctx.report, [`t4.dir.${col}`, `t4.post.${col}`]);
      if (!q) continue;
      const [dir, post] = q.cells;
      const n = hit.num?.value ?? 0;
      if (q.supported.has(n)) continue;
      ctx.emit({
        range: hit.num ?? hit.span, message: col === 'tot' ? 'default' : hit.num ? 'outcome' : 'noneCorrected',
        args: { n, d: dir.value, p: post.value, t: q.value, col: colDisplay(t4, col) },
        cell: null, written: n, computed: q.value,
        related: [relatedCell(dir, cellDisplay(t4, dir)), relatedCell(post, cellDisplay(t4, post))],
      });
    }
  },
});
