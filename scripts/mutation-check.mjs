// Can the CLI's regression tests fail? Each entry of test/cli/mutations.json breaks the code one test
// guards (a text replacement), rebuilds, runs that test alone and puts the code back: "KILLED" means
// the test failed, as it must; "SURVIVED" means the test did not notice (test/cli/MUTATIONS.md says
// which survive and why). Edits files of the working tree in place and restores them after each
// run: run it on a clean checkout, never beside another build.
//   node scripts/mutation-check.mjs [id-prefix…]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
const ROOT = resolve(import.meta.dirname, '..');
const M = JSON.parse(readFileSync(join(ROOT, 'test/cli/mutations.json'), 'utf8'));
const want = process.argv.slice(2);
for (const m of M) {
  if (want.length && !want.some((w) => m.id.startsWith(w))) continue;
  const originals = new Map();
  let ok = true;
  for (const e of m.edits) {
    const p = `${ROOT}/${e.file}`;
    if (!originals.has(p)) originals.set(p, readFileSync(p, 'utf8'));
    const cur = readFileSync(p, 'utf8');
    const n = cur.split(e.from).length - 1;
    if (n === 0 || (n > 1 && !e.all)) {
      console.log(`${m.id}: pattern found ${n} times in ${e.file}`);
      ok = false;
      break;
    }
    writeFileSync(p, e.all ? cur.split(e.from).join(e.to) : cur.replace(e.from, e.to));
  }
  let result = 'not applied';
  if (ok) {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (b.status !== 0) result = `build failed: ${b.stderr.slice(0, 300)}`;
    else {
      const t0 = Date.now();
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-name-pattern=${m.test}`, m.file], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
      const out = r.stdout + r.stderr;
      // A name pattern that matches no test would pass: that is no survival.
      const ran = /^# tests ([1-9]\d*)$/m.test(out) || /ℹ tests [1-9]/.test(out);
      result = !ran ? `no test matched ${m.test}` : `${r.status === 0 ? 'SURVIVED' : 'KILLED'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`;
      const why = /(AssertionError[^\n]*\n[^\n]*|Error: [^\n]*)/.exec(out)?.[0];
      if (why && r.status !== 0) result += ` — ${why.replace(/\s+/g, ' ').slice(0, 200)}`;
    }
  }
  for (const [p, s] of originals) writeFileSync(p, s);
  const line = `${m.id}\t${result}`;
  console.log(line);
}
spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT });
