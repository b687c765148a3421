// CLI benchmark: `govreport check --format json` against markdownlint-cli2 on the same corpus
// (bench/corpus.ts), wall and CPU time, reports/s, peak RSS, and scaling 100 → 1,000 → 10,000; an
// error-dense corpus (every table wrong); one worker against two; saved pages against their text
// twins (issue 14); and the same runs and profile of a baseline build (by default the merge base
// with main: the CLI before this branch's changes), built from `git archive` under bench/corpus/.
// Run after building: node esbuild.mjs && node --import tsx bench/cli.bench.ts [--quick] [--rounds N] [--baseline REV | --no-baseline]
// Writes its section of bench/RESULTS.md (writeSection('cli', …)).
// `--issue18` runs only issue 18's targets instead — real documents (the fixtures cycled), the
// seeds' layouts, the error-dense corpus, 10,000 reports' peak memory, one thread's warm-up and the
// profile before/after — and writes section cli-18.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate, generatePairs, generateReal } from './corpus.ts';
// @ts-expect-error plain ESM module without types
import { machine, writeSection } from './results.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const CORPUS = join(ROOT, 'bench', 'corpus');
const CLI = join(ROOT, 'out', 'cli.cjs');
const MDL = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
const quick = process.argv.includes('--quick');
const argOf = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROUNDS = Number(argOf('--rounds') ?? (quick ? 1 : 3));

/** The CLI at `rev`, built from `git archive` under bench/corpus/ (node_modules resolve from the repository). */
function baselineCli(rev: string): { cli: string; label: string } {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(CORPUS, `baseline-${sha}-tree`);
  const cli = join(dir, 'out', 'cli.cjs');
  if (!existsSync(cli)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', sha], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar, maxBuffer: 1 << 30 });
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: dir, stdio: 'inherit' });
  }
  return { cli, label: sha };
}

interface Measure {
  wall: number; // s
  cpu: number; // user + sys, s
  rssMb: number;
  code: number | null;
  stdoutBytes: number;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command; wall time measured here, CPU and peak RSS from GNU time or by sampling /proc. */
async function measure(cmd: string, args: string[], stdoutFile?: string): Promise<Measure> {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-bench-'));
  const timeFile = join(dir, 'time');
  const out = stdoutFile ?? join(dir, 'stdout');
  const shell = `exec "$@" > "${out}" 2>/dev/null`;
  const argv = GNU_TIME ? [GNU_TIME, '-f', '%e %U %S %M', '-o', timeFile, 'sh', '-c', shell, 'sh', cmd, ...args] : ['sh', '-c', shell, 'sh', cmd, ...args];
  const t0 = performance.now();
  const child = spawn(argv[0], argv.slice(1), { stdio: 'ignore' });
  let peakKb = 0;
  let cpuTicks = 0;
  const sample = setInterval(() => {
    if (GNU_TIME) return;
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      cpuTicks = Number(stat[11]) + Number(stat[12]);
    } catch {
      /* exited */
    }
  }, 25);
  const code: number | null = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
  clearInterval(sample);
  const wall = (performance.now() - t0) / 1000;
  let cpu = cpuTicks / 100;
  let rssMb = peakKb / 1024;
  if (GNU_TIME && existsSync(timeFile)) {
    const line = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpu = line[1] + line[2];
    rssMb = line[3] / 1024;
  }
  const stdoutBytes = existsSync(out) ? readFileSync(out).length : 0;
  rmSync(dir, { recursive: true, force: true });
  return { wall, cpu, rssMb, code, stdoutBytes };
}

const govreport = (dir: string, out?: string, cli = CLI, extra: string[] = []) => measure(process.execPath, [cli, 'check', '--format', 'json', '--no-progress', ...extra, dir], out);
const markdownlint = (dir: string) => measure(process.execPath, [MDL, `${dir}/**/*.{md,txt}`]);

/**
 * Where the time goes: a single-threaded run (--jobs 1) under --cpu-prof, self time grouped by the
 * bundle's source modules (esbuild leaves a `// path` comment before each module in out/cli.cjs).
 */
