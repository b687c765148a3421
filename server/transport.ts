// The LSP base protocol over stdio (`--stdio`, how Neovim, Helix and most other clients start the
// server), written so that no message is ever held in one large C-allocated buffer.
//
// vscode-jsonrpc's stream reader gathers each message body into one Buffer and its writer encodes
// each message into one Buffer: for a 10 MB document that is a 10 MB malloc in, and a few MB out for
// its diagnostics. Freeing such a block makes glibc raise its mmap threshold to the block's size,
// and from then on every buffer below that size comes from the heap, which glibc trims only when
// twice that much is free at its top. The server's RSS then stays tens of MiB above where it
// started after the document is closed, unless the client sets MALLOC_* variables as the VS Code
// client does (SERVER_PROCESS_ENV). Here the body is decoded piece by piece as it arrives (the
// pieces are the stream's own chunks, 64 KiB) and written out in pieces small enough for Node to
// encode them on the stack, so all of a message lives in the JavaScript heap, which the idle GC
// gives back.
import { Console } from 'node:console';
import { StringDecoder } from 'node:string_decoder';
import { format } from 'node:util';
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  createServerPipeTransport,
  createServerSocketTransport,
  Disposable,
  IPCMessageReader,
  IPCMessageWriter,
  type Connection,
  type DataCallback,
  type Message,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver/node';

/** A header block longer than this is not LSP; the stream cannot be resynchronised after it. */
const MAX_HEADER_BYTES = 8192;

/**
 * Characters per write. At most 3 bytes of UTF-8 each (JSON.stringify escapes lone surrogates, and a
 * pair is 4 bytes for 2 characters), so a piece is at most 12 KiB: Node encodes a string of up to
 * 16 KiB in a stack buffer when it writes to a pipe.
 */
const PIECE_CHARS = 4096;

export class StreamingMessageReader extends AbstractMessageReader implements MessageReader {
  constructor(private readonly input: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    /** Header text read so far (latin1: one character per byte). */
    let header = '';
    /** Body bytes still to come; -1 while reading a header. */
    let remaining = -1;
    let decoder = new StringDecoder('utf8');
    let parts: string[] = [];

    const startBody = (block: string): boolean => {
      let length = -1;
      for (const line of block.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) return this.fail(`malformed header line: ${JSON.stringify(line.slice(0, 80))}`);
        const name = line.slice(0, colon).trim().toLowerCase();
        const value = line.slice(colon + 1).trim();
        if (name === 'content-length') {
          if (!/^\d{1,10}$/.test(value)) return this.fail(`bad Content-Length: ${JSON.stringify(value)}`);
          length = Number(value);
        } else if (name === 'content-type') {
          const charset = /charset=([^;\s]+)/i.exec(value)?.[1].toLowerCase();
          if (charset && charset !== 'utf-8' && charset !== 'utf8') return this.fail(`unsupported charset ${charset}`);
        }
      }
      if (length < 0) return this.fail('header without Content-Length');
      remaining = length;
      decoder = new StringDecoder('utf8');
      parts = [];
      return true;
    };

    const finishBody = (): void => {
      parts.push(decoder.end());
      const text = parts.join('');
      parts = [];
      remaining = -1;
      header = '';
      let message: Message;
      try {
        message = JSON.parse(text) as Message;
      } catch (e) {
        this.fireError(new Error(`message is not JSON: ${(e as Error).message}`));
        return;
      }
      callback(message);
    };

    const onData = (chunk: Buffer): void => {
      let at = 0;
      while (at < chunk.length) {
        if (remaining < 0) {
          const before = header.length;
          header += chunk.toString('latin1', at, Math.min(chunk.length, at + MAX_HEADER_BYTES));
          const end = header.indexOf('\r\n\r\n');
          if (end < 0) {
            if (header.length >= MAX_HEADER_BYTES) {
              this.fail('header too long');
              header = '';
              return;
            }
            at += header.length - before;
            continue;
          }
          at += end + 4 - before;
          const block = header.slice(0, end);
          header = '';
          // A block that is no LSP header ended at its blank line: what follows is read as the next
          // message (a client's bad frame costs that frame, not the messages sent right after it).
          if (!startBody(block)) continue;
          if (remaining === 0) finishBody();
          continue;
        }
        const n = Math.min(remaining, chunk.length - at);
        parts.push(decoder.write(chunk.subarray(at, at + n)));
        at += n;
        remaining -= n;
        if (remaining === 0) finishBody();
      }
    };

