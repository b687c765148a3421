// The grid stage: each table's region read into grid items — rows of a source grid (GFM, HTML,
// Word, PDF geometry) or of a text layout (TAB rows, PDF text lines), and loose cells of the layouts
// that leave rows to the labels (one cell per line, pipe fragments, one cell per paragraph).
import type { Section, TableId } from '../model.ts';
import type { DocStructure } from '../source/types.ts';
import type { LineIndex } from '../text.ts';
import { readGrid, type GridItem } from './layout.ts';
import { tableRegion } from './regions.ts';

export type TableGrids = Record<TableId, GridItem[] | null>;

export function readTableGrids(idx: LineIndex, structure: DocStructure, sections: Section[]): TableGrids {
  const read = (id: TableId): GridItem[] | null => {
    const r = tableRegion(idx, sections, id);
    return r ? readGrid(idx, structure, r.from, r.to) : null;
  };
  return { T2: read('T2'), T3: read('T3'), T4: read('T4') };
}

export type { GridItem, RawCell } from './layout.ts';
