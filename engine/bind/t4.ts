// Table 4 (review and litigation): a header and one row of 15 values with no label. The values
// bind in template order unless a header row lists the five labels of a group in another order.
import type { T4Col, TableOf } from '../model.ts';
import type { GridItem, RawCell } from '../grid/layout.ts';
import { T4_COLUMNS, T4_GROUPS, T4_HEADER_LABELS } from '../template/index.ts';
import { normLabel } from '../text.ts';
import { emptyTable, isHeaderText, readsAsSentence, joinVertical, labelSequence, makeCell, missingLabels, valuesRunTogether } from './common.ts';
import { classify, type Vocabulary } from '../grid/rows.ts';

const LABELS = [...T4_HEADER_LABELS.map(([l]) => l), '案件数', '单位'];
const ANCHOR = /行政复议|行政诉讼|结果维持|未经复议/;

const T4_VOCAB: Vocabulary = { isLabel: () => false, isRowName: () => false };

interface Piece {
  cell: RawCell;
  cls: 'empty' | 'value' | 'text';
  row: number; // index of the physical row (hard row, or soft run up to a blank line)
}

export function bindT4(items: GridItem[]): TableOf<'T4'> {
  const table = emptyTable('T4');
  // Flatten to cells, remembering physical rows for the header-order rule.
  const pieces: Piece[] = [];
  let row = 0;
  for (const item of items) {
    if (item.kind === 'blank') row++;
    else if (item.kind === 'row') {
      row++;
      for (const c of item.cells) pieces.push({ cell: c, cls: kindOf(c), row });
      row++;
    } else if (item.kind === 'cell') pieces.push({ cell: item.cell, cls: kindOf(item.cell), row });
  }
  const startAt = pieces.findIndex((p) => p.cls === 'text' && ANCHOR.test(normLabel(p.cell.text)) && !readsAsSentence(p.cell.text));
  if (startAt < 0) return table;
  table.layout = [...new Set(items.flatMap((i) => (i.kind === 'row' || i.kind === 'cell' ? [i.layout] : [])))];
  // The data run: value cells after the header, up to the next text cell.
  let runStart = -1;
  for (let i = startAt; i < pieces.length; i++) {
    if (pieces[i].cls === 'value') {
      runStart = i;
      break;
    }
  }
  if (runStart < 0) {
    // Every value left blank (an empty table just inserted, or a report that leaves zeros blank):
    // a physical row of exactly 15 explicit blank cells after the header is the data row.
    let lastText = startAt;
    for (let i = startAt; i < pieces.length; i++) if (pieces[i].cls === 'text') lastText = i;
    for (let i = lastText + 1; i < pieces.length && runStart < 0; i++) {
      const row = pieces.filter((p) => p.row === pieces[i].row);
      if (row.length === 15 && row.every((p) => p.cls === 'empty' && p.cell.explicit)) runStart = i;
    }
  }
  const headerPieces = pieces.slice(startAt, runStart < 0 ? pieces.length : runStart).filter((p) => p.cls !== 'empty');
  // Header cells split one character per line (vertical text) are joined before matching.
  const header = joinVertical(headerPieces.map((p) => p.cell));
  for (const c of header) if (!isHeaderText(c.text, LABELS)) table.noise.push({ start: c.start, end: c.end, text: c.text });
  table.missingHeaderLabels = missingLabels(header, T4_HEADER_LABELS);
  table.range = { start: pieces[startAt].cell.start, end: pieces[startAt].cell.end };
  if (runStart < 0) {
    table.status = 'unparseable';
    table.unparseableReason = 'not-15';
    return table;
  }
  let runEnd = runStart;
  while (runEnd + 1 < pieces.length && pieces[runEnd + 1].cls !== 'text') runEnd++;
  while (runEnd > runStart && pieces[runEnd].cls === 'empty') runEnd--;
  // Loose cells give no positions, so only explicit blanks (TSV, GFM, L2) count as values; a slot
  // under a cell merged from above is a place of the row, one merged from its left is not.
  const position = (p: Piece) => p.cls === 'value' || p.cell.explicit || p.cell.covered === 'above';
  let values = pieces.slice(runStart, runEnd + 1).filter(position).map((p) => p.cell);
  // A blank first or last value sits outside the run of values: when the physical row holding the
  // run (a TSV/GFM line, or an L2 run of lines up to a blank line) has exactly 15 cells, all of them
  // values or explicit blanks, those are the 15.
  if (values.length !== 15) {
    const row = pieces.filter((p, i) => i > startAt && p.row === pieces[runStart].row);
    // A grid row (GFM, HTML, Word) with more places than values: the values are the cells under the
    // header's column labels (a converter's spacer column has none above it).
    const labelled = labelColumns(headerPieces);
    if (labelled.size === 15 && row.every((p) => p.cell.col >= 0)) {
      const under = row.filter((p) => labelled.has(p.cell.col));
      if (under.length === 15 && under.every(position)) values = under.map((p) => p.cell);
    }
  }
  if (values.length !== 15) {
    const row = pieces.filter((p, i) => i > startAt && p.row === pieces[runStart].row);
    const places = row.filter((p) => p.cell.covered !== 'left');
    if (places.length === 15 && places.every(position)) values = places.map((p) => p.cell);
  }
  // 表四 as three small tables, one per group under its label ("### 行政复议" …): each group's five
  // values under its own header.
  const split = values.length !== 15 ? groupSegments(pieces, startAt, position) : undefined;
  if (split) {
    table.range.end = split[2].values[4].end;
    table.noise = table.noise.filter((n) => n.start >= table.range.start && n.end <= table.range.end);
    table.status = 'bound';
    T4_GROUPS.forEach((g, gi) => {
      table.rows.set(g.key, { key: g.key, state: 'bound' });
      split[gi].order.forEach((col, ci) => {
        const cell = makeCell('T4', g.key, col, split[gi].values[ci], 'count', () => false);
        table.cells.set(cell.id, cell);
      });
    });
    return table;
  }
  table.range.end = values[values.length - 1].end;
  table.noise = table.noise.filter((n) => n.start >= table.range.start && n.end <= table.range.end);
  for (const g of T4_GROUPS) table.rows.set(g.key, { key: g.key, state: 'bound' });
  if (values.length !== 15) {
    table.status = 'unparseable';
    // Fewer values with one long enough to hold the rest ("100010000000000", a text extraction
    // that lost the separators) ran together (docs/spec/layouts.md §3); otherwise some are missing.
    table.unparseableReason = valuesRunTogether(values, 15) ? 'glued' : 'not-15';
    for (const g of T4_GROUPS) table.rows.set(g.key, { key: g.key, state: 'values', found: values.length, expected: 15 });
    return table;
  }
  table.status = 'bound';
  const orders = groupOrders(headerPieces);
  T4_GROUPS.forEach((g, gi) => {
    const cols = orders[gi] ?? T4_COLUMNS.map((c) => c.key);
    cols.forEach((col, ci) => {
      const cell = makeCell('T4', g.key, col, values[gi * 5 + ci], 'count', () => false);
      table.cells.set(cell.id, cell);
    });
  });
  return table;
}

