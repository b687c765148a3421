// Reading documents that are not their own text (issue 14): the engine's byte entry, from the bytes
// of a saved page or a Word file to the findings — check(bytes) — on
//   - a 100 KB report page: test/fixtures/html/wgj-002.html (a real site's chrome, in the site's
//     GB2312, around seed 002's web-page body) grown to 100 KB by more paragraphs of section 一 in
//     the page's own paragraph markup, their prose taken from the other seeds' section 一;
//   - the seeds' web pages and Word documents as the fixtures hold them (test/fixtures/forms/).
// Each input is measured against a baseline engine as well (by default the merge base with main:
// the engine before this branch's changes), alternating the two run by run so load on this shared
// machine falls on both alike. Times are wall ms per check and CPU ms (process.cpuUsage, all
// threads) per check; on a loaded machine the CPU figure is the steadier one.
// Both engines are measured as they ship: bundled by esbuild with the options of esbuild.mjs (the
// CLI, the server and the extension run such a bundle). Run through tsx, every access to a binding
// imported from an ES module (parse5's own modules among them) goes through a getter, which the
// bundle does not have: `--source` measures that way instead.
//   node --import tsx bench/sources.bench.ts [--runs N] [--baseline REV | --no-baseline] [--source]
// Writes the section "sources" of bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import { check as checkSource } from '../engine/index.ts';
// @ts-expect-error plain ESM module without types
import { machine, writeSection } from './results.mjs';

type Check = typeof checkSource;
const ROOT = resolve(import.meta.dirname, '..');
const FORMS = join(ROOT, 'test', 'fixtures', 'forms');
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const RUNS = Number(arg('--runs') ?? 200);
const SOURCE = process.argv.includes('--source');

