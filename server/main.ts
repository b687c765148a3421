// The GovReport language server. Transport comes from the command line (`--stdio`, `--node-ipc`,
// `--socket=N`), as vscode-languageserver reads it. This file only wires LSP requests to the
// feature modules; checking lives in checker.ts and everything about reports in engine/.
//
// Rule documentation links (Diagnostic.codeDescription) point at docs/rules/<RULE-ID>.md next to
// the server bundle (the installed extension's folder) unless initializationOptions.docsBaseUrl
// names another base, e.g. "https://example.org/govreport/docs/rules/". See protocol.ts for the
// other initialization options (debounceMs, maxDocumentSize, idleGcMs, settings).
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { Checker, type Env } from './checker.ts';
import { PieceDocuments } from './document.ts';
import { codeActions } from './codeActions.ts';
import { executeCommand } from './commands.ts';
import { defaultDocsBase } from './diagnostics.ts';
import { WorkspaceFolders } from './folders.ts';
import { hoverAt } from './hover.ts';
import { IdleGc } from './memory.ts';
import { COMMANDS, FIX_ALL_KIND, FORMAT_TABLE_KIND, STATS_REQUEST, type InitializationOptions, type ServerStats } from './protocol.ts';
import { DEFAULT_SETTINGS, normalizeSettings, RC_NAME, RcFiles, resolveLang, unknownRulesMessage } from './settings.ts';
import { documentSymbols } from './symbols.ts';
import { PreviousYears } from './xyear.ts';
import { EDITOR_CAPABILITIES, registerEditorFeatures } from './editor.ts';
import { InboundGuard } from './inbound.ts';
import { serverTransport, stdioLifecycle } from './transport.ts';
import type { RequestContext } from './requests/context.ts';
import { registerDetect } from './requests/detect.ts';
import { registerCheckFiles } from './requests/workspace.ts';
import { registerImportDraft } from './requests/draft.ts';
import { registerPasteTable } from './requests/paste.ts';
import { registerTables } from './requests/tables.ts';

/**
 * The transport the command line names (over stdio our own reader and writer, transport.ts), every
 * message in through the inbound guard (inbound.ts: lifecycle, malformed notifications, backlog).
 */
const transport = serverTransport(process.argv.slice(2));
const inbound = new InboundGuard(transport.reader, transport.writer);
const connection = createConnection(ProposedFeatures.all, inbound, transport.writer);
inbound.warn = (m) => connection.console.warn(m);
if (transport.stdio) stdioLifecycle(connection, process.stdin);
// Incremental changes applied as pieces, not a new string per keystroke (document.ts).
const documents = new TextDocuments(PieceDocuments);

const env: Env = {
  settings: DEFAULT_SETTINGS,
  locale: undefined,
  debounceMs: 150,
  maxDocumentSize: 20 * 2 ** 20,
  docsBase: defaultDocsBase(),
  rc: new RcFiles(),
  folders: new WorkspaceFolders(),
  backlog: (uri) => inbound.backlog(uri),
};
env.xyear = new PreviousYears(documents, (uri) => {
  const doc = documents.get(uri);
  if (doc) checker.schedule(doc);
});
const idleGc = new IdleGc(() => checker.pending);
const checker = new Checker(connection, documents, env, (work) => idleGc.notify(work));
let canPullConfiguration = false;
let canRegisterConfiguration = false;
let canWatchFiles = false;
let canFollowFolders = false;
let documentChanges = false;

const CAPABILITIES: InitializeResult['capabilities'] = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FORMAT_TABLE_KIND, FIX_ALL_KIND] },
  executeCommandProvider: { commands: [COMMANDS.recomputeTotals, COMMANDS.fixAll, COMMANDS.formatTable] },
  hoverProvider: true,
  documentSymbolProvider: { label: 'GovReport' },
  // The folders bound the configuration search (folders.ts), so their changes are wanted.
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  ...EDITOR_CAPABILITIES,
};