    const onError = (e: unknown) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('close', onClose);
    this.input.on('end', onClose);
    return Disposable.create(() => {
      this.input.off('data', onData);
      this.input.off('error', onError);
      this.input.off('close', onClose);
      this.input.off('end', onClose);
    });
  }

  /** Reports a header block that is not LSP; the block is dropped. */
  private fail(reason: string): false {
    this.fireError(new Error(`GovReport: invalid LSP message header: ${reason}`));
    return false;
  }
}

export class ChunkedMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (e: unknown) => this.fireError(e));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const json = JSON.stringify(message);
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error | null) => {
        if (!error) {
          this.errorCount = 0;
          resolve();
          return;
        }
        this.errorCount++;
        this.fireError(error, message, this.errorCount);
        reject(error);
      };
      try {
        // Every piece is written before returning, so messages never interleave.
        this.output.write(`Content-Length: ${Buffer.byteLength(json, 'utf8')}\r\n\r\n`, 'ascii');
        let at = 0;
        while (at < json.length) {
          const end = pieceEnd(json, at);
          const piece = json.slice(at, end);
          at = end;
          if (at < json.length) this.output.write(piece, 'utf8');
          else this.output.write(piece, 'utf8', done);
        }
        if (json.length === 0) done();
      } catch (e) {
        done(e as Error);
      }
    });
  }

  end(): void {
    this.output.end();
  }
}

/** Where the piece of `json` starting at `at` ends: PIECE_CHARS on, never between a surrogate pair. */
export function pieceEnd(json: string, at: number): number {
  let end = Math.min(json.length, at + PIECE_CHARS);
  const last = json.charCodeAt(end - 1);
  if (end < json.length && last >= 0xd800 && last <= 0xdbff) end--;
  return end;
}

/**
 * What vscode-languageserver does for the stdio streams it creates itself, done for ours: the
 * process ends when stdin does (0 after a shutdown request, 1 otherwise), and console output goes to
 * the client's log, since stdout carries the protocol.
 */
export function stdioLifecycle(connection: Connection, input: NodeJS.ReadableStream): void {
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = () => process.exit(shutdown ? 0 : 1);
  input.on('end', exit);
  input.on('close', exit);
  const toStderr = new Console(process.stderr, process.stderr);
  const log = (send: (message: string) => void) => (...args: unknown[]) => send(format(...args));
  Object.assign(console, toStderr, {
    log: log((m) => connection.console.log(m)),
    info: log((m) => connection.console.info(m)),
    debug: log((m) => connection.console.log(m)),
    warn: log((m) => connection.console.warn(m)),
    error: log((m) => connection.console.error(m)),
  });
}

/**
 * The reader and writer for the transport named on the command line, as vscode-languageserver picks
 * them (`--stdio`, `--node-ipc`, `--socket=N` or `--socket N`, `--pipe=NAME`), made here so that
 * main.ts can put its inbound guard (inbound.ts) in front of every one of them.
 */
export function serverTransport(argv: readonly string[]): { reader: MessageReader; writer: MessageWriter; stdio: boolean } {
  const value = (name: string): string | undefined => {
    const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].slice(name.length + 1) : argv[i + 1];
  };
  if (argv.includes('--stdio')) return { reader: new StreamingMessageReader(process.stdin), writer: new ChunkedMessageWriter(process.stdout), stdio: true };
  if (argv.includes('--node-ipc')) return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  const port = value('--socket');
  if (port !== undefined && Number.parseInt(port, 10) > 0) {
    const [reader, writer] = createServerSocketTransport(Number.parseInt(port, 10));
    return { reader, writer, stdio: false };
  }
  const pipe = value('--pipe');
  if (pipe) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { reader, writer, stdio: false };
  }
  throw new Error("GovReport: no transport given; start the server with --stdio, --node-ipc, --socket=N or --pipe=NAME");
}
