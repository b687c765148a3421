// The custom requests of server/requests/, as the VS Code client (client/) sends them. No imports,
// so the client bundle takes these names and shapes without the engine.

/**
 * The pause (ms) the VS Code client asks the server to wait after a change before checking
 * (initializationOptions.debounceMs; the server's own default is 150 for other clients).
 */
export const VSCODE_DEBOUNCE_MS = 50;

/** A position in a document as LSP counts it (0-based line, UTF-16 character). */
export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}

/** `govreport/tables` {uri} → TablesResult | null (null: not checked, e.g. not a report). */
export const TABLES_REQUEST = 'govreport/tables';

export interface TablesParams {
  uri: string;
}

export interface PreviewCell {
  text: string;
  role: 'caption' | 'header' | 'label' | 'value';
  colSpan?: number;
  rowSpan?: number;
  /** Value slots: the template key ('t3.r7.np') and where the cell is written, if it is. */
  cell?: string;
  range?: Rng;
  /** For a total: the number written and what its parts add up to (null: cannot be computed). */
  written?: number | null;
  computed?: (number | null)[];
  /** One line per formula defining the total, e.g. "总计 = 自然人 4 + … = 5". */
  formulas?: string[];
  /** The findings on this cell (messages) and the worst severity among them. */
  problems?: string[];
  severity?: 'error' | 'warning' | 'info';
}

export interface PreviewTable {
  id: 'T2' | 'T3' | 'T4';
  /** "表二 主动公开政府信息情况" in the message language. */
  title: string;
  status: 'bound' | 'partial' | 'missing' | 'unparseable';
  version: '2019' | '2021' | null;
  /** The official grid; empty when the table could not be read. */
  rows: PreviewCell[][];
  /** Findings on the cells of this table. */
  problems: number;
  /** Where the table is written, when it is. */
  range?: Rng;
}

export interface TablesResult {
  uri: string;
  version: number;
  lang: 'zh' | 'en';
  tables: PreviewTable[];
}

/** `govreport/importDraft` {data (base64), fileName} → ImportDraftResult. */
export const IMPORT_DRAFT_REQUEST = 'govreport/importDraft';

export interface ImportDraftParams {
  /** The file's bytes, base64. */
  data: string;
  fileName: string;
}

export type ImportDraftResult =
  | { ok: true; markdown: string; tables: Record<'T2' | 'T3' | 'T4', string> }
  | { ok: false; message: string };

/**
 * `govreport/pasteTable` {html?, text?, languageId} → PasteTableResult | null: the clipboard's HTML
 * table or TAB rows as the canonical table in the document's layout (GFM for Markdown, TAB rows
 * otherwise); null when the clipboard holds no single readable 表二/表三/表四.
 */
export const PASTE_TABLE_REQUEST = 'govreport/pasteTable';

export interface PasteTableParams {
  html?: string;
  text?: string;
  languageId: string;
}

export interface PasteTableResult {
  table: 'T2' | 'T3' | 'T4';
  text: string;
  /** Value cells placed. */
  cells: number;
}

/** `govreport/detect` {uri} → {report: boolean}: whether the open document reads as an annual report. */
export const DETECT_REQUEST = 'govreport/detect';

export interface DetectParams {
  uri: string;
}

/**
 * `govreport/checkFiles` {uris} → CheckFilesResult: checks these files (open or not) and publishes
 * their diagnostics, so the Problems panel lists every report of the workspace. The client sends
 * the workspace's files in batches and shows the progress between them.
 */
export const CHECK_FILES_REQUEST = 'govreport/checkFiles';

export interface CheckFilesParams {
  uris: string[];
}

export interface CheckFilesResult {
  /** Files looked at, reports among them, diagnostics published. */
  files: number;
  reports: number;
  problems: number;
}
