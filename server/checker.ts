// When and how documents are checked: a debounced re-check per document, one cached result (the
// latest text only — it is dropped as soon as the text changes), no check while more changes of the
// document are queued (they coalesce: the check is of the final text), and only the current text's
// diagnostics published, whatever version numbers the client sends (even going backwards).
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, CONFIG_INVALID, FILE_INTERNAL, LineIndex, noticeFinding, type CheckOptions, type CheckResult, type Finding, type Lang } from '../engine/index.ts';
import { looksLikeReport, readsAsReport } from './detect.ts';
import { toDiagnostic, tooLargeDiagnostic } from './diagnostics.ts';
import type { WorkspaceFolders } from './folders.ts';
import { explainsFinding } from './hover.ts';
import { configFor, resolveLang, type RcFiles, type Settings } from './settings.ts';
import type { PreviousYears } from './xyear.ts';

export interface Env {
  settings: Settings;
  locale: string | undefined;
  debounceMs: number;
  maxDocumentSize: number;
  docsBase: string;
  /** The client wants a total's related cells in its hover, not in the diagnostic (protocol.ts). */
  relatedInHover?: boolean;
  rc: RcFiles;
  /** The client's workspace folders: the configuration search stops at them (folders.ts). */
  folders?: WorkspaceFolders;
  /** Last year's reports beside a document, for the cross-year findings (xyear.ts). */
  xyear?: PreviousYears;
  /** Notifications of a document read from the wire and not yet handled (inbound.ts); 0 when unknown. */
  backlog?: (uri: string) => number;
}

export interface DocResult {
  uri: string;
  version: number;
  lang: Lang;
  /** Why nothing was checked, if so. */
  skipped?: 'never' | 'not-a-report' | 'too-large' | 'failed';
  findings: Finding[];
  index: LineIndex | null;
  /** The full check result; kept only for documents small enough that it costs little. */
  result: CheckResult | null;
  /** Options check() ran with, for commands that check again (recomputeTotals). */
  options: CheckOptions;
}

/** Above this size the report model is not cached (hover and symbols re-check on demand). */
const CACHE_MODEL_LIMIT = 2_000_000;
/**
 * A check put off because more changes were queued runs after this long all the same: the next
 * change cancels it, so it fires only if the backlog count were ever wrong (never a document left
 * unchecked).
 */
const BACKLOG_FALLBACK_MS = 1000;

export class Checker {
  /** Pending debounced checks: uri → how to cancel it. */
  private timers = new Map<string, () => void>();
  private results = new Map<string, DocResult>();
  /**
   * Changes seen per document (open, change, close): what "the same text" means here, since version
   * numbers come from the client and may repeat or go backwards.
   */
  private generation = new Map<string, number>();
  /** Requests waiting for the debounced check (uri → waiters, each with the generation it asked about). */
  private waiting = new Map<string, { generation: number; resolve: (r: DocResult | null) => void }[]>();
  checks = 0;
  lastCheck: { wallMs: number; cpuMs: number; length: number; at: number } | null = null;

