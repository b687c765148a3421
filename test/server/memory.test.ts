// Memory after large documents (issue #7): once a large document is closed and the server has been
// idle for idleGcMs, it collects its garbage itself, and its heap is back where it started. Heap
// figures, not RSS: what the C allocator keeps is outside the server's control (see SERVER_PROCESS_ENV
// in server/protocol.ts; bench/server-stress.bench.ts measures RSS).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATS_REQUEST, type ServerStats } from '../../server/protocol.ts';
import { clientPool, ensureBuilt, ROOT, type TestClient } from './lsp.ts';
import { concatenatedSeeds } from '../helpers/seeds.ts';

const SEEDS = join(ROOT, 'test/fixtures/seeds');
const SEED_TEXTS = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const MiB = 2 ** 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const BIG = concatenatedSeeds(4 * MiB);
const stats = async (c: TestClient) => (await c.conn.sendRequest(STATS_REQUEST)) as ServerStats;
const mb = (n: number) => `${(n / MiB).toFixed(1)} MiB`;

/**
 * Polls govreport/stats until the server has run an idle collection beyond `runs` with no document
 * open and its heap within `slack` of `initial`; throws with the last figures after `timeoutMs`. (The
 * collection that counts may follow the check rather than the close, if the client was slow to close:
 * hence the wait for the heap itself.)
 */
async function untilCollected(c: TestClient, runs: number, initial: ServerStats, slack: number, timeoutMs = 30_000): Promise<ServerStats> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const s = await stats(c);
    if (s.idleGcs > runs && s.documents === 0 && s.heapUsed <= initial.heapUsed + slack) return s;
    if (Date.now() > end) {
      throw new Error(`heap ${mb(s.heapUsed)} (${mb(initial.heapUsed)} at start) ${timeoutMs} ms after closing; ${s.idleGcs - runs} idle collection(s), the last: ${JSON.stringify(s.lastIdleGc)}`);
    }
    await sleep(100);
  }
}

/** Opens the 4 MB document, waits for its diagnostics and closes it. */
async function openCheckClose(c: TestClient, uri: string): Promise<void> {
  await c.open(uri, BIG, 'plaintext', 1);
  await c.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
  await c.close(uri);
  await c.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0, 120_000);
}

const start = clientPool();

before(() => ensureBuilt());

describe('memory: idle garbage collection', () => {
  it('after a 4 MB document is closed, the heap is back near its start, twice over', { timeout: 120_000 }, async () => {
    const c = await start({ initializationOptions: { idleGcMs: 200 } });
    const initial = await stats(c);
    for (let round = 0; round < 2; round++) {
      const runs = (await stats(c)).idleGcs;
      await openCheckClose(c, `file:///memory/big-${round}.txt`);
      // 2 MiB: a copy of the document kept alive by anything (a memoised label that is a view into
      // it, the subject of the last regular-expression match) is 3.6 MiB.
      const s = await untilCollected(c, runs, initial, 2 * MiB);
      assert.equal(s.cachedResults, 0);
      const run = s.lastIdleGc!;
      assert.ok(run.heapAfter < run.heapBefore, `the collection freed nothing: ${mb(run.heapBefore)} → ${mb(run.heapAfter)}`);
      // The memory-reducing collection also shrinks the young generation the check grew.
      if (run.method === 'memory-reducing') {
        assert.ok(s.heapTotal <= initial.heapTotal + 8 * MiB, `round ${round}: heap committed ${mb(s.heapTotal)} after closing, ${mb(initial.heapTotal)} at start`);
      }
    }
    // Still checking afterwards.
    const uri = 'file:///memory/seed.txt';
    await c.open(uri, SEED_TEXTS[0], 'plaintext', 1);
    const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
    assert.ok(Array.isArray(p.diagnostics));
  });

  it('idleGcMs: 0 turns it off', { timeout: 120_000 }, async () => {
    const c = await start({ initializationOptions: { idleGcMs: 0 } });
    await openCheckClose(c, 'file:///memory/off.txt');
    // The default delay is 1 s; give it that and more.
    await sleep(1500);
    assert.equal((await stats(c)).idleGcs, 0);
  });
});
