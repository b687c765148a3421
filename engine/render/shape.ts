// The official grid of each table (国办公开办函〔2021〕30号 / 〔2019〕60号 as the agencies' Word
// templates lay them out): header cells with their merges, label cells, and a slot per value cell
// named by its template key. One shape serves every writer — a Word table, a GFM or TAB-row table
// (merges flattened: a merged cell's text in its first slot, the slots it covers empty), the
// editor's table preview — and it is filled from a bound table's cells as written.
import type { Table, TableId, TemplateVersion } from '../model.ts';
import { T3_COLUMNS, T3_GROUPS, T3_NOTE, T4_COLUMNS, T4_GROUPS, TEMPLATES } from '../template/index.ts';

export interface ShapeCell {
  text: string;
  role: 'caption' | 'header' | 'label' | 'value';
  colSpan?: number;
  rowSpan?: number;
  /** For a value slot: the template key of its cell ('t3.r7.np'). */
  cell?: string;
}

/** Rows of cells; a merged cell appears once, in the row and column where it starts. */
export type Shape = ShapeCell[][];

const header = (text: string, colSpan?: number, rowSpan?: number): ShapeCell => ({ text, role: 'header', ...(colSpan && colSpan > 1 ? { colSpan } : {}), ...(rowSpan && rowSpan > 1 ? { rowSpan } : {}) });
const label = (text: string, colSpan?: number, rowSpan?: number): ShapeCell => ({ ...header(text, colSpan, rowSpan), role: 'label' });
const value = (cell: string, colSpan?: number): ShapeCell => ({ text: '', role: 'value', cell, ...(colSpan && colSpan > 1 ? { colSpan } : {}) });

function t2Shape(version: TemplateVersion): Shape {
  const rows: Shape = [];
  const width = 3; // value columns of the widest block
  for (const block of TEMPLATES[version].t2.blocks) {
    rows.push([{ text: block.caption, role: 'caption', colSpan: width + 1 }]);
    // k columns over `width` slots: the first ones take what is left over.
    const spans = block.columns.map((_, i) => (i === 0 ? width - block.columns.length + 1 : 1));
    rows.push([header('信息内容'), ...block.columns.map((c, i) => header(c.kind === 'fee' ? `${c.label}（单位：万元）` : c.label, spans[i]))]);
    for (const r of block.rows) rows.push([label(r.label), ...block.columns.map((c, i) => value(`t2.${r.key}.${c.key}`, spans[i]))]);
  }
  return rows;
}

function t3Shape(version: TemplateVersion, withSubtotal: boolean): Shape {
  const orgs = T3_COLUMNS.filter((c) => c.key !== 'np' && c.key !== 'tot' && (c.key !== 'sub' || withSubtotal));
  const cols = T3_COLUMNS.filter((c) => c.key !== 'sub' || withSubtotal);
  const rows: Shape = [
    [header(T3_NOTE, 3, 3), header('申请人情况', cols.length)],
    [header('自然人', 1, 2), header('法人或其他组织', orgs.length), header('总计', 1, 2)],
    orgs.map((c) => header(c.key === 'sub' ? '小计' : c.label)),
  ];
  const spec = TEMPLATES[version].t3.rows;
  const values = (key: string) => cols.map((c) => value(`t3.${key}.${c.key}`));
  const results = spec.filter((r) => r.key !== 'new' && r.key !== 'carry' && r.key !== 'fwd');
  const groupLabel = (key: string) => T3_GROUPS.find((g) => g.key === key)!.display.zh;
  const seenGroups = new Set<string>();
  for (const r of spec) {
    if (r.key === 'new' || r.key === 'carry' || r.key === 'fwd') {
      rows.push([label(r.label, 3), ...values(r.key)]);
      continue;
    }
    const row: ShapeCell[] = [];
    if (r === results[0]) row.push(label(groupLabel('results'), 1, results.length));
    if (r.group) {
      if (!seenGroups.has(r.group)) {
        seenGroups.add(r.group);
        row.push(label(groupLabel(r.group), 1, spec.filter((x) => x.group === r.group).length));
      }
      row.push(label(r.label));
    } else row.push(label(r.label, 2));
    rows.push([...row, ...values(r.key)]);
  }
  return rows;
}

function t4Shape(): Shape {
  const [rev, dir, post] = T4_GROUPS;
  return [
    [header(rev.label, 5), header('行政诉讼', 10)],
    [...T4_COLUMNS.map((c) => header(c.label, 1, 2)), header(dir.label, 5), header(post.label, 5)],
    [dir, post].flatMap(() => T4_COLUMNS.map((c) => header(c.label))),
    T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => value(`t4.${g.key}.${c.key}`))),
  ];
}

