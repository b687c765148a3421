// The geometry of PDF pages read as a document: positioned text runs and drawn rules (what
// source/pdf.ts takes from each page) become lines, paragraphs and tables. Pure: no PDF parsing here,
// only points in the page's user space (PDF coordinates: y grows upwards, in points).
//
//   lines       runs on one baseline (a run a little above or below it, as digits set in another
//               font are, is on it), joined left to right: a space only where the gap is a space's
//               and neither side is CJK — never one between CJK characters.
//   paragraphs  a line that reaches the text's right edge continues into the next one when that one
//               is not indented (a wrapped paragraph is one line, as in Word), across a page break too.
//   tables      the ruling lines (cell borders) cut the page into cells; a cell no border separates
//               from its neighbour is one merged cell (colSpan/rowSpan, covered slots). A cell's
//               lines are one label, so a header broken one character per line reads as its label.
//               A table that ends a page and one that starts the next with the same outer edges are
//               one (their column borders unified; header rows repeated dropped; a row the break cut
//               in two rejoined). Without rules, tables are rebuilt from the alignment of the text
//               (source/pdf-borderless.ts), and joined across pages the same way.
//   furniture   page numbers ("- 3 -", "— 5 —", "第 3 页") and running headers and footers (a line
//               at the same place on most pages) are not the report's text.
import type { GridCell } from './types.ts';
import { borderlessRegions, continuesRegion, joinRegions, regionRows, type BLine, type Region } from './pdf-borderless.ts';

export interface TextRun {
  str: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  /** Advance width. */
  w: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

/** An axis-aligned drawn line or thin filled rectangle: x0 ≤ x1, y0 ≤ y1. */
export interface Rule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  page: number; // 1-based
  width: number;
  height: number;
  runs: TextRun[];
  rules: Rule[];
}

export type Box = [number, number, number, number];

/** A laid-out block: a paragraph or a table row, with the place of each of its parts. */
export interface PdfBlock {
  kind: 'line' | 'row';
  text: string;
  page: number;
  box: Box;
  /** For rows: the slots of the row, and where each slot's text is on the page. */
  slots?: { at: number; cell: GridCell; page: number; box: Box }[];
  grid?: number;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2018-\u201d\u00b7\u2026]/;
const isSpace = (s: string) => !s.replace(/[ \t\u00a0]/g, '');

/** A laid-out line: the borderless reader's line (pdf-borderless.ts) with the runs pdfjs gave. */
interface Line extends BLine {
  runs: TextRun[];
}

/** A run's vertical middle, for deciding which line or cell it is on. */
const midY = (r: TextRun) => r.y + r.size * 0.35;

/** Joins runs already in reading order into one line's text. */
function joinRuns(runs: TextRun[]): string {
  let text = '';
  let end = -Infinity;
  let size = 0;
  for (const r of runs) {
    if (isSpace(r.str)) {
      // A space run is a space only where there is text before it; its width is layout.
      if (text && !text.endsWith(' ')) text += ' ';
      end = Math.max(end, r.x + r.w);
      continue;
    }
    const gap = r.x - end;
    const last = text.replace(/ +$/, '').slice(-1);
    if (text && (gap > Math.max(size, r.size) * 0.2 || text.endsWith(' '))) {
      text = text.replace(/ +$/, '');
      // A visible gap is a space between Latin letters or digits, never next to CJK (LibreOffice and
      // Word space "2024 年" apart on the page; the text says "2024年" or "2024 年" alike).
      if (!CJK.test(last) && !CJK.test(r.str[0])) text += ' ';
    }
    text += r.str;
    end = r.x + r.w;
    size = r.size;
  }
  return text.replace(/[ \t]+/g, ' ').trim();
}

