// What the CELL-* rules share: the tables whose cells they read (bound or partial, never
// unparseable — docs/spec/rules.md §0), and the value kind of a cell's column.
import type { Cell, Report, Table } from '../../model.ts';
import { TABLE_NAMES, TEMPLATES } from '../../template/index.ts';
import type { Display, ValueKind } from '../../template/types.ts';
import { cellDisplay, oncePerReport } from '../helpers.ts';
import type { Arg, Emission } from '../api.ts';

/** T2, T3, T4 when their cells are bound; an unparseable table gets only STRUCT-TABLE-UNPARSEABLE. */
export function valueTables(report: Report): Table[] {
  return [report.tables.T2, report.tables.T3, report.tables.T4].filter((t) => t.status === 'bound' || t.status === 'partial');
}

/** Every bound cell of every readable table, in text order. */
export const valueCells = oncePerReport((report: Report) => report, (report: Report): readonly { table: Table; cell: Cell }[] =>
  valueTables(report)
    .flatMap((table) => [...table.cells.values()].map((cell) => ({ table, cell })))
    .sort((a, b) => a.cell.start - b.cell.start));

/** T2 columns carry their kind in the template; T3 and T4 hold counts only. */
export function kindOf(table: Table, cell: Cell): ValueKind {
  if (table.id !== 'T2') return 'count';
  for (const block of TEMPLATES[table.version ?? '2021'].t2.blocks) {
    if (!block.rows.some((r) => r.key === cell.row)) continue;
    const col = block.columns.find((c) => c.key === cell.col);
    if (col) return col.kind;
  }
  return 'count';
}

/** `{text}`: the cell without layout (ASCII spaces, TABs); U+3000 padding is content (docs/spec/rules.md §0). */
export const rawText = (cell: Cell): string => cell.raw.replace(/^[ \t]+|[ \t]+$/g, '');

/** How many places a per-table finding names before "等 N 处" (the related list holds every one). */
export const LISTED = 6;

/**
 * The places of one cause in one table, for a single finding naming them (docs/spec/rules.md §1,
 * "one finding per cause"): the first `LISTED` by name, then how many more.
 */
export function placesArg(places: Display[]): Display {
  const shown = places.slice(0, LISTED);
  const zh = shown.map((p) => p.zh).join('、');
  const en = shown.map((p) => p.en).join(', ');
  const more = places.length - shown.length;
  return more > 0 ? { zh: `${zh} 等 ${places.length} 处`, en: `${en} and ${more} more` } : { zh, en };
}

/** One cell's finding before grouping: its emission, and the cause it shares with other cells. */
export interface CellNote {
  table: Table;
  cell: Cell;
  emission: Emission;
  /** Notes of one table with the same key are one cause. */
  cause: string;
}

/**
 * Emits one finding per cause per table (issue: noise is one finding per cause, not per cell): a
 * lone note as it is; several as one finding on the first cell naming them all — the rule's message
 * `table` with {table}, {n} and {places}, plus what `args` adds — whose one fix (the rule's `fixAll`)
 * carries every cell's edits, offered only when each cell had a fix.
 */
export function emitPerCause(notes: CellNote[], emit: (e: Emission) => void, args: (notes: CellNote[]) => Record<string, Arg> = () => ({})): void {
  const groups = new Map<string, CellNote[]>();
  for (const n of notes) {
    const key = `${n.table.id}\u0000${n.cause}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(n);
  }
  for (const list of groups.values()) {
    if (list.length === 1) {
      emit(list[0].emission);
      continue;
    }
    list.sort((a, b) => a.cell.start - b.cell.start);
    const places = placesArg(list.map((n) => cellDisplay(n.table, n.cell)));
    const fixable = list.every((n) => n.emission.fixes?.length);
    emit({
      range: list[0].emission.range, message: 'table', args: { ...args(list), table: TABLE_NAMES[list[0].table.id], places, n: list.length },
      related: list.map((n) => ({ cell: n.cell, range: { start: n.cell.start, end: n.cell.end }, value: n.cell.value ?? null, label: cellDisplay(n.table, n.cell) })),
      fixes: fixable ? [{ title: 'fixAll', args: { n: list.length }, edits: list.flatMap((n) => n.emission.fixes![0].edits) }] : [],
    });
  }
}
