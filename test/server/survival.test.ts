// The language server under hostile use (issue #7): huge documents, edit bursts, documents closed
// while being checked, broken configuration files, unknown commands and malformed requests. Each
// case checks that the server stays up, keeps answering, and never leaves stale diagnostics behind.
// Timings are not asserted here; bench/server-stress.bench.ts measures them. Moments that are a
// sample of many are drawn with the survival seed (test/helpers/survival.ts).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { check } from '../../engine/index.ts';
import { STATS_REQUEST, type ServerStats } from '../../server/protocol.ts';
import { clientPool, ensureBuilt, ROOT, type TestClient } from './lsp.ts';
import { concatenatedSeeds } from '../helpers/seeds.ts';
import { sampled } from '../helpers/survival.ts';

const SEEDS = join(ROOT, 'test/fixtures/seeds');
const SEED_FILES = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const SEED_TEXTS = SEED_FILES.map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const SEED_002 = SEED_TEXTS[SEED_FILES.findIndex((f) => f.startsWith('002_'))];
/** 0-based line of （七）总计·自然人 in seed 002 (written 8, its items sum to 4). */
const NP_LINE = 349;
/** 0-based line of （七）总计·总计 in seed 002, a total cell with a hover. */
const TOT_LINE = 355;
const MiB = 2 ** 20;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** The seeds with their line breaks turned into spaces, repeated on ONE line of at least `target` bytes. */
function singleLine(target: number): string {
  const one = SEED_TEXTS.map((s) => s.replace(/\r?\n/g, ' ')).join(' ') + ' ';
  return one.repeat(Math.ceil(target / bytes(one)));
}

/** Whole seeds concatenated, padded with line breaks to exactly `size` UTF-8 bytes. */
function exactly(size: number): string {
  const parts: string[] = [];
  let total = 0;
  for (let i = 0; ; i++) {
    const s = SEED_TEXTS[i % SEED_TEXTS.length] + '\n\n';
    if (total + bytes(s) > size) break;
    parts.push(s);
    total += bytes(s);
  }
  const text = parts.join('') + '\n'.repeat(size - total);
  assert.equal(bytes(text), size);
  return text;
}

/** Seed 002 with （七）总计·自然人 written as `value` (4 is the correct sum). */
function seed002With(value: string): string {
  const lines = SEED_002.split('\n');
  assert.equal(lines[NP_LINE].trim(), '8');
  lines[NP_LINE] = lines[NP_LINE].replace('8', value);
  return lines.join('\n');
}

type Key = { rule: unknown; range: Diagnostic['range']; message: unknown };
const keyOf = (d: Diagnostic): Key => ({ rule: d.code, range: d.range, message: d.message });

/** What a fresh engine check of `text` finds, in the shape of the server's diagnostics. */
function expectedKeys(text: string, fileName: string, lang: 'zh' | 'en' = 'zh'): Key[] {
  const r = check(text, { fileName, languageId: 'plaintext', lang });
  const index = r.parsed.index;
  return r.findings.map((f) => ({ rule: f.rule, range: { start: index.positionAt(f.range.start), end: index.positionAt(f.range.end) }, message: f.message }));
}

