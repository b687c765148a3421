// What the TPL-* rules share: places in the document (line 1, a section heading, the title),
// keyword searches over a section, and the document's own line break for insertions.
import type { Report, Section, SectionKey, Span } from '../../model.ts';
import type { LineIndex } from '../../text.ts';

export const sectionOf = (report: Report, key: SectionKey): Section | undefined => report.sections.find((s) => s.key === key);

/** "Section: its heading line" (rules.md §0). */
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

export const squeeze = (s: string): string => s.normalize('NFKC').replace(/[\s\u3000\u00a0\u2000-\u200b\ufeff]+/g, '');

export const hasAny = (s: string, words: string[]): boolean => words.some((w) => s.includes(w));

/** The document's own line break. */
export const eolOf = (text: string): string => (/\r\n/.test(text) ? '\r\n' : /\r(?!\n)/.test(text) ? '\r' : '\n');

/** Whether line `i` (0-based) exists and is blank. */
export const blankLine = (index: LineIndex, i: number): boolean => i < index.lines.length && index.lines[i].text.trim() === '';
