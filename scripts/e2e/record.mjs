// Refreshes what the repository keeps from a real-editor run: the user guide's screenshots
// (docs/guide/img/) and the real-editor latency section of bench/RESULTS.md.
//   node scripts/e2e/record.mjs      (= GOVREPORT_E2E_RECORD=1 node scripts/run-tests.mjs test/e2e/editor)
import { spawnSync } from 'node:child_process';
import { REPO } from './tooling.mjs';

const r = spawnSync(process.execPath, ['scripts/run-tests.mjs', 'test/e2e/editor'], {
  cwd: REPO, stdio: 'inherit', env: { ...process.env, GOVREPORT_E2E_RECORD: '1' },
});
process.exit(r.status ?? 1);
