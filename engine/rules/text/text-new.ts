// TEXT-NEW: the number of new applications the prose states against table 3 "一、本年新收".
// "新收…N件" is the new count; "收到/受理…申请N件" may also include last year's carry-over, so it
// agrees with new or new + carry. 事项 counts only with a disclosure qualifier: "受理各类事项5万件"
// is 政务服务, not disclosure.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { APP_UNIT, gatedHits, matchAll, N, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';

const QUALIFIER = '(政府信息公开|信息公开|依申请公开)';

export const NEW_PATTERNS: [string, string][] = [
  ['new', `新收(到)?(了)?(共)?${N}${APP_UNIT}`],
  ['new', `新收(到)?(各类)?${QUALIFIER}?申请(共)?${N}${APP_UNIT}`],
  ['received', `(收到|受理)(了)?(各类)?(${QUALIFIER}(申请|事项)|申请)(共)?${N}${APP_UNIT}`],
  ['received', `(收到|受理)(了)?(共)?${N}${APP_UNIT}(${QUALIFIER}(申请|事项)|申请)`],
];

/** 新收 forms are more specific than 收到/受理 at the same number. */
export function matchNew(s: Sentence): Hit[] {
  return NEW_PATTERNS.flatMap(([form, re]) => matchAll(s, re, form, form === 'new' ? 10 : 40));
}

export default defineRule({
  id: 'TEXT-NEW',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文所述新收申请数应与表三一致', en: 'New applications in the text match table 3' },
  messages: {
    default: { zh: '正文称新收申请 {n} 件，但表三“一、本年新收”·总计为 {t}', en: 'The text says {n} new applications, but table 3 I · Total is {t}' },
    received: { zh: '正文称收到申请 {n} 件，但表三本年新收为 {new}（加上年结转为 {sum}）', en: 'The text says {n} applications received, but table 3 has {new} new ({sum} with carry-over)' },
  },
  check(ctx) {
    const t3 = ctx.report.tables.T3;
    const fresh = quantity(ctx.report, ['t3.new.tot']);
    if (!fresh) return;
    const withCarry = quantity(ctx.report, ['t3.new.tot', 't3.carry.tot']);
    for (const { hit } of gatedHits(ctx, matchNew)) {
      const n = hit.num!.value;
      const cell = fresh.cells[0];
      const related = [relatedCell(cell, cellDisplay(t3, cell))];
      if (hit.form === 'new') {
        if (fresh.supported.has(n)) continue;
        ctx.emit({ range: hit.num!, args: { n, t: fresh.value }, cell, written: n, computed: fresh.value, related });
      } else {
        // Without a number in 二、上年结转 only the new count can be compared.
        if (fresh.supported.has(n) || withCarry?.supported.has(n)) continue;
        if (!withCarry) continue;
        const carry = withCarry.cells[1];
        ctx.emit({
          range: hit.num!, message: 'received', args: { n, t: fresh.value, new: fresh.value, sum: withCarry.value },
          cell, written: n, computed: fresh.value, related: [...related, relatedCell(carry, cellDisplay(t3, carry))],
        });
      }
    }
  },
});
