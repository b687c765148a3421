// Runs every test file under test/ with Node's built-in runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [--quick] [substring filter...]
//   --quick  the inner loop (npm run test:quick): the engine, every rule, the grammar, the import
//            graph and the in-process CLI and server units (QUICK) — what a change to a rule or
//            the model breaks first. The CLI and server as built, the real editors, the survival and property
//            campaigns run in `npm test` and CI.
// Files run two at a time: most CLI and server tests wait on the processes they start.
import { spawnSync } from 'node:child_process';
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
const filters = args.filter((a) => a !== '--quick');
const files = walk('test')
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .filter((f) => !quick || QUICK.some((s) => f.split('\\').join('/').startsWith(s)))
  .sort();
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}
const concurrency = process.env.GOVREPORT_TEST_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
