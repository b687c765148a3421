// Runs the same in-editor suite (out/test/e2e/index.cjs) in desktop VS Code (Electron) through
// @vscode/test-electron, for machines that can download VS Code:
//   node esbuild.mjs && node scripts/e2e/run-electron.mjs [--version stable|1.91.0|insiders]
// NOT used in CI here: update.code.visualstudio.com is unreachable (getaddrinfo ENOTFOUND), so the
// CI route is scripts/e2e/run-code-server.mjs (test/e2e/editor.test.ts). Screenshots are skipped
// under Electron (the suite's screenshot() needs the code-server harness).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO } from './tooling.mjs';

const args = process.argv.slice(2);
const vi = args.indexOf('--version');
const version = vi >= 0 ? args[vi + 1] : undefined;

const tmp = mkdtempSync(join(tmpdir(), 'govreport-electron-'));
const workspace = join(tmp, 'workspace');
let code = 1;
try {
  mkdirSync(workspace, { recursive: true });
  code = await runTests({
    version,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'out', 'test', 'e2e', 'index.cjs'),
    launchArgs: [
      workspace,
      '--user-data-dir', join(tmp, 'user'),
      '--extensions-dir', join(tmp, 'ext'),
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
    extensionTestsEnv: { GOVREPORT_E2E_REPO: REPO },
  });
} catch (e) {
  console.error(`run-electron: ${e?.stack ?? e}`);
  code = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
