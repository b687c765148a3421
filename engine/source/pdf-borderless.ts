// Tables with no ruling lines (borders removed, as many agencies' Word and WPS exports have them):
// the grid is rebuilt from the alignment of the text. Pure geometry, as source/pdf-layout.ts.
//
//   rows       a line with numbers standing apart from its other text (a "value line") is a table
//              row; the lines around it that fit the table's columns (same type size, no text
//              running across the value columns) are its header above and its wrapped labels.
//   columns    the value columns are where the numbers of the fullest value lines stand; a number
//              or a header centred across several of them (a merged cell: "上一年项目数量" over two,
//              "行政诉讼" over ten) spans them. The label columns are where row labels start.
//   cells      a piece of text under a cell continues it when the cell's last line wrapped (the
//              next word would not have fitted in the column), never when it starts with an ordinal
//              ("（三）", "2."); so "三、本 / 年度办 / 理结果" is one label over the rows it spans, and
//              a header broken one character per line ("结 / 果 / 维 / 持") is one header cell.
//   pages      a table that ends a page and one that starts the next on the same columns are one
//              (pdf-layout.ts joins them); header lines the next page repeats are dropped.
//
// Where the alignment is ambiguous (two pieces of text claiming one column) the text is kept in
// the cell it falls in, so the binder reports what it cannot read; no number is moved to make a
// row add up.
import type { GridCell } from './types.ts';

/** What this module needs of a laid-out line (pdf-layout.ts's Line). */
export interface BLine {
  runs: { str: string; x: number; y: number; w: number; size: number }[];
  y: number;
  size: number;
  x0: number;
  x1: number;
  text: string;
  page: number;
}

export type BBox = [number, number, number, number];

export interface Frag {
  x0: number;
  x1: number;
  text: string;
  y: number;
  size: number;
  page: number;
}

interface TLine {
  line: BLine;
  frags: Frag[];
  /** Numeric frags (numbers and placeholders like "—" beside at least one number). */
  numeric: Frag[];
  value: boolean;
}

export interface Region {
  page: number;
  lines: TLine[];
  /** The value columns' centres, left to right. */
  centres: number[];
  top: number;
  /** Index in `lines` of the first value line. */
  firstValue: number;
}

const NUMBER = /^[-−–+]?\d[\d,，]*(?:\.\d+)?\s*(?:万元|亿元|万|元|%|％)?$/;
const PLACEHOLDER = /^(?:[-—–－/／\\]+|无)$/;
/** A number glued to a label written again in its value cell ("行政处罚 0" set as one piece). */
const GLUED = /[\u4e00-\u9fff）)]\s*[-−]?\d[\d,，]*(?:\.\d+)?$/;
/** An ordinal that starts a row label or a sub-item: never the continuation of the cell above. */
const ORDINAL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)|第[一二三四五六七八九十百\d]+条)/;
const SECTION = /^[一二三四五六七八九十]+、/;
const OPENING = /^[（(《“‘〔【\[]/;
const CLOSING = /^.[，。、；：）)》”’〕】\]！？,.;:!?]/;
const CJK_START = /^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2018-\u201d]/;

/** A line's pieces separated by more than most of a character: the cells of a borderless row. */
function fragsOf(line: BLine, join: (runs: BLine['runs']) => string): Frag[] {
  const out: { runs: BLine['runs']; x0: number; x1: number }[] = [];
  const runs = [...line.runs].sort((a, b) => a.x - b.x);
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && r.x - last.x1 <= line.size * 0.8) {
      last.runs.push(r);
      last.x1 = Math.max(last.x1, r.x + r.w);
    } else out.push({ runs: [r], x0: r.x, x1: r.x + r.w });
  }
  return out.map((p) => ({ x0: p.x0, x1: p.x1, text: join(p.runs), y: line.y, size: line.size, page: line.page })).filter((f) => f.text);
}

