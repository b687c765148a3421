// The VS Code side: start the language server, route the commands to it, and show what it says —
// the status item, the output channel, the table preview, the paste edit, the import of a file as
// a Markdown draft, the workspace check. Everything about reports is the server's job; this file
// wires VS Code events to it and keeps no report logic of its own.
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { COMMANDS, SERVER_PROCESS_ENV } from '../server/protocol.ts';
import { DETECT_REQUEST, VSCODE_DEBOUNCE_MS } from '../server/requests/protocol.ts';
import { checkWorkspace, importDraft, isRulePage, showRuleDoc, toggleWorkspace } from './commands.ts';
import { t } from './i18n.ts';
import { PASTE_KIND, TablePasteProvider } from './paste.ts';
import { TablePreview } from './preview.ts';
import { SOURCE, Status } from './status.ts';

/** The server's commands that act on a document: from the palette they get the active editor's. */
const SERVER_COMMANDS = new Set<string>([COMMANDS.recomputeTotals, COMMANDS.fixAll, COMMANDS.formatTable]);
// HTML pages are checked in place when they read as reports (the server decides after reading them).
const LANGUAGES = ['markdown', 'plaintext', 'govreport', 'html'];
const selectorOf = (languages: string[]) => languages.flatMap((language) => [{ scheme: 'file', language }, { scheme: 'untitled', language }]);
const SELECTOR = selectorOf(LANGUAGES);
/** Where a table can be pasted as text: not into an HTML page's markup. */
const PASTE_SELECTOR = selectorOf(['markdown', 'plaintext', 'govreport']);

let client: LanguageClient | undefined;
/** When this bundle started running (its top level), for the start-up timings. */
const LOADED = Date.now();

/** What activate() returns: the language client (tests use it) and the parts tests look into. */
export interface GovReportApi {
  client: LanguageClient;
  status: Status;
  preview: TablePreview;
  /** Timestamps (Date.now()) of the start-up steps, and of the last change sent and diagnostics received, for the latency measurement. */
  timings: Record<string, number>;
  /** The lines this extension wrote to its output channel (the language client's own lines aside). */
  logged: string[];
}

const isOurs = (doc: vscode.TextDocument) => LANGUAGES.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');

