// TEXT-NONE-RECEIVED: "未收到…申请" states that no application came in; table 3 "一、本年新收"
// must then be 0. A gap naming 复议 or 诉讼 is about table 4 ("未收到行政复议申请"), and 申请人
// is a person, not an application.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { gatedHits, matchAll, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';

// The gap is lazy so that the nearest 申请 is taken ("未收到申请，也未收到行政复议申请").
export const NONE_PATTERN = '未(收到|受理|接到)(?<gap>[^。；]{0,12}?)申请(?!人)';

export function matchNone(s: Sentence): Hit[] {
  return matchAll(s, NONE_PATTERN, 'none', 30, (m) => !/复议|诉讼/.test(m.groups!.gap));
}

export default defineRule({
  id: 'TEXT-NONE-RECEIVED',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文称未收到申请时表三本年新收应为 0', en: '"No applications received" requires table 3 I to be 0' },
  messages: {
    default: { zh: '正文称未收到申请，但表三“一、本年新收”·总计为 {t}', en: 'The text says no applications were received, but table 3 I · Total is {t}' },
  },
  check(ctx) {
    const q = quantity(ctx.report, ['t3.new.tot']);
    if (!q || q.supported.has(0)) return;
    const cell = q.cells[0];
    for (const { hit } of gatedHits(ctx, matchNone)) {
      ctx.emit({
        range: hit.span, args: { t: q.value, n: 0 }, cell, written: 0, computed: q.value,
        related: [relatedCell(cell, cellDisplay(ctx.report.tables.T3, cell))],
      });
    }
  },
});