const published = (c: TestClient, uri: string): PublishDiagnosticsParams[] => c.diagnostics.get(uri) ?? [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The process has not exited and still answers a request. */
async function assertAlive(c: TestClient): Promise<ServerStats> {
  assert.equal(c.proc.exitCode, null, 'server process exited');
  assert.equal(c.proc.signalCode, null, 'server process was killed');
  const stats = (await c.conn.sendRequest(STATS_REQUEST)) as ServerStats;
  assert.equal(typeof stats.rss, 'number');
  return stats;
}

/** Published versions never go backwards (a publish without a version is the close, allowed anywhere). */
function assertMonotonic(list: PublishDiagnosticsParams[]): void {
  let last = -Infinity;
  for (const p of list) {
    if (p.version === undefined) continue;
    assert.ok(p.version >= last, `version ${p.version} published after ${last}`);
    last = p.version;
  }
}

/**
 * After a didClose: the server publishes empty diagnostics for `uri` and, listening `ms` more,
 * nothing non-empty after that.
 */
async function assertClosedForGood(c: TestClient, uri: string, sentBefore: number, ms = 2000): Promise<void> {
  const isCloseEmpty = (p: PublishDiagnosticsParams) => published(c, uri).indexOf(p) >= sentBefore && p.version === undefined && p.diagnostics.length === 0;
  await c.waitForDiagnostics(uri, isCloseEmpty, 120_000);
  await sleep(ms);
  const list = published(c, uri);
  const closeAt = list.findIndex((p, i) => i >= sentBefore && p.version === undefined && p.diagnostics.length === 0);
  const later = list.slice(closeAt + 1).filter((p) => p.diagnostics.length > 0);
  assert.deepEqual(later.map((p) => p.version), [], 'non-empty diagnostics published after the close');
  assert.deepEqual(list.at(-1)!.diagnostics, [], 'the last publish is empty');
}

const start = clientPool();

before(() => ensureBuilt());

describe('survival: 10 MB documents', () => {
  let c: TestClient;
  const SMALL = 'file:///survival/small-002.txt';
  before(async () => {
    c = await start();
    await c.open(SMALL, SEED_002, 'plaintext', 1);
    await c.waitForDiagnostics(SMALL, (p) => p.version === 1);
  });

  /** The small document still gets hover and outline answers. */
  async function smallStillAnswers(): Promise<void> {
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: SMALL }, position: { line: TOT_LINE, character: 1 } })) as Hover | null;
    assert.ok(hover, 'hover on the small document');
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: SMALL } })) as DocumentSymbol[];
    assert.equal(symbols.length, 6);
  }

  it('checks 10 MB of concatenated reports, then keeps answering', { timeout: 240_000 }, async () => {
    const uri = 'file:///survival/concatenated-10mb.txt';
    const text = concatenatedSeeds(10 * MiB);
    assert.ok(bytes(text) >= 10 * MiB && bytes(text) < 20 * MiB);
    await c.open(uri, text, 'plaintext', 1);
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1, 180_000);
    assert.ok(p.diagnostics.length > 0);
    assert.ok(!p.diagnostics.some((d) => d.code === 'DOC-TOO-LARGE' || d.code === 'FILE-INTERNAL'));
    assert.deepEqual(p.diagnostics.map(keyOf), expectedKeys(text, '/survival/concatenated-10mb.txt'));
    await smallStillAnswers();
    // Outline of the big document itself (its model is not cached: re-checked on demand).
    const symbols = (await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.length >= 6);
    const n = published(c, uri).length;
    await c.close(uri);
    await assertClosedForGood(c, uri, n, 500);
    await assertAlive(c);
  });

  it('checks a 10 MB single-line document, then keeps answering', { timeout: 240_000 }, async () => {
    const uri = 'file:///survival/single-line-10mb.govreport';
    const text = singleLine(10 * MiB);
    assert.ok(!text.includes('\n') && bytes(text) >= 10 * MiB);
    // languageId govreport: checked whatever it looks like (one line has no report title line).
    await c.open(uri, text, 'govreport', 1);
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1, 180_000);
    assert.ok(p.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map(keyOf), expectedKeys(text, '/survival/single-line-10mb.govreport'));
    assert.ok(p.diagnostics.every((d) => d.range.start.line === 0 && d.range.end.line === 0));
    // Hover in the middle of the one line (re-checks the uncached model) answers, cell or not.
    const hover = await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: Math.floor(text.length / 2) } });
    assert.ok(hover === null || typeof hover === 'object');
    await smallStillAnswers();
    const n = published(c, uri).length;
    await c.close(uri);
    await assertClosedForGood(c, uri, n, 500);
    await assertAlive(c);
  });

  it('checks a document of exactly maxDocumentSize bytes and skips one byte more (DOC-TOO-LARGE)', { timeout: 240_000 }, async () => {
    const limit = 10 * MiB;
    const s = await start({ initializationOptions: { maxDocumentSize: limit } });
    const under = 'file:///survival/at-limit.txt';
    const atLimit = exactly(limit);
    await s.open(under, atLimit, 'plaintext', 1);
    const p1 = await s.waitForDiagnostics(under, (x) => x.version === 1, 180_000);
    assert.ok(p1.diagnostics.length > 1);
    assert.ok(!p1.diagnostics.some((d) => d.code === 'DOC-TOO-LARGE'));

    // One byte more, as a change of the same document: the old findings go, one info replaces them.
    await s.changeFull(under, atLimit + '\n', 2);
    const p2 = await s.waitForDiagnostics(under, (x) => x.version === 2, 180_000);
    assert.equal(p2.diagnostics.length, 1);
    assert.equal(p2.diagnostics[0].code, 'DOC-TOO-LARGE');
    assert.equal(p2.diagnostics[0].severity, 3);
    // Requests on a skipped document answer empty rather than fail.
    const actions = (await s.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: under }, range: p1.diagnostics[0].range, context: { diagnostics: [] } })) as CodeAction[];
    assert.deepEqual(actions, []);
    assert.deepEqual(await s.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: under } }), []);
    assert.equal(await s.conn.sendRequest('textDocument/hover', { textDocument: { uri: under }, position: { line: 0, character: 0 } }), null);

    // And back under the limit: checked again.
    await s.changeFull(under, SEED_002, 3);
    const p3 = await s.waitForDiagnostics(under, (x) => x.version === 3, 60_000);
    assert.deepEqual(p3.diagnostics.map(keyOf), expectedKeys(SEED_002, '/survival/at-limit.txt'));
    await assertAlive(s);
    await s.stop();
  });

  it('skips a single-line document one byte over the default 20 MiB limit', { timeout: 240_000 }, async () => {
    const uri = 'file:///survival/over-default-limit.govreport';
    const text = 'a'.repeat(20 * MiB + 1);
    await c.open(uri, text, 'govreport', 1);
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1, 180_000);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].code, 'DOC-TOO-LARGE');
    await smallStillAnswers();
    await c.close(uri);
    await assertAlive(c);
  });
});

