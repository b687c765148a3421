// URL checking (issue 15): 200 pages from a local server on 127.0.0.1 that answers each request
// after a fixed delay, checked with `--urls FILE` at 4 requests per host (the default), at server
// delays of 0, 50 and 200 ms. The floor is the server's: pages / 4 × delay. With no delay the run
// shows what the checker itself costs; with a delay, the checker's work overlaps the waiting
// (workers check while the next pages are fetched), so the wall time stays near the floor. Wall
// time and CPU time (user + system, /usr/bin/time -v) of the whole CLI process. Writes the section
// "urls" of bench/RESULTS.md.
//   node --import tsx bench/urls.bench.ts [pages, default 200] [delays in ms, default 0,50,200]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM module without types
import { machine, timeVCpuMs, writeSection } from './results.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'out', 'cli.cjs');
const PAGES = Number(process.argv[2] ?? 200);
const DELAYS = (process.argv[3] ?? '0,50,200').split(',').map(Number);
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');
const bodies = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f)));

let delay = 0;
let active = 0;
let maxActive = 0;
// The checker's turnaround: from a response sent (a request slot freed) to the next request that
// comes in, the time the slot stood idle on the checker's side. Freed slots are taken oldest first.
let freed: number[] = [];
let turnarounds: number[] = [];
const server = createServer((req, res) => {
  active++;
  maxActive = Math.max(maxActive, active);
  const since = freed.shift();
  if (since !== undefined) turnarounds.push(performance.now() - since);
  const n = Number(/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
  setTimeout(() => {
    active--;
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(bodies[n % bodies.length], () => freed.push(performance.now()));
  }, delay);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const dir = mkdtempSync(join(tmpdir(), 'govreport-urls-'));
writeFileSync(join(dir, 'urls.txt'), Array.from({ length: PAGES }, (_, i) => `${base}/report/${i}.txt`).join('\n'));

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function run(): Promise<{ ms: number; cpu: number; code: number | null; reports: number }> {
  return new Promise((resolveRun) => {
    const t0 = performance.now();
    const args = [CLI, 'check', '--format', 'json', '--no-progress', '--urls', 'urls.txt'];
    const child = timeBin
      ? spawn(timeBin, ['-v', process.execPath, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (err += b));
    child.on('close', (code) => {
      let reports = -1;
      try {
        reports = JSON.parse(out).reports.length;
      } catch {
        reports = -1;
      }
      resolveRun({ ms: performance.now() - t0, cpu: timeVCpuMs(err), code, reports });
    });
  });
}

const load = loadavg()[0].toFixed(2);
const rows: string[] = [];
try {
  // The 0 ms run's wall time: what the checker costs with no waiting (DELAYS start with 0).
  let alone = 0;
  for (const d of DELAYS) {
    delay = d;
    maxActive = 0;
    const runs: { ms: number; cpu: number; code: number | null; reports: number }[] = [];
    const idle: number[] = [];
    for (let i = 0; i < 3; i++) {
      freed = [];
      turnarounds = [];
      runs.push(await run());
      idle.push(turnarounds.reduce((a, b) => a + b, 0) / 4);
    }
    idle.sort((a, b) => a - b);
    runs.sort((a, b) => a.ms - b.ms);
    const mid = runs[1];
    const floor = Math.ceil(PAGES / 4) * d;
    if (d === 0) alone = mid.ms;
    const bound = Math.max(floor, alone);
    rows.push(`| ${d} ms | ${(mid.ms / 1000).toFixed(2)} s | ${(mid.cpu / 1000).toFixed(2)} s | ${(floor / 1000).toFixed(2)} s | ${d ? `${((mid.ms - floor) / 1000).toFixed(2)} s` : '— (the checker alone)'} | ${d && alone ? `${(bound / 1000).toFixed(2)} s (${floor >= alone ? 'the server' : 'the checker'}); wall ${(mid.ms / bound).toFixed(2)}×` : '—'} | ${(idle[1] / 1000).toFixed(2)} s | ${maxActive} | ${mid.reports} (exit ${mid.code}) |`);
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

writeSection('urls', `## URL checking (bench/urls.bench.ts)

${PAGES} pages (the seeds, as \`text/plain\`) from a local server on 127.0.0.1 that answers each
request after the delay shown, checked with \`govreport check --format json --urls FILE\` at the
default 4 requests per host; the run of median wall time of three, wall time and CPU time (user +
system, /usr/bin/time -v) of the whole CLI process. The floor is the server's: ${PAGES} / 4 × delay.
${machine()}; load average at the start ${load}, at the end ${loadavg()[0].toFixed(2)} (other sessions
were running on the same two cores).

| server delay | CLI wall time | CLI CPU time | server floor | above the floor | larger of the floor and the checker alone; wall ÷ it | a slot's idle time on the checker's side | most requests at once | reports |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

The checker's own cost is the same at every delay (the CPU column), and it overlaps the waiting:
once the server's floor is the larger, the wall time is the floor plus the process's start and the
last page's check, and a request slot stands idle on the checker's side (from a response sent to
the next request arriving, summed over the run per slot) for a small part of a second. The run is
bound by the server; it never saw more than 4 requests at once. On a loaded machine (other
sessions' work on the same two cores) the checker's turnaround grows with the wait for a core, and
the wall time with it.
`);
