// Laying a structured document out as the engine's text: readers of HTML and Word produce blocks
// (paragraphs, headings, table rows), and this writes them as lines — a blank line between blocks,
// as a Markdown draft of the same document would have it, and a table's rows on consecutive lines
// of TAB-joined slots — with the block marks and source grids of those lines.
import { LineIndex } from '../text.ts';
import { addGrid } from './blocks.ts';
import { emptyStructure, type DocStructure, type GridCell, type SourceGrid } from './types.ts';

export interface Block {
  kind: 'line' | 'heading' | 'row';
  level?: number;
  text: string;
  /** For each unit of `text`, its offset in the original (HTML); absent for sources without a text (Word). */
  pos?: Int32Array;
  /** For rows: the slots of the row, with their start in `text`. */
  slots?: { at: number; cell: GridCell }[];
  /** For rows: which table of the document the row belongs to. */
  grid?: number;
}

export interface LaidOut {
  text: string;
  index: LineIndex;
  structure: DocStructure;
  /** Per unit of `text`, the original offset (when blocks carry `pos`; empty when none does). */
  origin: Int32Array;
  /** The block each line shows (undefined for the blank lines between blocks). */
  lineBlocks: (Block | undefined)[];
}

/**
 * A slot's cell at its place in the text. Built field by field: a spread of cells of several shapes
 * (spans, covered or not) was a generic copy per cell, a visible share of a page's reading.
 */
function placedCell(c: GridCell, start: number): GridCell {
  const cell: GridCell = { start, end: start + c.text.length, text: c.text };
  if (c.colSpan !== undefined) cell.colSpan = c.colSpan;
  if (c.rowSpan !== undefined) cell.rowSpan = c.rowSpan;
  if (c.covered !== undefined) cell.covered = c.covered;
  return cell;
}

export function layOut(blocks: Block[], kind: SourceGrid['kind']): LaidOut {
  // Offsets back into an original only where blocks carry them (HTML); a Word document has none.
  const tracked = blocks.some((b) => b.pos);
  let units = 0;
  for (let i = 0; i < blocks.length; i++) units += blocks[i].text.length + (i ? 2 : 0);
  const origin = new Int32Array(tracked ? units : 0);
  let o = 0;
  const pieces: string[] = [];
  let length = 0;
  const lineBlocks: (Block | undefined)[] = [];
  const structure = emptyStructure();
  let grid: { id: number; rows: SourceGrid['rows'] } | undefined;
  const endGrid = () => {
    if (grid && grid.rows.length) {
      addGrid(structure, { kind, startLine: grid.rows[0].line, endLine: grid.rows[grid.rows.length - 1].line, delimiterLine: -1, rows: grid.rows });
    }
    grid = undefined;
  };
  let line = 0;
  let prev: Block | undefined;
  for (const b of blocks) {
    if (b.kind !== 'row' || (grid && grid.id !== b.grid)) endGrid();
    if (prev) {
      // Rows of one table stay on consecutive lines; every other block is a paragraph of its own.
      const blank = !(b.kind === 'row' && prev.kind === 'row' && prev.grid === b.grid);
      const at = b.pos?.length ? b.pos[0] : o ? origin[o - 1] : 0;
      pieces.push(blank ? '\n\n' : '\n');
      length += blank ? 2 : 1;
      if (tracked) origin[o++] = at;
      if (blank) {
        if (tracked) origin[o++] = at;
        lineBlocks.push(undefined);
      }
      line += blank ? 2 : 1;
    }
    const start = length;
    pieces.push(b.text);
    length += b.text.length;
    if (b.pos) {
      origin.set(b.pos, o);
      o += b.pos.length;
    } else if (tracked) o += b.text.length;
    lineBlocks.push(b);
    if (b.kind === 'heading') {
      structure.headings.set(line, { line, level: b.level ?? 1, kind: 'markup', contentStart: start, contentEnd: start + b.text.length });
    }
    if (b.kind === 'row') {
      grid ??= { id: b.grid ?? 0, rows: [] };
      grid.rows.push({ line, cells: b.slots!.map((s) => placedCell(s.cell, start + s.at)) });
    }
    prev = b;
  }
  endGrid();
  const text = pieces.join('');
  return { text, index: new LineIndex(text), structure, origin: o === origin.length ? origin : origin.slice(0, o), lineBlocks };
}