function profileGroups(dir: string, cli: string): { groups: Map<string, number>; total: number } | null {
  const profDir = mkdtempSync(join(tmpdir(), 'govreport-prof-'));
  spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, cli, 'check', '--jobs', '1', '--format', 'json', '--no-progress', dir], { stdio: 'ignore' });
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return null;
  const prof = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as {
    nodes: { id: number; callFrame: { url: string; lineNumber: number; functionName: string } }[];
    samples: number[];
    timeDeltas: number[];
  };
  rmSync(profDir, { recursive: true, force: true });
  const bundle = readFileSync(cli, 'utf8').split('\n');
  const moduleAt: string[] = [];
  let current = '(runtime)';
  bundle.forEach((l, i) => {
    const m = /^\/\/ (\S+\.(?:ts|js|mjs|cjs|json))$/.exec(l);
    if (m) current = m[1];
    moduleAt[i] = current;
  });
  const group = (mod: string) => {
    if (mod.includes('node_modules/')) return /micromark|mdast|remark|unified|unist|vfile|decode-named|character-entities|markdown-table|ccount|longest-streak|devlop|bail|trough|extend|is-plain-obj/.test(mod) ? 'Markdown parser (unified/remark/micromark)' : `dependency ${mod.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')}`;
    return mod.replace(/\/[^/]+$/, '/');
  };
  const selfTime = new Map<number, number>();
  prof.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const groups = new Map<string, number>();
  let total = 0;
  for (const n of prof.nodes) {
    const t = (selfTime.get(n.id) ?? 0) / 1000;
    total += t;
    const url = n.callFrame.url;
    const k = url.endsWith('cli.cjs') ? group(moduleAt[n.callFrame.lineNumber] ?? '?') : url ? 'Node.js internals' : n.callFrame.functionName === '(garbage collector)' ? 'garbage collector' : n.callFrame.functionName === '(idle)' ? 'idle' : 'other (program, regexps)';
    groups.set(k, (groups.get(k) ?? 0) + t);
  }
  return { groups, total };
}

