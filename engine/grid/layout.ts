// Layout recovery (docs/spec/layouts.md §4): the raw lines of a table region become a stream of cells with
// offsets. Each line gets one layout of its own, so a table pasted partly as TAB rows and partly
// one cell per line still reads. Rows are not decided here except where the layout itself says
// so (a TSV/GFM/PDF line is one row; in L2 a blank line ends a row); the binder forms the rest
// from labels, never from positions in a stream of numbers.
import { plainText, unwrapped, type LineIndex } from '../text.ts';
import { isValueLike } from './rows.ts';
import type { DocStructure, GridCell, SourceGrid } from '../source/types.ts';
import type { GridItem, RawCell } from './types.ts';

// The cell types live in grid/types.ts so rows.ts can read them without importing this module back.
export type { GridItem, RawCell } from './types.ts';

export type Layout = 'L1' | 'L2' | 'L3' | 'L4' | 'L6' | 'L8';

/** A value token of PDF text: a number (units allowed: "5件", "988.2576万") or a placeholder. */
const NUMERIC = /^[+-]?[\d０-９][\d０-９,，.．]*(?:件|个|项|条|次|元|万元|万|亿元)?[\u3000\u00a0]*$|^[-—–/／]$/;
const CJK = /[\u4e00-\u9fff]/;
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?)\s*$/;
const SPACE_SPLIT = /[ \u3000]+/g;
/** A running header of PDF text: the report's title repeated at a page break inside a table. */
const RUNNING_HEADER = /^[^\t|]{0,60}(?:信息公开|政务公开)[^\t|]{0,12}报告\s*$/;
const COMMENT_LINE = /^\s*<!--.*-->\s*$/;
const NUMBERISH = /^[+\-－]?[\d０-９][\d０-９,.．]*[\u3000\u00a0]*$/;
/** A line of prose: Chinese text that ends a sentence with 。！？ (a label or a note of the template never does). */
const PROSE_SENTENCE = /[\u4e00-\u9fff][^\t|]{6,}[。！？]/;

function trimmedCell(text: string, from: number, to: number, base: number, line: number, col: number, explicit: boolean): RawCell {
  let a = from;
  let b = to;
  while (a < b && (text[a] === ' ' || text[a] === '\t')) a++;
  while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
  if (a === b) a = b = from;
  [a, b] = insideMarkup(text, a, b);
  return readable({ text: text.slice(a, b), start: base + a, end: base + b, line, col, explicit: explicit && a === b });
}

/**
 * A value with markup inside it (`988.2576<span lang="zh-CN">万</span>`): read as the text the
 * markup shows; its range stays the cell as written, and no sub-range of it is taken for the number.
 */
function readable(cell: RawCell): RawCell {
  if (!/<\/?[a-zA-Z]|\*\*|__/.test(cell.text)) return cell;
  const plain = plainText(cell.text);
  if (!plain) return cell;
  const lead = plain.text.length - plain.text.trimStart().length;
  const shown = plain.text.trim();
  // A value, or a value echoing its label ("行政强制 0"): what the markup shows is read.
  if (!isValueLike(shown) && !isValueLike(/(?:^|\s)(\S+)$/.exec(shown)?.[1] ?? '')) return cell;
  return { ...cell, text: shown, shown: plain.offsets.subarray(lead, lead + shown.length) };
}

/**
 * A value a converter wrapped in markup (`**4**`, `<span lang="zh-CN">4</span>`) is the value: the
 * cell is read, and a fix edits, inside the markup. Label text keeps its markup in the cell (it is
 * matched past it, text.ts), so debris like `<b>红木</b>` is still reported as written.
 */
function insideMarkup(text: string, a: number, b: number): [number, number] {
  if (!/[<*_]/.test(text.slice(a, b))) return [a, b];
  const [ia, ib] = unwrapped(text.slice(a, b));
  if ((ia === 0 && ib === b - a) || !isValueLike(text.slice(a + ia, a + ib))) return [a, b];
  return [a + ia, a + ib];
}

function tsvCells(text: string, base: number, line: number): RawCell[] {
  const cells: RawCell[] = [];
  let from = 0;
  let col = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\t') {
      cells.push(trimmedCell(text, from, i, base, line, col++, true));
      from = i + 1;
    }
  }
  return cells;
}

