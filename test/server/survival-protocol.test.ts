// The language server against a client that breaks the protocol (issue 18): notifications with wrong
// types in any field, frames that are not LSP, requests before `initialize` and after `shutdown`,
// out-of-range, reversed and overlapping incremental edits, versions going backwards, thousands of
// rapid edits (they coalesce: the last publish is the final text's), 200 documents opened and closed
// (nothing retained), a document of unmatched brackets (bounded diagnostics). Each case checks that
// the server stays up and that what it publishes is the check of the text it really holds. Timings
// are not asserted; bench/server-edits.bench.ts measures them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StreamMessageReader, type Message } from 'vscode-languageserver-protocol/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../engine/index.ts';
import { MAX_FINDINGS_PER_RULE } from '../../engine/pipeline.ts';
import { malformedNotification } from '../../server/inbound.ts';
import { STATS_REQUEST, type ServerStats } from '../../server/protocol.ts';
import { clientPool, ensureBuilt, ROOT, SERVER, type TestClient } from './lsp.ts';

const SEEDS = join(ROOT, 'test/fixtures/seeds');
const SEED_FILES = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const SEED_TEXTS = SEED_FILES.map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const SEED_002 = SEED_TEXTS[SEED_FILES.findIndex((f) => f.startsWith('002_'))];
/** 0-based line of （七）总计·自然人 in seed 002 (written 8, its items sum to 4). */
const NP_LINE = 349;
const MiB = 2 ** 20;

type Key = { rule: unknown; range: Diagnostic['range']; message: unknown };
const keyOf = (d: Diagnostic): Key => ({ rule: d.code, range: d.range, message: d.message });

/** What a fresh engine check of `text` finds, in the shape of the server's diagnostics. */
function expectedKeys(text: string, fileName: string): Key[] {
  const r = check(text, { fileName, languageId: 'plaintext', lang: 'zh' });
  const index = r.parsed.index;
  return r.findings.map((f) => ({ rule: f.rule, range: { start: index.positionAt(f.range.start), end: index.positionAt(f.range.end) }, message: f.message }));
}

