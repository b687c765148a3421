// Runs every test file under test/ with Node's built-in runner (TypeScript through tsx).
// Usage: node scripts/run-tests.mjs [--quick] [substring filter...]
//   --quick  the inner loop (npm run test:quick): leaves out the files that drive real editors,
//            kill processes at random moments or push memory (listed in SLOW); they run in
//            `npm test` and CI.
// Files run two at a time: most CLI and server tests wait on the processes they start.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SLOW = [
  'test/e2e/',
  'test/cli/survival.test.ts',
  'test/server/survival.test.ts',
  'test/server/memory.test.ts',
  'test/fuzz/properties.test.ts',
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
  .filter((f) => !quick || !SLOW.some((s) => f.split('\\').join('/').startsWith(s)))
  .sort();
if (!files.length) {
  console.error('no test files matched');
  process.exit(1);
}
const concurrency = process.env.GOVREPORT_TEST_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