/** Whitespace-separated tokens of a PDF-extracted line when it ends in numbers (docs/spec/layouts.md L6). */
function pdfCells(text: string, base: number, line: number): RawCell[] | undefined {
  const tokens: { t: string; at: number }[] = [];
  // Full-width spaces after a token and before the ASCII spaces that separate columns are the token's
  // padding ("4　　" in a space-aligned table), not a column boundary.
  for (const m of text.matchAll(/[^ \u3000]+(?:\u3000+(?= |$))?/g)) tokens.push({ t: m[0], at: m.index! });
  if (tokens.length < 2) return undefined;
  let trailing = 0;
  for (let i = tokens.length - 1; i >= 0 && NUMERIC.test(tokens[i].t); i--) trailing++;
  // One value after a label of several tokens is a row too ("三、本年度 （一）予以公开 2", T2's
  // one-column blocks). "行政许可 0" alone stays one cell: it may be a value echoing its label
  // under a label line of its own, which only the binder can tell (rows.ts, class 'echo').
  if (trailing < 2 && !(trailing === 1 && tokens.length >= 3 && tokens.slice(0, -1).some((t) => CJK.test(t.t)))) return undefined;
  return tokens.map((tok, i) => ({ text: tok.t, start: base + tok.at, end: base + tok.at + tok.t.length, line, col: i, explicit: false }));
}

const SMALL_NUMBER = /^\s*\d{1,3}\s*$/;

/**
 * A line holding only a small number between rows of PDF text is a page number (docs/spec/layouts.md §2):
 * a PDF row (label and numbers, or numbers only) stands right before or after it, and neither
 * neighbour is a lone number. One value per paragraph (L8) never sits next to a PDF row, and its
 * values are lone numbers next to each other or next to their label.
 */
function isPdfPageNumber(idx: LineIndex, l: number, fromLine: number, toLine: number): boolean {
  if (!SMALL_NUMBER.test(idx.lines[l].text)) return false;
  let next = l + 1;
  while (next < toLine && !idx.lines[next].text.trim()) next++;
  let prev = l - 1;
  while (prev >= fromLine && !idx.lines[prev].text.trim()) prev--;
  if (next >= toLine || prev < fromLine) return false;
  const plain = (t: string) => !t.includes('\t') && !t.includes('|') && !SMALL_NUMBER.test(t);
  const pdfRow = (n: number) => pdfCells(idx.lines[n].text, 0, n) !== undefined;
  return plain(idx.lines[prev].text) && plain(idx.lines[next].text) && (pdfRow(prev) || pdfRow(next));
}

function gridCell(c: GridCell, line: number, col: number): RawCell {
  const [a, b] = insideMarkup(c.text, 0, c.text.length);
  // A cell holding only whitespace (a page's `&nbsp;`, Word's empty paragraph) is a blank cell the
  // table shows: an explicit blank, a place of its row, as an empty one is.
  const cell: RawCell = { text: c.text.slice(a, b), start: c.start + a, end: c.start + b, line, col, explicit: !c.covered && !c.text.trim() };
  if (c.covered) cell.covered = c.covered;
  return readable(cell);
}

/**
 * Columns of a grid that are empty in every row: no column of the table but a spacer a converter
 * left where merged cells were flattened (pandoc writes LibreOffice's split table 4 with one), so
 * the row's cells are read without them.
 */
function deadColumns(grid: SourceGrid): Set<number> {
  let dead = deadByGrid.get(grid);
  if (dead) return dead;
  dead = new Set<number>();
  const width = Math.max(0, ...grid.rows.map((r) => r.cells.length));
  for (let c = 0; c < width; c++) {
    if (grid.rows.length > 1 && grid.rows.every((r) => !r.cells[c] || (r.cells[c].text === '' && r.cells[c].covered !== 'above'))) dead.add(c);
  }
  deadByGrid.set(grid, dead);
  return dead;
}
const deadByGrid = new WeakMap<SourceGrid, Set<number>>();

