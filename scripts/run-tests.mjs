// Runs every test file under test/ with Node's built-in runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [--quick] [--checks] [substring filter...]
//   --quick  the inner loop (npm run test:quick): the engine, every rule, the grammar, the import
//            graph and the in-process CLI and server units (QUICK) — what a change to a rule or
//            the model breaks first. The CLI and server as built, the real editors, the survival
//            and property campaigns run in `npm test` and CI.
//   --checks the typecheck (tsc --noEmit: esbuild only strips types) and the lint (Biome,
//            biome.jsonc) beside the tests (npm test): they are CPU work, and most CLI and server
//            tests wait on the processes they start. Their output is printed after the tests; any
//            failure fails the run.
// Files run two at a time: most CLI and server tests wait on the processes they start.
// The in-process files (QUICK: the engine, the rules, the units) share processes: each group of
// them is one test file of a temporary folder that imports them, one `describe` per file, so the
// runner, tsx and the engine start once per group instead of once per file (about 0.9 s of CPU
// each, half of test:quick). None of them sets a global hook, an environment variable or a mock
// (a file that did would be taken out of QUICK, or run on its own).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const QUICK = [
  'test/engine/',
  'test/rules/',
  'test/grammar/',
  'test/client/',
  'test/conventions/imports.test.ts',
  'test/cli/encoding.test.ts',
  'test/cli/v8flags.test.ts',
  'test/server/settings.test.ts',
  'test/server/detect.test.ts',
  'test/server/format.test.ts',
];

const inQuick = (f) => QUICK.some((s) => f.split('\\').join('/').startsWith(s));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'fixtures' || name === 'node_modules') return [];
    return statSync(p).isDirectory() ? walk(p) : /\.test\.(ts|mjs)$/.test(name) ? [p] : [];
  });
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const checks = args.includes('--checks');
const filters = args.filter((a) => a !== '--quick' && a !== '--checks');
const files = walk('test')
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .filter((f) => !quick || inQuick(f))
  .sort();
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}
/** Runs node on `argv`; resolves to its exit code and, unless its output is shown live, its output. */
function node(argv, live) {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, argv, { stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    let out = '';
    if (!live) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('error', (e) => resolveRun({ code: 1, out: `${out}${e.message}\n` }));
    child.on('close', (code, signal) => resolveRun({ code: code ?? (signal ? 1 : 0), out }));
  });
}

const CHECKS = [
  { name: 'typecheck (tsc --noEmit)', argv: ['node_modules/typescript/bin/tsc', '-p', '.', '--noEmit'] },
  { name: 'lint (biome lint)', argv: ['node_modules/@biomejs/biome/bin/biome', 'lint', '--error-on-warnings'] },
];
const pending = checks ? CHECKS.map((c) => node(c.argv, false).then((r) => ({ ...c, ...r }))) : [];
const concurrency = process.env.GOVREPORT_TEST_CONCURRENCY ?? '2';

/**
 * The in-process files in groups, each written as one test file that imports its members. Groups
 * are filled largest file first, each to the lightest group (by size: a file's cost is not known
 * before it runs); three groups per process slot let the runner even out what sizes get wrong.
 */
function grouped(list) {
  const shared = list.filter(inQuick);
  if (shared.length < 2) return { argv: list, cleanup: () => {} };
  const count = Math.min(shared.length, 3 * Math.max(1, Number(concurrency) || 1));
  const groups = Array.from({ length: count }, () => ({ size: 0, files: [] }));
  for (const f of [...shared].sort((a, b) => statSync(b).size - statSync(a).size)) {
    const g = groups.reduce((a, b) => (b.size < a.size ? b : a));
    g.files.push(f);
    g.size += statSync(f).size;
  }
  const dir = mkdtempSync(join(tmpdir(), 'govreport-tests-'));
  const argv = groups.map((g, i) => {
    const path = join(dir, `group-${i + 1}.test.mjs`);
    const lines = g.files.sort().map((f) => `describe(${JSON.stringify(f.split('\\').join('/'))}, async () => { await import(${JSON.stringify(pathToFileURL(resolve(f)).href)}); });`);
    writeFileSync(path, `import { describe } from 'node:test';\n${lines.join('\n')}\n`);
    return path;
  });
  return { argv: [...argv, ...list.filter((f) => !inQuick(f))], cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const run = grouped(files);
const tests = await node(['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...run.argv], true);
run.cleanup();
let status = tests.code;
for (const c of await Promise.all(pending)) {
  console.log(`\n${c.code === 0 ? '✔' : '✖'} ${c.name}${c.code === 0 ? '' : ` failed (exit ${c.code})`}`);
  if (c.code !== 0) {
    process.stdout.write(c.out);
    status ||= 1;
  }
}
process.exit(status);