/** Self time by source folder, this build against the baseline's when there is one. */
function profile(dir: string, baseline?: { cli: string; label: string }): string {
  const now = profileGroups(dir, CLI);
  if (!now) return '(no profile written)';
  const base = baseline ? profileGroups(dir, baseline.cli) : null;
  const top = [...now.groups].sort((a, b) => b[1] - a[1]).slice(0, 14);
  for (const [k] of base ? [...base.groups].sort((a, b) => b[1] - a[1]).slice(0, 14) : []) if (!top.some(([t]) => t === k)) top.push([k, now.groups.get(k) ?? 0]);
  const cell = (g: { groups: Map<string, number>; total: number }, k: string) => `${(g.groups.get(k) ?? 0).toFixed(0)} | ${((100 * (g.groups.get(k) ?? 0)) / g.total).toFixed(1)} %`;
  const head = base ? `| where | self ms | share | ${baseline!.label} self ms | ${baseline!.label} share |\n|---|---:|---:|---:|---:|` : '| where | self ms | share |\n|---|---:|---:|';
  const total = base ? `| **total** | ${now.total.toFixed(0)} | | ${base.total.toFixed(0)} | |` : `| **total** | ${now.total.toFixed(0)} | |`;
  return [head, ...top.map(([k]) => `| ${k} | ${cell(now, k)}${base ? ` | ${cell(base, k)}` : ''} |`), total].join('\n');
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

async function main() {
  if (!existsSync(CLI)) spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const sizes = quick ? [100, 300] : [100, 1000, 10000];
  const mid = sizes[1];
  const load0 = loadavg()[0];
  console.error(`generating corpora (${sizes.join(', ')} mixed; ${mid} all-Markdown; ${mid} mixed with the seeds' layouts under .md) …`);
  for (const n of sizes) generate(join(CORPUS, `mixed-${n}`), n, { mdShare: 0.5 });
  generate(join(CORPUS, `md-${mid}`), mid, { mdShare: 1 });
  generate(join(CORPUS, `seedmd-${mid}`), mid, { mdShare: 0.5, gfmTables: false });
  generate(join(CORPUS, `dense-${mid}`), mid, { mdShare: 0.5, gfmTables: false, dense: true });
  generatePairs(join(CORPUS, `pairs-${mid}`), mid);
  const baseline = process.argv.includes('--no-baseline')
    ? undefined
    : baselineCli(argOf('--baseline') ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8' }).trim());

  // Correctness first: the run's JSON parses and covers every file.
  const check = join(tmpdir(), `govreport-bench-${process.pid}.json`);
  const probe = await govreport(join(CORPUS, `mixed-${mid}`), check);
  const json = JSON.parse(readFileSync(check, 'utf8'));
  rmSync(check, { force: true });
  if (json.summary.files !== mid) throw new Error(`expected ${mid} reports, got ${json.summary.files}`);
  const withErrors = json.reports.filter((r: { findings: { severity: string }[] }) => r.findings.some((f) => f.severity === 'error')).length;
  console.error(`probe: ${mid} reports, ${withErrors} with errors, exit ${probe.code}`);
  const denseProbe = join(tmpdir(), `govreport-bench-dense-${process.pid}.json`);
  await govreport(join(CORPUS, `dense-${mid}`), denseProbe);
  const denseJson = JSON.parse(readFileSync(denseProbe, 'utf8')) as { reports: { findings: unknown[] }[] };
  rmSync(denseProbe, { force: true });
  const densePerReport = denseJson.reports.reduce((n, r) => n + r.findings.length, 0) / denseJson.reports.length;

  // The comparisons: ROUNDS rounds, each running both tools on each corpus in turn, so a burst of
  // load on this shared machine hits both; the median round by wall time is reported.
  const median = (ms: Measure[]) => [...ms].sort((a, b) => a.wall - b.wall)[Math.floor(ms.length / 2)];
  const runs: Record<string, Measure[]> = {};
  const comparisons = [`mixed-${mid}`, `md-${mid}`, `seedmd-${mid}`, `dense-${mid}`];
  for (let round = 0; round < ROUNDS; round++) {
    for (const corpus of comparisons) {
      console.error(`round ${round + 1}/${ROUNDS}: govreport and markdownlint-cli2 on ${corpus} …`);
      (runs[`gr ${corpus}`] ??= []).push(await govreport(join(CORPUS, corpus)));
      (runs[`mdl ${corpus}`] ??= []).push(await markdownlint(join(CORPUS, corpus)));
      if (baseline && corpus !== `md-${mid}`) (runs[`base ${corpus}`] ??= []).push(await govreport(join(CORPUS, corpus), undefined, baseline.cli));
    }
    console.error(`round ${round + 1}/${ROUNDS}: one worker; saved pages and their text twins …`);
    (runs[`gr1 seedmd-${mid}`] ??= []).push(await govreport(join(CORPUS, `seedmd-${mid}`), undefined, CLI, ['--jobs', '1']));
    if (baseline) (runs[`base1 seedmd-${mid}`] ??= []).push(await govreport(join(CORPUS, `seedmd-${mid}`), undefined, baseline.cli, ['--jobs', '1']));
    (runs['gr pages'] ??= []).push(await govreport(join(CORPUS, `pairs-${mid}`, 'pages')));
    (runs['gr twins'] ??= []).push(await govreport(join(CORPUS, `pairs-${mid}`, 'text')));
    if (baseline) (runs['base pages'] ??= []).push(await govreport(join(CORPUS, `pairs-${mid}`, 'pages'), undefined, baseline.cli));
  }
  const rows: string[] = [];
  const scaling: Record<number, Measure> = { [mid]: median(runs[`gr mixed-${mid}`]) };
  for (const n of sizes) {
    if (n === mid) continue;
    console.error(`govreport mixed-${n} …`);
    scaling[n] = await govreport(join(CORPUS, `mixed-${n}`));
  }
  const mdlMixed = median(runs[`mdl mixed-${mid}`]);
  const grMd = median(runs[`gr md-${mid}`]);
  const mdlMd = median(runs[`mdl md-${mid}`]);
  const grSeed = median(runs[`gr seedmd-${mid}`]);
  const mdlSeed = median(runs[`mdl seedmd-${mid}`]);
  // Warm-up: one thread (--jobs 1) on the small and the middle corpus. The first reports run while
  // V8 still interprets and compiles the engine; the marginal cost of the rest is the steady state.
  console.error('one thread: warm-up against steady state …');
  const oneSmall = await measure(process.execPath, [CLI, 'check', '--jobs', '1', '--format', 'json', '--no-progress', join(CORPUS, `mixed-${sizes[0]}`)]);
  const oneMid = await measure(process.execPath, [CLI, 'check', '--jobs', '1', '--format', 'json', '--no-progress', join(CORPUS, `mixed-${mid}`)]);
  const firstMs = (1000 * oneSmall.cpu) / sizes[0];
  const steadyMs = (1000 * (oneMid.cpu - oneSmall.cpu)) / (mid - sizes[0]);
  const load1 = loadavg()[0];
  console.error('profiling (--jobs 1, 1,000 reports with the seeds\' layouts) …');
  const where = profile(join(CORPUS, `seedmd-${mid}`), baseline);

  const line = (name: string, n: number, m: Measure) =>
    `| ${name} | ${n} | ${f2(m.wall)} | ${f2(m.cpu)} | ${f1(n / m.wall)} | ${f1(m.rssMb)} | ${m.code} |`;
  rows.push(line('govreport, mixed', mid, scaling[mid]));
  rows.push(line('markdownlint-cli2, mixed', mid, mdlMixed));
  rows.push(line('govreport, all .md', mid, grMd));
  rows.push(line('markdownlint-cli2, all .md', mid, mdlMd));
  rows.push(line('govreport, mixed, seed layouts under .md', mid, grSeed));
  rows.push(line('markdownlint-cli2, mixed, seed layouts under .md', mid, mdlSeed));
  for (const n of sizes) if (n !== mid) rows.push(line('govreport, mixed', n, scaling[n]));
  const grDense = median(runs[`gr dense-${mid}`]);
  const mdlDense = median(runs[`mdl dense-${mid}`]);
  const gr1Seed = median(runs[`gr1 seedmd-${mid}`]);
  const grPages = median(runs['gr pages']);
  const grTwins = median(runs['gr twins']);
  rows.push(line('govreport, error-dense (seed layouts, every table wrong)', mid, grDense));
  rows.push(line('markdownlint-cli2, error-dense', mid, mdlDense));
  rows.push(line('govreport, seed layouts, one worker (`--jobs 1`)', mid, gr1Seed));
  rows.push(line('govreport, saved pages (.html)', mid, grPages));
  rows.push(line('govreport, their text twins (.txt)', mid, grTwins));
  if (baseline) {
    for (const [key, name] of [[`base mixed-${mid}`, 'mixed'], [`base seedmd-${mid}`, 'seed layouts'], [`base1 seedmd-${mid}`, 'seed layouts, one worker'], [`base dense-${mid}`, 'error-dense'], ['base pages', 'saved pages']] as const) {
      rows.push(line(`baseline ${baseline.label}, ${name}`, mid, median(runs[key])));
    }
  }

  const ratioMixed = scaling[mid].wall / mdlMixed.wall;
  const ratioMd = grMd.wall / mdlMd.wall;
  const ratioSeed = grSeed.wall / mdlSeed.wall;
  const ratioDense = grDense.wall / mdlDense.wall;
  const ratioPages = grPages.wall / grTwins.wall;
  const second = gr1Seed.wall / grSeed.wall;
  const spread = (key: string) => runs[key].map((m) => f2(m.wall)).join(' / ');
  const big = sizes[2];
  const scale = big ? scaling[big].wall / scaling[mid].wall : NaN;
  const peak = Math.max(...Object.values(scaling).map((m) => m.rssMb), grMd.rssMb);
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const md = `## CLI (\`govreport check --format json\` vs markdownlint-cli2)

Machine: ${machine()}. Load average (1 min) before/after: ${f2(load0)} / ${f2(load1)} — other processes share the
machine, so wall times are noisy; CPU time (user + sys of the whole process tree) is the steadier figure.
Corpus: bench/corpus.ts — the seeds with T3/T4 numbers varied (totals consistent in ~90 %, one
arithmetic error injected in ~10 %), \`.md\` files with T3 and T4 rewritten as GFM tables (the
template's row labels, group rows of their own); "mixed" is half \`.md\` half \`.txt\`. The third
corpus keeps each seed's own layout under \`.md\` (headings, TAB and one-cell-per-line tables, no
GFM table): markdownlint-cli2 has far less to do there, so it is the harder comparison.
govreport: \`node out/cli.cjs check --format json --no-progress <dir>\` (worker threads = cores);
markdownlint-cli2: \`node …/markdownlint-cli2-bin.mjs "<dir>/**/*.{md,txt}"\` (same as
\`npx markdownlint-cli2\` without npx's start-up). Peak RSS from ${GNU_TIME ? '`/usr/bin/time -v` (%M)' : 'sampling /proc VmHWM'}.
The ${mid}-report rows are the median of ${ROUNDS} interleaved rounds (wall s per round: govreport ${spread(`gr mixed-${mid}`)} and
markdownlint-cli2 ${spread(`mdl mixed-${mid}`)} on mixed; ${spread(`gr md-${mid}`)} and ${spread(`mdl md-${mid}`)} all-Markdown;
${spread(`gr seedmd-${mid}`)} and ${spread(`mdl seedmd-${mid}`)} with seed layouts); 100 and 10,000 reports ran once.
Probe run: ${mid} reports in the JSON, ${withErrors} with errors. Error-dense corpus (\`dense-${mid}\`: seed layouts, every T3 row's
and T4 group's total off): ${densePerReport.toFixed(1)} findings a report. Saved pages (\`pairs-${mid}\`): each seed's web-page form
(seed 002's alternately wgj-002.html, a real site's chrome in GB2312) with the numbers of its text twin, the seed's .txt.${baseline ? `
Baseline: ${baseline.label} (the merge base with main, before this branch's changes), built from \`git archive\` and run in the same rounds.` : ''}

| run | reports | wall s | CPU s | reports/s | peak RSS MB | exit |
|---|---|---|---|---|---|---|
${rows.join('\n')}

| target | figure | |
|---|---|---|
| mixed ≤ 1/4 of markdownlint-cli2's wall time | ${f2(ratioMixed)}× (CPU ${f2(scaling[mid].cpu / mdlMixed.cpu)}×) | ${verdict(ratioMixed <= 0.25)} |
| all-Markdown ≤ 1/2 | ${f2(ratioMd)}× (CPU ${f2(grMd.cpu / mdlMd.cpu)}×) | ${verdict(ratioMd <= 0.5)} |
| (mixed, seed layouts under .md, ≤ 1/4) | ${f2(ratioSeed)}× (CPU ${f2(grSeed.cpu / mdlSeed.cpu)}×) | ${verdict(ratioSeed <= 0.25)} |
| seed layouts (the real files' layouts) ≤ 0.15 of markdownlint-cli2 (issue 18) | ${f2(ratioSeed)}× (CPU ${f2(grSeed.cpu / mdlSeed.cpu)}×) | ${verdict(ratioSeed <= 0.15)} |
| error-dense (${densePerReport.toFixed(1)} findings a report) ≤ 0.35 (issue 18) | ${f2(ratioDense)}× (CPU ${f2(grDense.cpu / mdlDense.cpu)}×) | ${verdict(ratioDense <= 0.35)} |
| a second worker helps (one worker's wall time over two workers') | ${f2(second)}× | ${verdict(second > 1.2)} |
| ${mid} saved pages ≤ 2× their text twins (issue 14) | ${f2(ratioPages)}× (CPU ${f2(grPages.cpu / grTwins.cpu)}×) | ${verdict(ratioPages <= 2)} |
| ${big ?? '—'} reports ≤ 11× the ${mid} time | ${big ? `${f2(scale)}×` : 'not run (--quick)'} | ${big ? verdict(scale <= 11) : '—'} |
| peak memory < 300 MB | ${f1(peak)} MB | ${verdict(peak < 300)} |

Warm-up, one thread (\`--jobs 1\`): the first ${sizes[0]} reports cost ${f2(firstMs)} ms of CPU each (process start included),
the next ${mid - sizes[0]} ${f2(steadyMs)} ms each (${f2(oneSmall.cpu)} s for ${sizes[0]}, ${f2(oneMid.cpu)} s for ${mid}). Each worker thread pays
that warm-up (V8 interpreting, then compiling the engine, remark and micromark) on its own.

Where the time goes (\`node --cpu-prof out/cli.cjs check --jobs 1\` on seedmd-${mid}, self time by source folder${baseline ? `; this build, then the baseline ${baseline.label}` : ''}):

${where}
`;
  writeSection('cli', md);
  console.log(md);
}

/** Issue 18's targets: this build, the baseline and markdownlint-cli2 on the same files, interleaved. */
async function issue18() {
  const n = 1000;
  const load0 = loadavg()[0];
  generateReal(join(CORPUS, `real-${n}`), n);
  generate(join(CORPUS, `seedmd-${n}`), n, { mdShare: 0.5, gfmTables: false });
  generate(join(CORPUS, `dense-${n}`), n, { mdShare: 0.5, gfmTables: false, dense: true });
  generate(join(CORPUS, 'mixed-10000'), 10000, { mdShare: 0.5 });
  const baseline = process.argv.includes('--no-baseline')
    ? undefined
    : baselineCli(argOf('--baseline') ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8' }).trim());
  const median = (ms: Measure[]) => [...ms].sort((a, b) => a.wall - b.wall)[Math.floor(ms.length / 2)];
  const runs: Record<string, Measure[]> = {};
  const loads: number[] = [];
  const corpora = [`real-${n}`, `seedmd-${n}`, `dense-${n}`];
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of corpora) {
      console.error(`round ${round + 1}/${ROUNDS}: ${c} …`);
      loads.push(loadavg()[0]);
      (runs[`gr ${c}`] ??= []).push(await govreport(join(CORPUS, c)));
      (runs[`mdl ${c}`] ??= []).push(await markdownlint(join(CORPUS, c)));
      if (baseline) (runs[`base ${c}`] ??= []).push(await govreport(join(CORPUS, c), undefined, baseline.cli));
    }
  }
  console.error('10,000 reports …');
  loads.push(loadavg()[0]);
  const big = await govreport(join(CORPUS, 'mixed-10000'));
  const bigBase = baseline ? await govreport(join(CORPUS, 'mixed-10000'), undefined, baseline.cli) : undefined;
  console.error('one thread: warm-up …');
  const one = await measure(process.execPath, [CLI, 'check', '--jobs', '1', '--format', 'json', '--no-progress', join(CORPUS, `seedmd-${n}`)]);
  const oneBase = baseline ? await measure(process.execPath, [baseline.cli, 'check', '--jobs', '1', '--format', 'json', '--no-progress', join(CORPUS, `seedmd-${n}`)]) : undefined;
  const start = await measure(process.execPath, [CLI, '--version']);
  const startBase = baseline ? await measure(process.execPath, [baseline.cli, '--version']) : undefined;
  console.error('profiles …');
  const where = profile(join(CORPUS, `seedmd-${n}`), baseline);
  const whereDense = profile(join(CORPUS, `dense-${n}`), baseline);
  const load1 = loadavg()[0];

  const row = (name: string, m: Measure) => `| ${name} | ${f2(m.wall)} | ${f2(m.cpu)} | ${f1(m.rssMb)} | ${m.code} |`;
  const rows: string[] = [];
  const targets: string[] = [];
  for (const c of corpora) {
    const gr = median(runs[`gr ${c}`]);
    const mdl = median(runs[`mdl ${c}`]);
    rows.push(row(`govreport, ${c}`, gr), row(`markdownlint-cli2, ${c}`, mdl));
    if (baseline) rows.push(row(`baseline ${baseline.label}, ${c}`, median(runs[`base ${c}`])));
    const goal = c.startsWith('dense') ? 0.35 : 0.15;
    const base = baseline ? median(runs[`base ${c}`]) : undefined;
    targets.push(`| ${c} ≤ ${goal} of markdownlint-cli2 | ${f2(gr.wall / mdl.wall)}× wall, ${f2(gr.cpu / mdl.cpu)}× CPU${base ? ` (baseline ${f2(base.wall / mdl.wall)}× wall, ${f2(base.cpu / mdl.cpu)}× CPU)` : ''} | ${gr.wall / mdl.wall <= goal ? 'met' : '**missed**'} |`);
  }
  rows.push(row('govreport, mixed-10000', big));
  if (bigBase) rows.push(row(`baseline ${baseline!.label}, mixed-10000`, bigBase));
  rows.push(row(`govreport --jobs 1, seedmd-${n}`, one));
  if (oneBase) rows.push(row(`baseline ${baseline!.label} --jobs 1, seedmd-${n}`, oneBase));
  rows.push(row('govreport --version (start-up)', start));
  if (startBase) rows.push(row(`baseline ${baseline!.label} --version`, startBase));
  targets.push(`| peak RSS < 300 MB for 10,000 reports | ${f1(big.rssMb)} MB${bigBase ? ` (baseline ${f1(bigBase.rssMb)} MB)` : ''} | ${big.rssMb < 300 ? 'met' : '**missed**'} |`);
  const spread = (key: string) => runs[key].map((m) => f2(m.wall)).join(' / ');
  const md = `## CLI, issue 18 targets (\`node --import tsx bench/cli.bench.ts --issue18\`)

Machine: ${machine()}. Load average (1 min): ${f2(load0)} at the start, ${loads.map(f2).join(', ')} before each corpus and the
10,000-report run, ${f2(load1)} at the end — the machine is shared (about six engineers on 2 cores), so wall time is
noisy and CPU time (user + sys of the process tree, \`/usr/bin/time\`) the steadier figure. ${ROUNDS} interleaved round(s), median by wall.
Corpora: \`real-${n}\` — the fixtures' real documents as found (the five seeds, the pandoc and other converters'
Markdown of their Word and web forms, the truncated/glued/noisy/blank-cell variants of test/fixtures/kinds), cycled, byte for
byte; \`seedmd-${n}\` — the seeds with numbers varied, each in its own layout, half under .md; \`dense-${n}\` — the same with
every table wrong. govreport \`check --format json --no-progress\` (2 worker threads), markdownlint-cli2 on \`**/*.{md,txt}\`.${baseline ? `
Baseline ${baseline.label}: the CLI before this branch (merge base), built from \`git archive\`.` : ''}
Wall s per round: ${corpora.map((c) => `${c} govreport ${spread(`gr ${c}`)}, markdownlint-cli2 ${spread(`mdl ${c}`)}`).join('; ')}.

| run | wall s | CPU s | peak RSS MB | exit |
|---|---|---|---|---|
${rows.join('\n')}

| target | figure | |
|---|---|---|
${targets.join('\n')}

Where the time goes, seed layouts (\`--cpu-prof\`, \`--jobs 1\`, self time by source folder${baseline ? `; this build, then ${baseline.label}` : ''}):

${where}

Error-dense corpus, the same way:

${whereDense}
`;
  writeSection('cli-18', md);
  console.log(md);
}

if (process.argv.includes('--issue18')) await issue18();
else await main();
