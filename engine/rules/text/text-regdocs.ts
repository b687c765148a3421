// TEXT-REGDOCS (2021 template): normative documents made / repealed / in force stated in the
// prose against table 2 行政规范性文件. Not gated: 规范性文件 is unambiguous.
import { defineRule } from '../api.ts';
import { cellDisplay, colDisplay } from '../helpers.ts';
import { matchAll, N, NOT_DIGIT, quantity, relatedCell, resolve, sentences } from './prose.ts';

export const REGDOCS_PATTERNS: { col: 'made' | 'repealed' | 'valid'; verb: string; verbEn: string; re: string }[] = [
  { col: 'made', verb: '制发', verbEn: 'made', re: `制发[^，。；${NOT_DIGIT}]{0,10}?规范性文件(共)?${N}件` },
  { col: 'repealed', verb: '废止', verbEn: 'repealed', re: `废止[^，。；${NOT_DIGIT}]{0,10}?规范性文件(共)?${N}件` },
  { col: 'valid', verb: '现行有效', verbEn: 'in force', re: `现行有效[^，。；${NOT_DIGIT}]{0,6}?规范性文件(共)?${N}件` },
];

export default defineRule({
  id: 'TEXT-REGDOCS',
  severity: 'warning',
  versions: ['2021'],
  summary: { zh: '正文所述规范性文件件数应与表二一致', en: 'Normative-document counts in the text match table 2' },
  messages: {
    default: { zh: '正文称{verb}规范性文件 {n} 件，但表二行政规范性文件·{col}为 {t}', en: 'The text says {n} normative documents {verbEn}, but table 2 says {t}' },
  },
  check(ctx) {
    const t2 = ctx.report.tables.T2;
    if (t2.version !== '2021') return;
    for (const s of sentences(ctx)) {
      // Every pattern names 规范性文件: one substring test rejects nearly every sentence, where the
      // three patterns' probes and resolve()'s copy cost about 15 ms on a 1 MB report.
      if (!s.text.includes('规范性文件')) continue;
      const hits = resolve(REGDOCS_PATTERNS.flatMap((p, i) => matchAll(s, p.re, String(i), 10)));
      for (const hit of hits) {
        const p = REGDOCS_PATTERNS[Number(hit.form)];
        const q = quantity(ctx.report, [`t2.norm.${p.col}`]);
        const n = hit.num!.value;
        if (!q || q.supported.has(n)) continue;
        const cell = q.cells[0];
        ctx.emit({
          range: hit.num!, args: { verb: p.verb, verbEn: p.verbEn, n, col: colDisplay(t2, p.col), t: q.value },
          cell, written: n, computed: q.value, related: [relatedCell(cell, cellDisplay(t2, cell))],
        });
      }
    }
  },
});
