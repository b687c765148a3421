// Table 4 (review and litigation): a header and one row of 15 values with no label. The values
// bind in template order unless a header row lists the five labels of a group in another order.
import type { Table } from '../model.ts';
import type { GridItem, RawCell } from '../grid/layout.ts';
import { T4_COLUMNS, T4_GROUPS, T4_HEADER_LABELS } from '../template/index.ts';
import { normLabel } from '../text.ts';
import { emptyTable, isHeaderText, joinVertical, labelSequence, makeCell, missingLabels } from './common.ts';
import { classify, type Vocabulary } from '../grid/rows.ts';

const LABELS = [...T4_HEADER_LABELS.map(([l]) => l), '案件数', '单位'];
const ANCHOR = /行政复议|行政诉讼|结果维持|未经复议/;

const T4_VOCAB: Vocabulary = { isLabel: () => false, isRowName: () => false };

interface Piece {
  cell: RawCell;
  cls: 'empty' | 'value' | 'text';
  row: number; // index of the physical row (hard row, or soft run up to a blank line)
}

export function bindT4(items: GridItem[]): Table {
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
  const startAt = pieces.findIndex((p) => p.cls === 'text' && ANCHOR.test(normLabel(p.cell.text)));
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
    const places = row.filter((p) => p.cell.covered !== 'left');
    if (places.length === 15 && places.every(position)) values = places.map((p) => p.cell);
  }
  table.range.end = values[values.length - 1].end;
  table.noise = table.noise.filter((n) => n.start >= table.range.start && n.end <= table.range.end);
  for (const g of T4_GROUPS) table.rows.set(g.key, { key: g.key, state: 'bound' });
  if (values.length !== 15) {
    table.status = 'unparseable';
    table.unparseableReason = 'not-15';
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

function kindOf(c: RawCell): Piece['cls'] {
  const k = classify(c.text, T4_VOCAB);
  return k === 'empty' ? 'empty' : k === 'value' ? 'value' : 'text';
}

/** Per group, the column order of a header row that names its five labels, each exactly once. */
function groupOrders(header: Piece[]): (string[] | undefined)[] {
  const byRow = new Map<number, RawCell[]>();
  for (const p of header) {
    if (!byRow.has(p.row)) byRow.set(p.row, []);
    byRow.get(p.row)!.push(p.cell);
  }
  const labels = T4_COLUMNS.map((c) => c.label);
  const chunksOf = (rows: RawCell[][]) => {
    const chunks: (string[] | undefined)[] = [];
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
