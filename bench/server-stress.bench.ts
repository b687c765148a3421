// Language server under stress (issue #7): memory with many and with huge documents open, whether it
// comes back after closing them, time to first diagnostics for a 10 MB document, and time to settle
// after a burst of 1,000 edits. Over stdio against the built out/server.cjs, default settings
// (debounce 150 ms, idle GC after 1 s) unless said otherwise. The main server runs as the VS Code
// client starts it: Node IPC, with SERVER_PROCESS_ENV. Shorter runs show memory over stdio (as
// Neovim and most other clients start it) with that environment, without it, and without the idle
// GC as well.
// Run: node esbuild.mjs && node --import tsx bench/server-stress.bench.ts
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT, TestClient, type StartOptions } from '../test/server/lsp.ts';
import { concatenatedSeeds } from '../test/helpers/seeds.ts';
import { SERVER_PROCESS_ENV, STATS_REQUEST, type ServerStats } from '../server/protocol.ts';

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

function seed002With(value: string): string {
  const lines = seed002.split('\n');
  lines[349] = lines[349].replace('8', value);
  return lines.join('\n');
}

function procRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

interface Sample {
  rss: number;
  heap: number;
  docs: number;
  cached: number;
  stats: ServerStats;
}

async function sample(c: TestClient): Promise<Sample> {
  const s = (await c.conn.sendRequest(STATS_REQUEST)) as ServerStats;
  return { rss: procRss(c.proc.pid!), heap: s.heapUsed, docs: s.documents, cached: s.cachedResults, stats: s };
}