/** Groups runs into lines by baseline, top to bottom; within a line, left to right. */
function toLines(runs: TextRun[], page: number): Line[] {
  const sorted = runs.filter((r) => r.str).sort((a, b) => midY(b) - midY(a) || a.x - b.x);
  const lines: { runs: TextRun[]; mid: number; size: number }[] = [];
  for (const r of sorted) {
    const m = midY(r);
    const line = lines.length ? lines[lines.length - 1] : undefined;
    if (line && Math.abs(line.mid - m) <= Math.max(line.size, r.size) * 0.45) {
      line.runs.push(r);
      if (!isSpace(r.str)) line.size = Math.max(line.size, r.size);
    } else lines.push({ runs: [r], mid: m, size: isSpace(r.str) ? 0 : r.size });
  }
  const out: Line[] = [];
  for (const l of lines) {
    l.runs.sort((a, b) => a.x - b.x);
    const visible = l.runs.filter((r) => !isSpace(r.str));
    if (!visible.length) continue;
    const text = joinRuns(l.runs);
    if (!text) continue;
    out.push({
      runs: visible, y: Math.min(...visible.map((r) => r.y)), size: Math.max(...visible.map((r) => r.size)),
      x0: visible[0].x, x1: Math.max(...visible.map((r) => r.x + r.w)), text, page,
    });
  }
  return out;
}

/**
 * Joins a cell's or a paragraph's lines: no space where CJK meets CJK (a wrapped label is one
 * label). Built from parts: reading the last character of a string grown by `+` flattens it each
 * time, which made a paragraph of many thousand lines quadratic.
 */
function joinLines(parts: string[]): string {
  const out: string[] = [];
  let last = '';
  for (const t of parts) {
    if (!t) continue;
    if (out.length) out.push(CJK.test(last) || CJK.test(t[0]) ? '' : ' ');
    out.push(t);
    last = t[t.length - 1];
  }
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// Tables from ruling lines

/** How far column rules must run past the outer row rules to close a row the page cut (more than a border's overshoot). */
const CUT_ROW = 4;
const TOL = 1.5;

interface RuledCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
  page: number;
  box: Box;
  /** Its last line fills the cell's width, to within two characters and the padding of its right edge: text the page may have cut off, continued on the next page. */
  full: boolean;
}

interface RuledTable {
  page: number;
  xs: number[]; // column boundaries, left to right
  ys: number[]; // row boundaries, top to bottom (descending y)
  /** Its cells: the elementary rows and columns each covers (a merged cell covers several). */
  cells: RuledCell[];
  top: number;
  bottom: number;
}

function cluster(values: number[], tol = TOL): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/**
 * Merges collinear pieces of one line (a border drawn cell by cell is one border). Pieces of one
 * border may stand a hair apart (227.0 and 227.1): sorted by position first, a lower piece can come
 * after a higher one, so a merge extends the border both ways.
 */
