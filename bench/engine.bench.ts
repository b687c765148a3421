// Engine benchmark: check() on each seed (.txt as written, and its tables rewritten as GFM in a
// .md), and on a ~1 MB document of concatenated seed reports (.txt and .md), with memory for the
// 1 MB case. Run: node --import tsx bench/engine.bench.ts   (writes the "engine" section of
// bench/RESULTS.md)
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { check, parseReport } from '../engine/index.ts';
import { rewriteTables } from '../test/helpers/layouts.ts';
import { loadSeeds } from '../test/helpers/seeds.ts';

// results.mjs is plain JavaScript without declarations; its two functions typed here.
const { writeSection, machine } = (await import('./results.mjs' as string)) as {
  writeSection(name: string, markdown: string): void;
  machine(): string;
};

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Stat {
  label: string;
  size: number;
  runs: number;
  median: number;
  p95: number;
  min: number;
  findings: number;
}

function quantile(sorted: number[], q: number): number {
  const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, at)];
}

function measure(label: string, text: string, fileName: string, runs: number, warmup: number): Stat {
  let findings = 0;
  for (let i = 0; i < warmup; i++) findings = check(text, { fileName }).findings.length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    check(text, { fileName });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const s = { label, size: text.length, runs, median: quantile(times, 0.5), p95: quantile(times, 0.95), min: times[0], findings };
  console.log(`${label.padEnd(44)} ${String(s.size).padStart(8)} chars  median ${s.median.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  (${runs} runs)`);
  return s;
}

const seeds = loadSeeds();
const stats: Stat[] = [];
const loadStart = loadavg()[0];
const SEED_RUNS = 100;
for (const s of seeds) {
  stats.push(measure(`${s.name} (.txt, as written)`, s.text, s.name, SEED_RUNS, 20));
  const gfm = rewriteTables(s.text, parseReport(s.text, { fileName: s.name }), 'L1');
  stats.push(measure(`${s.name.replace(/\.txt$/, '')} GFM (.md)`, gfm, s.name.replace(/\.txt$/, '.md'), SEED_RUNS, 20));
}

// ~1 MB: whole seed reports one after another, as a merged export would hold them.
const parts: string[] = [];
let size = 0;
for (let i = 0; size < 1_000_000; i++) {
  const s = seeds[i % seeds.length].text;
  parts.push(s);
  size += s.length + 2;
}
const big = parts.join('\n\n');
function bigMdParts(): string[] {
  return parts.map((t, i) => rewriteTables(t, parseReport(t, { fileName: seeds[i % seeds.length].name }), 'L1'));
}
const bigMd = bigMdParts().join('\n\n');
// ~100 KB: still under MARKDOWN_TREE_LIMIT, so the .md goes through remark.
const k100 = Math.ceil(parts.length / 10);
const mid = parts.slice(0, k100).join('\n\n');
const midMd = bigMdParts().slice(0, k100).join('\n\n');
stats.push(measure(`~100 KB: ${k100} seed reports (.txt)`, mid, 'mid.txt', 50, 5));
stats.push(measure(`~100 KB: ${k100} seed reports, GFM (.md, remark tree)`, midMd, 'mid.md', 50, 5));
stats.push(measure(`~1 MB: ${parts.length} seed reports (.txt)`, big, 'big.txt', 30, 3));
stats.push(measure(`~1 MB: ${parts.length} seed reports, GFM (.md, line scan)`, bigMd, 'big.md', 20, 2));

interface Mem {
  label: string;
  heapDelta: number;
  retained: number;
  rssBefore: number;
  rssAfter: number;
}

function memory(label: string, text: string, fileName: string): Mem {
  gc();
  const before = process.memoryUsage();
  const result = check(text, { fileName });
  const after = process.memoryUsage();
  gc();
  const held = process.memoryUsage();
  const mem = {
    label,
    heapDelta: after.heapUsed - before.heapUsed,
    retained: held.heapUsed - before.heapUsed,
    rssBefore: before.rss,
    rssAfter: after.rss,
  };
  if (!result.findings) throw new Error('no result');
  return mem;
}
const MB = 2 ** 20;
const mems = [memory('~1 MB .txt', big, 'big.txt'), memory('~1 MB .md (GFM)', bigMd, 'big.md')];
for (const m of mems) console.log(`${m.label}: heapUsed +${(m.heapDelta / MB).toFixed(1)} MiB during check, ${(m.retained / MB).toFixed(1)} MiB retained by the result, RSS ${(m.rssAfter / MB).toFixed(0)} MiB`);

const ms = (x: number) => x.toFixed(2);
const md = [
  '## engine',
  '',
  `Machine: ${machine()}; 1-min load average ${loadStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (a shared machine: wall times include waiting for a CPU). \`check()\` end to end (parse, bind, every rule); times in ms after warm-up.`,
  '',
  '| input | chars | runs | median | p95 | min | findings |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...stats.map((s) => `| ${s.label} | ${s.size} | ${s.runs} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(s.min)} | ${s.findings} |`),
  '',
  'Memory for the ~1 MB documents (one `check()` after a forced GC): heapUsed growth during the call, heap still held by the result after another GC, process RSS after the call.',
  '',
  '| input | heapUsed Δ (MiB) | retained (MiB) | RSS before (MiB) | RSS after (MiB) |',
  '|---|---:|---:|---:|---:|',
  ...mems.map((m) => `| ${m.label} | ${(m.heapDelta / MB).toFixed(1)} | ${(m.retained / MB).toFixed(1)} | ${(m.rssBefore / MB).toFixed(0)} | ${(m.rssAfter / MB).toFixed(0)} |`),
  '',
  `Run: \`node --import tsx bench/engine.bench.ts\` (${new Date().toISOString().slice(0, 10)}).`,
];
writeSection('engine', md.join('\n'));
console.log('wrote bench/RESULTS.md (engine)');