function seed002With(value: string): string {
  const lines = SEED_002.split('\n');
  assert.equal(lines[NP_LINE].trim(), '8');
  lines[NP_LINE] = lines[NP_LINE].replace('8', value);
  return lines.join('\n');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const published = (c: TestClient, uri: string): PublishDiagnosticsParams[] => c.diagnostics.get(uri) ?? [];

async function assertAlive(c: TestClient): Promise<ServerStats> {
  assert.equal(c.proc.exitCode, null, 'server process exited');
  assert.equal(c.proc.signalCode, null, 'server process was killed');
  return (await c.conn.sendRequest(STATS_REQUEST)) as ServerStats;
}

/**
 * Waits until the server has handled everything sent so far (a request is answered after the
 * notifications before it) and the immediate check that follows has run, then returns the last publish.
 */
async function lastPublish(c: TestClient, uri: string): Promise<PublishDiagnosticsParams | undefined> {
  await c.conn.sendRequest(STATS_REQUEST);
  await sleep(50);
  await c.conn.sendRequest(STATS_REQUEST);
  return published(c, uri).at(-1);
}

const start = clientPool();
before(() => ensureBuilt());

describe('survival: malformed document notifications', () => {
  it('the validator names what is wrong and passes what is right', () => {
    const open = (td: object) => malformedNotification('textDocument/didOpen', { textDocument: { uri: 'file:///a.txt', languageId: 'plaintext', version: 1, text: 'x', ...td } });
    assert.equal(open({}), null);
    for (const bad of [{ text: 5 }, { text: null }, { text: {} }, { uri: 5 }, { uri: '' }, { version: 'x' }, { version: 1.5 }, { languageId: 7 }]) assert.ok(open(bad), JSON.stringify(bad));
    assert.ok(malformedNotification('textDocument/didOpen', null));
    assert.ok(malformedNotification('textDocument/didOpen', { textDocument: [] }));
    const change = (p: object) => malformedNotification('textDocument/didChange', { textDocument: { uri: 'file:///a.txt', version: 2 }, contentChanges: [{ text: 'x' }], ...p });
    assert.equal(change({}), null);
    assert.equal(change({ contentChanges: [{ range: { start: { line: -1, character: 1e9 }, end: { line: 0, character: 0 } }, text: '' }] }), null, 'out of range is clamped, not refused');
    for (const bad of [{ contentChanges: null }, { contentChanges: {} }, { contentChanges: [{ text: 1 }] }, { contentChanges: [{ text: 'a' }, { range: { start: { line: 'a' } }, text: 'b' }] },
      { contentChanges: [{ range: { start: { line: 0, character: NaN }, end: { line: 0, character: 0 } }, text: '' }] }, { textDocument: { uri: 'file:///a.txt', version: null } }, { textDocument: null }]) {
      assert.ok(change(bad), JSON.stringify(bad));
    }
    assert.ok(malformedNotification('textDocument/didClose', { textDocument: { uri: 1 } }));
    assert.equal(malformedNotification('textDocument/didClose', { textDocument: { uri: 'file:///a.txt' } }), null);
    assert.equal(malformedNotification('workspace/didChangeConfiguration', 5), null, 'other notifications are the handlers\' business');
  });

  it('wrong types in any field of didOpen, didChange, didClose, didSave: ignored, the server lives and stays current', { timeout: 120_000 }, async () => {
    const c = await start();
    const uri = 'file:///protocol/malformed-002.txt';
    const td = { uri, languageId: 'plaintext', version: 1, text: SEED_002 };
    const junk: unknown[] = [5, null, {}, [], 'text', true];
    for (const key of ['uri', 'languageId', 'version', 'text'] as const) {
      for (const v of junk) {
        if (typeof v === typeof td[key] && v !== null) continue;
        await c.conn.sendNotification('textDocument/didOpen', { textDocument: { ...td, [key]: v } });
      }
    }
    for (const p of junk) await c.conn.sendNotification('textDocument/didOpen', p);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: null });
    let stats = await assertAlive(c);
    assert.equal(stats.documents, 0, 'no malformed open was taken');

    await c.open(uri, SEED_002, 'plaintext', 1);
    await c.waitForDiagnostics(uri, (p) => p.version === 1);
    const good = seed002With('4');
    // One bad change among good ones: the whole notification is refused, none of it applied.
    for (const contentChanges of [null, 5, {}, [{ text: 5 }], [{ text: good }, { text: null }], [{ range: { start: { line: 0, character: 0 } }, text: 'x' }], [{ range: 'all', text: 'x' }],
      [{ range: { start: { line: 'x', character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]]) {
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges });
    }
    for (const textDocument of [null, {}, { uri }, { uri, version: 'x' }, { uri: 5, version: 2 }, { uri, version: null }]) {
      await c.conn.sendNotification('textDocument/didChange', { textDocument, contentChanges: [{ text: good }] });
    }
    for (const p of [null, 5, { textDocument: null }, { textDocument: { uri: 5 } }]) {
      await c.conn.sendNotification('textDocument/didClose', p);
      await c.conn.sendNotification('textDocument/didSave', p);
      await c.conn.sendNotification('textDocument/willSave', p);
    }
    stats = await assertAlive(c);
    assert.equal(stats.documents, 1);
    // The document is still the seed as opened: a change applies to it exactly.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: NP_LINE, character: 0 }, end: { line: NP_LINE + 1, character: 0 } }, text: `${SEED_002.split('\n')[NP_LINE].replace('8', '4')}\n` }],
    });
    const p2 = await c.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(p2.diagnostics.map(keyOf), expectedKeys(good, '/protocol/malformed-002.txt'));
    await c.close(uri);
    await assertAlive(c);
  });
});

