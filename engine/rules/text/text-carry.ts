// TEXT-CARRY: the carry-over from last year stated in the prose against table 3 "二、上年结转".
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { APP_UNIT, gatedHits, matchAll, N, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';

export const CARRY_PATTERN = `上年(度)?结转(的)?(政府信息公开|信息公开|依申请公开)?(申请)?(共)?${N}${APP_UNIT}`;

export function matchCarry(s: Sentence): Hit[] {
  return matchAll(s, CARRY_PATTERN, 'carry', 20);
}

export default defineRule({
  id: 'TEXT-CARRY',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文所述上年结转数应与表三一致', en: 'Carry-over in the text matches table 3' },
  messages: {
    default: { zh: '正文称上年结转 {n} 件，但表三“二、上年结转”·总计为 {t}', en: 'The text says {n} carried over, but table 3 II · Total is {t}' },
  },
  check(ctx) {
    const q = quantity(ctx.report, ['t3.carry.tot']);
    if (!q) return;
    const cell = q.cells[0];
    for (const { hit } of gatedHits(ctx, matchCarry)) {
      const n = hit.num!.value;
      if (q.supported.has(n)) continue;
      ctx.emit({
        range: hit.num!, args: { n, t: q.value }, cell, written: n, computed: q.value,
        related: [relatedCell(cell, cellDisplay(ctx.report.tables.T3, cell))],
      });
    }
  },
});
