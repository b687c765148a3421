// The prose of a report, as the model gives it to the rules (docs/spec/rules.md §7): which lines
// are prose, its sentences with offsets and sections, and the ordinal paragraphs of each section.
// Built once per check (engine/pipeline.ts hands one to every rule), each part on first use, so
// rules share one reading instead of caching their own; what a rule matches in the sentences is
// its own (engine/rules/text/prose.ts).
import type { Report, Section, SectionKey, Span, Table } from './model.ts';
import { ordinalParagraphs, type OrdinalPara } from './ordinals.ts';
import type { DocStructure } from './source/types.ts';
import type { LineIndex } from './text.ts';

export interface Sentence extends Span {
  text: string;
  /** The section the sentence lies in; null for the preamble (before the first section). */
  section: SectionKey | null;
}

export interface Prose {
  /** Lines that are never prose: table lines (each table's range), source grids, fenced code. */
  readonly blocked: ReadonlySet<number>;
  /** Heading lines: section headings (and their duplicates), Markdown headings, the title. */
  readonly headings: ReadonlySet<number>;
  /**
   * Sentences of the prose scope: the preamble, s1–s4 and s6 (s5 describes plans), outside tables,
   * headings and fenced code, HTML comments blanked. A sentence ends at 。！？； or a line end.
   */
  readonly sentences: readonly Sentence[];
  /** The paragraphs of a section's body that start with an ordinal (engine/ordinals.ts). */
  ordinals(section: Section): readonly OrdinalPara[];
}

interface Parts {
  report: Report;
  index: LineIndex;
  structure: DocStructure;
}

/** The prose of a parsed report; each part is computed when first read, then kept. */
export function readProse(parts: Parts): Prose {
  let blocked: ReadonlySet<number> | undefined;
  let headings: ReadonlySet<number> | undefined;
  let list: readonly Sentence[] | undefined;
  const ordinals = new Map<Section, readonly OrdinalPara[]>();
  return {
    get blocked() {
      return (blocked ??= blockedLines(parts));
    },
    get headings() {
      return (headings ??= headingLines(parts));
    },
    get sentences() {
      return (list ??= sentences(parts, this.blocked, this.headings));
    },
    ordinals(section) {
      let paras = ordinals.get(section);
      if (!paras) ordinals.set(section, (paras = ordinalParagraphs(parts, section)));
      return paras;
    },
  };
}

function blockedLines({ report, index, structure }: Parts): Set<number> {
  const out = new Set<number>(structure.code);
  for (const l of structure.gridLines.keys()) out.add(l);
  for (const t of Object.values(report.tables) as Table[]) {
    if (t.status === 'missing' || t.range.end <= t.range.start) continue;
    const first = index.lineAt(t.range.start);
    const last = index.lineAt(Math.max(t.range.start, t.range.end - 1));
    for (let l = first; l <= last; l++) out.add(l);
  }
  return out;
}

function headingLines({ report, structure }: Parts): Set<number> {
  const out = new Set<number>(structure.headings.keys());
  for (const s of report.sections) {
    out.add(s.heading.line);
    for (const d of s.duplicates) out.add(d.line);
  }
  const title = report.title;
  if (title) for (let l = title.line; l <= (title.lastLine ?? title.line); l++) out.add(l);
  return out;
}

/** Comments by the lines they touch, so masking a line does not scan every comment. */
function commentsByLine({ index, structure }: Parts): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  for (const c of structure.comments) {
    const last = index.lineAt(Math.max(c.start, c.end - 1));
    for (let l = index.lineAt(c.start); l <= last; l++) {
      const list = out.get(l) ?? [];
      list.push(c);
      out.set(l, list);
    }
  }
  return out;
}

/** The line's text with HTML comments blanked out (same length, so offsets stay true). */
function maskedLine(index: LineIndex, line: number, comments: Map<number, Span[]>): string {
  const l = index.lines[line];
  let text = l.text;
  const touching = comments.get(line);
  if (!touching) return text; // most lines: no comment, and no empty list made to find that out
  for (const c of touching) {
    const a = Math.max(c.start, l.start) - l.start;
    const b = Math.min(c.end, l.end) - l.start;
    if (b > a) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return text;
}

function sectionAt(report: Report, offset: number): SectionKey | null {
  let key: SectionKey | null = null;
  let best = -1;
  for (const s of report.sections) {
    if (s.heading.start <= offset && s.heading.start > best) {
      best = s.heading.start;
      key = s.key;
    }
  }
  return key;
}

const SENTENCE_ENDS = /[。！？；]/g;
// `/\S/` holds exactly where `trim()` would leave something (both use WhiteSpace and
// LineTerminator), without copying the line or piece to find out.
const NONBLANK = /\S/;

function sentences(parts: Parts, blocked: ReadonlySet<number>, headings: ReadonlySet<number>): Sentence[] {
  const { report, index } = parts;
  const comments = commentsByLine(parts);
  const out: Sentence[] = [];
  for (const line of index.lines) {
    if (blocked.has(line.index) || headings.has(line.index) || !NONBLANK.test(line.text)) continue;
    const section = sectionAt(report, line.start);
    if (section === 's5') continue;
    const text = maskedLine(index, line.index, comments);
    let from = 0;
    SENTENCE_ENDS.lastIndex = 0;
    for (let m = SENTENCE_ENDS.exec(text); ; m = SENTENCE_ENDS.exec(text)) {
      const i = m ? m.index : text.length;
      const piece = text.slice(from, i);
      if (NONBLANK.test(piece)) out.push({ start: line.start + from, end: line.start + i, text: piece, section });
      from = i + 1;
      if (!m) break;
    }
  }
  return out;
}
