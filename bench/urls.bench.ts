// URL checking (issue 15): 200 pages from a local server on 127.0.0.1 that answers each request
// after a fixed delay, checked with `--urls FILE` at 4 requests per host (the default). The floor
// is the server's: 200 / 4 × delay. With no delay the same run shows what the checker itself costs
// (fetching and checking overlap: workers check while the next pages are fetched). Writes the
// section "urls" of bench/RESULTS.md.
//   node --import tsx bench/urls.bench.ts [pages, default 200] [delay ms, default 200]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM module without types
import { machine, writeSection } from './results.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'out', 'cli.cjs');
const PAGES = Number(process.argv[2] ?? 200);
const DELAY = Number(process.argv[3] ?? 200);
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');
const bodies = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f)));

let delay = DELAY;
let active = 0;
let maxActive = 0;
const server = createServer((req, res) => {
  active++;
  maxActive = Math.max(maxActive, active);
  const n = Number(/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
  setTimeout(() => {
    active--;
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(bodies[n % bodies.length]);
  }, delay);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const dir = mkdtempSync(join(tmpdir(), 'govreport-urls-'));
writeFileSync(join(dir, 'urls.txt'), Array.from({ length: PAGES }, (_, i) => `${base}/report/${i}.txt`).join('\n'));

function run(): Promise<{ ms: number; code: number | null; reports: number }> {
  return new Promise((resolveRun) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--no-progress', '--urls', 'urls.txt'], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.on('close', (code) => {
      let reports = -1;
      try {
        reports = JSON.parse(out).reports.length;
      } catch {
        reports = -1;
      }
      resolveRun({ ms: performance.now() - t0, code, reports });
    });
  });
}

const load = loadavg()[0].toFixed(2);
const rows: string[] = [];
try {
  for (const d of [DELAY, 0]) {
    delay = d;
    maxActive = 0;
    const times: number[] = [];
    let last = { ms: 0, code: 0 as number | null, reports: 0 };
    for (let i = 0; i < 3; i++) {
      last = await run();
      times.push(last.ms);
    }
    times.sort((a, b) => a - b);
    const median = times[1];
    const floor = Math.ceil(PAGES / 4) * d;
    rows.push(`| ${d} ms | ${(median / 1000).toFixed(2)} s | ${(floor / 1000).toFixed(2)} s | ${d ? `${((median - floor) / 1000).toFixed(2)} s` : '—'} | ${maxActive} | ${last.reports} (exit ${last.code}) |`);
    process.stderr.write(`${rows[rows.length - 1]}\n`);
  }
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}

writeSection('urls', `## URL checking (bench/urls.bench.ts)

${PAGES} pages (the seeds, as \`text/plain\`) from a local server on 127.0.0.1 that answers each
request after the delay shown, checked with \`govreport check --format json --urls FILE\` at the
default 4 requests per host; median of three runs, wall time of the whole CLI process. The floor is
the server's: ${PAGES} / 4 × delay. ${machine()}; load average at the start ${load} (other sessions
were running on the same two cores).

| server delay | CLI wall time | server floor | above the floor | most requests at once | reports |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`);