function analyse(line: BLine, join: (runs: BLine['runs']) => string): TLine {
  const frags = fragsOf(line, join);
  const last = frags[frags.length - 1];
  const glued = frags.length >= 2 && last && !NUMBER.test(last.text) && GLUED.test(last.text) && !NUMBER.test(frags[0].text);
  const numbers = frags.filter((f) => NUMBER.test(f.text) || (glued && f === last));
  const numeric = numbers.length ? frags.filter((f) => numbers.includes(f) || PLACEHOLDER.test(f.text)) : [];
  // Two numbers apart, or a label and a number standing apart from it at the end of the line.
  const value = numbers.length >= 2 || (numbers.length === 1 && frags.length >= 2 && last === numbers[0] && !NUMBER.test(frags[0].text));
  return { line, frags, numeric, value };
}

const centre = (f: { x0: number; x1: number }) => (f.x0 + f.x1) / 2;

/** The value columns' centres: where the numbers of the value lines with the most numbers stand. */
function centresOf(lines: TLine[]): number[] {
  const values = lines.filter((l) => l.value);
  if (!values.length) return [];
  const counts = values.map((l) => l.numeric.length);
  const max = Math.max(...counts);
  // The largest count two lines share (one stray number must not add a column), else the largest.
  const shared = [...new Set(counts)].filter((c) => counts.filter((k) => k === c).length >= 2);
  const n = values.length >= 2 && shared.length ? Math.max(...shared) : max;
  const full = values.filter((l) => l.numeric.length === n);
  return Array.from({ length: n }, (_, j) => full.reduce((s, l) => s + centre(l.numeric[j]), 0) / full.length);
}

/** Column boundaries: midway between centres, half a pitch beyond the outer ones. */
function boundsOf(c: number[], size: number): number[] {
  if (c.length === 1) return [c[0] - size * 3, c[0] + size * 3];
  const b = [c[0] - (c[1] - c[0]) / 2];
  for (let j = 1; j < c.length; j++) b.push((c[j - 1] + c[j]) / 2);
  b.push(c[c.length - 1] + (c[c.length - 1] - c[c.length - 2]) / 2);
  return b;
}

/** Whether a value line's numbers stand in the region's columns (a table of other columns is another table). */
function fits(l: TLine, centres: number[], size: number): boolean {
  if (!centres.length) return true;
  const b = boundsOf(centres, size);
  return l.numeric.length <= centres.length && l.numeric.every((f) => centre(f) >= b[0] - size && centre(f) <= b[b.length - 1] + size);
}

/** How many value-column centres one piece of text runs across. */
const crossing = (f: Frag, centres: number[]) => centres.filter((c) => f.x0 < c - 1 && f.x1 > c + 1).length;

/**
 * Whether `next` cannot belong to the table of `size` and `centres` that `prev` is in: another
 * type size, a gap of more than a few lines, a paragraph or heading running across the value
 * columns, or a value line on other columns.
 */
function breaks(prev: TLine, next: TLine, size: number, centres: number[], labelEdge: number): boolean {
  if (Math.abs(next.line.size - size) > Math.max(1.5, size * 0.15)) return true;
  if (prev.line.page === next.line.page && prev.line.y - next.line.y > size * 3.2) return true;
  if (next.value) return !fits(next, centres, size);
  // A section heading ("三、收到和处理…") running out of the label area into the value columns.
  if (next.frags.length === 1 && SECTION.test(next.line.text) && next.frags[0].x1 > Math.min(labelEdge + size * 2, centres.length ? boundsOf(centres, size)[0] : Infinity)) return true;
  const wide = next.frags.some((f) => crossing(f, centres) >= Math.max(2, Math.ceil(centres.length / 2)));
  return wide && next.frags.length === 1;
}

/** Whether `above` cannot be a header line over a table whose first lines start at `below`. */
function headerBreaks(above: TLine, below: TLine, size: number, centres: number[]): boolean {
  if (above.value) return true;
  if (Math.abs(above.line.size - size) > Math.max(1.5, size * 0.15)) return true;
  if (above.line.page === below.line.page && above.line.y - below.line.y > size * 2.8) return true;
  const text = above.line.text;
  if (above.frags.length === 1 && (SECTION.test(text) || /[。：:；]$/.test(text))) return true;
  return above.frags.length === 1 && crossing(above.frags[0], centres) >= Math.max(3, Math.ceil(centres.length * 0.6));
}

