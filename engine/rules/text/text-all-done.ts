// TEXT-ALL-DONE: "申请均已办结" states that nothing is carried forward; table 3 "四、结转下年度"
// must then be 0. A sentence naming 结转, 其余 or 剩余 may apply the phrase to a subset only
// ("上年结转的2件均已办结"), so it is not read.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { gatedHits, matchAll, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';

export const ALL_DONE_PATTERN = '(均|全部|都)(已|已经)?(按时|依法|妥善|按期|及时)*(办结|办理完毕|处理完毕|答复完毕|予以答复|完成办理|办理完成)';

export function matchAllDone(s: Sentence): Hit[] {
  if (!s.text.includes('申请') || /结转|其余|剩余/.test(s.text)) return [];
  return matchAll(s, ALL_DONE_PATTERN, 'done', 30);
}

export default defineRule({
  id: 'TEXT-ALL-DONE',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文称申请均已办结时表三结转下年度应为 0', en: '"All completed" requires table 3 IV to be 0' },
  messages: {
    default: { zh: '正文称申请均已办结，但表三“四、结转下年度”·总计为 {t}', en: 'The text says all applications were completed, but table 3 carries {t} forward' },
  },
  check(ctx) {
    const q = quantity(ctx.report, ['t3.fwd.tot']);
    if (!q || q.supported.has(0)) return;
    const cell = q.cells[0];
    for (const { hit } of gatedHits(ctx, matchAllDone)) {
      ctx.emit({
        range: hit.span, args: { t: q.value, n: 0 }, cell, written: 0, computed: q.value,
        related: [relatedCell(cell, cellDisplay(ctx.report.tables.T3, cell))],
      });
    }
  },
});
