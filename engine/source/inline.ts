// What Markdown makes of a few places in a document, read paragraph by paragraph: whether a
// `<!-- … -->` there is an HTML comment or literal text (inside inline code, an indented code
// block or a fenced one it is text), and which spans are literal — code, link destinations and
// titles, autolinks, HTML comments, backslash escapes — so that a fix never edits them. The block
// structure (docs/spec/format.md) is read from a skeleton of the document that leaves prose out;
// inline constructs need the prose, so the paragraphs around the places asked about are parsed
// here, each once, with remark (+ GFM for its autolinks). A paragraph is the run of non-blank lines
// around a place (at most MAX_LINES each way); a list item's indented continuation read this way
// can look like indented code, the one difference from a whole-document parse, on the safe side
// (it counts as literal).
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Span } from '../model.ts';
import type { LineIndex } from '../text.ts';
import type { DocStructure } from './types.ts';

const processor = unified().use(remarkParse).use(remarkGfm);
const MAX_LINES = 200;

interface Node {
  type: string;
  url?: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export interface InlineFacts {
  /** Spans Markdown shows as written: code, link destinations and titles, autolinks, escapes. */
  literal: Span[];
  /** HTML comments (hidden), as remark reads them. */
  comments: Span[];
  /** Every piece of raw HTML (comments included). */
  html: Span[];
}

const ESCAPE = /\\[!-/:-@[-`{-~]/g;

/** The Markdown reading of the paragraphs that hold `lines` (fenced code lines are literal whole). */
export function inlineFacts(idx: LineIndex, structure: DocStructure, lines: Iterable<number>): InlineFacts {
  const facts: InlineFacts = { literal: [], comments: [], html: [] };
  const done = new Set<number>();
  const blank = (l: number) => !idx.lines[l].text.trim();
  for (const line of [...lines].sort((a, b) => a - b)) {
    if (done.has(line)) continue;
    if (structure.code.has(line)) {
      const l = idx.lines[line];
      facts.literal.push({ start: l.start, end: l.end });
      done.add(line);
      continue;
    }
    let first = line;
    let last = line;
    while (first > 0 && line - first < MAX_LINES && !blank(first - 1) && !structure.code.has(first - 1)) first--;
    while (last + 1 < idx.lines.length && last - line < MAX_LINES && !blank(last + 1) && !structure.code.has(last + 1)) last++;
    for (let l = first; l <= last; l++) done.add(l);
    const base = idx.lines[first].start;
    const text = idx.text.slice(base, idx.lines[last].end);
    let tree: Node;
    try {
      tree = processor.runSync(processor.parse(text)) as Node;
    } catch {
      continue; // remark recursed too deep: nothing known here, nothing claimed
    }
    const stack: Node[] = [tree];
    while (stack.length) {
      const n = stack.pop()!;
      const s = n.position?.start.offset;
      const e = n.position?.end.offset;
      if (s !== undefined && e !== undefined) {
        const span = { start: base + s, end: base + e };
        if (n.type === 'inlineCode' || n.type === 'code') {
          facts.literal.push(span);
          continue;
        }
        if (n.type === 'html') {
          facts.html.push(span);
          const v = n.value ?? '';
          if (/^\s*<!--/.test(v)) {
            // From `<!--` to its `-->` (a block of HTML may go on after it on that line).
            const open = v.indexOf('<!--');
            const close = v.indexOf('-->', open + 4);
            facts.comments.push({ start: span.start + open, end: close < 0 ? span.end : span.start + close + 3 });
          }
          continue;
        }
        if (n.type === 'link' || n.type === 'image' || n.type === 'definition' || n.type === 'linkReference' || n.type === 'imageReference') {
          const kids = (n.children ?? []).filter((c) => c.position?.start.offset !== undefined);
          const autolink = n.type === 'link' && kids.length === 1 && kids[0].type === 'text'
            && (kids[0].value === n.url || `mailto:${kids[0].value}` === n.url || `http://${kids[0].value}` === n.url);
          if (autolink || !kids.length) facts.literal.push(span);
          else {
            // The destination and title: the node's span outside its text children, `](…)` on.
            const end = Math.max(...kids.map((c) => c.position!.end.offset!));
            facts.literal.push({ start: base + end, end: span.end });
            facts.literal.push({ start: span.start, end: span.start + 1 });
          }
        }
      }
      if (n.children) for (const c of n.children) stack.push(c);
    }
    for (const m of text.matchAll(ESCAPE)) facts.literal.push({ start: base + m.index!, end: base + m.index! + m[0].length });
  }
  return facts;
}

/**
 * The comments that are comments: in Markdown those remark reads as HTML (not inside code spans or
 * code blocks); in plain text those outside fenced code (README, "Configuration").
 */
export function effectiveComments(idx: LineIndex, structure: DocStructure, markdown: boolean): DocStructure['comments'] {
  const outsideFences = structure.comments.filter((c) => !structure.code.has(idx.lineAt(c.start)));
  if (!markdown || !outsideFences.length) return outsideFences;
  const { html } = inlineFacts(idx, structure, new Set(outsideFences.map((c) => idx.lineAt(c.start))));
  const starts = html.map((h) => h.start).sort((a, b) => a - b);
  const isHtmlAt = (offset: number) => {
    // remark's html node may start at the line's indentation; the comment starts at its `<`.
    let lo = 0;
    let hi = starts.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 && idx.text.slice(starts[best], offset).trim() === '';
  };
  return outsideFences.filter((c) => isHtmlAt(c.start));
}

/** Whether [start, end) overlaps any span of a sorted-or-not list (linear; lists are short). */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => start < s.end && s.start < end);
}