/**
 * The table as one small table per group: each group's label (a caption or heading naming it alone),
 * then five values after the last text before the next group — in the order of that table's own
 * five column labels when it names each once, else the template's. Undefined unless all three are.
 */
function groupSegments(pieces: Piece[], from: number, position: (p: Piece) => boolean): { values: RawCell[]; order: T4Col[] }[] | undefined {
  const starts = T4_GROUPS.map((g) => pieces.findIndex((p, i) => i >= from && p.cls === 'text' && normLabel(p.cell.text) === normLabel(g.label)));
  if (starts.some((s) => s < 0) || !starts.every((s, i) => i === 0 || s > starts[i - 1])) return undefined;
  const labels = T4_COLUMNS.map((c) => c.label);
  const out: { values: RawCell[]; order: T4Col[] }[] = [];
  for (let gi = 0; gi < 3; gi++) {
    const segment = pieces.slice(starts[gi] + 1, gi < 2 ? starts[gi + 1] : undefined);
    let lastText = -1;
    segment.forEach((p, i) => {
      if (p.cls === 'text') lastText = i;
    });
    // The run of values right after the segment's header, ending at the first text after it.
    const run: RawCell[] = [];
    for (const p of segment.slice(lastText + 1)) {
      if (position(p)) run.push(p.cell);
    }
    const header = segment.slice(0, lastText + 1).filter((p) => p.cls === 'text').map((p) => p.cell);
    const seq = labelSequence(header, labels).seq;
    if (run.length !== 5 || (seq.length !== 5 && seq.length !== 0)) return undefined;
    const order = seq.length === 5 && new Set(seq).size === 5 ? seq.map((i) => T4_COLUMNS[i].key) : T4_COLUMNS.map((c) => c.key);
    out.push({ values: run, order });
  }
  return out;
}

/** Grid columns of the header's cells that name one of the five column labels (结果维持 … 总计). */
function labelColumns(header: Piece[]): Set<number> {
  const labels = new Set(T4_COLUMNS.map((c) => normLabel(c.label)));
  return new Set(header.filter((p) => p.cell.col >= 0 && labels.has(normLabel(p.cell.text))).map((p) => p.cell.col));
}

function kindOf(c: RawCell): Piece['cls'] {
  const k = classify(c.text, T4_VOCAB);
  return k === 'empty' ? 'empty' : k === 'value' ? 'value' : 'text';
}

/** Per group, the column order of a header row that names its five labels, each exactly once. */
function groupOrders(header: Piece[]): (T4Col[] | undefined)[] {
  const byRow = new Map<number, RawCell[]>();
  for (const p of header) {
    if (!byRow.has(p.row)) byRow.set(p.row, []);
    byRow.get(p.row)!.push(p.cell);
  }
  const labels = T4_COLUMNS.map((c) => c.label);
  const chunksOf = (rows: RawCell[][]) => {
    const chunks: (T4Col[] | undefined)[] = [];
    for (const cells of rows) {
      // Every occurrence in reading order: a PDF header line holds all fifteen labels in one cell.
      const seq = labelSequence(cells, labels).seq.map((i) => T4_COLUMNS[i].key);
      for (let i = 0; i + 5 <= seq.length; i += 5) {
        const chunk = seq.slice(i, i + 5);
        chunks.push(new Set(chunk).size === 5 ? chunk : undefined);
      }
    }
    return chunks;
  };
  const byRows = chunksOf([...byRow.values()]);
  if (byRows.length === 3) return byRows;
  // One cell per paragraph (L8) has no header rows: the whole header, read in order, is the row
  // when it names exactly the fifteen column labels.
  const whole = chunksOf([header.map((p) => p.cell)]);
  return whole.length === 3 && labelSequence(header.map((p) => p.cell), labels).seq.length === 15 ? whole : [];
}