function mergeSegments(segs: { at: number; a: number; b: number }[]): { at: number; a: number; b: number }[] {
  const sorted = [...segs].sort((p, q) => p.at - q.at || p.a - q.a);
  const out: { at: number; a: number; b: number }[] = [];
  for (const s of sorted) {
    const last = out.find((o) => Math.abs(o.at - s.at) <= TOL / 2 && s.a <= o.b + TOL && s.b >= o.a - TOL);
    if (last) {
      last.a = Math.min(last.a, s.a);
      last.b = Math.max(last.b, s.b);
    } else out.push({ ...s });
  }
  return out;
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** The tables a page's rules draw; `used` collects the runs they hold. */
function ruledTables(page: PageContent, used: Set<TextRun>): RuledTable[] {
  const hs = mergeSegments(page.rules.filter((r) => r.y1 - r.y0 <= 2 && r.x1 - r.x0 > 2).map((r) => ({ at: (r.y0 + r.y1) / 2, a: r.x0, b: r.x1 })));
  const vs = mergeSegments(page.rules.filter((r) => r.x1 - r.x0 <= 2 && r.y1 - r.y0 > 2).map((r) => ({ at: (r.x0 + r.x1) / 2, a: r.y0, b: r.y1 })));
  if (hs.length < 2 || vs.length < 2 || hs.length * vs.length > 400_000) return [];
  // Rules that touch are one table's.
  const uf = new UnionFind(hs.length + vs.length);
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.at >= h.a - TOL && v.at <= h.b + TOL && h.at >= v.a - TOL && h.at <= v.b + TOL) uf.union(i, hs.length + j);
    }),
  );
  const groups = new Map<number, { h: typeof hs; v: typeof vs }>();
  hs.forEach((h, i) => {
    const g = groups.get(uf.find(i)) ?? { h: [], v: [] };
    g.h.push(h);
    groups.set(uf.find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(uf.find(hs.length + j)) ?? { h: [], v: [] };
    g.v.push(v);
    groups.set(uf.find(hs.length + j), g);
  });
  const tables: RuledTable[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const xs = cluster(g.v.map((v) => v.at));
    // A table the page cuts: its last row on this page has no bottom border (WPS draws that border
    // on the next page, as the top of the rest), but the column rules run down to where the row
    // ends; likewise the first row of a continued table may have no top border. The column rules'
    // extent closes such a row.
    const hy = g.h.map((h) => h.at);
    const low = Math.min(...g.v.map((v) => v.a));
    const high = Math.max(...g.v.map((v) => v.b));
    if (low < Math.min(...hy) - CUT_ROW) hy.push(low);
    if (high > Math.max(...hy) + CUT_ROW) hy.push(high);
    const ys = cluster(hy).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    const nr = ys.length - 1;
    const nc = xs.length - 1;
    // A border between two elementary cells: a rule crossing the middle of their shared edge.
    const vBorder = (x: number, y: number) => g.v.some((v) => Math.abs(v.at - x) <= TOL && v.a <= y && y <= v.b);
    const hBorder = (y: number, x: number) => g.h.some((h) => Math.abs(h.at - y) <= TOL && h.a <= x && x <= h.b);
    const cellUf = new UnionFind(nr * nc);
    for (let r = 0; r < nr; r++) {
      const ym = (ys[r] + ys[r + 1]) / 2;
      for (let c = 0; c < nc; c++) {
        const xm = (xs[c] + xs[c + 1]) / 2;
        if (c + 1 < nc && !vBorder(xs[c + 1], ym)) cellUf.union(r * nc + c, r * nc + c + 1);
        if (r + 1 < nr && !hBorder(ys[r + 1], xm)) cellUf.union(r * nc + c, (r + 1) * nc + c);
      }
    }
    const byRoot = new Map<number, { r0: number; r1: number; c0: number; c1: number; runs: TextRun[] }>();
    for (let r = 0; r < nr; r++) {
      for (let c = 0; c < nc; c++) {
        const root = cellUf.find(r * nc + c);
        const cell = byRoot.get(root);
        if (!cell) byRoot.set(root, { r0: r, r1: r, c0: c, c1: c, runs: [] });
        else {
          cell.r0 = Math.min(cell.r0, r);
          cell.r1 = Math.max(cell.r1, r);
          cell.c0 = Math.min(cell.c0, c);
          cell.c1 = Math.max(cell.c1, c);
        }
      }
    }
    // A single box (a frame, a text box) is no table.
    if (byRoot.size < 2) continue;
    const top = ys[0];
    const bottom = ys[nr];
    for (const run of page.runs) {
      const cx = run.x + run.w / 2;
      const cy = midY(run);
      if (cx < xs[0] || cx > xs[nc] || cy > top || cy < bottom) continue;
      const c = Math.min(nc - 1, Math.max(0, xs.findIndex((x, i) => i < nc && cx >= x && cx <= xs[i + 1])));
      const r = Math.min(nr - 1, Math.max(0, ys.findIndex((y, i) => i < nr && cy <= y && cy >= ys[i + 1])));
      byRoot.get(cellUf.find(r * nc + c))!.runs.push(run);
      used.add(run);
    }
    const cells = [...byRoot.values()].map((c): RuledCell => {
      const lines = toLines(c.runs, page.page);
      const last = lines[lines.length - 1];
      const box: Box = [xs[c.c0], ys[c.r1 + 1], xs[c.c1 + 1], ys[c.r0]];
      return {
        r0: c.r0, r1: c.r1, c0: c.c0, c1: c.c1, page: page.page, box,
        text: joinLines(lines.map((l) => l.text)),
        full: !!last && last.x1 >= box[2] - (last.size * 2.5 + 6) && last.x1 - last.x0 >= (box[2] - box[0]) / 2,
      };
    });
    tables.push({ page: page.page, xs, ys, cells, top, bottom });
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Page furniture

const PAGE_NUMBER = /^(?:[-—–－~～\s]*\d{1,4}[-—–－~～\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

/** Lines that are page furniture: page numbers in the margins and lines repeated at one place on most pages. */
function furniture(pages: { page: PageContent; lines: Line[] }[]): Set<Line> {
  const drop = new Set<Line>();
  const band = (p: PageContent, l: Line) => l.y > p.height * 0.88 || l.y < p.height * 0.12;
  const seen = new Map<string, Line[]>();
  for (const { page, lines } of pages) {
    const edges = [lines[0], lines[1], lines[lines.length - 2], lines[lines.length - 1]].filter((l) => l && band(page, l));
    for (const l of new Set(edges)) {
      if (PAGE_NUMBER.test(l.text.trim())) drop.add(l);
      const key = `${Math.round(l.y / 4)}|${l.text.replace(/\d+/g, '#')}`;
      seen.set(key, [...(seen.get(key) ?? []), l]);
    }
  }
  if (pages.length >= 3) {
    for (const ls of seen.values()) if (ls.length >= Math.max(2, pages.length / 2)) for (const l of ls) drop.add(l);
  }
  return drop;
}

// ---------------------------------------------------------------------------------------------
// The document

type Item =
  | { kind: 'line'; line: Line; top: number }
  | { kind: 'ruled'; table: RuledTable; top: number }
  | { kind: 'aligned'; table: Region; top: number };

/** A ruled table's rows as grid rows: spans in the slot where a merged cell starts, covered slots elsewhere. */
function ruledRows(t: RuledTable): { cell: GridCell; page: number; box: Box }[][] {
  const nr = t.ys.length - 1;
  const nc = t.xs.length - 1;
  const at = new Map<number, RuledCell>();
  for (const c of t.cells) for (let r = c.r0; r <= c.r1; r++) for (let k = c.c0; k <= c.c1; k++) at.set(r * nc + k, c);
  const rows: { cell: GridCell; page: number; box: Box }[][] = [];
  for (let r = 0; r < nr; r++) {
    const row: { cell: GridCell; page: number; box: Box }[] = [];
    for (let k = 0; k < nc; k++) {
      const c = at.get(r * nc + k);
      let cell: GridCell;
      if (!c) cell = { start: 0, end: 0, text: '' };
      else if (r === c.r0 && k === c.c0) {
        cell = { start: 0, end: 0, text: c.text };
        if (c.c1 > c.c0) cell.colSpan = c.c1 - c.c0 + 1;
        if (c.r1 > c.r0) cell.rowSpan = c.r1 - c.r0 + 1;
      } else cell = { start: 0, end: 0, text: '', covered: r === c.r0 ? 'left' : 'above' };
      row.push({ cell, page: c?.page ?? 0, box: c?.box ?? [t.xs[k], t.ys[r + 1], t.xs[k + 1], t.ys[r]] });
    }
    rows.push(row);
  }
  return rows;
}

/**
 * Whether table `b` (first on its page) continues `a` (last on the page before): the same outer
 * edges, and the column borders of one among the other's (a row that splits a column may be on
 * one page only).
 */
function continues(a: RuledTable, b: RuledTable): boolean {
  if (b.page !== a.page + 1) return false;
  const near = (x: number, y: number) => Math.abs(x - y) <= 3;
  if (!near(a.xs[0], b.xs[0]) || !near(a.xs[a.xs.length - 1], b.xs[b.xs.length - 1])) return false;
  const [few, many] = a.xs.length <= b.xs.length ? [a.xs, b.xs] : [b.xs, a.xs];
  return few.every((x) => many.some((y) => near(x, y)));
}

/** A table's cells on a finer set of column borders (`xs` holds every border of `t`). */
function onColumns(t: RuledTable, xs: number[]): RuledTable {
  const at = (x: number) => xs.findIndex((y) => Math.abs(x - y) <= 3);
  return { ...t, xs, cells: t.cells.map((c) => ({ ...c, c0: at(t.xs[c.c0]), c1: at(t.xs[c.c1 + 1]) - 1 })) };
}

const rowText = (t: RuledTable, r: number) =>
  t.cells.filter((c) => c.r0 === r).sort((x, y) => x.c0 - y.c0).map((c) => `${c.c0}-${c.c1}:${c.text}`).join('\t');

/**
 * Table `b`, continuing `a` on the next page, joined to it. Header rows `b` repeats are dropped. A
 * row the page break cut in two (its text on the next page only in cells whose text ran to the
 * edge) is one row again; a merged cell running to the bottom of the page and an empty one at the
 * same columns at the top of the next are one merged cell.
 */
function joinTables(a0: RuledTable, b0: RuledTable): RuledTable {
  const xs = cluster([...a0.xs, ...b0.xs], 3);
  const a = onColumns(a0, xs);
  const b = onColumns(b0, xs);
  const na = a.ys.length - 1;
  let skip = 0;
  while (skip < b.ys.length - 2 && skip < na && rowText(a, skip) === rowText(b, skip) && rowText(a, skip)) skip++;
  const cells = b.cells.filter((c) => c.r1 >= skip).map((c) => ({ ...c, r0: Math.max(0, c.r0 - skip), r1: c.r1 - skip }));
  const bottom = a.cells.filter((c) => c.r1 === na - 1);
  const same = (x: RuledCell, y: RuledCell) => x.c0 === y.c0 && x.c1 === y.c1;
  const topWithText = cells.filter((c) => c.r0 === 0 && c.text);
  const split =
    topWithText.length > 0 &&
    topWithText.every((c) => bottom.some((d) => same(c, d) && d.text && d.full)) &&
    bottom.some((d) => d.text && !cells.some((c) => c.r0 === 0 && same(c, d) && c.text));
  const shift = split ? na - 1 : na;
  const joined = a.cells.map((c) => ({ ...c }));
  for (const c of cells) {
    const d = c.r0 === 0 ? joined.find((x) => x.r1 === na - 1 && same(x, c)) : undefined;
    if (d && (split || (!c.text && d.r1 > d.r0))) {
      d.r1 = c.r1 + shift;
      d.text = joinLines([d.text, c.text]);
      d.full = c.full;
    } else joined.push({ ...c, r0: c.r0 + shift, r1: c.r1 + shift });
  }
  const ys = [...a.ys, ...b.ys.slice(skip + (split ? 2 : 1)).map((y) => y)];
  return { ...b, xs, ys, cells: joined, top: a.top };
}

/** Lays pages out as blocks: paragraphs and table rows, in reading order. */
export function layOutPages(pages: PageContent[]): PdfBlock[] {
  const perPage = pages.map((page) => {
    const used = new Set<TextRun>();
    const ruled = ruledTables(page, used);
    const lines = toLines(page.runs.filter((r) => !used.has(r)), page.page);
    return { page, lines, ruled };
  });
  const drop = furniture(perPage);
  const items: Item[][] = perPage.map(({ lines, ruled }) => {
    const body = lines.filter((l) => !drop.has(l));
    const aligned = ruled.length ? [] : borderlessRegions(body, joinRuns);
    const inAligned = new Set<unknown>(aligned.flatMap((t) => t.lines.map((l) => l.line)));
    const list: Item[] = [
      ...body.filter((l) => !inAligned.has(l)).map((line) => ({ kind: 'line' as const, line, top: line.y + line.size })),
      ...ruled.map((table) => ({ kind: 'ruled' as const, table, top: table.top })),
      ...aligned.map((table) => ({ kind: 'aligned' as const, table, top: table.top })),
    ];
    return list.sort((a, b) => b.top - a.top);
  });

  // The text's left and right edges, for telling a wrapped line from a paragraph's last one.
  const bodyLines = items.flat().flatMap((it) => (it.kind === 'line' ? [it.line] : []));
  const left = mode(bodyLines.map((l) => l.x0));
  // The right edge most full lines end at (a line may overhang it with punctuation).
  const ends = bodyLines.map((l) => l.x1).sort((a, b) => a - b);
  const right = mode(ends.slice(Math.floor(ends.length / 2)));

  const blocks: PdfBlock[] = [];
  let grid = 0;
  // The table last laid out, while nothing but other pages' furniture has followed it: one that
  // ends its page may go on at the top of the next.
  let open: { kind: 'ruled'; table: RuledTable; endsPage: boolean } | { kind: 'aligned'; table: Region; endsPage: boolean } | undefined;
  const closeTable = () => {
    if (!open) return;
    grid++;
    const rows = open.kind === 'ruled' ? ruledRows(open.table) : regionRows(open.table);
    for (const row of rows) pushRow(blocks, row, grid);
    open = undefined;
  };
  let paragraph: { lines: Line[] } | undefined;
  const flush = () => {
    if (!paragraph) return;
    const ls = paragraph.lines;
    const first = ls[0];
    const own = ls.filter((l) => l.page === first.page);
    blocks.push({
      kind: 'line', text: joinLines(ls.map((l) => l.text)), page: first.page,
      box: [Math.min(...own.map((l) => l.x0)), Math.min(...own.map((l) => l.y)), Math.max(...own.map((l) => l.x1)), first.y + first.size],
    });
    paragraph = undefined;
  };
  for (const list of items) {
    list.forEach((it, idx) => {
      if (it.kind === 'line') {
        closeTable();
        const l = it.line;
        const prev = paragraph?.lines[paragraph.lines.length - 1];
        const near = prev && Math.abs(prev.size - l.size) < 0.6 && (prev.page === l.page ? prev.y - l.y < l.size * 2.2 : true);
        // A full line of a paragraph, and the next not indented; or a centred title wrapped onto a centred line.
        const wraps =
          near && ((l.x0 <= left + l.size * 0.6 && fillsLine(prev, l, right)) || (paragraph!.lines.length === 1 && wrapsCentred(prev, l, left, right)));
        if (!wraps) flush();
        paragraph ??= { lines: [] };
        paragraph.lines.push(l);
        return;
      }
      flush();
      if (it.kind === 'aligned') {
        if (open?.kind === 'aligned' && open.endsPage && idx === 0 && continuesRegion(open.table, it.table)) open.table = joinRegions(open.table, it.table);
        else {
          closeTable();
          open = { kind: 'aligned', table: it.table, endsPage: false };
        }
      } else {
        const t = it.table;
        if (open?.kind === 'ruled' && open.endsPage && idx === 0 && continues(open.table, t)) open.table = joinTables(open.table, t);
        else {
          closeTable();
          open = { kind: 'ruled', table: t, endsPage: false };
        }
      }
      open.endsPage = idx === list.length - 1;
    });
    if (open && !open.endsPage) closeTable();
  }
  closeTable();
  flush();
  return blocks;
}

const ENDS_SENTENCE = /[。！？：；!?:;]$/;
const STARTS_HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.．、])/;

/**
 * Whether a line ends where the text's width did, not where its paragraph did: it runs to the right
 * edge, or nearly (a Latin word or a number that does not fit moves to the next line whole), and
 * ends no sentence before a line that starts no numbered heading.
 */
function fillsLine(prev: Line, l: Line, right: number): boolean {
  if (prev.x1 >= right - prev.size * 2.5) return true;
  return prev.x1 >= right - prev.size * 8 && !ENDS_SENTENCE.test(prev.text) && !STARTS_HEADING.test(l.text);
}

/**
 * A paragraph's first line, centred and filling the text's width, then a shorter centred line: a
 * wrapped title (a body paragraph's first line is indented, so never centred).
 */
function wrapsCentred(prev: Line, l: Line, left: number, right: number): boolean {
  const centred = (x: Line) => Math.abs(x.x0 - left - (right - x.x1)) <= x.size * 0.6;
  return prev.x1 >= right - prev.size * 2.5 && centred(prev) && centred(l) && l.x0 - left > prev.size;
}

function pushRow(blocks: PdfBlock[], slots: { cell: GridCell; page: number; box: Box }[], grid: number): void {
  let text = '';
  const out: NonNullable<PdfBlock['slots']> = [];
  for (const s of slots) {
    if (out.length) text += '\t';
    out.push({ at: text.length, cell: s.cell, page: s.page, box: s.box });
    text += s.cell.text;
  }
  // The row's place: its first slot's page, and the boxes of its slots there.
  const page = slots.find((s) => !s.cell.covered)?.page ?? slots[0].page;
  const boxes = slots.filter((s) => s.page === page).map((s) => s.box);
  const box: Box = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  blocks.push({ kind: 'row', text, page, box, slots: out, grid });
}

/** The most common value, to a point (the text's left margin). */
function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v), (counts.get(Math.round(v)) ?? 0) + 1);
  let best = 0;
  let n = -1;
  for (const [v, c] of counts) if (c > n || (c === n && v < best)) [best, n] = [v, c];
  return best;
}