/** Samples `n` times, one per second (each a govreport/stats request, idle time in between); the last one counts. */
async function settleSamples(c: TestClient, n = 5): Promise<Sample[]> {
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
 * Starts a server with or without SERVER_PROCESS_ENV. The server inherits this process's environment
 * when it is spawned, so the variables are set (or removed) just around the start.
 */
async function startServer(withEnv: boolean, opts: StartOptions = {}): Promise<TestClient> {
  const saved = Object.keys(SERVER_PROCESS_ENV).map((k) => [k, process.env[k]] as const);
  for (const [k, v] of Object.entries(SERVER_PROCESS_ENV)) {
    if (withEnv) process.env[k] = v;
    else delete process.env[k];
  }
  try {
    return await TestClient.start({ locale: 'zh-cn', ...opts });
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Opens, checks and closes the 10 MB document `rounds` times; the sample 3 s after each close. */
async function cycles(c: TestClient, rounds: number, tag: string): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < rounds; i++) {
    const uri = `file:///stress/${tag}-cycle-${i}.txt`;
    await c.open(uri, big, 'plaintext', 1);
    await c.waitForDiagnostics(uri, (p) => p.version === 1, 300_000);
    await c.close(uri);
    out.push((await settleSamples(c, 3)).at(-1)!);
  }
  return out;
}

interface MemoryRun {
  start: Sample;
  open: Sample;
  closed: Sample[];
  rounds: Sample[];
}

/** Memory alone, on a fresh server: the 10 MB document opened, checked and closed, 5 s idle, then 3 more rounds. */
async function memoryRun(withEnv: boolean, opts: StartOptions = {}): Promise<MemoryRun> {
  const c = await startServer(withEnv, opts);
  await sleep(1000);
  const start = await sample(c);
  const uri = 'file:///stress/short-10mb.txt';
  await c.open(uri, big, 'plaintext', 1);
  await c.waitForDiagnostics(uri, (p) => p.version === 1, 300_000);
  const open = await sample(c);
  await c.close(uri);
  const closed = await settleSamples(c, 5);
  const rounds = await cycles(c, 3, 'short');
  await c.stop();
  return { start, open, closed, rounds };
}

ensureBuilt();
const loadStart = os.loadavg();
const big = concatenatedSeeds(10 * MiB);

const c = await startServer(true, { transport: 'ipc' });
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
const t0 = performance.now();
await c.open(bigUri, big, 'plaintext', 1);
const bigDiag = await c.waitForDiagnostics(bigUri, (p) => p.version === 1, 300_000);
const firstDiagMs = performance.now() - t0;
const withBig = await sample(c);
console.log(`10 MB document: first diagnostics after ${firstDiagMs.toFixed(0)} ms (${bigDiag.diagnostics.length} diagnostics), ${mb(withBig.rss)} MiB`);

const burstDefault = await burst(c, uris[2], 2);
console.log(`burst (debounce 150 ms): ${burstDefault.ms.toFixed(0)} ms, ${burstDefault.publishes} publishes`);
const withBurst = await sample(c);

const gcsBeforeClose = withBurst.stats.idleGcs;
for (const uri of [...uris, bigUri]) await c.close(uri);
const closed = await settleSamples(c, 5);
console.log(`closed: ${closed.map((s) => mb(s.rss)).join(', ')} MiB`);

// Open and close the 10 MB document three more times: retained memory that does not grow is the
// allocator/V8 keeping pages; memory that grows each round would be a leak.
const rounds = await cycles(c, 3, 'main');
console.log(`after open/close cycles: ${rounds.map((s) => mb(s.rss)).join(', ')} MiB`);
await c.stop();
const main: MemoryRun = { start, open: withBig, closed, rounds };

const stdioEnv = await memoryRun(true);
console.log(`stdio with SERVER_PROCESS_ENV: closed ${mb(stdioEnv.closed.at(-1)!.rss)} MiB, rounds ${stdioEnv.rounds.map((s) => mb(s.rss)).join(', ')} MiB`);
const noEnv = await memoryRun(false);
console.log(`without SERVER_PROCESS_ENV: closed ${mb(noEnv.closed.at(-1)!.rss)} MiB, rounds ${noEnv.rounds.map((s) => mb(s.rss)).join(', ')} MiB`);
const noGc = await memoryRun(false, { initializationOptions: { idleGcMs: 0 } });
console.log(`without SERVER_PROCESS_ENV, idleGcMs 0: closed ${mb(noGc.closed.at(-1)!.rss)} MiB, rounds ${noGc.rounds.map((s) => mb(s.rss)).join(', ')} MiB`);

// The burst once more with the debounce off (every notification may lead to a check and a publish).
const z = await startServer(true, { transport: 'ipc', initializationOptions: { debounceMs: 0 } });
await z.open('file:///stress/burst0.txt', seed002, 'plaintext', 1);
await z.waitForDiagnostics('file:///stress/burst0.txt', (p) => p.version === 1);
const burstZero = await burst(z, 'file:///stress/burst0.txt', 2);
console.log(`burst (debounce 0): ${burstZero.ms.toFixed(0)} ms, ${burstZero.publishes} publish(es)`);
await z.stop();
const loadEnd = os.loadavg();

const envText = Object.entries(SERVER_PROCESS_ENV).map(([k, v]) => `${k}=${v}`).join(' ');
const settled = (r: MemoryRun) => r.closed.at(-1)!;
const isNear = (r: MemoryRun, s: Sample) => s.rss - r.start.rss <= NEAR(r.start.rss);
const above = (r: MemoryRun, s: Sample) => `${mb(s.rss)} MiB, ${mb(s.rss - r.start.rss)} MiB above the ${mb(r.start.rss)} MiB at start`;
const gcNote = (s: ServerStats, since: number) => {
  const g = s.lastIdleGc;
  if (s.idleGcs <= since || !g) return 'no idle GC';
  return `idle GC (${g.method}, ${g.wallMs.toFixed(0)} ms): heap ${mb(g.heapBefore)} → ${mb(g.heapAfter)} MiB, RSS ${mb(g.rssBefore)} → ${mb(g.rssAfter)} MiB`;
};
const row = (label: string, r: MemoryRun) =>
  `| ${label} | ${mb(r.start.rss)} | ${mb(r.open.rss)} | ${r.closed.map((s) => mb(s.rss)).join(' / ')} | ${r.rounds.map((s) => mb(s.rss)).join(' / ')} | ${mb(r.start.heap)} → ${mb(settled(r).heap)} |`;

const mainSettled = settled(main);
const mainNear = isNear(main, mainSettled);
const mainRoundsNear = main.rounds.every((s) => isNear(main, s));
const leakFree = mainSettled.heap - main.start.heap <= 10 * MiB;
const verdict = [
  `Run as the VS Code client runs it (Node IPC, ${envText}), memory ${mainNear ? 'returned' : 'did NOT return'} near its baseline: five seconds after closing every document RSS was ${above(main, mainSettled)} (near = within max(20 %, 20 MiB) = ${mb(NEAR(main.start.rss))} MiB), ` +
    `and ${mainRoundsNear ? 'stayed near it' : 'did NOT stay near it'} over three more rounds of the 10 MB document (${main.rounds.map((s) => mb(s.rss)).join(' → ')} MiB, 3 s after each close).`,
  `The server's own idle GC, 1 s after the last close, brought the JS heap from ${mb(withBurst.heap)} MiB to ${mb(mainSettled.heap)} MiB (${mb(main.start.heap)} MiB at start) with ${mainSettled.docs} documents and ${mainSettled.cached} cached results left: ` +
    `${leakFree ? 'nothing is leaked (within 10 MiB of the start)' : 'MORE THAN 10 MiB above the start: something is retained'}.`,
  ...[stdioEnv, noEnv].map((r) => {
    const how = r === stdioEnv ? `Over stdio with ${envText} (e.g. Neovim with cmd_env)` : 'Over stdio without them (a client that starts `node out/server.cjs --stdio` as it is)';
    const roundsNear = r.rounds.every((s) => isNear(r, s));
    return `${how}, the heap came back to ${mb(settled(r).heap)} MiB (${mb(r.start.heap)} at start) and RSS ${isNear(r, settled(r)) ? 'came back near its baseline' : 'did NOT come back near its baseline'}: ${above(r, settled(r))}; ` +
      `${roundsNear ? 'it stayed near it' : 'it did NOT stay near it'} over three more rounds (${r.rounds.map((s) => mb(s.rss)).join(' → ')} MiB).`;
  }),
  `What RSS keeps above the start is glibc's malloc and V8 holding freed pages, and code pages of the node binary touched since the start (see server/README.md, Memory).`,
  `Without the idle GC as well (\`idleGcMs: 0\`, the server as it was before), an idle server runs no major GC: five seconds after closing, RSS was ${above(noGc, settled(noGc))} and the heap ${mb(settled(noGc).heap)} MiB, garbage included; ${noGc.rounds.map((s) => mb(s.rss)).join(' → ')} MiB over the three rounds.`,
].join(' ');

writeSection('server-stress', `
## Language server under stress (bench/server-stress.bench.ts)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z, load average (1/5/15 min) ${loadStart.map((x) => x.toFixed(2)).join(' / ')} at the start and
${loadEnd.map((x) => x.toFixed(2)).join(' / ')} at the end (the machine is shared; wall times include waiting for a CPU).
Method: one server over Node IPC (out/server.cjs --node-ipc, default settings: debounce 150 ms, size limit 20 MiB,
idle GC 1 s after the last check or close), started as the VS Code client starts it (transport ipc, ${envText}),
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
| + 10 MB document open and checked | ${mb(withBig.rss)} | ${mb(withBig.heap)} | first diagnostics after **${firstDiagMs.toFixed(0)} ms** (${bigDiag.diagnostics.length.toLocaleString('en')} diagnostics; check() itself ${withBig.stats.lastCheck ? withBig.stats.lastCheck.wallMs.toFixed(0) : '?'} ms wall) |
| after a 1,000-edit burst on one seed document | ${mb(withBurst.rss)} | ${mb(withBurst.heap)} | settled after **${burstDefault.ms.toFixed(0)} ms**, ${burstDefault.publishes} publish(es) |
| all documents closed, samples at 1…5 s | ${closed.map((s) => mb(s.rss)).join(' / ')} | ${closed.map((s) => mb(s.heap)).join(' / ')} | ${mainSettled.docs} documents, ${mainSettled.cached} cached; ${gcNote(mainSettled.stats, gcsBeforeClose)} |
| 3 more open/check/close rounds of the 10 MB document, 3 s after each close | ${rounds.map((s) => mb(s.rss)).join(' / ')} | ${rounds.map((s) => mb(s.heap)).join(' / ')} | ${rounds.at(-1)!.stats.idleGcs} idle GCs since start |
| 1,000-edit burst, debounce 0 (separate server) | — | — | settled after **${burstZero.ms.toFixed(0)} ms**, ${burstZero.publishes} publish(es) |

The same memory steps on fresh servers (RSS MiB; start, the 10 MB document open and checked, closed and
sampled at 1…5 s, then RSS 3 s after each of three more rounds; heap MiB at start → 5 s after closing):

| server | start | 10 MB open | closed, 1…5 s | 3 more rounds | heap |
| --- | ---: | ---: | ---: | ---: | ---: |
${row(`Node IPC with ${envText}, as VS Code runs it (the run above, 20 seed documents open as well)`, main)}
${row(`stdio with ${envText} (e.g. Neovim with cmd_env)`, stdioEnv)}
${row('stdio without them (e.g. Neovim running `node out/server.cjs --stdio`)', noEnv)}
${row('stdio without them, idle GC off (`idleGcMs: 0`)', noGc)}

${verdict}
`);
console.log('written to bench/RESULTS.md (section server-stress)');
