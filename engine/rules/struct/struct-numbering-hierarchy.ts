// STRUCT-NUMBERING-HIERARCHY: ordinals nest 一、 → （一） → 1. → （1）. A new series of a higher
// level (（一） or 1.) after paragraphs of a lower level, e.g. （1）…（6） then （一）, inverts it.
import { defineRule } from '../api.ts';
import type { OrdinalPara } from '../../ordinals.ts';

export default defineRule({
  id: 'STRUCT-NUMBERING-HIERARCHY',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '序号层级应依次为“一、”“（一）”“1.”“（1）”', en: 'Numbering levels nest 一、 → （一） → 1. → （1）' },
  messages: {
    default: { zh: '序号层级颠倒：“{inner}”出现在“{outer}”之下；层级应依次为“一、”“（一）”“1.”“（1）”', en: 'Numbering levels inverted: “{inner}” under “{outer}”; use 一、 → （一） → 1. → （1）' },
  },
  check(ctx) {
    for (const s of ctx.report.sections) {
      let prev: OrdinalPara | undefined;
      for (const p of ctx.prose.ordinals(s)) {
        // Level 1 runs are STRUCT-NUMBERING-RESTART's; here only （一） and 1. series starts.
        if ((p.level === 2 || p.level === 3) && p.value === 1 && prev && prev.level > p.level) {
          ctx.emit({
            range: { start: p.span.start, end: p.span.end }, args: { inner: p.lead, outer: prev.lead },
            related: [{ range: { start: prev.span.start, end: prev.span.end }, label: { zh: prev.lead, en: prev.lead } }],
          });
        }
        prev = p;
      }
    }
  },
});
