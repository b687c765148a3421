// The ordinal paragraphs of section bodies (（一）…, 1. …, 一、 inside a section), as the model gives
// them to the rules: read once per check, a section at a time on first use (ctx.prose.ordinals,
// engine/prose.ts), so the STRUCT-NUMBERING-* rules share one reading instead of caching their own.
import type { Report, Section, Span } from './model.ts';
import type { DocStructure } from './source/types.ts';
import { SUB_ORDINAL, TOP_ORDINAL } from './structure/sections.ts';
import { ordinalValue, plainText, unwrapped, type LineIndex } from './text.ts';

export interface OrdinalPara {
  line: number;
  /** 1 一、 · 2 （一） · 3 1. · 4 （1） */
  level: 1 | 2 | 3 | 4;
  value: number;
  /** The ordinal token as written, with its punctuation. */
  span: Span & { text: string };
  /** The paragraph's lead text (up to the first 。；：, at most 30 characters) for messages. */
  lead: string;
}

const LEVEL2 = /^[（(]([一二三四五六七八九十]{1,3})[）)]/;
const LEVEL3 = /^(\d{1,2})[.、．](?!\d)/;
const LEVEL4 = /^[（(](\d{1,2})[）)]/;
const BLANK = /\s/;
/** The characters TOP_ORDINAL and SUB_ORDINAL can start with, and those inline markup starts with. */
const MAY_OPEN = '一二三四五六七八九十（(0123456789<*_\\';

function leadOf(s: string): string {
  const cut = s.search(/[。；;：:]/);
  const t = (cut >= 0 ? s.slice(0, cut) : s).trim();
  return [...t].length > 30 ? [...t].slice(0, 30).join('') + '…' : t;
}

/**
 * What every section's reading shares: the lines of all section headings and the tables present.
 * Built once per report rather than once per section, since a long document (a merged export of
 * many reports) has hundreds of duplicate headings and asks for each one's section.
 */
const READING = new WeakMap<Report, { headingLines: Set<number>; tables: Report['tables'][keyof Report['tables']][] }>();
function readingOf(report: Report) {
  let r = READING.get(report);
  if (!r) {
    const headingLines = new Set<number>();
    for (const s of report.sections) {
      headingLines.add(s.heading.line);
      for (const d of s.duplicates) headingLines.add(d.line);
    }
    const tables = (['T2', 'T3', 'T4'] as const).map((id) => report.tables[id]).filter((t) => t.status !== 'missing');
    READING.set(report, (r = { headingLines, tables }));
  }
  return r;
}

interface Parts {
  report: Report;
  index: LineIndex;
  structure: DocStructure;
}

/**
 * The lines of a section body that start with an ordinal (after a list marker or `#` run), outside
 * tables, code and other section headings. In plain text every line is a paragraph; a Markdown
 * paragraph's first line is the one that can carry its ordinal.
 */
export function ordinalParagraphs({ index, structure, report }: Parts, section: Section): OrdinalPara[] {
  const text = index.text;
  const { headingLines, tables } = readingOf(report);
  const inTable = (l: number) => {
    const line = index.lines[l];
    return tables.some((t) => line.end >= t.range.start && line.start <= t.range.end);
  };
  const out: OrdinalPara[] = [];
  const first = section.heading.line + 1;
  const last = section.body.end >= text.length ? index.lines.length - 1 : index.lineAt(section.body.end) - (index.lines[index.lineAt(section.body.end)].start === section.body.end ? 1 : 0);
  for (let l = first; l <= last; l++) {
    const line = index.lines[l];
    if (headingLines.has(l) || structure.code.has(l) || structure.gridLines.has(l)) continue;
    if (line.text.includes('\t') || line.text.includes('|') || inTable(l)) continue;
    const mark = structure.headings.get(l);
    let start = mark?.kind === 'atx' ? mark.contentStart : structure.bullets.get(l) ?? line.start;
    // The text from `start` to the line's end, trimmed: found by index and copied once (`\s` is
    // the set trim() removes).
    let end = line.end;
    while (start < end && BLANK.test(text[start])) start++;
    // An ordinal is the first character the paragraph shows, and markup read past before it opens
    // with `<`, `*`, `_` or `\`: a line starting with anything else (most prose) holds none.
    if (start >= end || !MAY_OPEN.includes(text[start])) continue;
    while (end > start && BLANK.test(text[end - 1])) end--;
    const trimmed = text.slice(start, end);
    // A converter's emphasis or inline HTML before the ordinal (`<span lang="zh-CN">（一）…`) is read past.
    const [wrapped] = unwrapped(trimmed);
    start += wrapped;
    const written = trimmed.slice(wrapped);
    if (!written) continue;
    // Inline markup inside the ordinal ("(<span lang="zh-CN">一</span>)") is read past; the token's
    // range covers it as written.
    const plain = plainText(written);
    const content = plain ? plain.text : written;
    const spanOf = (token: string) => ({ start: start + (plain ? plain.offsets[0] : 0), end: start + (plain ? plain.offsets[token.length - 1] + 1 : token.length), text: token });
    let m: RegExpExecArray | null;
    let para: OrdinalPara | undefined;
    if ((m = TOP_ORDINAL.exec(content))) {
      // The token is the numeral and its punctuation; a numeral followed by a space stands alone.
      const punct = /[、.．，,]/.test(content[m[1].length]) ? 1 : 0;
      const token = content.slice(0, m[1].length + punct);
      para = { line: l, level: 1, value: ordinalValue(m[1]) ?? 0, span: spanOf(token), lead: leadOf(content) };
    } else if (SUB_ORDINAL.test(content)) {
      const m2 = LEVEL2.exec(content);
      const m3 = m2 ? null : LEVEL3.exec(content);
      const m4 = m2 || m3 ? null : LEVEL4.exec(content);
      const hit = m2 ?? m3 ?? m4;
      if (hit) {
        const level = m2 ? 2 : m3 ? 3 : 4;
        const value = m2 ? ordinalValue(hit[1]) ?? 0 : Number(hit[1]);
        para = { line: l, level, value, span: spanOf(hit[0]), lead: leadOf(content) };
      }
    }
    if (para) out.push(para);
  }
  return out;
}