describe('survival: 1,000 full-text changes in a burst', () => {
  // Variants of seed 002: the np total written as the wrong 8, the right 4, 13, a full-width ４,
  // a word; the burst ends on the text with 4, which has no T3-RESULT-TOTAL on that line.
  const VARIANTS = ['8', '13', '４', 'x', '4'].map(seed002With);
  const FINAL = seed002With('4');

  for (const debounceMs of [150, 0]) {
    it(`publishes the check of the final text, versions never going back (debounce ${debounceMs} ms)`, { timeout: 240_000 }, async () => {
      const c = await start({ initializationOptions: { debounceMs } });
      const uri = `file:///survival/burst-${debounceMs}.txt`;
      await c.open(uri, SEED_002, 'plaintext', 1);
      const last = 1001;
      for (let version = 2; version <= last; version++) {
        const text = version === last ? FINAL : VARIANTS[version % VARIANTS.length];
        void c.changeFull(uri, text, version);
      }
      const p = await c.waitForDiagnostics(uri, (x) => x.version === last, 180_000);
      // Anything still in flight would arrive now.
      await sleep(debounceMs + 1000);
      const list = published(c, uri);
      assertMonotonic(list);
      assert.equal(list.at(-1), p, 'nothing published after the final version');
      const expected = expectedKeys(FINAL, `/survival/burst-${debounceMs}.txt`);
      assert.ok(expected.length > 0);
      assert.deepEqual(p.diagnostics.map(keyOf), expected);
      assert.ok(!p.diagnostics.some((d) => d.code === 'T3-RESULT-TOTAL' && d.range.start.line === NP_LINE));
      // A request after the burst answers for the final text: no quick fix for the fixed total.
      const actions = (await c.conn.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: NP_LINE, character: 0 }, end: { line: NP_LINE, character: 40 } },
        context: { diagnostics: [] },
      })) as CodeAction[];
      assert.ok(!actions.some((a) => a.diagnostics?.some((d) => d.code === 'T3-RESULT-TOTAL' && d.range.start.line === NP_LINE)));
      const stats = await assertAlive(c);
      assert.equal(stats.cachedResults, 1);
      await c.close(uri);
      await c.stop();
    });
  }
});

