// Data passed between the CLI's main thread, its workers and its formatters. Plain objects only
// (they cross worker_threads by structured clone). Positions are LSP-style: 0-based, UTF-16.
import type { CellRef, Lang, Severity } from '../engine/finding.ts';
import type { TableStatus, TemplateVersion } from '../engine/model.ts';
import type { Position } from '../engine/text.ts';
import type { XYearDigest } from '../engine/xyear.ts';
import type { Encoding, Location, SourceKind } from '../engine/index.ts';

export interface Range {
  start: Position;
  end: Position;
}

export interface OutEdit {
  range: Range;
  newText: string;
}

export interface OutFix {
  title: string;
  kind: 'safe' | 'unsafe';
  edits: OutEdit[];
}

/** One finding as the CLI JSON contract (design.md) has it, plus `related` as an extra field. */
export interface OutFinding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  cell: CellRef | null;
  written: number | null;
  computed: number | null;
  fix: OutFix | null;
  related?: { cell: CellRef | null; range: Range; value: number | null; label: string }[];
  /** Where the finding is in a Word document or PDF (additive to the contract). */
  location?: Location;
}

/** T3/T4 cells for the HTML grid: id → raw cell text (and parsed value when a number). */
export interface GridTable {
  version: TemplateVersion | null;
  status: TableStatus;
  cells: Record<string, { raw: string; value: number | null }>;
}

export interface FixOutcome {
  /** Edits applied to the file (0 when nothing was safe to fix). */
  applied: number;
  written: boolean;
  /** Why the file was left untouched although it had safe fixes. */
  skipped?: 'unparsed-table' | 'unreadable' | 'encoding' | 'write-failed' | 'readonly' | 'changed';
  error?: string;
}

export interface FileResult {
  path: string;
  /** The address a fetched report came from (after redirects). */
  url?: string;
  /** The kind of document it was read as. */
  source?: SourceKind;
  /** Links to report documents in the body of an HTML page (a report published as an attachment). */
  attachments?: string[];
  encoding: Encoding | null;
  /** The file could not be read at all (I/O error): exit code 2. */
  ioError: boolean;
  /** Counted in summary.unreadable. */
  unreadable: boolean;
  /** A URL that could not be fetched (FILE-FETCH): counted in summary.fetchFailed. */
  fetchFailed?: boolean;
  agency: string | null;
  year: number | null;
  template: TemplateVersion | null;
  tables: { T2: TableStatus; T3: TableStatus; T4: TableStatus };
  findings: OutFinding[];
  fix?: FixOutcome;
  /** What pairs the report with last year's (when the run has several files). */
  pairing?: { agencyKey: string | null; year: number | null };
  /** The cross-year digest, made only for a report that has a pair (Task.sentences). */
  digest?: XYearDigest;
  grid?: { T3: GridTable; T4: GridTable };
}

export interface Task {
  index: number;
  path: string;
  abs: string;
  /** Parsed configuration (or a string when it did not parse), undefined when none applies. */
  config: unknown;
  lang: Lang;
  fix: boolean;
  grid: boolean;
  /** Give the report's pairing key (only worth it when the run has several files). */
  xyear: boolean;
  /** Keep findings' `related` places (only the JSON format prints them). */
  related: boolean;
  /** Make the cross-year digest, prose hashes included (only for a report that has a pair; see main.ts crossYear). */
  sentences?: boolean;
  /** Size limit of the input in bytes (default host/read.ts DEFAULT_MAX_BYTES). */
  maxBytes?: number;
  /** The input's bytes when it is no file to read (standard input, a fetched URL): --fix never writes these. */
  bytes?: Uint8Array;
  /** Where a fetched input came from. */
  url?: string;
  /** The name the engine reads the kind from, when `path` is none (a URL). */
  fileName?: string;
  /** The media type a fetched input was served as (the engine's byte entry will read it). */
  mediaType?: string;
}
