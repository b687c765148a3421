// Language server under stress (issue #7): memory with many and with huge documents open, whether it
// comes back after closing them, time to first diagnostics for a 10 MB document, and time to settle
// after a burst of 1,000 edits. Over stdio against the built out/server.cjs, default settings
// (debounce 150 ms) unless said otherwise.
// Run: node esbuild.mjs && node --import tsx bench/server-stress.bench.ts
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT, TestClient } from '../test/server/lsp.ts';
import { STATS_REQUEST, type ServerStats } from '../server/protocol.ts';

const { writeSection, machine } = (await import('./results.mjs' as string)) as {
  writeSection(name: string, markdown: string): void;
  machine(): string;
};

const MiB = 2 ** 20;
const SEEDS = join(ROOT, 'test/fixtures/seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seedTexts = seedFiles.map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const seed002 = seedTexts[seedFiles.findIndex((f) => f.startsWith('002_'))];
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n: number) => (n / MiB).toFixed(1);

/** "Near the baseline", fixed before measuring: within 20 % or 20 MiB of it, whichever is larger. */
const NEAR = (base: number) => Math.max(base * 0.2, 20 * MiB);

function concatenated(target: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const s = seedTexts[i % seedTexts.length] + '\n\n';
    parts.push(s);
    size += bytes(s);
  }
  return parts.join('');
}

function seed002With(value: string): string {
  const lines = seed002.split('\n');
  lines[349] = lines[349].replace('8', value);
  return lines.join('\n');
}

function procRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function sample(c: TestClient): Promise<{ rss: number; heap: number; docs: number; cached: number }> {
  const s = (await c.conn.sendRequest(STATS_REQUEST)) as ServerStats;
  return { rss: procRss(c.proc.pid!), heap: s.heapUsed, docs: s.documents, cached: s.cachedResults };
}

/** Samples `n` times, one per second (each a govreport/stats request, idle time in between); the last one counts. */
async function settleSamples(c: TestClient, n = 5): Promise<{ rss: number; heap: number; docs: number; cached: number }[]> {
  const out = [];
  for (let i = 0; i < n; i++) {
    await sleep(1000);
    out.push(await sample(c));
  }
  return out;
}

/** Sends 1,000 full-text changes without waiting, then waits for the final version's diagnostics. */
async function burst(c: TestClient, uri: string, firstVersion: number): Promise<{ ms: number; publishes: number }> {
  const variants = ['8', '13', '４', 'x', '4'].map(seed002With);
  const before = c.diagnostics.get(uri)?.length ?? 0;
  const last = firstVersion + 999;
  const t0 = performance.now();
  for (let v = firstVersion; v <= last; v++) void c.changeFull(uri, v === last ? seed002With('4') : variants[v % variants.length], v);
  await c.waitForDiagnostics(uri, (p) => p.version === last, 300_000);
  const ms = performance.now() - t0;
  return { ms, publishes: (c.diagnostics.get(uri)?.length ?? 0) - before };
}

/**
 * A full GC in the server without changing it: on SIGUSR2 Node writes a heap snapshot
 * (--heapsnapshot-signal, passed through NODE_OPTIONS), and a snapshot collects all garbage first.
 * The snapshot goes to a temporary --diagnostic-dir and is deleted.
 */
async function forcedGc(c: TestClient): Promise<{ rss: number; heap: number; docs: number; cached: number }> {
  const before = readdirSync(snapDir).length;
  c.proc.kill('SIGUSR2');
  for (let i = 0; i < 600 && readdirSync(snapDir).length === before; i++) await sleep(100);
  // Writing blocks the server's event loop, so this request is answered once the snapshot is done.
  await sleep(200);
  const s = await sample(c);
  for (const f of readdirSync(snapDir)) rmSync(join(snapDir, f), { force: true });
  return s;
}