describe('survival: documents closed while being checked', () => {
  const BIG = concatenatedSeeds(10 * MiB);

  it('close right after opening a 10 MB document (check pending): empty, and stays empty', { timeout: 240_000 }, async () => {
    const c = await start();
    const uri = 'file:///survival/close-pending.txt';
    await c.open(uri, BIG, 'plaintext', 1);
    await c.close(uri);
    await assertClosedForGood(c, uri, 0);
    assert.ok(published(c, uri).every((p) => p.diagnostics.length === 0), 'the closed document was never reported');
    const stats = await assertAlive(c);
    assert.equal(stats.documents, 0);
    assert.equal(stats.cachedResults, 0);
    await c.stop();
  });

  it('close while the check of a 10 MB document runs (no debounce): empty, and stays empty', { timeout: 240_000 }, sampled(async (_t, sample) => {
    const c = await start({ initializationOptions: { debounceMs: 0 } });
    // Closed at moments into a check of several seconds: two of them each run (each is a 10 MB
    // check), all four with GOVREPORT_SURVIVAL_ALL=1.
    for (const delay of sample.pick([0, 50, 300, 1000], 2)) {
      const uri = `file:///survival/close-running-${delay}.txt`;
      await c.open(uri, BIG, 'plaintext', 1);
      if (delay) await sleep(delay);
      await c.close(uri);
      await assertClosedForGood(c, uri, 0);
      assertMonotonic(published(c, uri));
    }
    const stats = await assertAlive(c);
    assert.equal(stats.documents, 0);
    assert.equal(stats.cachedResults, 0);
    await c.stop();
  }));

  it('close after a change to 10 MB: the old findings do not come back; a request in flight answers', { timeout: 240_000 }, async () => {
    const c = await start();
    const uri = 'file:///survival/close-after-change.txt';
    await c.open(uri, SEED_002, 'plaintext', 5);
    const p1 = await c.waitForDiagnostics(uri, (x) => x.version === 5);
    assert.ok(p1.diagnostics.length > 0);
    const n = published(c, uri).length;
    await c.changeFull(uri, BIG, 6);
    // Sent while the re-check is pending: it waits for it, and must not hang when the document closes.
    const hover = c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: TOT_LINE, character: 1 } });
    const actions = c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: p1.diagnostics[0].range, context: { diagnostics: [] } });
    await c.close(uri);
    assert.equal(await hover, null);
    assert.deepEqual(await actions, []);
    await assertClosedForGood(c, uri, n);

    // Reopened at version 1 (lower than the 5 published before): checked and published again.
    await c.open(uri, SEED_002, 'plaintext', 1);
    const again = await c.waitForDiagnostics(uri, (x) => published(c, uri).indexOf(x) > n && x.version === 1, 60_000);
    assert.deepEqual(again.diagnostics.map(keyOf), expectedKeys(SEED_002, '/survival/close-after-change.txt'));
    await c.close(uri);
    await assertAlive(c);
    await c.stop();
  });
});

