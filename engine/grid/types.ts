// The cells layout recovery (grid/layout.ts) reads from a table region, and the stream it hands the
// row reader (grid/rows.ts) and the binders. A module of its own so that rows.ts, which layout.ts
// calls, reads these types without importing layout.ts back.

export interface RawCell {
  text: string;
  start: number;
  end: number;
  line: number;
  /** Column index inside a hard row (TSV/GFM), else -1. */
  col: number;
  /** An empty cell that stands for a real position (TSV gap, GFM cell, L2 TAB-only line). */
  explicit: boolean;
  /** Set on a whole line read as one paragraph cell (L8), the only cells vertical text is made of. */
  paragraph?: boolean;
  /**
   * The text is what inline markup in the cell shows, not the characters of its range: for each of
   * its units, the offset in the cell's range it was read from.
   */
  shown?: Int32Array;
  /** A slot of a source grid covered by a merged cell (see GridCell): empty, and never a blank value. */
  covered?: 'left' | 'above';
}

export type GridItem =
  | { kind: 'row'; layout: 'L1' | 'L4' | 'L6'; line: number; cells: RawCell[] }
  | { kind: 'cell'; layout: 'L2' | 'L3' | 'L8'; cell: RawCell }
  | { kind: 'blank'; line: number }
  | { kind: 'residue'; line: number };
