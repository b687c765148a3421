// The .vsix before and after (issue 14): this tree's committed HEAD and a baseline revision (by
// default the merge base with main), each extracted with `git archive` into a temporary directory
// (the repository's node_modules linked in), built for production and packed by the repository's
// own vsce (scripts/e2e/package-vsix.mjs) — so the working tree's out/ is never touched. Reports
// the .vsix size, its file count and the four bundles.
//   node --import tsx bench/vsix.bench.ts [--baseline REV]
// Writes the section "vsix" of bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM module without types
import { machine, writeSection } from './results.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const i = process.argv.indexOf('--baseline');
const baseRev = i >= 0 ? process.argv[i + 1] : execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8' }).trim();
const BUNDLES = ['client', 'server', 'cli', 'worker'];

interface Packed {
  rev: string;
  bytes: number;
  files: number;
  bundles: Record<string, number>;
}

function pack(rev: string): Packed {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = mkdtempSync(join(tmpdir(), `govreport-vsix-${sha}-`));
  try {
    const tar = execFileSync('git', ['archive', '--format=tar', sha], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar, maxBuffer: 1 << 30 });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: dir, stdio: 'inherit' });
    const vsix = execFileSync(process.execPath, ['scripts/e2e/package-vsix.mjs', join(dir, 'pack')], { cwd: dir, encoding: 'utf8' }).trim();
    const listing = execFileSync('unzip', ['-l', vsix], { encoding: 'utf8' }).trim().split('\n');
    const files = Number(/(\d+) files?/.exec(listing[listing.length - 1])?.[1] ?? NaN);
    const bundles = Object.fromEntries(BUNDLES.map((b) => [b, statSync(join(dir, 'out', `${b}.cjs`)).size]));
    return { rev: sha, bytes: statSync(vsix).size, files, bundles };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const load = loadavg()[0];
const head = pack('HEAD');
const base = pack(baseRev);
const docs = (rev: string) => execFileSync('git', ['ls-tree', '-r', '--name-only', rev, 'docs/rules'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').filter((f) => f.endsWith('.md')).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const delta = (a: number, b: number) => `${a - b >= 0 ? '+' : '−'}${Math.abs(a - b).toLocaleString('en')}`;
const rows = [
  `| .vsix | ${base.bytes.toLocaleString('en')} B (${kb(base.bytes)}) | ${head.bytes.toLocaleString('en')} B (${kb(head.bytes)}) | ${delta(head.bytes, base.bytes)} B |`,
  `| files in it | ${base.files} | ${head.files} | ${delta(head.files, base.files)} |`,
  ...BUNDLES.map((b) => `| out/${b}.cjs (minified) | ${base.bundles[b].toLocaleString('en')} B | ${head.bundles[b].toLocaleString('en')} B | ${delta(head.bundles[b], base.bundles[b])} B |`),
  `| rule pages (docs/rules/**.md) | ${docs(base.rev)} | ${docs(head.rev)} | ${delta(docs(head.rev), docs(base.rev))} |`,
];
writeSection('vsix', `## .vsix before and after (bench/vsix.bench.ts)

${machine()}; ${new Date().toISOString().slice(0, 16)}Z, load average ${load.toFixed(1)}. Each revision extracted with \`git archive\`,
built with \`node esbuild.mjs --production\` and packed by \`scripts/e2e/package-vsix.mjs\` (the repository's vsce,
\`--no-dependencies\`). Before: ${base.rev} (the merge base with main); after: ${head.rev} (this branch).

| what | before ${base.rev} | after ${head.rev} | change |
| --- | ---: | ---: | ---: |
${rows.join('\n')}
`);
console.log(rows.join('\n'));