/** Reads lines [from, to) of the document into grid items. */
export function readGrid(idx: LineIndex, s: DocStructure, fromLine: number, toLine: number): GridItem[] {
  const items: GridItem[] = [];
  let lastL2: RawCell | null = null; // the cell a continuation line would extend
  for (let l = fromLine; l < toLine; l++) {
    const { text, start } = idx.lines[l];
    // A line holding only an HTML comment (a govreport-disable directive) is not table content
    // and must not become a continuation of the cell above it.
    if (COMMENT_LINE.test(text)) continue;
    if (s.code.has(l)) {
      lastL2 = null;
      continue;
    }
    // A heading inside a table's region (a converter's `### 行政复议` over a small table): its words,
    // one paragraph cell, without the Markdown marks.
    const heading = s.headings.get(l);
    if (heading && heading.kind === 'atx' && !s.gridLines.has(l)) {
      const t = idx.text.slice(heading.contentStart, heading.contentEnd);
      if (t.trim()) items.push({ kind: 'cell', layout: 'L8', cell: { text: t, start: heading.contentStart, end: heading.contentEnd, line: l, col: -1, explicit: false, paragraph: true } });
      lastL2 = null;
      continue;
    }
    const grid = s.gridLines.get(l);
    if (grid) {
      lastL2 = null;
      if (l === grid.delimiterLine) continue;
      // Rows hold every line of the grid but a GFM delimiter, in order. A source grid's cells are
      // explicit (docs/spec/layouts.md L1): a blank cell is a blank value; a covered slot of a merged
      // cell is no value at all.
      const row = grid.rows[l - grid.startLine - (grid.delimiterLine >= 0 && l > grid.delimiterLine ? 1 : 0)];
      if (row) {
        const dead = deadColumns(grid);
        const cells = dead.size ? row.cells.filter((_, i) => !dead.has(i)) : row.cells;
        items.push({ kind: 'row', layout: 'L1', line: l, cells: cells.map((c, i) => gridCell(c, l, i)) });
      }
      continue;
    }
    if (/^ *\t *$/.test(text)) {
      // L2: a TAB-only line is an empty cell, not a blank line: after a label it is a blank
      // value (and must not end the row), before one rowspan residue (docs/spec/layouts.md L2).
      const at = start + text.indexOf('\t') + 1;
      const cell: RawCell = { text: '', start: at, end: at, line: l, col: -1, explicit: true };
      items.push({ kind: 'cell', layout: 'L2', cell });
      lastL2 = cell;
      continue;
    }
    if (!text.replace(SPACE_SPLIT, '').trim()) {
      items.push({ kind: 'blank', line: l });
      lastL2 = null;
      continue;
    }
    // Page numbers and running headers inside a table region are skipped without a finding (docs/spec/layouts.md §2).
    if (PAGE_NUMBER.test(text) || RUNNING_HEADER.test(text.trim())) continue;
    const firstTab = text.indexOf('\t');
    if (firstTab >= 0) {
      const onlyLeading = text.slice(0, firstTab).trim() === '' && text.indexOf('\t', firstTab + 1) < 0;
      if (onlyLeading) {
        // L2: a TAB line starts a cell; TAB-only is an empty cell.
        const cell = trimmedCell(text, firstTab + 1, text.length, start, l, -1, true);
        items.push({ kind: 'cell', layout: 'L2', cell });
        lastL2 = cell;
      } else {
        items.push({ kind: 'row', layout: 'L4', line: l, cells: tsvCells(text, start, l) });
        lastL2 = null;
      }
      continue;
    }
    // L2 continuation: a non-blank line without a leading TAB extends the previous cell — a
    // wrapped label or header ("商业" + "企业"). A number never wraps, so neither side may be one:
    // a value cell must stay on its own line, where its range is exactly its text.
    if (lastL2 && !NUMBERISH.test(lastL2.text) && !NUMBERISH.test(text.trim())) {
      const t = text.trim();
      const at = start + text.indexOf(t);
      lastL2.text = lastL2.start === lastL2.end ? t : lastL2.text + t;
      if (lastL2.start === lastL2.end) lastL2.start = at;
      lastL2.end = at + t.length;
      lastL2.explicit = false;
      continue;
    }
    const trimmed = text.trim();
    // Table rules a converter draws with dashes (pandoc's simple and multiline tables).
    if (/^-{3,}(?:[ \t]+-{3,})*$/.test(trimmed)) {
      items.push({ kind: 'residue', line: l });
      continue;
    }
    // Only pipes (`|`, `||`; escaped `\|\|` as a converter writes them): a row opener or merged-cell residue.
    if (/^(?:\\?\|)+$/.test(trimmed)) {
      items.push({ kind: 'residue', line: l });
      continue;
    }
    if (trimmed.endsWith('|') || trimmed.startsWith('|')) {
      // L3: pipe fragments; each piece between pipes is a cell, empty pieces are residue.
      let from = 0;
      for (let i = 0; i <= text.length; i++) {
        if (i === text.length || text[i] === '|') {
          const c = trimmedCell(text, from, i, start, l, -1, false);
          if (c.text) items.push({ kind: 'cell', layout: 'L3', cell: c });
          from = i + 1;
        }
      }
      continue;
    }
    // A sentence of prose below or above the table ("本年度新收…申请7件，上年结转1件。") is no row,
    // though it names a row and holds numbers: no cell of the template ends a sentence with 。.
    if (PROSE_SENTENCE.test(trimmed)) {
      items.push({ kind: 'residue', line: l });
      continue;
    }
    const pdf = pdfCells(text, start, l);
    if (pdf) {
      items.push({ kind: 'row', layout: 'L6', line: l, cells: pdf });
      continue;
    }
    if (isPdfPageNumber(idx, l, fromLine, toLine)) continue;
    items.push({ kind: 'cell', layout: 'L8', cell: { ...trimmedCell(text, 0, text.length, start, l, -1, false), paragraph: true } });
  }
  return items;
}