describe('survival: a bad .govreportrc.json', () => {
  let c: TestClient;
  let dir: string;
  before(async () => {
    c = await start();
    dir = mkdtempSync(join(tmpdir(), 'govreport-survival-rc-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports CONFIG-INVALID next to the other findings, and drops it once the file is fixed', { timeout: 120_000 }, async () => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, SEED_002);
    const uri = pathToFileURL(file).href;
    const rc = join(dir, '.govreportrc.json');
    const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => d.code);

    // 1. Not JSON at all.
    writeFileSync(rc, '{ "rules": { oops');
    await c.open(uri, SEED_002, 'plaintext', 1);
    const p1 = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.equal(codes(p1).filter((x) => x === 'CONFIG-INVALID').length, 1);
    assert.ok(p1.diagnostics.some((d) => d.code === 'T3-RESULT-TOTAL' && d.range.start.line === NP_LINE), 'the other findings still arrive');

    // 2. JSON, but a rule level that does not exist. The file gets a fixed mtime so that step 3
    // can write a fixed file of the same size and mtime: only the file-watch event reveals it.
    const stamp = 1_700_000_000;
    writeFileSync(rc, '{"rules":{"T3-BALANCE":"loud"}}');
    utimesSync(rc, stamp, stamp);
    await c.changeFull(uri, SEED_002, 2);
    const p2 = await c.waitForDiagnostics(uri, (x) => x.version === 2);
    const invalid = p2.diagnostics.filter((d) => d.code === 'CONFIG-INVALID');
    assert.equal(invalid.length, 1);
    assert.match(String(invalid[0].message), /T3-BALANCE/);
    assert.ok(p2.diagnostics.some((d) => d.code === 'T3-RESULT-TOTAL' && d.range.start.line === NP_LINE));
    assert.ok(p2.diagnostics.some((d) => d.code === 'T3-BALANCE' && d.severity === 1), 'defaults apply to the bad entry');

    // 3. Fixed (same size, same mtime), then the watched-files notification.
    writeFileSync(rc, '{"rules":{"T3-BALANCE":"info"}}');
    utimesSync(rc, stamp, stamp);
    const n = published(c, uri).length;
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
    const p3 = await c.waitForDiagnostics(uri, (x) => published(c, uri).indexOf(x) >= n);
    assert.equal(p3.version, 2);
    assert.ok(!codes(p3).includes('CONFIG-INVALID'), 'CONFIG-INVALID is gone');
    const balance = p3.diagnostics.filter((d) => d.code === 'T3-BALANCE');
    assert.ok(balance.length > 0 && balance.every((d) => d.severity === 3), 'the fixed file applies');

    // 4. The rc file deleted: editor defaults, no CONFIG-INVALID, no crash.
    rmSync(rc);
    const m = published(c, uri).length;
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 3 }] });
    const p4 = await c.waitForDiagnostics(uri, (x) => published(c, uri).indexOf(x) >= m);
    assert.ok(!codes(p4).includes('CONFIG-INVALID'));
    assert.ok(p4.diagnostics.filter((d) => d.code === 'T3-BALANCE').every((d) => d.severity === 1));

    // 5. A directory named .govreportrc.json and a file of the wrong shape.
    const sub = join(dir, 'sub');
    const subFile = join(sub, 'report.txt');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(sub, '.govreportrc.json'), { recursive: true });
    writeFileSync(rc, '[1, 2, 3]');
    const subUri = pathToFileURL(subFile).href;
    await c.open(subUri, SEED_002, 'plaintext', 1);
    const p5 = await c.waitForDiagnostics(subUri, (x) => x.version === 1);
    assert.equal(codes(p5).filter((x) => x === 'CONFIG-INVALID').length, 1, 'the directory is skipped, the array above is reported');
    await c.close(subUri);
    await c.close(uri);
    await assertAlive(c);
  });
});