describe('survival: edits that are out of range, reversed, overlapping; versions going backwards', () => {
  let c: TestClient;
  before(async () => {
    c = await start({ initializationOptions: { debounceMs: 0 } });
  });

  it('each publish is the check of the text TextDocument makes of the same edits', { timeout: 120_000 }, async () => {
    const uri = 'file:///protocol/edits-002.txt';
    let model = TextDocument.create(uri, 'plaintext', 1, SEED_002);
    await c.open(uri, SEED_002, 'plaintext', 1);
    await c.waitForDiagnostics(uri, (p) => p.version === 1);
    const pos = (line: number, character: number) => ({ line, character });
    const edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[][] = [
      [{ range: { start: pos(1e6, 1e6), end: pos(1e6, 1e6) }, text: '\n附注。' }], // past the end
      [{ range: { start: pos(-5, -5), end: pos(0, 0) }, text: '' }], // negative
      [{ range: { start: pos(NP_LINE + 1, 0), end: pos(NP_LINE, 0) }, text: `${SEED_002.split('\n')[NP_LINE].replace('8', '4')}\n` }], // reversed
      [{ range: { start: pos(10, 0), end: pos(12, 0) }, text: '' }, { range: { start: pos(10, 0), end: pos(11, 3) }, text: '重叠' }, { range: { start: pos(9, 2), end: pos(10, 1) }, text: '' }], // overlapping
      [{ range: { start: pos(NP_LINE, 500), end: pos(NP_LINE, 600) }, text: '' }], // past the line's end
    ];
    let version = 1;
    for (const changes of edits) {
      version++;
      model = TextDocument.update(model, changes, version);
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      const p = await c.waitForDiagnostics(uri, (x) => x.version === version);
      assert.deepEqual(p.diagnostics.map(keyOf), expectedKeys(model.getText(), '/protocol/edits-002.txt'), `edit to version ${version}`);
    }
    await c.close(uri);
  });

  it('versions going backwards or repeating: the current text is still checked and published', { timeout: 120_000 }, async () => {
    const uri = 'file:///protocol/versions-002.txt';
    await c.open(uri, SEED_002, 'plaintext', 10);
    await c.waitForDiagnostics(uri, (p) => p.version === 10);
    for (const [version, value] of [[5, '4'], [5, '8'], [3, '4'], [-1, '9']] as const) {
      const before = published(c, uri).length;
      await c.changeFull(uri, seed002With(value), version);
      await c.waitForDiagnostics(uri, (p) => published(c, uri).indexOf(p) >= before && p.version === version);
      const last = await lastPublish(c, uri);
      assert.equal(last!.version, version);
      assert.deepEqual(last!.diagnostics.map(keyOf), expectedKeys(seed002With(value), '/protocol/versions-002.txt'), `version ${version}, value ${value}`);
    }
    // A request in between sees the current text's result.
    const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: NP_LINE, character: 0 } });
    assert.ok(hover === null || typeof hover === 'object');
    await c.close(uri);
    await assertAlive(c);
  });
});

describe('survival: rapid edits coalesce', () => {
  // The bench sends 10,000 of each to a 230 KB document; here fewer, to keep the suite short.
  const BIG = Array.from({ length: 25 }, (_, i) => SEED_TEXTS[i % SEED_TEXTS.length]).join('\n\n');

  for (const debounceMs of [0, 150]) {
    it(`thousands of incremental and full-text edits (debounce ${debounceMs} ms): few checks, the last publish is the final text's`, { timeout: 300_000 }, async () => {
      const c = await start({ initializationOptions: { debounceMs } });
      const uri = `file:///protocol/rapid-${debounceMs}.txt`;
      await c.open(uri, BIG, 'plaintext', 1);
      await c.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
      const checksBefore = (await assertAlive(c)).checks;
      let model = TextDocument.create(uri, 'plaintext', 1, BIG);
      let version = 1;
      const sends: Promise<void>[] = [];
      // Incremental: a character typed and deleted at a prose line, 3,000 times, without waiting.
      for (let i = 0; i < 3000; i++) {
        version++;
        const change = i % 2 === 0
          ? { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, text: '年' }
          : { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 3 } }, text: '' };
        model = TextDocument.update(model, [change], version);
        sends.push(c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] }));
      }
      // Full text: 300 replacements of the whole document, the last with seed 002 corrected at its end.
      for (let i = 0; i < 300; i++) {
        version++;
        const text = `${BIG}\n\n${i === 299 ? seed002With('4') : seed002With(String(i))}`;
        model = TextDocument.update(model, [{ text }], version);
        sends.push(c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] }));
      }
      await Promise.all(sends);
      const final = await c.waitForDiagnostics(uri, (p) => p.version === version, 120_000);
      assert.deepEqual(final.diagnostics.map(keyOf), expectedKeys(model.getText(), '/protocol/rapid.txt'));
      await sleep(Math.max(300, debounceMs * 2));
      const stats = await assertAlive(c);
      assert.equal(published(c, uri).at(-1), final, 'nothing published after the final version');
      // The queued changes were handled without a check each (3,300 edits).
      assert.ok(stats.checks - checksBefore < 330, `${stats.checks - checksBefore} checks for 3,300 edits`);
      await c.close(uri);
    });
  }
});