const startup: ServerStats['startup'] = { process: Math.round(performance.timeOrigin), loaded: 0, initialize: null };
let lastChangeAt: number | null = null;

connection.onInitialize((params): InitializeResult => {
  startup.initialize = Date.now();
  env.locale = params.locale;
  const opts = (params.initializationOptions ?? {}) as InitializationOptions;
  if (typeof opts.debounceMs === 'number' && opts.debounceMs >= 0) env.debounceMs = opts.debounceMs;
  if (typeof opts.maxDocumentSize === 'number' && opts.maxDocumentSize > 0) env.maxDocumentSize = opts.maxDocumentSize;
  if (typeof opts.idleGcMs === 'number' && opts.idleGcMs >= 0) idleGc.delayMs = opts.idleGcMs;
  if (typeof opts.docsBaseUrl === 'string' && opts.docsBaseUrl) env.docsBase = opts.docsBaseUrl.endsWith('/') ? opts.docsBaseUrl : `${opts.docsBaseUrl}/`;
  env.relatedInHover = opts.relatedInHover === true;
  if (opts.settings !== undefined) {
    env.settings = normalizeSettings(opts.settings);
    settingsGiven = true;
  }
  env.folders!.initialize(params);
  const caps = params.capabilities;
  canFollowFolders = caps.workspace?.workspaceFolders === true;
  canPullConfiguration = caps.workspace?.configuration === true;
  canRegisterConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canWatchFiles = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  return { capabilities: CAPABILITIES, serverInfo: { name: 'govreport', version: '0.1.0' } };
});

/** Whether initializationOptions carried the settings (the VS Code client sends them: no need to wait for a read). */
let settingsGiven = false;

/** The settings being read from the client, if a read is under way (an opened document waits for it). */
let pulling: Promise<unknown> = Promise.resolve();

/** Reads the settings with workspace/configuration; 'failed' when the client cannot answer. */
function pullSettings(): Promise<'changed' | 'same' | 'failed'> {
  const p = readSettings();
  pulling = p;
  return p;
}

async function readSettings(): Promise<'changed' | 'same' | 'failed'> {
  if (!canPullConfiguration) return 'failed';
  try {
    const raw: unknown = await connection.workspace.getConfiguration('govreport');
    // A client without a value for the section (Neovim answers null) keeps what we have, e.g.
    // initializationOptions.settings.
    if (raw === null || raw === undefined) return 'same';
    const next = normalizeSettings(raw);
    const changed = JSON.stringify(next) !== JSON.stringify(env.settings);
    env.settings = next;
    return changed ? 'changed' : 'same';
  } catch (e) {
    connection.console.warn(`GovReport: could not read settings: ${String(e)}`);
    return 'failed';
  }
}

/** The last warning about rule ids in the settings that do not exist (said once per change). */
let warnedUnknown: string | null = null;