export async function activate(context: vscode.ExtensionContext): Promise<LanguageClient & { govreport: GovReportApi }> {
  const timings: Record<string, number> = { loaded: LOADED, activate: Date.now() };
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '?');
  // A log channel: timestamps and levels come with it, and the language client's own lines land there.
  const output = vscode.window.createOutputChannel('GovReport', { log: true });
  const logged: string[] = [];
  const keep = (line: unknown) => {
    logged.push(String(line));
    if (logged.length > 500) logged.shift();
  };
  // What the language client writes goes through the same record (the server's log messages, its
  // warnings about the settings, a crash), so a test can read the channel as the user does.
  const recorded = new Proxy(output, {
    get(target, key) {
      const v = Reflect.get(target, key, target) as unknown;
      if (typeof v !== 'function') return v;
      if (['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine'].includes(String(key))) {
        return (...args: unknown[]) => {
          keep(args[0] instanceof Error ? args[0].message : args[0]);
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return (v as (...a: unknown[]) => unknown).bind(target);
    },
  });
  const log = (line: string) => recorded.info(line);
  log(`GovReport ${version} · VS Code ${vscode.version} · ${vscode.env.appHost} · ${process.platform} · Node ${process.versions.node}`);

  const status = new Status(isOurs);
  const module = context.asAbsolutePath('out/server.cjs');
  // vscode-languageclient starts the server with its own environment plus `env`.
  const env = SERVER_PROCESS_ENV;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6010'] } },
  };

  let defaults: ErrorHandler | undefined;
  let stopping = false;
  const reported = new Set<string>();
  const detected = new Set<string>();

  const clientOptions: LanguageClientOptions = {
    documentSelector: SELECTOR,
    outputChannel: recorded,
    // A shorter pause after a keystroke than the server's default: VS Code sends changes as they are
    // typed and a check of a report takes milliseconds (bench/RESULTS.md, real editor latency).
    // The settings go along, so the very first check already uses them.
    // relatedInHover: VS Code's hover lists a diagnostic's related cells above ours; the server puts
    // a total's cells after its formula instead (server/protocol.ts).
    initializationOptions: () => ({ debounceMs: VSCODE_DEBOUNCE_MS, settings: vscode.workspace.getConfiguration('govreport'), relatedInHover: true }),
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.govreportrc.json') },
    errorHandler: {
      error: (error, message, count) => {
        log(`connection error (${count ?? 0}): ${error.message}`);
        return defaults!.error(error, message, count);
      },
      closed: async () => {
        const r = await defaults!.closed();
        if (stopping) return r;
        const restart = r.action === CloseAction.Restart;
        log(`the language server exited unexpectedly; ${restart ? 'restarting it' : 'not restarting it again (it crashed too often)'}`);
        if (!restart) status.setServer({ kind: 'stopped', reason: t('reason.crashed') });
        return r;
      },
    },
    middleware: {
      didOpen: (document, next) => {
        status.checking(document.uri);
        return next(document);
      },
      didChange: async (event, next) => {
        status.checking(event.document.uri);
        timings.changeEvent = Date.now();
        await next(event);
        timings.changeSent = Date.now();
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        timings.diagnosticsReceived = Date.now();
        timings.firstDiagnostics ??= timings.diagnosticsReceived;
        next(uri, diagnostics);
        status.notReports.delete(uri.toString());
        status.checked(uri);
        for (const d of diagnostics) {
          const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
          // Configuration problems belong in the log too: they explain why a rule acts as it does.
          if (code.startsWith('CONFIG-') && !reported.has(d.message)) {
            reported.add(d.message);
            log(`configuration: ${d.message}`);
          }
        }
        if (!diagnostics.length) void afterEmpty(uri);
      },
      // The server's commands take a document URI; from the palette they get none, so the active
      // editor's document is meant. (The client registers these command ids itself, from the
      // server's executeCommandProvider, which is why the extension does not.)
      executeCommand: (command, args, next) => {
        if (!SERVER_COMMANDS.has(command)) return next(command, args);
        // Menus pass a vscode.Uri; the server takes the URI as a string.
        if (args[0] instanceof vscode.Uri) return next(command, [args[0].toString(), ...args.slice(1)]);
        if (args.length) return next(command, args);
        const editor = vscode.window.activeTextEditor;
        if (!editor) return vscode.window.showWarningMessage(t('openReport'));
        const uri = editor.document.uri.toString();
        // "Format table" from the palette means the table at the cursor.
        if (command === COMMANDS.formatTable) return next(command, [uri, null, editor.selection.active]);
        return next(command, [uri]);
      },
    },
  };
  client = new LanguageClient('govreport', 'GovReport', serverOptions, clientOptions);
  defaults = client.createDefaultErrorHandler(4);
  const lc = client;

  /** No diagnostics: either a clean report or no report at all; the status item says which. */
  async function afterEmpty(uri: vscode.Uri): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || !lc.isRunning()) return;
    const r = await lc.sendRequest<{ report: boolean }>(DETECT_REQUEST, { uri: lc.code2ProtocolConverter.asUri(uri) }).catch(() => ({ report: true }));
    if (!r.report && doc.languageId !== 'govreport') status.notReports.add(uri.toString());
    status.update();
  }

  /**
   * A plain-text file the server reads as a report gets the GovReport language (grammar, folding,
   * snippets), unless govreport.detectLanguage is off. Asked once the server has checked it (its
   * first diagnostics), so the server has the document.
   */
  async function detectLanguage(uri: vscode.Uri): Promise<void> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || doc.languageId !== 'plaintext' || detected.has(uri.toString())) return;
    if (!vscode.workspace.getConfiguration('govreport', doc.uri).get<boolean>('detectLanguage', true)) return;
    detected.add(uri.toString());
    const r = await lc.sendRequest<{ report: boolean }>(DETECT_REQUEST, { uri: lc.code2ProtocolConverter.asUri(uri) }).catch(() => ({ report: false }));
    if (!r.report) return;
    log(`${vscode.workspace.asRelativePath(doc.uri)}: a report in plain text, switched to the GovReport language`);
    await vscode.languages.setTextDocumentLanguage(doc, 'govreport');
  }

  const preview = new TablePreview(() => client, isOurs);
  const ruleIds = ruleIdsOf(context);

  context.subscriptions.push(
    output,
    status,
    preview,
    vscode.commands.registerCommand('govreport.restartServer', async () => {
      log('restarting the language server');
      stopping = true;
      try {
        await client?.restart();
      } finally {
        stopping = false;
      }
    }),
    vscode.commands.registerCommand('govreport.showPreview', (uri?: vscode.Uri | string) =>
      preview.show(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri)),
    vscode.commands.registerCommand('govreport.importDraft', (uri?: vscode.Uri) => importDraft(lc, uri)),
    vscode.commands.registerCommand('govreport.checkWorkspace', () => checkWorkspace(lc)),
    vscode.commands.registerCommand('govreport.toggleWorkspace', async () => {
      const r = await toggleWorkspace();
      status.update();
      return r;
    }),
    vscode.commands.registerCommand('govreport.showRuleDoc', (id?: unknown) => showRuleDoc(context.extensionUri, ruleIds, id)),
    vscode.commands.registerCommand('govreport.showOutput', () => output.show(true)),
    vscode.languages.registerDocumentPasteEditProvider(PASTE_SELECTOR, new TablePasteProvider(() => client), {
      providedPasteEditKinds: [PASTE_KIND],
      pasteMimeTypes: ['text/html', 'text/plain'],
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      status.update();
      for (const uri of e.uris) void detectLanguage(uri);
    }),
    vscode.window.onDidChangeActiveTextEditor((e) => {
      status.update();
      // A diagnostic's rule link opens the page as text; show it rendered instead.
      if (e && isRulePage(context.extensionUri, e.document.uri)) void renderRulePage(e.document.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('govreport')) {
        log(`settings changed: ${JSON.stringify(vscode.workspace.getConfiguration('govreport'))}`);
        status.update();
      }
    }),
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) {
        timings.running = Date.now();
        log(`language server running (${module}), started in ${timings.running - timings.starting} ms`);
        status.setServer({ kind: 'running' });
      } else if (e.newState === State.Starting) {
        timings.starting = Date.now();
        status.setServer({ kind: 'starting' });
      } else if (e.newState === State.Stopped && stopping) {
        status.setServer({ kind: 'starting' });
      }
    }),
  );

  timings.starting = Date.now();
  try {
    await client.start();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    log(`the language server could not start: ${reason}`);
    status.setServer({ kind: 'stopped', reason: t('reason.startFailed') });
    throw e;
  }
  status.update();
  return Object.assign(client, { govreport: { client, status, preview, timings, logged } });
}

async function renderRulePage(uri: vscode.Uri): Promise<void> {
  const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((x) => x.input instanceof vscode.TabInputText && x.input.uri.toString() === uri.toString());
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  if (tab) await vscode.window.tabGroups.close(tab);
}

/** The rule ids the settings schema offers (generated into package.json by scripts/contributes.ts). */
function ruleIdsOf(context: vscode.ExtensionContext): string[] {
  const pkg = context.extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, { propertyNames?: { enum?: string[] } }> } } };
  return pkg.contributes?.configuration?.properties?.['govreport.rules']?.propertyNames?.enum ?? [];
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

export { SOURCE };
