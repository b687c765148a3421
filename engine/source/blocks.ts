// Line-level constructs both text scanners read: ATX and Setext headings, bullets, fences, GFM
// table blocks, HTML comments.
import type { Line, LineIndex } from '../text.ts';
import type { DocStructure, GridCell, HeadingMark, SourceGrid } from './types.ts';

export const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;
export const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
export const BULLET = /^( {0,3}[-*+])[ \t]+/;
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;
export const DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
export const isDelimiter = (t: string) => t.includes('|') && t.includes('-') && DELIMITER.test(t);

/**
 * The block a GFM table header on line `l` opens — the header, a delimiter row, then pipe lines up
 * to a blank one: its last line, or -1.
 */
export function gfmBlockEnd(lines: Line[], l: number, loose = false): number {
  if (l + 1 >= lines.length) return -1;
  const header = lines[l].text;
  const delimiter = lines[l + 1].text;
  // Loose (the Markdown skeleton, where remark decides): a pipe in the header or in the delimiter
  // row will do. The line scanner wants both.
  const candidate = loose
    ? (header.includes('|') || delimiter.includes('|')) && delimiter.includes('-') && DELIMITER.test(delimiter) && header.trim() !== ''
    : header.includes('|') && isDelimiter(delimiter);
  if (!candidate) return -1;
  let last = l + 1;
  while (last + 1 < lines.length && lines[last + 1].text.includes('|') && lines[last + 1].text.trim()) last++;
  return last;
}
const COMMENT = /<!--([\s\S]*?)-->/g;

/** Splits one GFM row into cells with offsets (escaped pipes stay inside a cell). */
export function splitGfmRow(text: string, base: number): GridCell[] {
  const cells: GridCell[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '|') i++;
  let cellStart = i;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && (text[a] === ' ' || text[a] === '\t')) a++;
    while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
    // An empty cell's range sits right after its leading delimiter and one space (docs/spec/rules.md §0).
    if (a === b) a = b = Math.min(from + (text[from] === ' ' ? 1 : 0), to);
    cells.push({ start: base + a, end: base + b, text: text.slice(a, b) });
  };
  for (; i < n; i++) {
    // A backslash escapes the next character: `\|` is an escaped pipe, `\\|` a backslash and a pipe.
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '|') {
      push(cellStart, i);
      cellStart = i + 1;
    }
  }
  const rest = text.slice(cellStart);
  if (rest.trim()) push(cellStart, n);
  return cells;
}

export function addGfmTable(s: DocStructure, idx: LineIndex, header: number, delimiter: number, last: number): void {
  const rows: SourceGrid['rows'] = [];
  for (let l = header; l <= last; l++) {
    if (l === delimiter) continue;
    const line = idx.lines[l];
    rows.push({ line: l, cells: splitGfmRow(line.text, line.start) });
  }
  addGrid(s, { kind: 'gfm', startLine: header, endLine: last, delimiterLine: delimiter, rows });
}

/** Records a source grid and the lines it holds. */
export function addGrid(s: DocStructure, grid: SourceGrid): void {
  s.grids.push(grid);
  for (let l = grid.startLine; l <= grid.endLine; l++) s.gridLines.set(l, grid);
}

export function scanComments(s: DocStructure, text: string): void {
  if (!text.includes('<!--')) return;
  for (const m of text.matchAll(COMMENT)) s.comments.push({ start: m.index!, end: m.index! + m[0].length, text: m[1] });
}

export function atxMark(lineNo: number, text: string, start: number): HeadingMark | undefined {
  const m = ATX.exec(text);
  if (!m) return undefined;
  const hashStart = start + m[1].length;
  const contentStart = m[3] ? start + text.indexOf(m[3], m[1].length + m[2].length) : hashStart + m[2].length;
  return {
    line: lineNo, level: m[2].length, kind: 'atx',
    hashes: { start: hashStart, end: hashStart + m[2].length },
    contentStart, contentEnd: contentStart + m[3].length,
  };
}
