// What a source stage hands the rest of the engine: the document's text with its block marks
// (headings, bullets, code, comments) and the tables the source itself knows as grids. Markdown and
// plain text are read by line scanners (source/markdown.ts, source/text.ts); the HTML, Word and PDF
// readers render their document into a text of lines and fill the same marks, so everything
// downstream (structure, grid, bind, rules) is shared and no rule knows where a table came from.

export interface HeadingMark {
  line: number;
  level: number;
  /** `atx`/`setext`: Markdown headings; `markup`: a heading the source's markup says is one (`<h2>`, a Word outline level). */
  kind: 'atx' | 'setext' | 'markup';
  /** The `#` run of an ATX heading. */
  hashes?: { start: number; end: number };
  /** Heading content offsets (without `#`s and closing sequence). */
  contentStart: number;
  contentEnd: number;
}

/** One slot of a source grid, with offsets into the document's text. */
export interface GridCell {
  start: number;
  end: number;
  text: string;
  /** Columns and rows a merged cell spans, in the slot where it starts (absent: 1). */
  colSpan?: number;
  rowSpan?: number;
  /**
   * A slot covered by a merged cell: one that starts to its left in the same row (a colspan, Word's
   * gridSpan — the slot is part of that cell, not a cell of its own) or in a row above (a rowspan,
   * Word's vMerge — a place of this row with no value of its own). A covered slot has no content:
   * the merged cell's value belongs to its first slot, and a covered slot is never a blank.
   */
  covered?: 'left' | 'above';
}

/**
 * A table the source knows as rows of cells: a GFM table, an HTML `<table>`, a Word `w:tbl`, a PDF
 * table rebuilt from its geometry. Every row is one line of the document's text, and holds every
 * slot of its row (covered ones included), so `cells[i]` is grid column i.
 */
export interface SourceGrid {
  kind: 'gfm' | 'html' | 'docx' | 'pdf';
  startLine: number;
  endLine: number; // inclusive
  /** The GFM delimiter row's line (a line of the grid that holds no row), or -1. */
  delimiterLine: number;
  rows: { line: number; cells: GridCell[] }[];
}

export interface DocStructure {
  headings: Map<number, HeadingMark>;
  /** Line → offset where the content after a bullet marker starts. */
  bullets: Map<number, number>;
  /** Lines inside fenced code blocks (fences included). */
  code: Set<number>;
  grids: SourceGrid[];
  /** Line → the grid holding it. */
  gridLines: Map<number, SourceGrid>;
  comments: { start: number; end: number; text: string }[];
}

export function emptyStructure(): DocStructure {
  return { headings: new Map(), bullets: new Map(), code: new Set(), grids: [], gridLines: new Map(), comments: [] };
}

/** Why a document could not be read at all (each has a FILE-UNREADABLE message, source/notices.ts). */
export type SourceFailure =
  | 'binary' | 'undecodable' | 'legacy-office' | 'zip-not-docx' | 'docx-damaged' | 'docx-too-large'
  | 'pdf-damaged' | 'pdf-encrypted' | 'pdf-no-text' | 'pdf-too-large' | 'pdf-page-too-large' | 'html-too-large';

/** Where a place of the rendered text is in a document that has no text of its own (Word, PDF). */
export type Location =
  | { kind: 'docx'; paragraph: number; text: string }
  | { kind: 'docx'; table: number; row: number; cell: number; text: string }
  | { kind: 'pdf'; page: number; box: [number, number, number, number]; text: string };