describe('survival: many documents, many diagnostics', () => {
  it('200 documents opened and closed: nothing kept, the heap back near its start', { timeout: 300_000 }, async () => {
    const c = await start({ initializationOptions: { idleGcMs: 200 } });
    await sleep(500);
    const base = await assertAlive(c);
    const uris = Array.from({ length: 200 }, (_, i) => `file:///protocol/many-${i}.txt`);
    for (const [i, uri] of uris.entries()) await c.open(uri, SEED_TEXTS[i % SEED_TEXTS.length], 'plaintext', 1);
    for (const uri of uris) await c.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
    const open = await assertAlive(c);
    assert.equal(open.documents, 200);
    for (const uri of uris) await c.close(uri);
    // Idle: the server's own GC runs 200 ms after the last close.
    let after: ServerStats = open;
    for (let i = 0; i < 20; i++) {
      await sleep(500);
      after = await assertAlive(c);
      if (after.idleGcs > open.idleGcs && after.heapUsed - base.heapUsed < 10 * MiB) break;
    }
    assert.equal(after.documents, 0);
    assert.equal(after.cachedResults, 0);
    assert.ok(after.heapUsed - base.heapUsed < 10 * MiB, `heap ${(after.heapUsed / MiB).toFixed(1)} MiB, ${(base.heapUsed / MiB).toFixed(1)} at start`);
    for (const uri of uris) assert.deepEqual(published(c, uri).at(-1)!.diagnostics, [], `${uri}: cleared on close`);
  });

  it('a document of 300,000 unmatched brackets: bounded diagnostics, one saying how many more', { timeout: 120_000 }, async () => {
    const c = await start();
    const uri = 'file:///protocol/brackets.txt';
    await c.open(uri, `${SEED_002}\n${'（'.repeat(300_000)}\n`, 'plaintext', 1);
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1, 120_000);
    const brackets = p.diagnostics.filter((d) => d.code === 'TEXT-BRACKETS');
    assert.equal(brackets.length, MAX_FINDINGS_PER_RULE + 1);
    assert.ok(p.diagnostics.length < 50 * (MAX_FINDINGS_PER_RULE + 1), `${p.diagnostics.length} diagnostics`);
    assert.ok(brackets.some((d) => /未逐条列出/.test(String(d.message))));
    await c.close(uri);
  });
});

/** A server spoken to in raw frames, for what a well-behaved client library cannot send. */
class RawServer {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly messages: Message[] = [];
  private stderr = '';

  constructor() {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr.on('data', (d) => (this.stderr += d));
    new StreamMessageReader(this.proc.stdout).listen((m) => this.messages.push(m));
  }

  raw(bytes: string | Buffer): void {
    this.proc.stdin.write(bytes);
  }

  send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.raw(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  async reply(id: number, timeoutMs = 30_000): Promise<{ id: number; result?: unknown; error?: { code: number; message: string } }> {
    const t0 = Date.now();
    for (;;) {
      const m = this.messages.find((x) => (x as { id?: unknown }).id === id && !('method' in x));
      if (m) return m as never;
      if (Date.now() - t0 > timeoutMs) throw new Error(`no reply to ${id}; stderr: ${this.stderr}`);
      await sleep(10);
    }
  }

  publishes(uri: string): PublishDiagnosticsParams[] {
    return this.messages.filter((m) => (m as { method?: string }).method === 'textDocument/publishDiagnostics').map((m) => (m as unknown as { params: PublishDiagnosticsParams }).params).filter((p) => p.uri === uri);
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((r) => this.proc.once('exit', (code) => r(code)));
    this.proc.stdin.end();
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    const code = this.proc.exitCode ?? (await exited);
    clearTimeout(timer);
    return code;
  }
}

describe('survival: the lifecycle and the framing', () => {
  const raws: RawServer[] = [];
  after(() => {
    for (const r of raws) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  });
  const raw = () => {
    const r = new RawServer();
    raws.push(r);
    return r;
  };
  const INIT = { method: 'initialize', params: { processId: null, rootUri: null, locale: 'zh-cn', capabilities: {}, initializationOptions: { debounceMs: 0 } } };
  const OPEN = (uri: string) => ({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text: SEED_002 } } });

