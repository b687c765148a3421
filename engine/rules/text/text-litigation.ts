// TEXT-LITIGATION: suits (行政诉讼) stated in the prose against table 4 未经复议直接起诉 +
// 复议后起诉; "未…行政诉讼" states there were none. Two cells are summed, so `cell` is null; a
// count of one group ("其中直接起诉1件、复议后起诉1件") is compared with that group alone.
import { defineRule } from '../api.ts';
import type { T4Col, T4Row } from '../../model.ts';
import { cellDisplay, colDisplay, rowDisplay } from '../helpers.ts';
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
    part: {
      zh: '正文称{group} {n} 件，但表四{group}·总计为 {t}',
      en: 'The text says {n} suit(s) in “{group}”, but table 4 has {t}',
    },
    partOutcome: {
      zh: '正文称{group}{col} {n} 件，但表四{group}·{col}为 {t}',
      en: 'The text says {n} suit(s) in “{group}” “{col}”, but table 4 has {t}',
    },
    outcome: {
      zh: '正文称行政诉讼{col} {n} 件，但表四{col}：未经复议直接起诉 {d} 件、复议后起诉 {p} 件，合计 {t}',
      en: 'The text says {n} suit(s) “{col}”, but table 4 has {d} direct + {p} after review = {t}',
    },
  },
  check(ctx) {
    const t4 = ctx.report.tables.T4;
    for (const { hit } of gatedHits(ctx, matchLitigation)) {
      // One group of suits ("直接起诉1件", form part:dir; "复议后起诉结果维持1件", outcome:keep@post)
      // is compared with that group's own cell.
      const group = /^part:(dir|post)$|@(dir|post)$/.exec(hit.form);
      if (group) {
        const row = (group[1] ?? group[2]) as T4Row;
        const col: T4Col = hit.form.startsWith('outcome:') ? (hit.form.slice(8, hit.form.indexOf('@')) as T4Col) : 'tot';
        const q = quantity(ctx.report, [`t4.${row}.${col}`]);
        const n = hit.num!.value;
        if (!q || q.supported.has(n)) continue;
        const cell = q.cells[0];
        ctx.emit({
          range: hit.num!, message: col === 'tot' ? 'part' : 'partOutcome',
          args: { n, t: q.value, group: rowDisplay(t4, row), col: colDisplay(t4, col) },
          cell, written: n, computed: q.value, related: [relatedCell(cell, cellDisplay(t4, cell))],
        });
        continue;
      }
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
