// What the server and its clients agree on beyond standard LSP: command ids, initialization
// options and one custom request. No imports, so tests and benches can use it as it is.
export const SOURCE = 'govreport';

export const COMMANDS = {
  /** Arguments: [uri: string]. Recomputes every total and sends one workspace/applyEdit. */
  recomputeTotals: 'govreport.recomputeTotals',
  /** Arguments: [uri: string]. Applies every safe fix (non-overlapping) in one workspace/applyEdit. */
  fixAll: 'govreport.fixAll',
} as const;

/** Code action kind of "fix all safe problems" (source.fixAll.govreport). */
export const FIX_ALL_KIND = 'source.fixAll.govreport';

/**
 * `initializationOptions` the server understands (all optional):
 * - debounceMs: delay between the last change and the re-check (default 150; benchmarks use 0).
 * - maxDocumentSize: documents larger than this many bytes (UTF-8) are not checked; one
 *   informational diagnostic says so (default 20 MiB).
 * - docsBaseUrl: where rule pages live; `<docsBaseUrl><RULE-ID>.md` becomes the diagnostic's
 *   codeDescription. Default: the file:// URL of docs/rules/ next to the server bundle, i.e. inside
 *   the installed extension (out/server.cjs → ../docs/rules/).
 * - settings: initial `govreport` settings for clients that neither answer workspace/configuration
 *   nor send didChangeConfiguration.
 */
export interface InitializationOptions {
  debounceMs?: number;
  maxDocumentSize?: number;
  docsBaseUrl?: string;
  settings?: unknown;
}

export interface ServerStats {
  /** process.memoryUsage() of the server process, in bytes. */
  rss: number;
  heapUsed: number;
  /** Open documents and how many of them have a cached check result. */
  documents: number;
  cachedResults: number;
  /** Checks run since start. */
  checks: number;
  /** The last check: wall and CPU time of check() + conversion, and the text length. */
  lastCheck: { wallMs: number; cpuMs: number; length: number } | null;
}

/** `govreport/stats` (no params) → ServerStats: memory and cache figures, for benchmarks and leaks. */
export const STATS_REQUEST = 'govreport/stats';
