// TEXT-EXPORT-ARTIFACT: leftovers of a Word/HTML export in the prose — bookmarks, formatting
// tags, conditional comments. Deleting them changes no value, so the fix is safe. Runs on every
// report (always), and on all prose outside tables and code: an artefact in s5 or a heading is
// as much a leftover as one in s1 (inside a table such text is CELL-OCR-NOISE's business).
import { defineRule } from '../api.ts';
import { blockedLines } from './prose.ts';

// Tags may carry attributes (Word writes font names in Chinese) but never another `<`. A Word
// conditional comment is taken whole when it is (`<!--[if !supportLists]-->`, `<![endif]-->`).
// Lengths are bounded so that a stray `<b` in a long line costs nothing.
export const ARTIFACT = /\[bookmark: [^\]\n]{0,200}\]|<\/?(?:b|i|u|span|font|p|br|div)\b[^<>\n]{0,1000}>|<!--\[if[^\]\n]*\](?:-->|>)|<!--\[if|<!(?:--)?\[endif\]-->/gi;

export default defineRule({
  id: 'TEXT-EXPORT-ARTIFACT',
  severity: 'info',
  versions: ['any'],
  always: true,
  summary: { zh: '文中残留文档导出标记', en: 'Leftover export artefacts in the text' },
  messages: {
    default: { zh: '文中残留文档导出标记“{text}”', en: 'Leftover export artefact “{text}”' },
    fix: { zh: '删除“{text}”', en: 'Delete “{text}”' },
  },
  fixes: { fix: 'safe' },
  check(ctx) {
    const blocked = blockedLines(ctx);
    for (const line of ctx.index.lines) {
      if (blocked.has(line.index) || !/[[<]/.test(line.text)) continue;
      for (const m of line.text.matchAll(ARTIFACT)) {
        const start = line.start + m.index!;
        const range = { start, end: start + m[0].length };
        const args = { text: m[0] };
        ctx.emit({ range, args, fixes: [{ title: 'fix', args, edits: [{ ...range, newText: '' }] }] });
      }
    }
  },
});
