// What the TPL-* rules share: places in the document (line 1, a section heading, the title),
// keyword searches over a section, and the document's own line break for insertions.
import type { Report, Section, SectionKey, Span } from '../../model.ts';
import type { LineIndex } from '../../text.ts';

export const sectionOf = (report: Report, key: SectionKey): Section | undefined => report.sections.find((s) => s.key === key);

/** "Section: its heading line" (docs/spec/rules.md §0). */
export const headingRange = (s: Section): Span => ({ start: s.heading.start, end: s.heading.end });

/** Line 1 as a range (its text; empty when the line is). */
export function line1(index: LineIndex): Span {
  const l = index.lines[0];
  return { start: l.start, end: l.end };
}

/** The section's heading and body, whitespace removed, for keyword tests (OCR spaces words apart). */
export function sectionWords(text: string, s: Section): string {
  return squeeze(text.slice(s.heading.start, s.body.end));
}

const squeezePiece = (s: string): string => s.normalize('NFKC').replace(/[\s\u3000\u00a0\u2000-\u200b\ufeff]+/g, '');
const SQUEEZE_PIECE = 1 << 16;

/**
 * NFKC without whitespace. A long text goes in pieces cut after a line break (NFKC composes
 * nothing across one): ICU's two copies of a whole 10 MB text are C memory the allocator keeps
 * long after the check.
 */
export function squeeze(s: string): string {
  if (s.length <= SQUEEZE_PIECE) return squeezePiece(s);
  const out: string[] = [];
  let at = 0;
  while (at < s.length) {
    let end = Math.min(s.length, at + SQUEEZE_PIECE);
    const lineEnd = s.indexOf('\n', end);
    end = lineEnd < 0 ? s.length : lineEnd + 1;
    out.push(squeezePiece(s.slice(at, end)));
    at = end;
  }
  return out.join('');
}

export const hasAny = (s: string, words: string[]): boolean => words.some((w) => s.includes(w));

/** The document's own line break. */
export const eolOf = (text: string): string => (/\r\n/.test(text) ? '\r\n' : /\r(?!\n)/.test(text) ? '\r' : '\n');

/** Whether line `i` (0-based) exists and is blank. */
export const blankLine = (index: LineIndex, i: number): boolean => i < index.lines.length && index.lines[i].text.trim() === '';