/** The borderless tables among a page's lines (in reading order), each with its lines. */
export function borderlessRegions(lines: BLine[], join: (runs: BLine['runs']) => string): Region[] {
  const t = lines.map((l) => analyse(l, join));
  const regions: { h: number; lastValue: number; end: number; centres: number[] }[] = [];
  let i = 0;
  while (i < t.length) {
    if (!t[i].value) {
      i++;
      continue;
    }
    const size = t[i].line.size;
    let centres = centresOf([t[i]]);
    let j = i;
    let lastValue = i;
    let values = 1;
    // How far the labels of the value lines reach (a section heading runs further).
    const edgeOf = (l: TLine) => Math.max(...l.frags.filter((f) => !l.numeric.includes(f)).map((f) => f.x1), -Infinity);
    let labelEdge = edgeOf(t[i]);
    while (j + 1 < t.length && !breaks(t[j], t[j + 1], size, centres, labelEdge)) {
      j++;
      if (t[j].value) {
        labelEdge = Math.max(labelEdge, edgeOf(t[j]));
        lastValue = j;
        values++;
        centres = centresOf(t.slice(i, j + 1));
      }
    }
    // A lone value line with no header is a line of text with numbers in it, not a table.
    const prev = regions[regions.length - 1];
    const floor = prev ? prev.lastValue + 1 : 0;
    let h = i;
    while (h - 1 >= floor && i - h < 10 && !headerBreaks(t[h - 1], t[h], size, centres)) h--;
    if (values < 2 && h === i) {
      i = j + 1;
      continue;
    }
    if (prev && prev.end >= h) prev.end = h - 1;
    regions.push({ h, lastValue, end: j, centres });
    i = j + 1;
  }
  return regions.map((r) => {
    const ls = t.slice(r.h, r.end + 1);
    return { page: ls[0].line.page, lines: ls, centres: centresOf(ls), top: ls[0].line.y + ls[0].line.size, firstValue: ls.findIndex((l) => l.value) };
  });
}

/** Whether region `b`, first on its page, continues `a`, last on the page before: the same value columns. */
export function continuesRegion(a: Region, b: Region): boolean {
  if (b.page !== a.lines[a.lines.length - 1].line.page + 1) return false;
  if (a.centres.length !== b.centres.length) return false;
  const size = a.lines[0].line.size;
  return a.centres.every((c, j) => Math.abs(c - b.centres[j]) <= size);
}

/** Region `b` appended to `a`; header lines `b` repeats from the top of `a` are dropped. */
export function joinRegions(a: Region, b: Region): Region {
  let skip = 0;
  while (skip < b.firstValue && skip < a.firstValue && a.lines[skip].line.text === b.lines[skip].line.text) skip++;
  const lines = [...a.lines, ...b.lines.slice(skip)];
  return { ...a, lines, centres: centresOf(lines) };
}

interface Cell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  parts: string[];
  frags: Frag[];
  lastLine: number;
  last: Frag;
  numeric: boolean;
  label: boolean;
  /** A label on lines of its own between rows (a merged cell centred over the rows it spans): placed after the rows are known. */
  floating?: boolean;
  firstLine: number;
}

export interface Slot {
  cell: GridCell;
  page: number;
  box: BBox;
}

/** Width of the first word of `text` at `size`: what would have had to fit for the line above not to wrap. */
function firstWord(text: string, size: number): number {
  if (CJK_START.test(text)) return size * (1 + (OPENING.test(text) ? 1 : 0) + (CLOSING.test(text) ? 1 : 0));
  const word = /^[^\s\u2e80-\u9fff\uff00-\uffef]+/.exec(text)?.[0] ?? text[0];
  return word.length * size * 0.55;
}