describe('survival: unknown commands and malformed requests', () => {
  let c: TestClient;
  const URI = 'file:///survival/requests-002.txt';
  before(async () => {
    c = await start();
    await c.open(URI, SEED_002, 'plaintext', 1);
    await c.waitForDiagnostics(URI, (p) => p.version === 1);
  });

  /** The request either fails with a JSON-RPC error or resolves; never kills the server. */
  async function settle(method: string, params: unknown): Promise<{ ok: true; value: unknown } | { ok: false; code: number }> {
    try {
      return { ok: true, value: await c.conn.sendRequest(method, params) };
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      assert.equal(typeof code, 'number', `a JSON-RPC error, got ${String(e)}`);
      return { ok: false, code: code as number };
    }
  }

  /** The next real request still works: the hover of （七）总计·总计. */
  async function stillWorks(): Promise<void> {
    await assertAlive(c);
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: TOT_LINE, character: 1 } })) as Hover | null;
    assert.ok(hover, 'hover still answers');
  }

  it('workspace/executeCommand: unknown commands and bad arguments do nothing', { timeout: 60_000 }, async () => {
    const edits = c.applyEditRequests.length;
    const cases: { command: string; arguments?: unknown[] }[] = [
      { command: 'govreport.noSuchCommand', arguments: [URI] },
      { command: 'govreport.noSuchCommand' },
      { command: '', arguments: [] },
      { command: 'govreport.recomputeTotals' },
      { command: 'govreport.recomputeTotals', arguments: [] },
      { command: 'govreport.recomputeTotals', arguments: [null] },
      { command: 'govreport.recomputeTotals', arguments: [42] },
      { command: 'govreport.recomputeTotals', arguments: [{ uri: 123 }] },
      { command: 'govreport.recomputeTotals', arguments: ['file:///survival/never-opened.txt'] },
      { command: 'govreport.recomputeTotals', arguments: ['::not a uri::'] },
      { command: 'govreport.fixAll', arguments: [{}] },
      { command: 'govreport.fixAll', arguments: ['file:///survival/never-opened.txt', 'extra'] },
    ];
    for (const params of cases) {
      const r = await settle('workspace/executeCommand', params);
      if (r.ok && r.value !== null) assert.equal((r.value as { applied?: unknown }).applied, false, JSON.stringify(params));
      await stillWorks();
    }
    assert.equal(c.applyEditRequests.length, edits, 'no edit was sent');
  });

  it('requests on a never-opened URI, positions past the end, broken params: no crash', { timeout: 60_000 }, async () => {
    const never = 'file:///survival/never-opened.txt';
    const far = { line: 1_000_000, character: 1_000_000 };
    assert.equal(await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: never }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: never }, range: { start: far, end: far }, context: { diagnostics: [] } }), []);
    assert.deepEqual(await c.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: never } }), []);

    // Positions past the end of the line, of the document, negative, and a reversed range.
    for (const position of [far, { line: 0, character: 1_000_000 }, { line: NP_LINE, character: 500 }, { line: -1, character: -1 }]) {
      const r = await settle('textDocument/hover', { textDocument: { uri: URI }, position });
      assert.ok(!r.ok || r.value === null || typeof r.value === 'object');
    }
    for (const range of [{ start: far, end: far }, { start: { line: 0, character: 0 }, end: far }, { start: far, end: { line: 0, character: 0 } }]) {
      const r = await settle('textDocument/codeAction', { textDocument: { uri: URI }, range, context: { diagnostics: [] } });
      assert.ok(!r.ok || Array.isArray(r.value));
    }
    // Missing or junk params: an error response (or an empty answer), not a crash.
    for (const method of ['textDocument/hover', 'textDocument/codeAction', 'textDocument/documentSymbol', 'workspace/executeCommand']) {
      await settle(method, {});
      await settle(method, null);
    }
    // A request the server does not know at all.
    const unknown = await settle('govreport/noSuchRequest', {});
    assert.ok(!unknown.ok, 'unknown request → JSON-RPC error');
    await stillWorks();
  });

  it('notifications for unknown documents and out-of-range edits: no crash, diagnostics stay current', { timeout: 60_000 }, async () => {
    const never = 'file:///survival/never-opened-2.txt';
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: never, version: 2 }, contentChanges: [{ text: 'x' }] });
    await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri: never } });
    await c.conn.sendNotification('textDocument/didSave', { textDocument: { uri: never } });
    await c.conn.sendNotification('govreport/noSuchNotification', { x: 1 });
    await stillWorks();

    // An incremental edit whose range lies past the end of the document.
    const uri = 'file:///survival/out-of-range.txt';
    await c.open(uri, SEED_002, 'plaintext', 1);
    await c.waitForDiagnostics(uri, (p) => p.version === 1);
    const far = { line: 1_000_000, character: 1_000_000 };
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: far, end: far }, text: '\n附注。' }] });
    const p2 = await c.waitForDiagnostics(uri, (p) => p.version === 2);
    // The text grew at its end (clamped), so the findings are those of the seed plus that line.
    assert.deepEqual(p2.diagnostics.map(keyOf), expectedKeys(SEED_002 + '\n附注。', '/survival/out-of-range.txt'));
    // didOpen again for an open document: its text replaces the old one.
    await c.open(uri, seed002With('4'), 'plaintext', 3);
    const p3 = await c.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(p3.diagnostics.map(keyOf), expectedKeys(seed002With('4'), '/survival/out-of-range.txt'));
    await c.close(uri);
    await stillWorks();
  });
});
