// Language server under a flood of edits and of documents (issue 18): 10,000 rapid edits on a
// 230 KB document, incremental and full-text, with the debounce off and at its default; 200
// documents opened and closed. Over stdio against the built out/server.cjs, as Neovim and most
// clients start it. What is measured: from the moment the last edit has been written to the pipe
// to the publish of the final version (the edits are sent as fast as the pipe takes them: each
// notification written before the next, no waiting for any answer), the server's peak RSS while
// it works (/proc VmRSS sampled every 20 ms), how many checks ran and how many publishes arrived.
// Run: node esbuild.mjs && node --import tsx bench/server-edits.bench.ts
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT, TestClient } from '../test/server/lsp.ts';
import { STATS_REQUEST, type ServerStats } from '../server/protocol.ts';

const { writeSection, machine } = (await import('./results.mjs' as string)) as {
  writeSection(name: string, markdown: string): void;
  machine(): string;
};

const MiB = 2 ** 20;
const EDITS = Number(process.env.BENCH_EDITS ?? 10_000);
const SEEDS = join(ROOT, 'test/fixtures/seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seedTexts = seedFiles.map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (n: number) => (n / MiB).toFixed(1);

/** Whole seeds concatenated until the text reaches `target` bytes. */
function seedsTo(target: number): string {
  const parts: string[] = [];
  for (let i = 0, n = 0; n < target; i++) {
    parts.push(seedTexts[i % seedTexts.length]);
    n += bytes(parts.at(-1)!) + 2;
  }
  return parts.join('\n\n');
}

function procRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

/** Peak VmRSS of `pid` while `work` runs. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = procRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, procRss(pid))), 20);
  try {
    const value = await work();
    peak = Math.max(peak, procRss(pid));
    return { value, peak };
  } finally {
    clearInterval(timer);
  }
}

const stats = async (c: TestClient) => (await c.conn.sendRequest(STATS_REQUEST)) as ServerStats;

interface FloodRow {
  kind: string;
  debounceMs: number;
  sendMs: number;
  afterLastMs: number;
  peak: number;
  checks: number;
  publishes: number;
  finalOk: boolean;
}

const BIG = seedsTo(230 * 1024);

async function flood(kind: 'incremental' | 'full text', debounceMs: number): Promise<FloodRow> {
  const c = await TestClient.start({ locale: 'zh-cn', initializationOptions: { debounceMs } });
  const uri = `file:///bench/flood-${kind.replace(' ', '-')}-${debounceMs}.txt`;
  await c.open(uri, BIG, 'plaintext', 1);
  await c.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
  const before = await stats(c);
  const publishedBefore = c.diagnostics.get(uri)?.length ?? 0;
  // The full-text variants alternate (七)总计·自然人 of the last report between a right and a wrong value.
  const lines = BIG.split('\n');
  let target = lines.length - 1;
  while (target > 0 && !/^\s*\d+\s*$/.test(lines[target])) target--;
  const variant = (i: number) => {
    const copy = [...lines];
    copy[target] = String(i % 7);
    return copy.join('\n');
  };
  const variants = Array.from({ length: 7 }, (_, i) => variant(i));
  const last = EDITS + 1;
  const { value, peak } = await peakRss(c.proc.pid!, async () => {
    const t0 = performance.now();
    for (let v = 2; v <= last; v++) {
      const i = v - 2;
      const contentChanges = kind === 'full text'
        ? [{ text: variants[i % variants.length] }]
        : [i % 2 === 0 ? { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, text: '年' } : { range: { start: { line: 3, character: 2 }, end: { line: 3, character: 3 } }, text: '' }];
      // Written before the next is sent (the pipe's pace), never waiting for a reply.
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges });
    }
    const sent = performance.now();
    const final = await c.waitForDiagnostics(uri, (p) => p.version === last, 600_000);
    return { sendMs: sent - t0, afterLastMs: performance.now() - sent, final };
  });
  await sleep(Math.max(500, debounceMs * 3));
  const after = await stats(c);
  const publishes = (c.diagnostics.get(uri)?.length ?? 0) - publishedBefore;
  const expectedText = kind === 'full text' ? variants[(last - 2) % variants.length] : BIG;
  const finalOk = value.final === c.diagnostics.get(uri)!.at(-1) && after.lastCheck?.length === expectedText.length;
  await c.stop();
  return { kind, debounceMs, sendMs: value.sendMs, afterLastMs: value.afterLastMs, peak, checks: after.checks - before.checks, publishes, finalOk };
}

async function manyDocuments(n: number) {
  const c = await TestClient.start({ locale: 'zh-cn' });
  await sleep(1500);
  const start = { rss: procRss(c.proc.pid!), s: await stats(c) };
  const uris = Array.from({ length: n }, (_, i) => `file:///bench/many-${i}.txt`);
  const t0 = performance.now();
  const { peak } = await peakRss(c.proc.pid!, async () => {
    for (const [i, uri] of uris.entries()) await c.open(uri, seedTexts[i % seedTexts.length], 'plaintext', 1);
    for (const uri of uris) await c.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
  });
  const openMs = performance.now() - t0;
  const open = { rss: procRss(c.proc.pid!), s: await stats(c) };
  for (const uri of uris) await c.close(uri);
  const samples: { rss: number; s: ServerStats }[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(1000);
    samples.push({ rss: procRss(c.proc.pid!), s: await stats(c) });
  }
  await c.stop();
  return { n, start, open, openMs, peak, samples };
}

ensureBuilt();
const loadStart = os.loadavg();
const cpuStart = process.cpuUsage();
const rows: FloodRow[] = [];
for (const kind of ['incremental', 'full text'] as const) {
  for (const debounceMs of [0, 150]) {
    const r = await flood(kind, debounceMs);
    rows.push(r);
    console.log(JSON.stringify(r));
  }
}
const many = await manyDocuments(200);
console.log(JSON.stringify({ ...many, samples: many.samples.map((s) => mb(s.rss)) }));
const loadEnd = os.loadavg();

const settled = many.samples.at(-1)!;
const near = settled.rss - many.start.rss <= Math.max(0.2 * many.start.rss, 20 * MiB);
writeSection('server-edits', `
## Language server: a flood of edits, many documents (bench/server-edits.bench.ts)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z, load average (1/5/15 min) ${loadStart.map((x) => x.toFixed(2)).join(' / ')} at the start and
${loadEnd.map((x) => x.toFixed(2)).join(' / ')} at the end (the machine is shared: wall times include waiting for a CPU).
Over stdio against out/server.cjs, driven by test/server/lsp.ts. The document: the seeds concatenated to
${(bytes(BIG) / 1024).toFixed(0)} KB (${BIG.length.toLocaleString('en')} UTF-16 units). ${EDITS.toLocaleString('en')} didChange notifications, each written to the pipe
before the next is sent and none waiting for an answer: incremental (a character typed and deleted on line 4), or
full text (the whole document, alternating one cell of the last report). "after the last edit" is from the moment
the last notification was written to the publish of its version; peak RSS is the server's VmRSS sampled every
20 ms during the flood; checks from \`govreport/stats\`. Targets (issue 18): final diagnostics within 1 s of the
last edit, memory under 300 MB.

| edits | debounce | sending took | final diagnostics after the last edit | checks | publishes | peak RSS MiB | final publish is the final text's | targets met |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |
${rows.map((r) => `| ${EDITS.toLocaleString('en')} ${r.kind} | ${r.debounceMs} ms | ${(r.sendMs / 1000).toFixed(2)} s | **${r.afterLastMs.toFixed(0)} ms** | ${r.checks} | ${r.publishes} | ${mb(r.peak)} | ${r.finalOk ? 'yes' : 'NO'} | ${r.afterLastMs <= 1000 && r.peak < 300 * MiB && r.finalOk ? 'yes' : '**no**'} |`).join('\n')}

${many.n} documents (the five seeds in turn, distinct URIs), default settings (debounce 150 ms, idle GC 1 s after the
last close): all opened without waiting, then every first publish awaited (${(many.openMs / 1000).toFixed(2)} s), then all closed and the
server left idle, sampled once a second.

| step | RSS MiB | heap MiB | documents | cached results |
| --- | ---: | ---: | ---: | ---: |
| start (initialized, idle 1.5 s) | ${mb(many.start.rss)} | ${mb(many.start.s.heapUsed)} | ${many.start.s.documents} | ${many.start.s.cachedResults} |
| ${many.n} open and checked (peak RSS while opening ${mb(many.peak)}) | ${mb(many.open.rss)} | ${mb(many.open.s.heapUsed)} | ${many.open.s.documents} | ${many.open.s.cachedResults} |
| all closed, 1…5 s | ${many.samples.map((s) => mb(s.rss)).join(' / ')} | ${many.samples.map((s) => mb(s.s.heapUsed)).join(' / ')} | ${settled.s.documents} | ${settled.s.cachedResults} |

Memory ${near ? 'came back near' : 'did NOT come back near'} its start: ${mb(settled.rss)} MiB RSS five seconds after the last close,
${mb(settled.rss - many.start.rss)} MiB above the ${mb(many.start.rss)} MiB at start (near = within max(20 %, 20 MiB)); the heap ${mb(settled.s.heapUsed)} MiB
(${mb(many.start.s.heapUsed)} at start). This process's own CPU time (the client) ${((process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1e6).toFixed(1)} s.
`);
console.log('written to bench/RESULTS.md (section server-edits)');
