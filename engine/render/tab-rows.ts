// The official grid as rows for a TAB-row table (plain text). A header or label merged over several
// columns keeps its place as flatten() gives it (covered slots empty, so the columns below line up
// as in the template), but a value cell merged over several slots (T2's two-column blocks, where one
// value stands under a header of two slots) stays one cell: a TAB row counts its values, and an
// empty slot between them would read as a value that is missing.
import { flatten, type Shape } from './shape.ts';
import { toGfm, toTabRows } from './text-table.ts';

export function tabRowsOf(shape: Shape): string[][] {
  const width = Math.max(...shape.map((row) => row.reduce((w, c) => w + (c.colSpan ?? 1), 0)));
  const grid: (string | null | undefined)[][] = shape.map(() => new Array(width).fill(undefined));
  shape.forEach((row, r) => {
    let col = 0;
    for (const c of row) {
      while (grid[r][col] !== undefined) col++;
      const span = c.colSpan ?? 1;
      for (let dr = 0; dr < (c.rowSpan ?? 1) && r + dr < grid.length; dr++) {
        // null: a slot that a value cell covers, dropped from the row.
        for (let dc = 0; dc < span; dc++) grid[r + dr][col + dc] = dr === 0 && dc === 0 ? c.text : c.role === 'value' ? null : '';
      }
      col += span;
    }
  });
  return grid.map((row) => row.filter((x) => x !== null).map((x) => x ?? ''));
}

/**
 * A table's text in a document's canonical layout: an aligned GFM table in Markdown (every slot a
 * cell, as GFM needs), TAB rows in plain text (tabRowsOf: no empty slot under a merged value).
 */
export function tableText(shape: Shape, markdown: boolean): string {
  return markdown ? toGfm(flatten(shape)) : toTabRows(tabRowsOf(shape));
}