ensureBuilt();
const loadStart = os.loadavg();
const big = concatenated(10 * MiB);
const snapDir = mkdtempSync(join(os.tmpdir(), 'govreport-stress-'));
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapDir}`.trim();

const c = await TestClient.start({ locale: 'zh-cn' });
await sleep(1000);
const start = await sample(c);
console.log(`start: ${mb(start.rss)} MiB`);

const uris: string[] = [];
for (let i = 0; i < 20; i++) {
  const uri = `file:///stress/open-${i}.txt`;
  uris.push(uri);
  await c.open(uri, seedTexts[i % seedTexts.length], 'plaintext', 1);
  await c.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
}
const with20 = await sample(c);
console.log(`20 documents: ${mb(with20.rss)} MiB`);

const bigUri = 'file:///stress/concatenated-10mb.txt';
let t0 = performance.now();
await c.open(bigUri, big, 'plaintext', 1);
const bigDiag = await c.waitForDiagnostics(bigUri, (p) => p.version === 1, 300_000);
const firstDiagMs = performance.now() - t0;
const bigStats = (await c.conn.sendRequest(STATS_REQUEST)) as ServerStats;
const withBig = await sample(c);
console.log(`10 MB document: first diagnostics after ${firstDiagMs.toFixed(0)} ms (${bigDiag.diagnostics.length} diagnostics), ${mb(withBig.rss)} MiB`);

const burstDefault = await burst(c, uris[2], 2);
console.log(`burst (debounce 150 ms): ${burstDefault.ms.toFixed(0)} ms, ${burstDefault.publishes} publishes`);
const withBurst = await sample(c);

for (const uri of [...uris, bigUri]) await c.close(uri);
const closed = await settleSamples(c, 5);
console.log(`closed: ${closed.map((s) => mb(s.rss)).join(', ')} MiB`);

// Open and close the 10 MB document three more times: retained memory that does not grow is the
// allocator/V8 keeping pages; memory that grows each round would be a leak.
const cycles: number[] = [];
for (let i = 0; i < 3; i++) {
  const uri = `file:///stress/cycle-${i}.txt`;
  await c.open(uri, big, 'plaintext', 1);
  await c.waitForDiagnostics(uri, (p) => p.version === 1, 300_000);
  await c.close(uri);
  const s = await settleSamples(c, 3);
  cycles.push(s.at(-1)!.rss);
}
console.log(`after open/close cycles: ${cycles.map(mb).join(', ')} MiB`);
const finalStats = await sample(c);
const gcd = await forcedGc(c);
console.log(`after a forced full GC: RSS ${mb(gcd.rss)} MiB, heap ${mb(gcd.heap)} MiB`);
await c.stop();
rmSync(snapDir, { recursive: true, force: true });

// The burst once more with the debounce off (every notification may lead to a check and a publish).
const z = await TestClient.start({ locale: 'zh-cn', initializationOptions: { debounceMs: 0 } });
await z.open('file:///stress/burst0.txt', seed002, 'plaintext', 1);
await z.waitForDiagnostics('file:///stress/burst0.txt', (p) => p.version === 1);
const burstZero = await burst(z, 'file:///stress/burst0.txt', 2);
console.log(`burst (debounce 0): ${burstZero.ms.toFixed(0)} ms, ${burstZero.publishes} publishes`);
await z.stop();
const loadEnd = os.loadavg();

const settled = closed.at(-1)!;
const near = settled.rss - start.rss <= NEAR(start.rss);
const leakFree = gcd.heap - start.heap <= 10 * MiB;
const gcNear = gcd.rss - start.rss <= NEAR(start.rss);
const verdict = near
  ? `Memory returned near its baseline: ${mb(settled.rss)} MiB five seconds after closing, ${mb(settled.rss - start.rss)} MiB above the ${mb(start.rss)} MiB at start (near = within max(20 %, 20 MiB) = ${mb(NEAR(start.rss))} MiB).`
  : `Memory did NOT return near its baseline: ${mb(settled.rss)} MiB five seconds after closing, ${mb(settled.rss - start.rss)} MiB above the ${mb(start.rss)} MiB at start (near = within max(20 %, 20 MiB) = ${mb(NEAR(start.rss))} MiB).`;