/** The engine under `dir` bundled as esbuild.mjs bundles what ships (CommonJS, node20), loaded. */
async function bundled(dir: string, name: string): Promise<Check> {
  const outfile = join(ROOT, 'bench', 'corpus', `${name}.cjs`);
  await build({ entryPoints: [join(dir, 'engine', 'index.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', nodePaths: [join(ROOT, 'node_modules')] });
  return (createRequire(import.meta.url)(outfile) as { check: Check }).check;
}

/** The engine at `rev`, extracted under bench/corpus/ (git-ignored; the repository's node_modules resolve from there). */
async function baselineEngine(rev: string): Promise<{ check: Check; label: string }> {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = join(ROOT, 'bench', 'corpus', `baseline-${sha}`);
  if (!existsSync(join(dir, 'engine', 'index.ts'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', '--format=tar', sha, 'engine'], { cwd: ROOT, maxBuffer: 1 << 28 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  if (!SOURCE) return { check: await bundled(dir, `baseline-${sha}`), label: sha };
  const mod = (await import(join(dir, 'engine', 'index.ts'))) as { check: Check };
  return { check: mod.check, label: sha };
}

/** Seed prose of section 一 (总体情况): its paragraphs past the heading, before section 二. */
function sectionOneProse(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(SEEDS).filter((n) => n.endsWith('.txt') && !n.startsWith('002')).sort()) {
    const lines = readFileSync(join(SEEDS, f), 'utf8').split(/\r?\n/);
    const from = lines.findIndex((l) => /^\s*一、/.test(l));
    const to = lines.findIndex((l, i) => i > from && /^\s*二、/.test(l));
    for (const l of lines.slice(from + 1, to)) if (l.trim().length >= 40 && !/[\t|]/.test(l)) out.push(l.trim());
  }
  return out;
}

/** wgj-002.html grown to `bytes` with more section 一 paragraphs, in the page's own markup and charset. */
function grownPage(bytes: number): Uint8Array {
  const page = iconv.decode(readFileSync(join(ROOT, 'test', 'fixtures', 'html', 'wgj-002.html')), 'gb18030');
  const heading = page.indexOf('一、总体情况');
  const at = page.indexOf('<h2>', heading);
  const prose = sectionOneProse();
  const paragraph = (t: string) => `<p style="line-height: 100%; text-indent: 0.44in; margin-bottom: 0in">\n<font face="Noto Serif CJK SC"><span lang="zh-CN">${t}</span></font></p>\n`;
  let extra = '';
  for (let i = 0; iconv.encode(page.slice(0, at) + extra + page.slice(at), 'gb18030').length < bytes; i++) extra += paragraph(prose[i % prose.length]);
  return new Uint8Array(iconv.encode(page.slice(0, at) + extra + page.slice(at), 'gb18030'));
}

interface Stat {
  median: number;
  p95: number;
  min: number;
  cpu: number;
  findings: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.min(s.length - 1, Math.ceil(q * s.length) - 1))];
};

/** Both engines on one input, alternating run by run after a warm-up of each. */
function measure(engines: { check: Check }[], bytes: Uint8Array, fileName: string): Stat[] {
  const wall = engines.map(() => [] as number[]);
  const cpu = engines.map(() => [] as number[]);
  const findings = engines.map((e) => e.check(bytes, { fileName }).findings.length);
  for (let i = 0; i < 30; i++) for (const e of engines) e.check(bytes, { fileName });
  for (let i = 0; i < RUNS; i++) {
    engines.forEach((e, k) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      e.check(bytes, { fileName });
      wall[k].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu[k].push((c.user + c.system) / 1000);
    });
  }
  return engines.map((_, k) => ({ median: quantile(wall[k], 0.5), p95: quantile(wall[k], 0.95), min: Math.min(...wall[k]), cpu: quantile(cpu[k], 0.5), findings: findings[k] }));
}

/**
 * `--cli`: 1,000 saved pages through the built CLI on every core, against their text twins. The pages
 * are the seeds' web pages as the fixtures hold them and as government sites write them
 * (test/helpers/pages.ts: a CMS body in real site chrome, Word's web-page markup, nested layout
 * tables) — 20 pages, each written 50 times; the twins are each page's seed text, as many times.
 * Three interleaved rounds; the median round. Writes the section "sources-cli".
 */
async function cliBench(): Promise<void> {
  const { PAGE_VARIANTS, pageVariant } = await import('../test/helpers/pages.ts');
  const { spawnSync } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  const base = join(ROOT, 'bench', 'corpus', 'pages-cli');
  rmSync(base, { recursive: true, force: true });
  const pagesDir = join(base, 'pages');
  const textDir = join(base, 'text');
  mkdirSync(pagesDir, { recursive: true });
  mkdirSync(textDir, { recursive: true });
  const seeds = readdirSync(SEEDS).filter((n) => /^\d{3}_.*\.txt$/.test(n)).sort();
  const kinds: { seed: string; bytes: Uint8Array }[] = [];
  for (const seed of seeds) {
    const form = readFileSync(join(FORMS, `${seed.slice(0, 3)}.html`));
    kinds.push({ seed, bytes: new Uint8Array(form) });
    for (const v of PAGE_VARIANTS) kinds.push({ seed, bytes: pageVariant(form.toString('utf8'), v) });
  }
  for (let i = 0; i < 1000; i++) {
    const k = kinds[i % kinds.length];
    writeFileSync(join(pagesDir, `${String(i).padStart(4, '0')}.html`), k.bytes);
    writeFileSync(join(textDir, `${String(i).padStart(4, '0')}.txt`), readFileSync(join(SEEDS, k.seed)));
  }
  const run = (glob: string) => {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, join(ROOT, 'out', 'cli.cjs'), 'check', '--format', 'json', '--no-progress', glob], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const wall = (performance.now() - t0) / 1000;
    const [user, sys, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    const reports = (JSON.parse(r.stdout) as { summary?: { files?: number } }).summary?.files ?? Number.NaN;
    return { wall, cpu: user + sys, rss: rss / 1024, reports };
  };
  const rounds: { pages: ReturnType<typeof run>; text: ReturnType<typeof run> }[] = [];
  const load0 = loadavg()[0];
  for (let i = 0; i < 3; i++) rounds.push({ pages: run(`${pagesDir}/*.html`), text: run(`${textDir}/*.txt`) });
  const load1 = loadavg()[0];
  const mid = [...rounds].sort((a, b) => a.pages.wall / a.text.wall - b.pages.wall / b.text.wall)[1];
  const f2 = (x: number) => x.toFixed(2);
  const ratio = mid.pages.wall / mid.text.wall;
  writeSection('sources-cli', `## 1,000 saved pages through the CLI (bench/sources.bench.ts --cli)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z, 1-min load average ${load0.toFixed(1)} at the start and ${load1.toFixed(1)} at the end.
\`node out/cli.cjs check --format json --no-progress <glob>\` (worker threads = cores) on 1,000 pages — the seeds'
web pages as the fixtures hold them and as government sites write them (test/helpers/pages.ts: a CMS body in a
real site's chrome in GB2312, Word's web-page markup in GBK, nested layout tables), 20 pages each written 50
times — and on their text twins (each page's seed text). Three interleaved rounds, the median round (by the
ratio) shown; wall s per round: pages ${rounds.map((r) => f2(r.pages.wall)).join(' / ')}, text ${rounds.map((r) => f2(r.text.wall)).join(' / ')}.
CPU is user + sys of the whole process tree (\`/usr/bin/time\`). Target (issue 14): the pages in ≤ 2× the time of their twins.

| run | files | wall s | CPU s | peak RSS MB |
| --- | ---: | ---: | ---: | ---: |
| 1,000 pages (.html) | ${mid.pages.reports} | ${f2(mid.pages.wall)} | ${f2(mid.pages.cpu)} | ${mid.pages.rss.toFixed(0)} |
| 1,000 text twins (.txt) | ${mid.text.reports} | ${f2(mid.text.wall)} | ${f2(mid.text.cpu)} | ${mid.text.rss.toFixed(0)} |

Pages / twins: ${f2(ratio)}× wall, ${f2(mid.pages.cpu / mid.text.cpu)}× CPU — ${ratio <= 2 ? 'met' : '**missed**'} (≤ 2×).
`);
}
if (process.argv.includes('--cli')) {
  await cliBench();
  process.exit(0);
}

const inputs: { label: string; fileName: string; bytes: Uint8Array; target?: number }[] = [];
const page = grownPage(100 * 1024);
if (process.env.GOVREPORT_BENCH_PAGE_OUT) (await import('node:fs')).writeFileSync(process.env.GOVREPORT_BENCH_PAGE_OUT, page);
inputs.push({ label: `wgj-002.html grown to 100 KB (GB2312, ${page.length.toLocaleString('en')} bytes)`, fileName: 'report.html', bytes: page, target: 10 });
for (const f of readdirSync(FORMS).filter((n) => n.endsWith('.html')).sort()) {
  const bytes = new Uint8Array(readFileSync(join(FORMS, f)));
  inputs.push({ label: `forms/${f} (${bytes.length.toLocaleString('en')} bytes)`, fileName: f, bytes });
}
for (const f of readdirSync(FORMS).filter((n) => n.endsWith('.docx')).sort()) {
  const bytes = new Uint8Array(readFileSync(join(FORMS, f)));
  inputs.push({ label: `forms/${f} (${bytes.length.toLocaleString('en')} bytes)`, fileName: f, bytes, target: 20 });
}

const engines: { check: Check; label: string }[] = [{ check: SOURCE ? checkSource : await bundled(ROOT, 'engine-now'), label: 'this tree' }];
if (!process.argv.includes('--no-baseline')) {
  const rev = arg('--baseline') ?? execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8' }).trim();
  try {
    engines.push(await baselineEngine(rev));
  } catch (e) {
    // An older engine may import a package this tree no longer installs (saxes, before source/xml.ts).
    process.stderr.write(`baseline ${rev} not loadable, measured without it: ${(e as Error).message}\n`);
  }
}

const load0 = loadavg()[0];
const rows: string[] = [];
const f2 = (x: number) => x.toFixed(2);
for (const input of inputs) {
  const [now, base] = measure(engines, input.bytes, input.fileName);
  const met = input.target === undefined ? '—' : now.median <= input.target ? `yes (≤ ${input.target} ms)` : `**no** (≤ ${input.target} ms; CPU ${now.cpu <= input.target ? 'within' : 'over'})`;
  const baseCells = base ? ` ${f2(base.median)} | ${f2(base.cpu)} |` : '';
  rows.push(`| ${input.label} | ${f2(now.median)} | ${f2(now.p95)} | ${f2(now.min)} | ${f2(now.cpu)} |${baseCells} ${now.findings}${base && base.findings !== now.findings ? ` (baseline ${base.findings})` : ''} | ${met} |`);
  process.stderr.write(`${rows[rows.length - 1]}\n`);
}
const load1 = loadavg()[0];
const baseLabel = engines[1]?.label;

writeSection('sources', `## Pages and Word files, bytes to findings (bench/sources.bench.ts)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z, 1-min load average ${load0.toFixed(1)} at the start and ${load1.toFixed(1)} at the end
(the machine is shared: wall times include waiting for a CPU; CPU ms per check is process.cpuUsage over the call, GC threads included).
\`check(bytes, { fileName })\` ${SOURCE ? 'run from source through tsx' : 'of the engine bundled as it ships (esbuild, the options of esbuild.mjs)'} end to end — sniffing, decoding or unzipping, reading the page or the
Word XML, every later stage and every rule — ${RUNS} runs each after 30 warm-up runs${baseLabel ? `, alternating with the
engine at ${baseLabel} (the merge base with main: before this branch's changes)` : ''}. The 100 KB page is
test/fixtures/html/wgj-002.html (a real site's chrome in the site's GB2312 around seed 002's web-page
body) with section 一 grown by paragraphs of the other seeds' section 一 in the page's own paragraph
markup. Targets (issue 14): a 100 KB page ≤ 10 ms median, a seed as DOCX ≤ 20 ms.

| input | median ms | p95 ms | min ms | CPU ms |${baseLabel ? ` ${baseLabel} median ms | ${baseLabel} CPU ms |` : ''} findings | target met |
| --- | ---: | ---: | ---: | ---: |${baseLabel ? ' ---: | ---: |' : ''} ---: | --- |
${rows.join('\n')}
`);
