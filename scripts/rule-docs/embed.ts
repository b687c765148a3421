// Embeds an example's blocks into the minimal report skeleton (docs/rules/src/skeleton/): a whole
// report is checked as written; a part (the opening, a section, a table) replaces that part of a
// skeleton that is itself clean, so what a rule reports on the result comes from the example.
import { readFileSync } from 'node:fs';
import { sectionsOf, type Example, type ExampleBlock, type Part } from './source.ts';

export const SKELETON_DIR = new URL('../../docs/rules/src/skeleton/', import.meta.url);

const ORDINALS = '一二三四五六';
/**
 * A section heading of the skeleton (the skeleton is ours: its headings are `一、…` lines, `## ` in
 * Markdown); a table row such as "四、结转下年度继续办理<TAB>…" holds a TAB or a pipe, a heading neither.
 */
const SECTION = /^(?:#{1,6} )?([一二三四五六])、[^\t|]*$/;

export interface Embedded {
  text: string;
  /** The name the engine is told, which decides Markdown or plain text. */
  fileName: string;
  /** The file's bytes when the example gives them in hexadecimal (a file that is not text). */
  bytes?: Buffer;
  /** The .govreportrc.json checked with the report, when the example gives one. */
  config?: string;
  /** Last year's report (the skeleton of the year before, with the example's `prev` blocks). */
  prev: { text: string; fileName: string };
}

/**
 * The skeleton file of a report year: the 2021-format one for 2021 and later, the 2019-format one
 * (written for 2020) before. Last year's report of a cross-year example has a skeleton of its
 * own, worded differently, so that two skeletons side by side do not read as copied text.
 */
export function skeletonFile(year: number, layout: 'md' | 'text', lastYear = false): URL {
  return new URL(`${year >= 2021 ? 2021 : 2020}${lastYear ? '-last-year' : ''}.${layout === 'md' ? 'md' : 'txt'}`, SKELETON_DIR);
}

/** The skeleton of a report year, its years shifted from the file's own. */
export function skeleton(year: number, layout: 'md' | 'text', lastYear = false): string {
  const shift = year - (year >= 2021 ? 2021 : 2020);
  return readFileSync(skeletonFile(year, layout, lastYear), 'utf8').replace(/\d{4}(?=年)/g, (y) => String(Number(y) + shift));
}

export function embed(example: Example): Embedded {
  const layout = (example.blocks.find((b) => b.layout !== 'json')?.layout ?? 'md') as 'md' | 'text';
  const fileName = layout === 'md' ? 'report.md' : 'report.txt';
  const config = example.blocks.find((b) => b.part === 'config')?.body;
  const report = (blocks: ExampleBlock[], year: number, lastYear: boolean): string => {
    const whole = blocks.find((b) => b.part === 'report');
    if (whole) return whole.hex ? '' : withFinalNewline(whole.body);
    return withFinalNewline(replaceParts(skeleton(year, layout, lastYear).split('\n'), blocks, layout).join('\n'));
  };
  const own = example.blocks.filter((b) => !b.prev && b.part !== 'config');
  const hex = own.find((b) => b.hex);
  return {
    text: report(own, example.year, false),
    fileName,
    bytes: hex ? Buffer.from(hex.body.replace(/\s+/g, ''), 'hex') : undefined,
    config,
    prev: { text: report(example.blocks.filter((b) => b.prev), example.year - 1, true), fileName },
  };
}

function replaceParts(lines: string[], blocks: ExampleBlock[], layout: 'md' | 'text'): string[] {
  const ranges = blocks.map((b) => ({ block: b, ...partRange(lines, b.part, layout) }));
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i].start < ranges[i - 1].end) throw new Error(`line ${ranges[i].block.line}: parts ${ranges[i - 1].block.part} and ${ranges[i].block.part} overlap`);
  }
  for (const r of ranges.reverse()) {
    const body = r.block.body.split('\n');
    // A replaced opening or section keeps the blank line that separates it from what follows.
    const tail = r.block.part.startsWith('t') ? [] : [''];
    lines.splice(r.start, r.end - r.start, ...body, ...tail);
  }
  return lines;
}

function withFinalNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** The skeleton lines [start, end) a part occupies. */
function partRange(lines: string[], part: Part, layout: 'md' | 'text'): { start: number; end: number } {
  const heads = ORDINALS.split('').map((o) => lines.findIndex((l) => SECTION.exec(l)?.[1] === o));
  if (heads.some((h) => h < 0)) throw new Error('the skeleton lacks a section heading');
  const section = (k: number) => ({ start: heads[k - 1], end: k < 6 ? heads[k] : lines.length });
  if (part === 'head') return { start: 0, end: heads[0] };
  const sections = sectionsOf(part);
  if (sections) return { start: section(sections[0]).start, end: section(sections[1]).end };
  const { start, end } = section(Number(part[1]));
  const isRow = layout === 'md' ? (l: string) => l.startsWith('|') : (l: string) => l.includes('\t');
  const first = lines.findIndex((l, i) => i >= start && i < end && isRow(l));
  if (first < 0) throw new Error(`the skeleton has no table in section ${part[1]}`);
  let last = first;
  while (last + 1 < end && isRow(lines[last + 1])) last++;
  return { start: first, end: last + 1 };
}
