// A small LSP client for tests and benchmarks: spawns the BUILT server (out/server.cjs --stdio),
// speaks JSON-RPC to it, records what it publishes and answers the requests it sends.
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after } from 'node:test';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SERVER = join(ROOT, 'out', 'server.cjs');

function newestMtime(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return t;
}

/** Builds out/server.cjs when it is missing or older than the sources it bundles. */
export function ensureBuilt(): void {
  const fresh = existsSync(SERVER) && statSync(SERVER).mtimeMs >= Math.max(newestMtime(join(ROOT, 'server')), newestMtime(join(ROOT, 'engine')));
  if (fresh) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node esbuild.mjs failed');
}

export interface StartOptions {
  locale?: string;
  initializationOptions?: unknown;
  /** What the client answers to workspace/configuration for section "govreport" (null: no value). */
  settings?: Record<string, unknown> | null;
  /** Whether the client says it supports workspace/configuration (default true). */
  configuration?: boolean;
  applyEditResult?: boolean;
  /** stdio (default) or Node IPC, as VS Code's LanguageClient runs it (TransportKind.ipc). */
  transport?: 'stdio' | 'ipc';
  /** Node options for the server process, e.g. --cpu-prof for a profile (stdio only). */
  nodeArgs?: string[];
  /** Workspace folders (file: URIs) sent at initialize, the client then saying it supports them; default none (rootUri null). */
  workspaceFolders?: string[];
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly applyEditRequests: ApplyWorkspaceEditParams[] = [];
  settings: Record<string, unknown> | null;
  initializeResult!: InitializeResult;
  private waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private stderr = '';

  private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection, opts: StartOptions) {
    this.settings = opts.settings === undefined ? {} : opts.settings;
    proc.stderr!.on('data', (d) => (this.stderr += d));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    conn.onRequest(ConfigurationRequest.type, (params) => params.items.map((i) => (i.section === 'govreport' ? this.settings : null)));
    conn.onRequest(RegistrationRequest.type, () => undefined);
    conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
      this.applyEditRequests.push(p);
      return { applied: opts.applyEditResult ?? true };
    });
    conn.onNotification('window/logMessage', () => {});
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    let proc: ChildProcess;
    let conn: ProtocolConnection;
    if (opts.transport === 'ipc') {
      // execArgv [] as vscode-languageclient forks it: not this process's flags (--import tsx).
      proc = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
      conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    } else {
      proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    }
    const client = new TestClient(proc, conn, opts);
    conn.listen();
    client.initializeResult = await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      ...(opts.workspaceFolders ? { workspaceFolders: opts.workspaceFolders.map((uri) => ({ uri, name: uri })) } : {}),
      locale: opts.locale,
      initializationOptions: opts.initializationOptions,
      capabilities: {
        workspace: {
          configuration: opts.configuration ?? true,
          workspaceEdit: { documentChanges: true },
          didChangeConfiguration: { dynamicRegistration: true },
          applyEdit: true,
          ...(opts.workspaceFolders ? { workspaceFolders: true } : {}),
        },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } },
      },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the first publish for `uri` (already received or future) that passes `test`. */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20_000): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.get(uri)?.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; server stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({ uri, test, resolve: (p) => { clearTimeout(timer); resolvePromise(p); } });
    });
  }

  async open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async changeFull(uri: string, text: string, version: number): Promise<void> {
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(uri: string): Promise<void> {
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
      if (this.proc.exitCode === null) this.proc.kill();
    }
  }
}

/**
 * For a test file: a `start` that launches clients (Chinese locale unless told otherwise) and,
 * after the file's tests, stops them all and kills any server that did not exit.
 */
export function clientPool(): (opts?: StartOptions) => Promise<TestClient> {
  const clients: TestClient[] = [];
  after(async () => {
    for (const c of clients) await c.stop();
    for (const c of clients) if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
  });
  return async (opts: StartOptions = {}) => {
    const c = await TestClient.start({ locale: 'zh-cn', ...opts });
    clients.push(c);
    return c;
  };
}