const heapNote = `The JS heap went from ${mb(withBig.heap)} MiB with the 10 MB document open to ${mb(settled.heap)} MiB after closing (${mb(start.heap)} MiB at start), with ${settled.docs} documents and ${settled.cached} cached results left.`;
const cycleNote = `Opening, checking and closing the 10 MB document three more times left RSS at ${cycles.map(mb).join(' → ')} MiB and a heap of ${mb(finalStats.heap)} MiB with nothing open: an idle server runs no major GC, so garbage stays. ` +
  `A forced full GC then brought the heap to ${mb(gcd.heap)} MiB (${mb(start.heap)} MiB at start): ${leakFree ? 'nothing is leaked (within 10 MiB of the start)' : 'MORE THAN 10 MiB above the start: something is retained'}; ` +
  `RSS after it, ${mb(gcd.rss)} MiB, is ${gcNear ? 'near' : 'still NOT near'} the baseline (pages V8 and the allocator keep, plus the snapshot's own allocations).`;

writeSection('server-stress', `
## Language server under stress (bench/server-stress.bench.ts)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z, load average (1/5/15 min) ${loadStart.map((x) => x.toFixed(2)).join(' / ')} at the start and
${loadEnd.map((x) => x.toFixed(2)).join(' / ')} at the end (the machine is shared; wall times include waiting for a CPU).
Method: one server over stdio (out/server.cjs, default settings: debounce 150 ms, size limit 20 MiB),
driven by test/server/lsp.ts. RSS is VmRSS of the server process from /proc/<pid>/status, heap is
heapUsed from \`govreport/stats\`. "20 documents" = the five seeds four times each (distinct URIs), each
waited for; "10 MB" = the seeds concatenated to ${mb(bytes(big))} MiB (${big.length.toLocaleString('en')} UTF-16 units, plain
text), time measured from sending didOpen to receiving its first publishDiagnostics (transfer + debounce +
check + conversion). The burst: 1,000 full-text didChange notifications (seed 002 variants,
9 KB each) sent without waiting, time until the final version's diagnostics arrive. After closing every
document the server is left idle and sampled once a second for 5 s (each sample is a stats request).

| step | RSS MiB | heap MiB | notes |
| --- | ---: | ---: | --- |
| start (initialized, idle 1 s) | ${mb(start.rss)} | ${mb(start.heap)} | |
| 20 seed documents open | ${mb(with20.rss)} | ${mb(with20.heap)} | ${with20.cached} results cached |
| + 10 MB document open and checked | ${mb(withBig.rss)} | ${mb(withBig.heap)} | first diagnostics after **${firstDiagMs.toFixed(0)} ms** (${bigDiag.diagnostics.length.toLocaleString('en')} diagnostics; check() itself ${bigStats.lastCheck ? bigStats.lastCheck.wallMs.toFixed(0) : '?'} ms wall) |
| after a 1,000-edit burst on one seed document | ${mb(withBurst.rss)} | ${mb(withBurst.heap)} | settled after **${burstDefault.ms.toFixed(0)} ms**, ${burstDefault.publishes} publish(es) |
| all documents closed, samples at 1…5 s | ${closed.map((s) => mb(s.rss)).join(' / ')} | ${closed.map((s) => mb(s.heap)).join(' / ')} | ${settled.docs} documents, ${settled.cached} cached |
| after 3 more open/check/close rounds of the 10 MB document | ${cycles.map(mb).join(' / ')} | ${mb(finalStats.heap)} | |
| then a forced full GC (heap snapshot, SIGUSR2) | ${mb(gcd.rss)} | ${mb(gcd.heap)} | ${gcd.docs} documents, ${gcd.cached} cached |
| 1,000-edit burst, debounce 0 (separate server) | — | — | settled after **${burstZero.ms.toFixed(0)} ms**, ${burstZero.publishes} publish(es) |

${verdict} ${heapNote} ${cycleNote}
`);
console.log('written to bench/RESULTS.md (section server-stress)');
