// Language-server latency and memory, over stdio against the built out/server.cjs.
// Run: node esbuild.mjs && node --import tsx bench/server.bench.ts
//
// Latency is the time from sending a didChange to receiving the publishDiagnostics of that
// version, with the server started with initializationOptions { debounceMs: 0 } so the editor
// debounce (150 ms by default) is not counted: what remains is transport + check + conversion.
// Each edit waits for its diagnostics before the next is sent. Memory is the server's RSS
// (govreport/stats, cross-checked with /proc/<pid>/status) with 20 ordinary reports open.
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT, TestClient } from '../test/server/lsp.ts';
import { concatenatedSeeds } from '../test/helpers/seeds.ts';
import { STATS_REQUEST, type ServerStats } from '../server/protocol.ts';
import { LineIndex } from '../engine/index.ts';

const { writeSection, machine } = (await import('./results.mjs' as string)) as {
  writeSection(name: string, markdown: string): void;
  machine(): string;
};

const EDITS = Number(process.env.BENCH_EDITS ?? 100);
/** Edits sent first and not measured (JIT warm-up of the code paths this document takes). */
const WARMUP = 10;
const SEEDS = join(ROOT, 'test/fixtures/seeds');
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (name: string) => readFileSync(join(SEEDS, seedFiles.find((f) => f.startsWith(name))!), 'utf8');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const PARAGRAPH = '本机关坚持以公开为常态、不公开为例外，围绕重点领域信息公开，及时发布政策文件、解读材料和办事指南，' +
  '持续优化政府网站栏目设置，畅通依申请公开渠道，规范答复流程，做到依法依规、应公开尽公开。\n\n';

/** Seed 001 with prose paragraphs added to section 一 until the text is at least `target` bytes. */
function padded(target: number): string {
  const base = seed('001');
  const lines = base.split('\n');
  const s1 = lines.findIndex((l) => /^一、总体情况/.test(l.trim()));
  let pad = '';
  while (bytes(base) + bytes(pad) < target) pad += PARAGRAPH;
  lines.splice(s1 + 1, 0, pad);
  return lines.join('\n');
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};

async function latency(client: TestClient, name: string, text: string, languageId: string) {
  const uri = `file:///bench/${name}.${languageId === 'markdown' ? 'md' : 'txt'}`;
  await client.open(uri, text, languageId, 1);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
  // Edit a prose line near the top: insert a character, then delete it again, alternately.
  const index = new LineIndex(text);
  const line = index.lines.findIndex((l) => l.text.length > 20);
  const pos = { line, character: 5 };
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < WARMUP + EDITS; i++) {
    const version = i + 2;
    const change = i % 2 === 0
      ? { range: { start: pos, end: pos }, text: '年' }
      : { range: { start: pos, end: { line, character: 6 } }, text: '' };
    const t0 = performance.now();
    void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    const p = await client.waitForDiagnostics(uri, (x) => x.version === version, 120_000);
    const elapsed = performance.now() - t0;
    if (!p.diagnostics.length) throw new Error(`${name}: no diagnostics — is it checked at all?`);
    // Server-side CPU time of that check (asked after the timing, so it costs the timing nothing).
    const stats = (await client.conn.sendRequest(STATS_REQUEST)) as ServerStats;
    if (i < WARMUP) continue;
    times.push(elapsed);
    cpu.push(stats.lastCheck!.cpuMs);
  }
  await client.close(uri);
  return { name, bytes: bytes(text), median: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times), cpuMedian: quantile(cpu, 0.5), cpuP95: quantile(cpu, 0.95) };
}

function procRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

ensureBuilt();
const MB = 2 ** 20;
const loadBefore = os.loadavg()[0];
const rows: string[] = [];

const client = await TestClient.start({ locale: 'zh-cn', initializationOptions: { debounceMs: 0 } });
const targets = [
  { name: '10KB', text: seed('001'), languageId: 'plaintext', goal: 10 },
  { name: '10KB Markdown', text: seed('001'), languageId: 'markdown', goal: 10 },
  { name: '100KB', text: padded(100 * 1024), languageId: 'plaintext', goal: 30 },
  { name: '1MB', text: concatenatedSeeds(1024 * 1024), languageId: 'plaintext', goal: 60 },
];
for (const t of targets) {
  const r = await latency(client, t.name.replace(/\s+/g, '-'), t.text, t.languageId);
  const met = t.goal === undefined ? '—' : r.p95 <= t.goal ? `yes (≤ ${t.goal} ms)` : `NO (target ${t.goal} ms)`;
  rows.push(`| ${t.name} (${(r.bytes / 1024).toFixed(0)} KiB) | ${EDITS} | ${r.median.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.cpuMedian.toFixed(1)} / ${r.cpuP95.toFixed(1)} | ${met} |`);
  console.log(rows.at(-1));
}
const afterBig = (await client.conn.sendRequest(STATS_REQUEST)) as ServerStats;
await client.stop();

// Memory: a fresh server with 20 ordinary reports open (the five seeds, four times each, distinct URIs).
const mem = await TestClient.start({ locale: 'zh-cn', initializationOptions: { debounceMs: 0 } });
for (let i = 0; i < 20; i++) {
  const uri = `file:///bench/open-${i}.txt`;
  await mem.open(uri, readFileSync(join(SEEDS, seedFiles[i % seedFiles.length]), 'utf8'), 'plaintext', 1);
  await mem.waitForDiagnostics(uri, (p) => p.version === 1, 60_000);
}
const stats = (await mem.conn.sendRequest(STATS_REQUEST)) as ServerStats;
const rss20 = procRss(mem.proc.pid!);
await mem.stop();
const rssMet = stats.rss < 150 * MB ? 'yes (< 150 MB)' : 'NO (target < 150 MB)';
console.log(`RSS with 20 reports: ${(stats.rss / MB).toFixed(1)} MB (/proc: ${(rss20 / MB).toFixed(1)} MB), ${stats.cachedResults} results cached`);

writeSection('server', `
## Language server (bench/server.bench.ts)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z, 1-min load average ${loadBefore.toFixed(1)} at the start
and ${os.loadavg()[0].toFixed(1)} at the end, process priority (nice) ${os.getPriority()} (the machine is shared; wall times
include waiting for a CPU). Over stdio against out/server.cjs, debounce off
(\`initializationOptions.debounceMs: 0\`): time from sending a one-character didChange to receiving
the publishDiagnostics of that version (transport + check + conversion), edits sent one at a time,
after ${WARMUP} unmeasured warm-up edits per document;
"server CPU" is the server process's CPU time during the check (process.cpuUsage, all threads, so
parallel GC threads can make it exceed the wall time), median / p95.
10KB = seed 001 (plain text); 10KB Markdown = seed 001 opened as Markdown (the remark parse path);
100KB = seed 001 with prose paragraphs added to section 一; 1MB = the seeds concatenated until 1 MiB
(plain text). Targets (issue 18): p95 ≤ 10 ms at 10 KB, ≤ 30 ms at 100 KB, ≤ 60 ms at 1 MB (issue 5's were
20 ms and 150 ms); RSS < 150 MB with 20 reports.

| document | edits | median ms | p95 ms | max ms | server CPU ms | p95 target met |
| --- | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}

| memory | RSS MB | target met |
| --- | ---: | --- |
| fresh server, 20 seed reports open and checked | ${(stats.rss / MB).toFixed(1)} (/proc VmRSS ${(rss20 / MB).toFixed(1)}) | ${rssMet} |
| after the latency runs above (documents closed) | ${(afterBig.rss / MB).toFixed(1)} | — |
`);
