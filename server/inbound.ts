// What the server lets in from the wire, before vscode-languageserver sees it. Three things:
//
// - The LSP lifecycle: a request before `initialize` is answered with ServerNotInitialized, one after
//   `shutdown` with InvalidRequest, and notifications then are dropped (except `exit`); a server that
//   served them would check documents in a state no client meant (no settings, no locale).
// - Document notifications of the wrong shape are dropped with a warning in the client's log.
//   TextDocuments takes `text`, `uri`, `version` and each change on trust: a `didOpen` whose text is a
//   number used to kill the process (outside any handler that catches), and a `didChange` with one
//   bad change among good ones applied the good ones and never raised the version, leaving text and
//   diagnostics out of step. A whole notification is dropped or passed, never half applied.
// - A backlog count per document: how many of its notifications have been read but not yet handled.
//   vscode-jsonrpc handles one message per event-loop turn, so a check scheduled after one didChange
//   would run before the next one already read is handled; the checker asks `backlog(uri)` and waits
//   while more text for that document is queued (10,000 rapid edits become a few checks, the last of
//   the final text).
import {
  ErrorCodes,
  Disposable,
  Emitter,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
  type PartialMessageInfo,
  type RequestMessage,
} from 'vscode-languageserver/node';

/** Document notifications whose params are checked, and what a valid one looks like. */
const DOCUMENT_NOTIFICATIONS: Record<string, (p: unknown) => string | null> = {
  'textDocument/didOpen': (p) => {
    const d = field(p, 'textDocument');
    return isUri(field(d, 'uri')) && typeof field(d, 'languageId') === 'string' && isVersion(field(d, 'version')) && typeof field(d, 'text') === 'string'
      ? null : 'textDocument needs uri, languageId and text as strings and an integer version';
  },
  'textDocument/didChange': (p) => {
    const d = field(p, 'textDocument');
    if (!isUri(field(d, 'uri')) || !isVersion(field(d, 'version'))) return 'textDocument needs a string uri and an integer version';
    const changes = field(p, 'contentChanges');
    if (!Array.isArray(changes)) return 'contentChanges is not an array';
    for (const c of changes) {
      if (typeof field(c, 'text') !== 'string') return 'a content change without string text';
      const range = field(c, 'range');
      if (range !== undefined && !(isPosition(field(range, 'start')) && isPosition(field(range, 'end')))) return 'a content change with a malformed range';
    }
    return null;
  },
  'textDocument/didClose': (p) => (isUri(field(field(p, 'textDocument'), 'uri')) ? null : 'textDocument needs a string uri'),
  'textDocument/didSave': (p) => (isUri(field(field(p, 'textDocument'), 'uri')) ? null : 'textDocument needs a string uri'),
  'textDocument/willSave': (p) => (isUri(field(field(p, 'textDocument'), 'uri')) ? null : 'textDocument needs a string uri'),
};

/** Notifications that carry a document's text or end it: counted in the backlog. */
const CONTENT_NOTIFICATIONS = new Set(['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose']);

function field(o: unknown, key: string): unknown {
  return o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>)[key] : undefined;
}
const isUri = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isVersion = (v: unknown) => Number.isSafeInteger(v);
/** Any integers: TextDocument clamps lines and characters out of range (negative, past the end). */
const isPosition = (v: unknown) => Number.isSafeInteger(field(v, 'line')) && Number.isSafeInteger(field(v, 'character'));

/** Why a notification cannot be handled, or null when its params are of the right shape. */
export function malformedNotification(method: string, params: unknown): string | null {
  const test = DOCUMENT_NOTIFICATIONS[method];
  return test ? test(params) : null;
}

/** The uri a content notification is about (its params already validated). */
function contentUri(message: { method: string; params?: unknown }): string | undefined {
  if (!CONTENT_NOTIFICATIONS.has(message.method)) return undefined;
  return field(field(message.params, 'textDocument'), 'uri') as string;
}

type Phase = 'new' | 'running' | 'shutdown';

/** Wraps the transport's reader: the lifecycle, the shape of document notifications, the backlog. */
export class InboundGuard implements MessageReader {
  private phase: Phase = 'new';
  private readonly queued = new Map<string, number>();
  private readonly errorEmitter = new Emitter<Error>();
  private readonly closeEmitter = new Emitter<void>();
  private readonly partialEmitter = new Emitter<PartialMessageInfo>();
  /** Where a dropped message is reported (main.ts points it at the client's log once connected). */
  warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`);

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {
    inner.onError((e) => this.errorEmitter.fire(e));
    inner.onClose(() => this.closeEmitter.fire());
    inner.onPartialMessage((p) => this.partialEmitter.fire(p));
  }

  get onError() {
    return this.errorEmitter.event;
  }
  get onClose() {
    return this.closeEmitter.event;
  }
  get onPartialMessage() {
    return this.partialEmitter.event;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  /** Notifications of `uri` read and passed on, not yet handled. */
  backlog(uri: string): number {
    return this.queued.get(uri) ?? 0;
  }

  /** A content notification for `uri` is being handled now (main.ts calls this first thing). */
  handled(uri: string): void {
    const n = (this.queued.get(uri) ?? 0) - 1;
    if (n > 0) this.queued.set(uri, n);
    else this.queued.delete(uri);
  }

  private admit(message: Message): boolean {
    // Responses, and bodies that are no message at all (null, 5, []), which vscode-jsonrpc reports.
    if (message === null || typeof message !== 'object') return true;
    const m = message as Partial<RequestMessage>;
    if (typeof m.method !== 'string') return true;
    const isRequest = m.id !== undefined && m.id !== null;
    if (isRequest) {
      if (this.phase === 'new' && m.method !== 'initialize') return this.refuse(m as RequestMessage, ErrorCodes.ServerNotInitialized, 'the server has not been initialized');
      if (this.phase === 'running' && m.method === 'initialize') return this.refuse(m as RequestMessage, ErrorCodes.InvalidRequest, 'initialize was sent twice');
      if (this.phase === 'shutdown') return this.refuse(m as RequestMessage, ErrorCodes.InvalidRequest, 'the server is shutting down');
      if (m.method === 'initialize') this.phase = 'running';
      else if (m.method === 'shutdown') this.phase = 'shutdown';
      return true;
    }
    if (m.method === 'exit') return true;
    if (this.phase !== 'running') return false;
    const wrong = malformedNotification(m.method, m.params);
    if (wrong) {
      this.warn(`GovReport: ignored a malformed ${m.method} notification: ${wrong}`);
      return false;
    }
    const uri = contentUri(m as { method: string; params?: unknown });
    if (uri !== undefined) this.queued.set(uri, (this.queued.get(uri) ?? 0) + 1);
    return true;
  }

  private refuse(request: RequestMessage, code: number, message: string): false {
    if (typeof request.id === 'number' || typeof request.id === 'string') {
      void this.writer.write({ jsonrpc: '2.0', id: request.id, error: { code, message: `GovReport: ${message}` } } as Message).catch(() => {});
    }
    return false;
  }
}
