// STRUCT-NUMBERING-RESTART: inside a section, top-level ordinals (一、二、…) are the level of the
// section headings themselves; a body run starting again at 一、 should use （一）（二）….
import { defineRule } from '../api.ts';
import type { OrdinalPara } from '../../ordinals.ts';
import { sectionArgs } from './shared.ts';

export default defineRule({
  id: 'STRUCT-NUMBERING-RESTART',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '部分内不应再使用一级序号“一、”', en: 'No top-level numbering inside a section' },
  messages: {
    default: { zh: '第{ordinal}部分内又使用一级序号“{first}”，与部分标题同级；应改用“（一）”“（二）”…', en: 'Section {n} restarts top-level numbering at “{first}”; use （一）（二）… inside a section' },
    fix: { zh: '改用“（一）”“（二）”…', en: 'Renumber as （一）（二）…' },
  },
  fixes: { fix: 'unsafe' },
  check(ctx) {
    for (const s of ctx.report.sections) {
      // Runs: a level-1 ordinal 一 starts one, the next numeral continues it.
      const runs: OrdinalPara[][] = [];
      let run: OrdinalPara[] | undefined;
      for (const p of ctx.prose.ordinals(s)) {
        if (p.level !== 1) continue;
        if (p.value === 1) runs.push((run = [p]));
        else if (run && p.value === run[run.length - 1].value + 1) run.push(p);
        else run = undefined;
      }
      for (const r of runs) {
        const first = r[0];
        const args = { ...sectionArgs(s.key), first: first.span.text };
        // Each ordinal of the run becomes （X）; the punctuation after the numeral goes with it.
        const edits = r.map((p) => ({ start: p.span.start, end: p.span.end, newText: `（${p.span.text.replace(/[、.．，,]$/, '')}）` }));
        ctx.emit({
          range: { start: first.span.start, end: first.span.end }, args,
          related: r.slice(1).map((p) => ({ range: { start: p.span.start, end: p.span.end }, label: { zh: p.span.text, en: p.span.text } })),
          fixes: [{ title: 'fix', args, edits }],
        });
      }
    }
  },
});