  it('before initialize: requests get ServerNotInitialized, notifications are dropped; after shutdown: InvalidRequest, then exit 0', { timeout: 60_000 }, async () => {
    const s = raw();
    s.send({ id: 1, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///p/a.txt' }, position: { line: 0, character: 0 } } });
    s.send({ id: 2, method: STATS_REQUEST });
    s.send(OPEN('file:///p/early.txt'));
    assert.equal((await s.reply(1)).error?.code, -32002);
    assert.equal((await s.reply(2)).error?.code, -32002);
    s.send({ id: 3, ...INIT });
    assert.ok((await s.reply(3)).result, 'initialize answered');
    s.send({ method: 'initialized', params: {} });
    s.send({ id: 4, ...INIT });
    assert.equal((await s.reply(4)).error?.code, -32600, 'a second initialize');
    s.send({ id: 5, method: STATS_REQUEST });
    assert.equal(((await s.reply(5)).result as ServerStats).documents, 0, 'the open before initialize was dropped');
    assert.deepEqual(s.publishes('file:///p/early.txt'), []);

    s.send(OPEN('file:///p/late.txt'));
    s.send({ id: 6, method: 'shutdown' });
    assert.equal((await s.reply(6)).error, undefined);
    s.send({ id: 7, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///p/late.txt' }, position: { line: 0, character: 0 } } });
    s.send({ id: 8, method: 'shutdown' });
    s.send(OPEN('file:///p/after.txt'));
    assert.equal((await s.reply(7)).error?.code, -32600);
    assert.equal((await s.reply(8)).error?.code, -32600);
    s.send({ method: 'exit' });
    assert.equal(await s.stop(), 0);
    assert.deepEqual(s.publishes('file:///p/after.txt'), []);
  });

  it('frames that are not LSP or not JSON-RPC: reported, the stream read on, the server answers', { timeout: 60_000 }, async () => {
    const s = raw();
    s.send({ id: 1, ...INIT });
    await s.reply(1);
    s.send({ method: 'initialized', params: {} });
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    let id = 10;
    for (const bad of [frame('not json'), frame('[]'), frame('5'), frame('null'), frame('{"jsonrpc":"2.0"}'), frame('{"id":7}'), frame('{"jsonrpc":"2.0","id":{},"method":"textDocument/hover"}'),
      frame('{"jsonrpc":"2.0","method":5}'), frame('{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":5}'), 'Content-Length: x\r\n\r\n', 'garbage line\r\n\r\n',
      frame('\u00ff\u00fe{'), Buffer.from([0xc3, 0x28, 0x0d, 0x0a, 0x0d, 0x0a])]) {
      s.raw(bad);
      s.send({ id: ++id, method: STATS_REQUEST });
      const r = await s.reply(id);
      assert.equal(typeof (r.result as ServerStats).rss, 'number', `after ${JSON.stringify(String(bad)).slice(0, 60)}`);
    }
    // A document still opens and is checked.
    s.send(OPEN('file:///p/framed.txt'));
    for (let i = 0; i < 500 && s.publishes('file:///p/framed.txt').length === 0; i++) await sleep(20);
    assert.deepEqual(s.publishes('file:///p/framed.txt')[0].diagnostics.map(keyOf), expectedKeys(SEED_002, '/p/framed.txt'));
    s.send({ id: 1000, method: 'shutdown' });
    await s.reply(1000);
    assert.equal(await s.stop(), 0);
  });
});
