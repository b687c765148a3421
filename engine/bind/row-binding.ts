// Binding data rows to template rows, the part table 2 and table 3 share: where a row's value cells
// are (docs/spec/layouts.md L1, L4), whether they run together (§3), a row bound twice, the rows
// not found, and the table's status from what was bound. Each table's binder decides which
// template row a line names and which columns its values are; this decides the rest.
import type { RowBinding, Span, Table } from '../model.ts';
import type { RawCell } from '../grid/layout.ts';
import type { LogicalRow } from '../grid/rows.ts';
import { cellAtSlot, valueSlots, valuesRunTogether, withExplicitBlanks } from './common.ts';

/**
 * Where a table's header puts the values: its first value column (`first`, -1 when unknown), and,
 * where the header names each value column, those columns (`columns`: a block of table 2 whose
 * header has columns of its own between them).
 */
export interface ValueColumns {
  first: number;
  columns?: number[];
  /** Cells of the table's widest header line (TSV), when known: a row as wide lost no separator. */
  width?: number;
}

/**
 * The value cells of a data row, `expected` of them when the layout says where they are: a TSV
 * row takes the explicit blanks at the edges of its span (L4), a GFM row the cells under the
 * header's value columns (L1; a blank cell there is a blank value). `runTogether`: fewer values
 * than columns with one long enough to hold the rest — in GFM as located; in TSV as located when
 * the row lines up (its blanks at the span's edges are TAB positions: exactly the expected cells
 * after its label or under the header's value columns, and the line as wide as the header's, so
 * no separator was lost), else as written, since a row short of one TAB and a row with a blank at
 * its edge look alike.
 */
export function locateValues(row: LogicalRow, lastLabelCol: number, at: ValueColumns, expected: number): { values: RawCell[]; runTogether: boolean } {
  let values = row.values;
  let located = false;
  if (values.length < expected && row.hardCells && row.layout === 'L4') {
    values = withExplicitBlanks(values, row.hardCells, lastLabelCol, at.first, expected);
    located = values !== row.values && values.length === expected && (at.width === undefined || row.hardCells.length >= at.width);
  }
  if (row.layout === 'L1' && row.hardCells) {
    const cells = row.hardCells;
    if (at.columns) {
      if (at.columns.length === expected && Math.min(...at.columns) > lastLabelCol) {
        values = [...at.columns].sort((a, b) => a - b).map((c) => cellAtSlot(cells, c)).filter((c): c is RawCell => c !== undefined);
        located = true;
      }
    } else if (at.first > lastLabelCol) {
      values = valueSlots(cells, at.first, expected);
      located = true;
    }
  }
  return { values, runTogether: valuesRunTogether(located ? values : row.values, expected) };
}

export interface BoundRow {
  binding: RowBinding;
  values: RawCell[];
}

/** The rows of one table as they are bound, and what follows from them for the table. */
export class RowBindings<Row extends BoundRow = BoundRow> {
  readonly bound = new Map<string, Row>();
  /** Some row's values run together (or into its label): the table cannot be read without guessing. */
  glued = false;

  constructor(private readonly table: Table) {}

  /**
   * Binds template row `key` to a data row with `values` for `expected` columns ('values' when the
   * count differs). A second occurrence is a duplicate (STRUCT-ROW-DUPLICATE); when its values
   * differ from the first's, the first, if bound, is no longer trusted either. Returns the binding,
   * or undefined for a duplicate.
   */
  bind(key: string, label: Span & { text: string }, values: RawCell[], expected: number, extra: Omit<Row, 'binding' | 'values'>): RowBinding | undefined {
    const existing = this.bound.get(key);
    if (existing) {
      this.table.duplicateRows.push({ key, state: 'duplicate', label, first: existing.binding.label });
      const same = existing.values.map((v) => v.text).join('\t') === values.map((v) => v.text).join('\t');
      if (!same && existing.binding.state === 'bound') existing.binding.state = 'duplicate';
      return undefined;
    }
    const binding: RowBinding = { key, state: 'bound', label, valueSpans: values.map((v) => ({ start: v.start, end: v.end })), rawValues: values.map((v) => v.text) };
    if (values.length !== expected) {
      binding.state = 'values';
      binding.found = values.length;
      binding.expected = expected;
    }
    this.bound.set(key, { ...extra, binding, values } as Row);
    this.table.rows.set(key, binding);
    return binding;
  }

  /** Row `key` found by position, without a label (STRUCT-ROW-INFERRED). */
  infer(key: string, values: RawCell[], extra: Omit<Row, 'binding' | 'values'>): void {
    const binding: RowBinding = { key, state: 'inferred', valueSpans: values.map((v) => ({ start: v.start, end: v.end })), rawValues: values.map((v) => v.text) };
    this.bound.set(key, { ...extra, binding, values } as Row);
    this.table.rows.set(key, binding);
  }

  /** Forgets row `key` (it is no template row of the version the table was read as). */
  drop(key: string): void {
    this.bound.delete(key);
    this.table.rows.delete(key);
  }

  /**
   * Marks the template rows not found as missing and sets the table's status: unparseable when
   * values run together or fewer than half the rows are bound, bound when all are, else partial.
   * Returns whether the table's cells can be read.
   */
  settle(templateKeys: string[]): boolean {
    const table = this.table;
    for (const key of templateKeys) if (!table.rows.has(key)) table.rows.set(key, { key, state: 'missing' });
    const boundCount = this.readableRows().length;
    if (this.glued) {
      table.status = 'unparseable';
      table.unparseableReason = 'glued';
    } else if (boundCount * 2 < templateKeys.length) {
      table.status = 'unparseable';
      table.unparseableReason = 'few-rows';
    } else table.status = boundCount === templateKeys.length ? 'bound' : 'partial';
    return table.status === 'bound' || table.status === 'partial';
  }

  /** The rows whose values become cells: bound by their label or by position. */
  readableRows(): Row[] {
    return [...this.bound.values()].filter((b) => b.binding.state === 'bound' || b.binding.state === 'inferred');
  }
}