/** A misspelt rule id in govreport.rules has no effect: say so, with the nearest real id (a notification and the log). */
function warnUnknownRules(): void {
  const message = unknownRulesMessage(env.settings.unknownRules, resolveLang(env.settings, env.locale));
  if (message === warnedUnknown) return;
  warnedUnknown = message;
  if (!message) return;
  connection.console.warn(message);
  // A notification (window/showMessage), not a request: nothing to answer.
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

connection.onInitialized(async () => {
  if (canFollowFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      if (!env.folders!.change(event)) return;
      // Another boundary: the configuration found for a document may be another one now.
      env.rc.clear();
      checker.recheckAll();
    });
  }
  if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'govreport' });
  if (canWatchFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${RC_NAME}` }] });
  if ((await pullSettings()) === 'changed') checker.recheckAll();
  warnUnknownRules();
});

connection.onDidChangeConfiguration(async (p) => {
  const pulled = await pullSettings();
  if (pulled === 'same') return;
  if (pulled === 'failed') {
    // Clients without workspace/configuration push the settings as { govreport: {...} }.
    const pushed = (p.settings as { govreport?: unknown } | null)?.govreport;
    if (pushed === undefined) return;
    env.settings = normalizeSettings(pushed);
  }
  warnUnknownRules();
  checker.recheckAll();
});

connection.onDidChangeWatchedFiles(() => {
  env.rc.clear();
  checker.recheckAll();
});

// An opened document is checked at once: there is no burst of keystrokes to wait out, and the first
// diagnostics of a report are what a user waits for when opening it (bench/RESULTS.md, real editor).
// (Once settings being read have arrived: the first diagnostics are in the user's language and levels.
// Settings given at initialize are those: the first check does not wait for the round trip, which
// on a busy machine is part of a cold start; should the read bring other settings, all is checked again.)
documents.onDidOpen((e) => {
  const uri = e.document.uri;
  // In a task of its own (not inside the notification's handling), as a debounced check would run.
  void (settingsGiven ? Promise.resolve() : pulling).then(() => setImmediate(() => {
    const doc = documents.get(uri);
    // With changes of it already queued, the check scheduled by the open waits for them instead.
    if (doc && inbound.backlog(uri) === 0) checker.ensureSafely(doc);
  }));
});
documents.onDidChangeContent((e) => {
  lastChangeAt = Date.now();
  checker.schedule(e.document);
});
documents.onDidClose((e) => {
  env.xyear?.forget(e.document.uri);
  checker.close(e.document.uri);
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const r = doc && (await checker.current(doc));
  if (!doc || !r) return [];
  return codeActions(params, r, { target: { uri: doc.uri, version: r.version, documentChanges }, docsBase: env.docsBase, text: doc.getText(), languageId: doc.languageId });
});

connection.onExecuteCommand((params) => executeCommand(params, connection, documents, checker, documentChanges, env.docsBase));

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const m = doc && (await checker.model(doc));
  return m ? hoverAt(m.result, m.r.findings, params.position, m.r.lang, params.textDocument.uri) : null;
});

connection.onDocumentSymbol(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const m = doc && (await checker.model(doc));
  return m ? documentSymbols(m.result, m.r.lang, doc.languageId === 'markdown') : [];
});

connection.onRequest(STATS_REQUEST, (): ServerStats => {
  const mem = process.memoryUsage();
  return {
    pid: process.pid,
    startup,
    lastChangeAt,
    rss: mem.rss,
    heapUsed: mem.heapUsed,
    heapTotal: mem.heapTotal,
    external: mem.external,
    documents: documents.all().length,
    cachedResults: checker.cachedResults,
    checks: checker.checks,
    lastCheck: checker.lastCheck,
    idleGcs: idleGc.runs,
    lastIdleGc: idleGc.last,
  };
});

registerEditorFeatures({ connection, documents, checker });

// Requests of the VS Code client beyond LSP (server/requests/protocol.ts).
const requests: RequestContext = { connection, documents, checker, env };
registerTables(requests);
registerImportDraft(requests);
registerPasteTable(requests);
registerDetect(requests);
registerCheckFiles(requests);

// TextDocuments is handed the connection with its document notifications counted off the inbound
// backlog as each is handled (the checker waits while a document has more of them queued).
documents.listen(countingHandled(connection));
connection.listen();
startup.loaded = Date.now();

function countingHandled(c: typeof connection): typeof connection {
  const counted = <P extends { textDocument: { uri: string } }>(register: (h: (p: P) => void) => unknown) =>
    (handler: (p: P) => void) => register((p) => {
      inbound.handled(p.textDocument.uri);
      handler(p);
    });
  return Object.assign(Object.create(c) as typeof connection, {
    onDidOpenTextDocument: counted(c.onDidOpenTextDocument.bind(c)),
    onDidChangeTextDocument: counted(c.onDidChangeTextDocument.bind(c)),
    onDidCloseTextDocument: counted(c.onDidCloseTextDocument.bind(c)),
  });
}