/** A region's rows as grid rows: label columns, then value columns; merged cells span, covered slots marked. */
export function regionRows(region: Region): Slot[][] {
  const { lines } = region;
  const size = lines[region.firstValue]?.line.size ?? lines[0].line.size;
  const c = region.centres;
  const M = c.length;
  const b = boundsOf(c, size);
  const pitch = M > 1 ? Math.min(...c.slice(1).map((x, j) => x - c[j])) : size * 6;
  const tol = Math.max(size * 0.8, pitch * 0.15);
  const isLabel = (f: Frag) => M > 0 && centre(f) < b[0];

  // Label columns: where the labels of value lines start.
  const starts: number[] = [];
  for (const x of lines.filter((l) => l.value).flatMap((l) => l.frags.filter(isLabel).map((f) => f.x0)).sort((p, q) => p - q)) {
    if (!starts.length || x - starts[starts.length - 1] > size * 0.8) starts.push(x);
  }
  if (!starts.length && lines.some((l) => l.frags.some(isLabel))) starts.push(Math.min(...lines.flatMap((l) => l.frags.filter(isLabel).map((f) => f.x0))));
  const L = starts.length;
  const labelSpan = (f: Frag): [number, number] => {
    let c0 = 0;
    starts.forEach((s, k) => {
      if (s <= f.x0 + size * 0.8) c0 = k;
    });
    let c1 = c0;
    starts.forEach((s, k) => {
      if (k > c0 && s < f.x1 - size * 0.5) c1 = k;
    });
    return [c0, c1];
  };
  // A label column's right edge: the furthest any label ending in it reaches — short of the next
  // column by a gap (a label ending nearer may be a merged cell's, "（七）总计" over two columns).
  const right = new Array<number>(L).fill(-Infinity);
  for (const l of lines) {
    for (const f of l.frags.filter(isLabel)) {
      const k = labelSpan(f)[1];
      if (k === L - 1 || f.x1 <= starts[k + 1] - size * 0.8) right[k] = Math.max(right[k], f.x1);
    }
  }
  const nearest = (x: number) => {
    let best = 0;
    c.forEach((v, j) => {
      if (Math.abs(v - x) < Math.abs(c[best] - x)) best = j;
    });
    return best;
  };

  const cells: Cell[] = [];
  const open: (Cell | undefined)[] = [];
  let row = -1;
  let prevValueRow = false;
  const occupied = new Map<string, Cell>();
  const claim = (cell: Cell, r: number) => {
    for (let k = cell.c0; k <= cell.c1; k++) occupied.set(`${r}|${k}`, cell);
  };
  // The cell that last had text in each column: a cell goes on only with no other text in its
  // column in between (lines of other columns may interleave, as a centred merged cell's do).
  const colLast: (Cell | undefined)[] = [];
  const touch = (cell: Cell) => {
    for (let k = cell.c0; k <= cell.c1; k++) colLast[k] = cell;
  };
  const near = (cell: Cell, f: Frag, li: number) =>
    colLast[cell.c0] === cell && li - cell.lastLine <= 3 && (cell.last.page !== f.page || cell.last.y - f.y <= size * 2.6);
  /** Per row, the line that made it and whether it is a value row. */
  const rowLine: number[] = [];
  const rowValue: boolean[] = [];
  const firstValueLine = region.firstValue;

  lines.forEach((tl, li) => {
    const labels = tl.frags.filter(isLabel);
    const values = tl.frags.filter((f) => !isLabel(f));
    const rightmostLabel = labels[labels.length - 1];
    const cont = new Map<Frag, Cell>();
    for (const f of labels) {
      if (ORDINAL.test(f.text) || (tl.value && f === rightmostLabel)) continue;
      const [c0] = labelSpan(f);
      const cell = open[c0];
      if (!cell || !cell.label || !near(cell, f, li) || cell.c0 !== c0) continue;
      // The cell's lines keep its alignment: the same left edge, or (centred) the same centre.
      const aligned = Math.abs(f.x0 - cell.frags[0].x0) <= size * 0.8 || Math.abs(centre(f) - centre(cell.last)) <= size * 0.8;
      if (aligned && cell.last.x1 + firstWord(f.text, f.size) > right[cell.c1] + size * 0.1) cont.set(f, cell);
    }
    if (!tl.value) {
      for (const f of values) {
        if (NUMBER.test(f.text)) continue;
        const cc = nearest(centre(f));
        const cell = open[L + cc];
        if (!cell || cell.label || cell.numeric || !near(cell, f, li)) continue;
        const alone = values.every((g) => g === f || nearest(centre(g)) < cell.c0 - L || nearest(centre(g)) > cell.c1 - L);
        const aligned = cell.c0 === cell.c1 || Math.abs(centre(f) - centre(cell.last)) <= tol || Math.abs(f.x0 - cell.last.x0) <= tol;
        if (alone && aligned) cont.set(f, cell);
      }
    }
    const fresh = tl.frags.filter((f) => !cont.has(f));
    // A label alone on a line between rows, in a column with labels to its right (a parent's, such
    // as "（三）不予公开" centred over its sub-items), or in the header: no row of its own.
    const floats =
      !tl.value && row >= 0 && fresh.length > 0 && fresh.every((f) => isLabel(f) && (labelSpan(f)[1] < L - 1 || li < firstValueLine));
    if (!floats && (tl.value || fresh.length)) {
      row++;
      rowLine[row] = li;
      rowValue[row] = tl.value;
    }
    for (const [f, cell] of cont) {
      cell.parts.push(f.text);
      cell.frags.push(f);
      cell.last = f;
      cell.lastLine = li;
      touch(cell);
      if (!cell.floating && cell.r1 < row) {
        for (let r = cell.r1 + 1; r <= row; r++) claim(cell, r);
        cell.r1 = row;
      }
    }
    if (!fresh.length) return;
    if (floats) {
      for (const f of fresh) {
        const [c0, c1] = labelSpan(f);
        const cell: Cell = { r0: -1, r1: -1, c0, c1, parts: [f.text], frags: [f], firstLine: li, lastLine: li, last: f, numeric: false, label: true, floating: true };
        cells.push(cell);
        touch(cell);
        for (let k = c0; k <= c1; k++) open[k] = cell;
      }
      return;
    }
    const add = (f: Frag, c0: number, c1: number, label: boolean) => {
      const clash = [...Array(c1 - c0 + 1).keys()].map((k) => occupied.get(`${row}|${c0 + k}`)).find(Boolean);
      if (clash) {
        // Two pieces of text in one slot: kept together, for the binder to report.
        clash.parts.push(f.text);
        clash.numeric = false;
        return;
      }
      const cell: Cell = { r0: row, r1: row, c0, c1, parts: [f.text], frags: [f], firstLine: li, lastLine: li, last: f, numeric: NUMBER.test(f.text), label };
      cells.push(cell);
      claim(cell, row);
      touch(cell);
      for (let k = c0; k <= c1; k++) open[k] = cell;
    };
    for (const f of labels.filter((g) => !cont.has(g))) {
      const [c0, c1] = labelSpan(f);
      add(f, c0, c1, true);
    }
    // Value-area text: a number takes the narrowest span it is centred on (a merged cell only when
    // it stands between columns); a header the widest within its parent and between its neighbours.
    const news = values.filter((f) => !cont.has(f));
    let lo = 0;
    news.forEach((f, n) => {
      const x = centre(f);
      const cc = nearest(x);
      let min = lo;
      let max = n + 1 < news.length ? Math.max(cc, nearest(centre(news[n + 1])) - 1) : M - 1;
      if (!tl.value) {
        const parent = cells.filter((p) => !p.label && !p.numeric && p.r1 === row - 1 && p.c0 - L <= cc && cc <= p.c1 - L).pop();
        if (parent) {
          min = Math.max(min, parent.c0 - L);
          max = Math.min(max, parent.c1 - L);
        }
      }
      let best: [number, number] | undefined;
      let bestCost = Infinity;
      const taken = (a: number, z: number) => [...Array(z - a + 1).keys()].some((k) => occupied.has(`${row}|${L + a + k}`));
      for (let a = Math.min(min, cc); a <= cc; a++) {
        for (let z = cc; z <= Math.max(max, cc); z++) {
          if ((a < cc || z > cc) && taken(a, z)) continue;
          const cost = Math.abs((b[a] + b[z + 1]) / 2 - x);
          if (cost > tol) continue;
          const width = z - a;
          const better = !best || (tl.value ? width < best[1] - best[0] || (width === best[1] - best[0] && cost < bestCost) : width > best[1] - best[0] || (width === best[1] - best[0] && cost < bestCost));
          if (better) [best, bestCost] = [[a, z], cost];
        }
      }
      // A number alone under a header cell spanning several columns fills that cell's span (a
      // value merged across them, "行政许可 | 0" under "本年处理决定数量").
      if (tl.value) {
        const heads = cells.filter((p) => !p.label && !p.numeric && p.r1 < row && p.c0 - L <= cc && cc <= p.c1 - L);
        const head = heads.sort((p, q) => q.r1 - p.r1 || p.c1 - p.c0 - (q.c1 - q.c0))[0];
        if (head && head.c1 > head.c0) {
          const [a, z] = [head.c0 - L, head.c1 - L];
          const alone = news.every((g) => g === f || nearest(centre(g)) < a || nearest(centre(g)) > z);
          if (alone && a >= min && !taken(a, z) && Math.abs((b[a] + b[z + 1]) / 2 - x) <= tol) best = [a, z];
        }
      }
      const [a, z] = best ?? [cc, cc];
      add(f, L + a, L + z, false);
      lo = z + 1;
    });
    // A header cell over an empty slot of the header row below it spans down to it.
    if (!tl.value && !prevValueRow) {
      for (const p of cells) {
        if (p.label || p.numeric || p.r1 !== row - 1) continue;
        let free = true;
        for (let k = p.c0; k <= p.c1; k++) if (occupied.has(`${row}|${k}`)) free = false;
        if (free) {
          claim(p, row);
          p.r1 = row;
        }
      }
    }
    prevValueRow = tl.value;
  });

  // Floating labels: in the row nearest their middle line with their columns free, spanning the
  // rows of the same kind (header or body) above and below whose columns are free too.
  const free = (cell: Cell, r: number) => [...Array(cell.c1 - cell.c0 + 1).keys()].every((k) => !occupied.has(`${r}|${cell.c0 + k}`));
  for (const cell of cells.filter((x) => x.floating)) {
    const mid = (cell.firstLine + cell.lastLine) / 2;
    const order = rowLine.map((_l, r) => r).sort((p, q) => Math.abs(rowLine[p] - mid) - Math.abs(rowLine[q] - mid) || p - q);
    const at = order.find((r) => free(cell, r));
    if (at === undefined) {
      const host = occupied.get(`${order[0]}|${cell.c0}`);
      if (host) host.parts.push(...cell.parts);
      continue;
    }
    const kind = (r: number) => (rowLine[r] < firstValueLine ? 'head' : rowValue[r] ? 'body' : 'other');
    let r0 = at;
    let r1 = at;
    while (r0 - 1 >= 0 && kind(r0 - 1) === kind(at) && free(cell, r0 - 1)) r0--;
    while (r1 + 1 <= row && kind(r1 + 1) === kind(at) && free(cell, r1 + 1)) r1++;
    cell.r0 = r0;
    cell.r1 = r1;
    for (let r = r0; r <= r1; r++) claim(cell, r);
  }

  const nr = row + 1;
  const nc = L + M;
  const out: Slot[][] = [];
  for (let r = 0; r < nr; r++) {
    const slots: Slot[] = [];
    for (let k = 0; k < nc; k++) {
      const cell = occupied.get(`${r}|${k}`);
      if (!cell) {
        const x = k < L ? starts[k] : b[k - L];
        slots.push({ cell: { start: 0, end: 0, text: '' }, page: region.page, box: [x, 0, x, 0] });
        continue;
      }
      let g: GridCell;
      if (r === cell.r0 && k === cell.c0) {
        g = { start: 0, end: 0, text: joinParts(cell.parts) };
        if (cell.c1 > cell.c0) g.colSpan = cell.c1 - cell.c0 + 1;
        if (cell.r1 > cell.r0) g.rowSpan = cell.r1 - cell.r0 + 1;
      } else g = { start: 0, end: 0, text: '', covered: r === cell.r0 ? 'left' : 'above' };
      const own = cell.frags.filter((f) => f.page === cell.frags[0].page);
      const box: BBox = [Math.min(...own.map((f) => f.x0)), Math.min(...own.map((f) => f.y)), Math.max(...own.map((f) => f.x1)), Math.max(...own.map((f) => f.y + f.size))];
      slots.push({ cell: g, page: cell.frags[0].page, box });
    }
    out.push(slots);
  }
  return out;
}

const CJK_END = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u2014\u2018-\u201d\u00b7\u2026]$/;

/** A cell's lines as one text: no space where CJK meets CJK (a wrapped label is one label). */
function joinParts(parts: string[]): string {
  let out = '';
  for (const p of parts) {
    if (out && !CJK_END.test(out) && !CJK_START.test(p)) out += ' ';
    out += p;
  }
  return out;
}
