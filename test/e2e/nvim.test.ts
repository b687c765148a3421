// The language server in a second real editor: headless Neovim 0.7.2 (Debian) attaches
// `node out/server.cjs --stdio` to a copy of seed 002 (test/e2e/nvim/diagnostics.lua prints the
// diagnostics as JSON lines). Needs `nvim` (scripts/e2e-setup.sh); skipped without it unless CI is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingNvimTooling } from '../../scripts/e2e/tooling.mjs';
import { REPO, buildIfNeeded, skipUnlessTooling, toolingMessage } from './common.ts';

const missing = missingNvimTooling();

interface NvimDiagnostic {
  lnum: number;
  col: number;
  severity: number;
  source: string;
  code: string;
  message: string;
}

test('Neovim (headless, vim.lsp) shows the server diagnostics for seed 002', { skip: skipUnlessTooling(missing), timeout: 120_000 }, () => {
  assert.deepEqual(missing, [], toolingMessage(missing));
  buildIfNeeded();
  const dir = mkdtempSync(join(tmpdir(), 'govreport-nvim-'));
  try {
    const file = join(dir, 'seed-002.txt');
    copyFileSync(join(REPO, 'test/fixtures/seeds/002_c7925c89c326f8ac.txt'), file);
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(REPO, 'test/e2e/nvim/diagnostics.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, GOVREPORT_FILE: file, GOVREPORT_SERVER: join(REPO, 'out/server.cjs'), GOVREPORT_NODE: process.execPath },
    });
    assert.equal(r.status, 0, `nvim exited ${r.status ?? r.signal}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    const diags: NvimDiagnostic[] = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const listing = diags.map((d) => `${d.lnum}:${d.col} ${d.code} ${d.message}`).join('\n');

    const np = diags.filter((d) => d.code === 'T3-RESULT-TOTAL' && d.lnum === 349);
    assert.equal(np.length, 1, `one T3-RESULT-TOTAL at line 349 (0-based) expected, got:\n${listing}`);
    assert.equal(np[0].message, '（七）总计·自然人 为 8，但各项之和为 4');
    assert.equal(np[0].source, 'govreport');
    assert.equal(np[0].severity, 1, 'severity Error (vim.diagnostic.severity.ERROR = 1)');
    assert.deepEqual(
      diags.filter((d) => d.code === 'T3-BALANCE').map((d) => d.lnum).sort((a, b) => a - b),
      [349, 355],
      `T3-BALANCE on the 自然人 and 总计 columns, got:\n${listing}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
