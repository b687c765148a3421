// TEXT-EXPORT-ARTIFACT: leftovers of a Word/HTML export in the prose — bookmarks, formatting
// tags, conditional comments. Deleting them changes no value, so the fix is safe unless the deletion
// would change how Markdown reads the text around it (then it is offered as unsafe). Runs on every
// report (always), and on all prose outside tables and code: an artefact in s5 or a heading is
// as much a leftover as one in s1 (inside a table such text is CELL-OCR-NOISE's business).
// A leftover is what the reader of the document sees. In plain text (a .txt, a Word file, an HTML
// page's rendered text) a tag is text on the page. Markdown hands its raw HTML to the browser: a
// `<span lang="EN-US">2023</span>` pandoc writes around a run of a .docx, a `<b>`, an HTML
// comment (a Word conditional comment among them) are markup its reader never sees, so they are
// not reported there; a bookmark `[bookmark: …]` is text in Markdown too, and a tag Markdown does
// not take for HTML (an unclosed `<!--[if`, `<![endif]-->`, a malformed tag) shows as written.
// What Markdown shows as written on purpose is no leftover either and is never edited: inline
// code, link destinations, autolinks, backslash escapes (`\<b\>`, in plain text too).
import { inlineFacts, overlapsAny } from '../../source/inline.ts';
import type { Span } from '../../model.ts';
import { defineRule } from '../api.ts';
import { blockedLines } from './prose.ts';

// Tags may carry attributes (Word writes font names in Chinese) but never another `<`. A Word
// conditional comment is taken whole when it is (`<!--[if !supportLists]-->`, `<![endif]-->`).
// Lengths are bounded so that a stray `<b` in a long line costs nothing.
export const ARTIFACT = /\[bookmark: [^\]\n]{0,200}\]|<\/?(?:b|i|u|span|font|p|br|div)\b[^<>\n]{0,1000}>|<!--\[if[^\]\n]*\](?:-->|>)|<!--\[if|<!(?:--)?\[endif\]-->/gi;
const INLINE_BEFORE = /[`*_~[\]!<&\\]/;
const INLINE_AFTER = /[`*_~[\]>(:;#]/;
/** What may stand before a block's first character: indentation, list and quote markers. */
const CONTAINER_PREFIX = /^[ \t]{0,3}(?:(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]?)*$/;
const DELETE = { zh: '删除“{text}”', en: 'Delete “{text}”' };

export default defineRule({
  id: 'TEXT-EXPORT-ARTIFACT',
  severity: 'info',
  versions: ['any'],
  always: true,
  summary: { zh: '文中残留文档导出标记', en: 'Leftover export artefacts in the text' },
  messages: {
    default: { zh: '文中残留文档导出标记“{text}”', en: 'Leftover export artefact “{text}”' },
    fix: DELETE,
    fixRereads: DELETE,
  },
  // One deletion, two kinds: `fixRereads` is the same deletion where it would change how Markdown
  // reads the text around it (see below), so it is offered, never applied unasked.
  fixes: { fix: 'safe', fixRereads: 'unsafe' },
  check(ctx) {
    const blocked = blockedLines(ctx);
    const hits: { line: number; start: number; end: number }[] = [];
    for (const line of ctx.index.lines) {
      if (blocked.has(line.index) || !/[[<]/.test(line.text)) continue;
      for (const m of line.text.matchAll(ARTIFACT)) {
        // An escaped `<` or `[` is text the author meant.
        if (m.index! > 0 && line.text[m.index! - 1] === '\\') continue;
        hits.push({ line: line.index, start: line.start + m.index!, end: line.start + m.index! + m[0].length });
      }
    }
    if (!hits.length) return;
    const markdown = ctx.report.language === 'markdown';
    const facts = markdown ? inlineFacts(ctx.index, ctx.structure, new Set(hits.map((h) => h.line))) : null;
    const emitted = new Set<number>();
    const emit = (range: Span) => {
      if (emitted.has(range.start)) return;
      emitted.add(range.start);
      const args = { text: ctx.text.slice(range.start, range.end) };
      // A leftover that is all its line holds: deleting it leaves a blank line, which can join or
      // split blocks around it (two code blocks become one), so that deletion is offered, not made.
      const first = ctx.index.lines[ctx.index.lineAt(range.start)];
      const last = ctx.index.lines[ctx.index.lineAt(range.end)];
      const rest = ctx.text.slice(first.start, range.start) + ctx.text.slice(range.end, last.end);
      // In Markdown, a leftover that opens its line decides with what follows what block the line
      // is: `<b><!-- … -->` is a paragraph, `<!-- … -->` an HTML block, `<p>…` one too. Such a
      // deletion is left for a person to judge.
      const opensLine = markdown && CONTAINER_PREFIX.test(ctx.text.slice(first.start, range.start));
      // A tag or comment opening a line may itself open an HTML block (or keep one from opening).
      const reread = opensLine && (args.text.startsWith('<') || /^(?:[ \t]{4}|\t|[ \t]{0,3}[<#>\-+*=`~|\d_])/.test(rest));
      // And a deletion that brings two Markdown punctuation characters together (`` `a`<b>`b` ``
      // joins two code spans, `[x]<b>(y)` makes a link) changes how the line reads inline.
      const joins = markdown && (INLINE_BEFORE.test(ctx.text[range.start - 1] ?? '') || INLINE_AFTER.test(ctx.text[range.end] ?? ''));
      const title = rest.trim() && !reread && !joins ? 'fix' : 'fixRereads';
      ctx.emit({ range, args, fixes: [{ title, args, edits: [{ ...range, newText: '' }] }] });
    };
    for (const h of hits) {
      const range = { start: h.start, end: h.end };
      if (!facts) {
        emit(range);
        continue;
      }
      if (overlapsAny(facts.literal, h.start, h.end)) continue;
      // Hidden when rendered: an HTML comment and all inside it, and a tag that is raw HTML (inline,
      // or in an HTML block) — remark reads both as Markdown does.
      if (overlapsAny(facts.comments, h.start, h.end)) continue;
      if (ctx.text[h.start] === '<' && facts.html.some((s) => s.start <= h.start && h.end <= s.end)) continue;
      emit(range);
    }
  },
});
