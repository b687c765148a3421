// Findings and fixes as the engine produces them: plain data, engine offsets, no LSP types.
import type { Span, TableId } from './model.ts';
import type { Location } from './source/index.ts';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh' | 'en';

export interface CellRef {
  table: TableId;
  row: string;
  col: string;
}

export interface Edit extends Span {
  newText: string;
}

export interface Fix {
  title: string;
  kind: 'safe' | 'unsafe';
  edits: Edit[];
}

export interface RelatedCell {
  cell: CellRef | null;
  range: Span;
  value: number | null;
  /** Display name of the related place, in the finding's language. */
  label: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Span;
  cell: CellRef | null;
  written: number | null;
  computed: number | null;
  related: RelatedCell[];
  /** Where the finding is in a document without lines of its own (a Word document, a PDF). */
  location?: Location;
  /** The first fix (what the CLI JSON carries); more alternatives in `fixes`. */
  fix: Fix | null;
  fixes: Fix[];
}

export function cellRefOf(id: string): CellRef {
  const [t, row, col] = id.split('.');
  return { table: t.toUpperCase() as TableId, row, col };
}
