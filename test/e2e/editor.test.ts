// The extension in a real VS Code workbench: code-server 4.139.1 (Code 1.139.1, a real Node
// extension host) + headless Chromium driven by playwright-core (scripts/e2e/run-code-server.mjs).
//  1. development form: the in-editor suite (test/e2e/suite/index.ts → out/test/e2e/index.cjs) runs
//     against this repository as extensionDevelopmentPath and takes a screenshot (editor.png);
//  2. packaged form: a .vsix built with vsce is installed with `code-server --install-extension`
//     and test/e2e/vsix-probe/probe.cjs checks that the INSTALLED copy activates and diagnoses.
// Tooling from scripts/e2e-setup.sh; skipped without it, unless CI is set (then it fails).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, missingEditorTooling } from '../../scripts/e2e/tooling.mjs';
import { REPO, buildIfNeeded, skipUnlessTooling, toolingMessage } from './common.ts';
import { latencySection, GUIDE_SHOTS } from './record.ts';
// @ts-expect-error plain JavaScript module without types
import { writeSection } from '../../bench/results.mjs';

const missing = missingEditorTooling();
const skip = skipUnlessTooling(missing);

/** Runs a node script, keeping its whole output in <artifacts>/<name>.log; resolves with code + output. */
function runNode(name: string, args: string[], timeoutMs: number): Promise<{ code: number | null; out: string; log: string }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = join(ARTIFACTS, `${name}.log`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    // The harness has its own (shorter) timeout and cleans up after itself; this is a last resort.
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      writeFileSync(log, out);
      resolve({ code, out, log });
    });
  });
}

/** The lines worth showing from a harness log: ours, errors, and the harness' own. */
const relevant = (out: string, n = 60) =>
  out.split('\n').filter((l) => /\[e2e|\[harness\]|FAIL|Error|ERR /.test(l)).slice(-n).join('\n');

test('real VS Code workbench (code-server): diagnostics, quick fix, recompute totals, fix all, restart, snippet, the client\'s features, latency, screenshots', { skip, timeout: 600_000 }, async () => {
  assert.deepEqual(missing, [], toolingMessage(missing));
  buildIfNeeded();
  const r = await runNode('editor', ['scripts/e2e/run-code-server.mjs', '--timeout', '480'], 540_000);
  console.log(relevant(r.out).split('\n').filter((l) => /\[e2e\]|screenshot|exit code/.test(l)).join('\n'));
  console.log(`full log: ${r.log}; screenshot: ${join(ARTIFACTS, 'editor.png')}`);
  assert.equal(r.code, 0, `in-editor suite exited ${r.code} (full log ${r.log}):\n${relevant(r.out)}`);
  assert.match(r.out, /\[harness\] screenshot .*editor\.png/, 'the suite took no screenshot');
  const measured = join(ARTIFACTS, 'latency.json');
  assert.ok(existsSync(measured), 'the suite wrote no latency.json');
  const section = latencySection(JSON.parse(readFileSync(measured, 'utf8')));
  console.log(section);
  // GOVREPORT_E2E_RECORD=1 (scripts/e2e/record.mjs): the user guide's screenshots and the latency
  // section of bench/RESULTS.md are refreshed from this run, so both stay what the editor shows.
  if (process.env.GOVREPORT_E2E_RECORD === '1') {
    const dir = join(REPO, 'docs', 'guide', 'img');
    mkdirSync(dir, { recursive: true });
    for (const name of GUIDE_SHOTS) {
      const png = join(ARTIFACTS, `${name}.png`);
      assert.ok(existsSync(png), `screenshot ${name}.png was not taken`);
      copyFileSync(png, join(dir, `${name}.png`));
    }
    writeSection('editor-latency', section);
    console.log(`recorded ${GUIDE_SHOTS.length} screenshots in ${dir} and the latency in bench/RESULTS.md`);
  }
});

test('packaged .vsix: installed with --install-extension, activates and diagnoses seed 002', { skip, timeout: 300_000 }, async () => {
  assert.deepEqual(missing, [], toolingMessage(missing));
  buildIfNeeded();
  const dir = mkdtempSync(join(tmpdir(), 'govreport-vsix-'));
  try {
    const p = await runNode('vsix-package', ['scripts/e2e/package-vsix.mjs', dir], 180_000);
    assert.equal(p.code, 0, `vsce package failed:\n${p.out}`);
    const vsix = join(dir, 'govreport.vsix');
    const r = await runNode('editor-vsix', [
      'scripts/e2e/run-code-server.mjs', '--timeout', '120', '--vsix', vsix,
      '--dev', 'test/e2e/vsix-probe', '--tests', 'test/e2e/vsix-probe/probe.cjs',
    ], 180_000);
    console.log(relevant(r.out).split('\n').filter((l) => /\[e2e-vsix\]|installed|exit code/.test(l)).join('\n'));
    assert.equal(r.code, 0, `vsix probe exited ${r.code} (full log ${r.log}):\n${relevant(r.out)}`);
    assert.match(r.out, /\[e2e-vsix\] PASS/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
