// The stdio reader and writer (server/transport.ts), in process over PassThrough streams: framing
// exactly as the LSP base protocol says, bodies split anywhere (inside a header, inside a UTF-8
// character), several messages in one chunk, and a stream that is not LSP.
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import type { Message } from 'vscode-languageserver/node';
import { ChunkedMessageWriter, pieceEnd, StreamingMessageReader } from '../../server/transport.ts';
import { ensureBuilt, SERVER } from './lsp.ts';

const frame = (body: string) => Buffer.concat([Buffer.from(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`, 'ascii'), Buffer.from(body, 'utf8')]);

function reader(): { input: PassThrough; messages: Message[]; errors: Error[] } {
  const input = new PassThrough();
  const messages: Message[] = [];
  const errors: Error[] = [];
  const r = new StreamingMessageReader(input);
  r.onError((e) => errors.push(e));
  r.listen((m) => messages.push(m));
  return { input, messages, errors };
}

const flush = () => new Promise((r) => setImmediate(r));

const MESSAGES: Message[] = [
  { jsonrpc: '2.0', method: 'initialized', params: {} } as Message,
  { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { text: '（七）总计·自然人 为 8，但各项之和为 4 😀' } } as Message,
  { jsonrpc: '2.0', id: 2, result: null } as Message,
];

describe('StreamingMessageReader', () => {
  it('reads messages whatever the chunking: one byte at a time, inside headers and UTF-8 characters', async () => {
    const bytes = Buffer.concat(MESSAGES.map((m) => frame(JSON.stringify(m))));
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const { input, messages, errors } = reader();
      for (let i = 0; i < bytes.length; i += size) input.write(bytes.subarray(i, i + size));
      await flush();
      assert.deepEqual(errors, [], `chunks of ${size}`);
      assert.deepEqual(messages, MESSAGES, `chunks of ${size}`);
    }
  });

  it('takes a Content-Type header, any header case, and a body larger than any chunk', async () => {
    const { input, messages, errors } = reader();
    const text = '政府信息公开'.repeat(100_000);
    const body = JSON.stringify({ jsonrpc: '2.0', method: 'x', params: { text } });
    input.write(Buffer.concat([Buffer.from(`content-length: ${Buffer.byteLength(body)}\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n`), Buffer.from(body)]));
    await flush();
    assert.deepEqual(errors, []);
    assert.equal((messages[0] as unknown as { params: { text: string } }).params.text, text);
  });

  it('reports a header without Content-Length, a foreign charset and a body that is not JSON, without throwing', async () => {
    for (const [bytes, expected] of [
      [Buffer.from('Content-Type: text/plain\r\n\r\n{}'), /Content-Length/],
      [Buffer.from('Content-Length: 2\r\nContent-Type: a; charset=latin1\r\n\r\n{}'), /charset latin1/],
      [Buffer.from('Content-Length: x\r\n\r\n'), /bad Content-Length/],
      [Buffer.concat([frame('{not json'), frame(JSON.stringify(MESSAGES[2]))]), /not JSON/],
      [Buffer.from('x'.repeat(20_000)), /too long/],
    ] as const) {
      const { input, messages, errors } = reader();
      input.write(bytes);
      await flush();
      assert.equal(errors.length, 1, String(bytes.subarray(0, 40)));
      assert.match(errors[0].message, expected);
      // A body that is not JSON is skipped; the next message still arrives.
      if (String(expected) === String(/not JSON/)) assert.deepEqual(messages, [MESSAGES[2]]);
    }
  });

  it('a bad header block costs only itself: the frame after it in the same chunk is read', async () => {
    for (const bad of ['Content-Length: x\r\n\r\n', 'garbage\r\n\r\n', 'Content-Type: text/plain\r\n\r\n']) {
      const { input, messages, errors } = reader();
      input.write(Buffer.concat([Buffer.from(bad), frame(JSON.stringify(MESSAGES[0])), Buffer.from(bad), frame(JSON.stringify(MESSAGES[2]))]));
      await flush();
      assert.equal(errors.length, 2, bad);
      assert.deepEqual(messages, [MESSAGES[0], MESSAGES[2]], bad);
    }
  });
});

describe('ChunkedMessageWriter', () => {
  it('writes each message framed with its UTF-8 length, in pieces that never split a surrogate pair', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const w = new ChunkedMessageWriter(out);
    // An emoji whose high surrogate is the last character of the first 4096-character piece, and
    // a body of many pieces.
    const head = JSON.stringify({ jsonrpc: '2.0', method: 'm', params: { text: '' } }).length - 3;
    const text = 'a'.repeat(4095 - head) + '😀' + '年度报告'.repeat(20_000);
    const sent = [{ jsonrpc: '2.0', method: 'm', params: { text } }, ...MESSAGES] as Message[];
    assert.equal(JSON.stringify(sent[0]).charCodeAt(4095), 0xd83d);
    for (const m of sent) await w.write(m);
    const all = Buffer.concat(chunks);
    const expected = Buffer.concat(sent.map((m) => frame(JSON.stringify(m))));
    assert.ok(all.equals(expected), 'bytes on the wire differ from the framed JSON');
    // And it reads back.
    const { input, messages } = reader();
    input.write(all);
    await flush();
    assert.deepEqual(messages, sent);
  });

  it('pieceEnd() steps back from a high surrogate and nowhere else', () => {
    const s = 'x'.repeat(4095) + '😀' + 'y';
    assert.equal(pieceEnd(s, 0), 4095);
    assert.equal(pieceEnd(s, 4095), s.length);
    assert.equal(pieceEnd('z'.repeat(5000), 0), 4096);
    assert.equal(pieceEnd('short', 0), 5);
  });

  it('rejects the write and reports the error when the stream fails', async () => {
    const out = new PassThrough();
    out.destroy();
    const w = new ChunkedMessageWriter(out);
    const errors: unknown[] = [];
    w.onError((e) => errors.push(e));
    await assert.rejects(w.write(MESSAGES[0]));
    assert.ok(errors.length >= 1);
  });
});

describe('the server over --stdio', () => {
  /** Starts out/server.cjs --stdio, writes `messages`, ends its stdin, and resolves with its exit code. */
  async function exitCodeAfter(messages: object[]): Promise<number | null> {
    ensureBuilt();
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    const { input, messages: replies } = reader();
    proc.stdout.pipe(input);
    for (const m of messages) proc.stdin.write(frame(JSON.stringify(m)));
    // Wait for the reply to the last request before ending stdin.
    const lastId = (messages.at(-1) as { id?: number } | undefined)?.id;
    while (lastId !== undefined && !replies.some((r) => (r as { id?: number }).id === lastId)) await new Promise((r) => setTimeout(r, 20));
    proc.stdin.end();
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }

  it('exits when stdin ends: 1 without a shutdown request, 0 after one', { timeout: 60_000 }, async () => {
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };
    assert.equal(await exitCodeAfter([init]), 1);
    assert.equal(await exitCodeAfter([init, { jsonrpc: '2.0', method: 'initialized', params: {} }, { jsonrpc: '2.0', id: 2, method: 'shutdown' }]), 0);
  });
});
