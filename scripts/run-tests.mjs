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
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
];

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
  .filter((f) => !quick || QUICK.some((s) => f.split('\\').join('/').startsWith(s)))
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
const tests = await node(['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], true);
let status = tests.code;
for (const c of await Promise.all(pending)) {
  console.log(`\n${c.code === 0 ? '✔' : '✖'} ${c.name}${c.code === 0 ? '' : ` failed (exit ${c.code})`}`);
  if (c.code !== 0) {
    process.stdout.write(c.out);
    status ||= 1;
  }
}
process.exit(status);