/** The official shape of a table, its value slots empty. */
export function officialShape(id: TableId, version: TemplateVersion, withSubtotal = false): Shape {
  return id === 'T2' ? t2Shape(version) : id === 'T3' ? t3Shape(version, withSubtotal) : t4Shape();
}

/**
 * The official shape of a bound (or partial) table with every value slot holding its cell as
 * written; a row the table lacks keeps empty slots, and a labelled row that names no template row
 * ("其他主动公开文件") is kept after the row it followed, with its values. Undefined for a table that
 * is missing or could not be read: there are no cells to place.
 */
export function filledShape(table: Table): Shape | undefined {
  if (table.status !== 'bound' && table.status !== 'partial') return undefined;
  // T4 has one form in both versions; T2 and T3 are bound to a version.
  const version = table.version ?? (table.id === 'T4' ? '2021' : undefined);
  if (!version) return undefined;
  const shape = officialShape(table.id, version, table.hasSubtotal === true).map((row) =>
    row.map((c) => (c.role === 'value' && c.cell ? { ...c, text: table.cells.get(c.cell)?.raw ?? '' } : c)));
  for (const u of [...table.unknownRows].reverse()) insertRow(shape, u.after, u.text, u.values ?? []);
  return shape;
}

/** The template row a shape row holds values of ('t3.r7.np' → 'r7'), if any. */
const rowKeyOf = (row: ShapeCell[]) => row.find((c) => c.cell)?.cell?.split('.')[1];

/**
 * Inserts a row after the row holding template row `after` (at the top of the data when none):
 * label cells spanning down over that place span one row more, the new label takes the label
 * columns they leave free, and its values fill the value slots from the left.
 */
function insertRow(shape: Shape, after: string | undefined, label: string, values: string[]): void {
  let at = shape.findIndex((row) => rowKeyOf(row) === after);
  if (at < 0) at = shape.findIndex((row) => rowKeyOf(row) !== undefined) - 1;
  if (at < -1) return;
  // Label columns as the first data row has them (no span from above there); value slots as the
  // row it follows has them (T2's blocks differ).
  const first = shape.find((row) => rowKeyOf(row) !== undefined)!;
  const labelColumns = first.filter((c) => c.role !== 'value').reduce((w, c) => w + (c.colSpan ?? 1), 0);
  const valueSlots = (at >= 0 && rowKeyOf(shape[at]) ? shape[at] : first).filter((c) => c.role === 'value').map((c) => c.colSpan ?? 1);
  // Columns of cells from earlier rows that reach past `at`.
  let covered = 0;
  const grid = flattenSpans(shape);
  for (const cell of grid.starts) {
    if (cell.row <= at && cell.row + (cell.cell.rowSpan ?? 1) - 1 > at && cell.col < labelColumns) {
      cell.cell.rowSpan = (cell.cell.rowSpan ?? 1) + 1;
      covered += cell.cell.colSpan ?? 1;
    }
  }
  const row: ShapeCell[] = [{ text: label, role: 'label', ...(labelColumns - covered > 1 ? { colSpan: labelColumns - covered } : {}) }];
  valueSlots.forEach((span, i) => row.push({ text: values[i] ?? '', role: 'value', ...(span > 1 ? { colSpan: span } : {}) }));
  shape.splice(at + 1, 0, row);
}

/** Where each cell of a shape starts (row, column). */
function flattenSpans(shape: Shape): { starts: { row: number; col: number; cell: ShapeCell }[] } {
  const taken: boolean[][] = shape.map(() => []);
  const starts: { row: number; col: number; cell: ShapeCell }[] = [];
  shape.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (taken[r][col]) col++;
      starts.push({ row: r, col, cell: c });
      for (let dr = 0; dr < (c.rowSpan ?? 1) && r + dr < shape.length; dr++) for (let dc = 0; dc < (c.colSpan ?? 1); dc++) taken[r + dr][col + dc] = true;
      col += c.colSpan ?? 1;
    }
  });
  return { starts };
}

/** The shape as a rectangle of slots: each merged cell's text in its first slot, covered slots ''. */
export function flatten(shape: Shape): string[][] {
  const width = Math.max(...shape.map((row) => row.reduce((w, c) => w + (c.colSpan ?? 1), 0)));
  const grid: (string | undefined)[][] = shape.map(() => new Array(width).fill(undefined));
  shape.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (grid[r][col] !== undefined) col++;
      for (let dr = 0; dr < (c.rowSpan ?? 1) && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < (c.colSpan ?? 1); dc++) grid[r + dr][col + dc] = dr === 0 && dc === 0 ? c.text : '';
      }
      col += c.colSpan ?? 1;
    }
  });
  return grid.map((row) => row.map((x) => x ?? ''));
}