  /**
   * @param afterWork called after each check and each close, the moments garbage is left behind
   *   (main.ts lets the idle GC know).
   */
  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly env: Env,
    private readonly afterWork: (work: 'check' | 'close') => void = () => {},
  ) {}

  get cachedResults(): number {
    return this.results.size;
  }

  /** Whether a debounced check is waiting to run. */
  get pending(): boolean {
    return this.timers.size > 0;
  }

  /** A change arrived: forget the old result now (it is stale) and check after the pause. */
  schedule(doc: TextDocument): void {
    this.changed(doc.uri);
    this.timers.get(doc.uri)?.();
    const uri = doc.uri;
    const run = (force: boolean) => {
      this.timers.delete(uri);
      // More of this document's changes are queued: their handling schedules the check again.
      if (!force && (this.env.backlog?.(uri) ?? 0) > 0) {
        const t = setTimeout(() => run(true), BACKLOG_FALLBACK_MS);
        this.timers.set(uri, () => clearTimeout(t));
        return;
      }
      const current = this.documents.get(uri);
      if (current) this.ensureSafely(current);
    };
    // Without debounce, still let the notifications already received be read first (a burst
    // collapses into one check), but skip the timer's 1 ms minimum.
    if (this.env.debounceMs > 0) {
      const t = setTimeout(() => run(false), this.env.debounceMs);
      this.timers.set(uri, () => clearTimeout(t));
    } else {
      const t = setImmediate(() => run(false));
      this.timers.set(uri, () => clearImmediate(t));
    }
  }

  /** A new text (or none) for `uri`: its old result is stale. */
  private changed(uri: string): void {
    this.results.delete(uri);
    this.generation.set(uri, (this.generation.get(uri) ?? 0) + 1);
  }

  private generationOf(uri: string): number {
    return this.generation.get(uri) ?? 0;
  }

  /**
   * ensure() from a timer or a task of its own, where nothing would catch a throw: the failure is
   * logged, the process lives on.
   */
  ensureSafely(doc: TextDocument): void {
    try {
      this.ensure(doc);
    } catch (e) {
      this.connection.console.error(`GovReport: checking ${doc.uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
  }

  /**
   * The result for the document's current version, for requests (code actions, hover, symbols,
   * commands). When a debounced check is pending it is awaited rather than run early, so requests
   * that editors send after every keystroke do not defeat the debounce. Resolves null when the
   * document changed or closed meanwhile (the request is then outdated).
   */
  current(doc: TextDocument): Promise<DocResult | null> {
    const cached = this.results.get(doc.uri);
    if (cached) return Promise.resolve(cached);
    if (!this.timers.has(doc.uri)) return Promise.resolve(this.ensure(doc));
    return new Promise((resolve) => {
      const list = this.waiting.get(doc.uri) ?? [];
      list.push({ generation: this.generationOf(doc.uri), resolve });
      this.waiting.set(doc.uri, list);
    });
  }

  private settle(uri: string, r: DocResult | null, generation: number): void {
    const list = this.waiting.get(uri);
    if (!list) return;
    this.waiting.delete(uri);
    for (const w of list) w.resolve(r && generation === w.generation ? r : null);
  }

  /** The result for the document's current version, checking (and publishing) now if needed. */
  ensure(doc: TextDocument): DocResult {
    const cached = this.results.get(doc.uri);
    if (cached) return cached;
    this.timers.get(doc.uri)?.();
    this.timers.delete(doc.uri);
    const generation = this.generationOf(doc.uri);
    const text = doc.getText();
    const { result: r, diagnostics } = this.compute(doc, text);
    // Checking is synchronous today, so the document cannot have moved on meanwhile; the guard keeps
    // that true if checking ever becomes asynchronous.
    if (this.generationOf(doc.uri) === generation && this.documents.get(doc.uri) === doc) {
      this.results.set(doc.uri, r);
      void this.connection.sendDiagnostics({ uri: doc.uri, version: r.version, diagnostics });
    }
    this.settle(doc.uri, r, generation);
    this.afterWork('check');
    return r;
  }

  /** The full check result (report model) for the current version, re-checking if it was not kept. */
  async model(doc: TextDocument): Promise<{ r: DocResult; result: CheckResult } | null> {
    const r = await this.current(doc);
    if (!r || r.skipped) return null;
    if (r.result) return { r, result: r.result };
    const result = check(doc.getText(), r.options);
    this.afterWork('check');
    return { r, result };
  }

  close(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
    this.results.delete(uri);
    this.generation.delete(uri);
    this.settle(uri, null, -1);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.afterWork('close');
  }

  /** Settings or an rc file changed: every open document is checked again. */
  recheckAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc);
  }

  private compute(doc: TextDocument, text: string): { result: DocResult; diagnostics: Diagnostic[] } {
    const { settings, locale } = this.env;
    const lang = resolveLang(settings, locale);
    const base = { uri: doc.uri, version: doc.version, lang, findings: [], index: null, result: null, options: {} };
    if (settings.validate === 'never') return { result: { ...base, skipped: 'never' }, diagnostics: [] };
    const size = utf8Size(text, this.env.maxDocumentSize);
    if (size > this.env.maxDocumentSize) {
      return { result: { ...base, skipped: 'too-large' }, diagnostics: [tooLargeDiagnostic(size, this.env.maxDocumentSize, lang)] };
    }
    // An HTML page is judged after reading it (its site chrome defeats a line scan); Markdown and
    // plain text before, by the engine's cheap test.
    const html = doc.languageId === 'html';
    const auto = settings.validate === 'auto' && doc.languageId !== 'govreport';
    if (auto && !html && !looksLikeReport(text)) {
      return { result: { ...base, skipped: 'not-a-report' }, diagnostics: [] };
    }
    const filePath = doc.uri.startsWith('file:') ? safeFilePath(doc.uri) : undefined;
    const rc = filePath ? this.env.rc.find(filePath, this.env.folders?.stops) : null;
    const options = {
      fileName: filePath ?? doc.uri,
      // .govreport files are checked as plain text (their own grammar); Markdown as Markdown; an
      // HTML page as a page, its findings placed at line:column of the page's own text.
      languageId: doc.languageId === 'markdown' || html ? doc.languageId : 'plaintext',
      lang,
      config: configFor(settings, rc),
    };
    try {
      this.checks++;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const result = check(text, options);
      if (auto && html && !readsAsReport(result.report)) return { result: { ...base, skipped: 'not-a-report' }, diagnostics: [] };
      // Finding ranges are in the document's own text (for an HTML page, not the text it rendered).
      const index = result.positions;
      const xyear = this.env.xyear?.findings(doc.uri, result, options, lang) ?? [];
      const findings = xyear.length ? [...result.findings, ...xyear].sort((a, b) => a.range.start - b.range.start) : result.findings;
      const inHover = this.env.relatedInHover ? (f: Finding) => explainsFinding(result, f, lang) : () => false;
      const diagnostics = findings.map((f) => toDiagnostic(f, index, doc.uri, this.env.docsBase, lang, !inHover(f)));
      const broken = rc && !rc.ok ? diagnostics[findings.findIndex((f) => f.rule === CONFIG_INVALID.id)] : undefined;
      if (broken && rc && !rc.ok) {
        // Point at the broken file itself, so the editor can open it from the diagnostic.
        const zero = { line: 0, character: 0 };
        broken.relatedInformation = [{ location: { uri: pathToFileURL(rc.path).href, range: { start: zero, end: zero } }, message: rc.error }];
      }
      const cpu = process.cpuUsage(cpu0);
      this.lastCheck = { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, length: text.length, at: Date.now() };
      const keep = text.length <= CACHE_MODEL_LIMIT ? result : null;
      return { result: { ...base, findings, index, result: keep, options }, diagnostics };
    } catch (e) {
      // An engine failure must not take the server down: say so on the document and in the log.
      const err = e instanceof Error ? e.stack ?? e.message : String(e);
      this.connection.console.error(`GovReport: checking ${doc.uri} failed: ${err}`);
      // The catalogue's FILE-INTERNAL (engine/notices.ts), the CLI's notice for the same failure.
      const index = new LineIndex(text);
      const finding = noticeFinding(FILE_INTERNAL, { start: 0, end: 0 }, lang, { args: { reason: String(e) } });
      return {
        result: { ...base, skipped: 'failed', index, options },
        diagnostics: [toDiagnostic(finding, index, doc.uri, this.env.docsBase, lang)],
      };
    }
  }
}

/**
 * UTF-8 size of the text, what a user knows as the file size. A UTF-16 unit is 1–3 UTF-8 bytes, so
 * short texts are under the limit without counting (the length returned is then a lower bound).
 */
function utf8Size(text: string, limit: number): number {
  return text.length * 3 <= limit ? text.length : Buffer.byteLength(text, 'utf8');
}

function safeFilePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
