// What the server and its clients agree on beyond standard LSP: command ids, initialization
// options and one custom request. No imports, so tests and benches can use it as it is.
export const SOURCE = 'govreport';

export const COMMANDS = {
  /** Arguments: [uri: string]. Recomputes every total and sends one workspace/applyEdit. */
  recomputeTotals: 'govreport.recomputeTotals',
  /** Arguments: [uri: string]. Applies every safe fix (non-overlapping) in one workspace/applyEdit. */
  fixAll: 'govreport.fixAll',
  /**
   * Arguments: [uri: string, table?: 'T2' | 'T3' | 'T4', position?: Position]. Rewrites the table
   * (named, or at the position) in the document's canonical layout, one workspace/applyEdit.
   */
  formatTable: 'govreport.formatTable',
  /**
   * Arguments: [ruleId: string]. Implemented by the VS Code client (a rendered page); the code
   * action "查看规则说明" names it. Not in executeCommandProvider (the client registers it itself);
   * a client that sends it to the server anyway gets window/showDocument of the rule page.
   */
  showRuleDoc: 'govreport.showRuleDoc',
  /** Arguments: [uri: string]. The table preview, implemented by the VS Code client (code lenses name it). */
  showPreview: 'govreport.showPreview',
} as const;

/** Code action kind of "format this table" (the lightbulb's refactor group). */
export const FORMAT_TABLE_KIND = 'refactor.rewrite.govreport.formatTable';

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
 * - idleGcMs: after a check or a close, how long the server waits without further work before it
 *   collects garbage itself, if its heap has grown noticeably since the last time (default 1000; 0
 *   turns this off). See memory.ts.
 * - settings: initial `govreport` settings for clients that neither answer workspace/configuration
 *   nor send didChangeConfiguration.
 * - relatedInHover: the cells a total was computed from go in the hover of that total (after its
 *   formula, as links), not in the diagnostic's relatedInformation. VS Code sets it: its own hover
 *   lists every diagnostic's related information above any provider's hover, which put the nine
 *   cells of a total before the formula that explains them. Findings that no hover explains keep
 *   their related information.
 */
export interface InitializationOptions {
  debounceMs?: number;
  maxDocumentSize?: number;
  idleGcMs?: number;
  docsBaseUrl?: string;
  settings?: unknown;
  relatedInHover?: boolean;
}

export interface ServerStats {
  /** The server's process id (a test stops it to see the client survive a crash). */
  pid: number;
  /**
   * Start-up, as Date.now() values: the process started (performance.timeOrigin), the bundle was
   * loaded and evaluated, `initialize` arrived. Where a cold start's time goes.
   */
  startup: { process: number; loaded: number; initialize: number | null };
  /** Date.now() when the last didChange arrived (where a keystroke's time goes). */
  lastChangeAt: number | null;
  /** process.memoryUsage() of the server process, in bytes. */
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  /** Open documents and how many of them have a cached check result. */
  documents: number;
  cachedResults: number;
  /** Checks run since start. */
  checks: number;
  /** The last check: wall and CPU time of check() + conversion, the text length, and Date.now() at its end. */
  lastCheck: { wallMs: number; cpuMs: number; length: number; at?: number } | null;
  /** Garbage collections the server ran itself when idle (see idleGcMs), and the last one. */
  idleGcs: number;
  lastIdleGc: IdleGcRun | null;
}

export interface IdleGcRun {
  /** 'memory-reducing': v8.queryObjects (Node ≥ 20.13); 'full': only a full GC; 'none': neither available. */
  method: 'memory-reducing' | 'full' | 'none';
  wallMs: number;
  /** Bytes: RSS and V8 heapUsed before and after. */
  rssBefore: number;
  rssAfter: number;
  heapBefore: number;
  heapAfter: number;
}

/**
 * Environment for the server process, set by the client that starts it (client/extension.ts does;
 * other clients may, e.g. Neovim's `cmd_env`): it must be there when the process starts. Only glibc's
 * malloc reads it (Linux); elsewhere it is ignored. Left to itself, glibc raises its mmap threshold
 * to the largest block freed so far (a 10 MB document passes through several blocks of that size: the
 * message that carried it and the diagnostics sent back, over IPC: over stdio transport.ts uses pieces),
 * then keeps up to twice that much free at the top of each arena, of which there may be 8 per core.
 * A fixed trim threshold (which also keeps the mmap threshold at its 128 KiB default) hands free
 * memory back at once, and two arenas are plenty for one JavaScript thread and V8's helper threads.
 * Measured in bench/RESULTS.md (server-stress).
 */
export const SERVER_PROCESS_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/** `govreport/stats` (no params) → ServerStats: memory and cache figures, for benchmarks and leaks. */
export const STATS_REQUEST = 'govreport/stats';
