// Hostile inputs through the built CLI (issue 18): a section heading repeated, one-character
// lines, unmatched brackets — at 1, 2, 4 and 8 MB, one file per run, one worker, time and peak RSS
// of the whole process (/usr/bin/time -v when present). Linear means each doubling doubles the cost
// at most, no more. Writes the section "hostile" of bench/RESULTS.md.
//   node --import tsx bench/hostile.bench.ts [sizes in MB, default 1 2 4 8]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ESM module without types
import { machine, writeSection } from './results.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'out', 'cli.cjs');
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const MB = sizes.length ? sizes : [1, 2, 4, 8];
const CASES: { name: string; unit: string; ext: string }[] = [
  { name: 'section heading repeated (`一、总体情况` a line)', unit: '一、总体情况\n', ext: 'txt' },
  { name: 'Markdown heading repeated (`## 一、总体情况`)', unit: '## 一、总体情况\n', ext: 'md' },
  { name: 'one-character lines (`字`)', unit: '字\n', ext: 'txt' },
  { name: 'unmatched brackets (`（`), one line', unit: '（', ext: 'txt' },
];

const dir = mkdtempSync(join(tmpdir(), 'govreport-hostile-'));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const rows: string[] = [];
const load = loadavg()[0].toFixed(2);
try {
  for (const c of CASES) {
    const cells: string[] = [];
    for (const mb of MB) {
      const n = Math.ceil((mb * 2 ** 20) / Buffer.byteLength(c.unit));
      const file = join(dir, `case.${c.ext}`);
      writeFileSync(file, c.unit.repeat(n));
      const args = [CLI, 'check', '--format', 'json', '--no-progress', '--jobs', '1', file];
      const t0 = performance.now();
      const r = timeBin ? spawnSync(timeBin, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
      const ms = performance.now() - t0;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '')?.[1];
      let findings = '?';
      try {
        findings = String(JSON.parse(r.stdout).reports[0].findings.length);
      } catch {
        findings = `exit ${r.status}`;
      }
      cells.push(`${(ms / 1000).toFixed(2)} s, ${rss ? `${Math.round(Number(rss) / 1024)} MB` : '—'}, ${findings} findings`);
      process.stderr.write(`${c.name} ${mb} MB: ${cells[cells.length - 1]}\n`);
    }
    rows.push(`| ${c.name} | ${cells.join(' | ')} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

writeSection('hostile', `## Hostile inputs (bench/hostile.bench.ts)

One file per run through the built CLI (\`check --format json --jobs 1\`): wall time of the whole
process, its peak RSS, and the findings written (each rule lists at most 100 per document, then
one saying how many more). ${machine()}; load average at the start ${load} (other sessions were
running on the same two cores).

| input | ${MB.map((m) => `${m} MB`).join(' | ')} |
| --- | ${MB.map(() => '---').join(' | ')} |
${rows.join('\n')}
`);
