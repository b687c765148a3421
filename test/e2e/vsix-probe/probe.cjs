// extensionTestsPath for the packaged-form test (test/e2e/editor.test.ts): runs in code-server next
// to the GovReport extension INSTALLED from a .vsix (not the development copy) and checks that it
// activates and publishes seed 002's diagnostics. Plain CommonJS so it needs no build step.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(what, probe, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

exports.run = async function run() {
  const extDir = process.env.GOVREPORT_E2E_EXTENSIONS_DIR;
  const repo = process.env.GOVREPORT_E2E_REPO;
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(extDir && repo && workspace, 'run me through scripts/e2e/run-code-server.mjs --vsix');

  const ext = vscode.extensions.getExtension('govreport.govreport');
  assert.ok(ext, 'govreport.govreport is not installed');
  const real = (p) => fs.realpathSync(p);
  assert.ok(real(ext.extensionPath).startsWith(real(extDir) + path.sep),
    `govreport.govreport is loaded from ${ext.extensionPath}, not from the installed .vsix in ${extDir}`);
  assert.ok(fs.existsSync(path.join(ext.extensionPath, 'out', 'server.cjs')), 'the .vsix has no out/server.cjs');
  // (Not asserting "inactive before the report is opened": onLanguage:plaintext also fires for
  // workbench-internal plaintext models, so that would be a race.)

  const file = path.join(workspace, 'seed-002.txt');
  fs.copyFileSync(path.join(repo, 'test', 'fixtures', 'seeds', '002_c7925c89c326f8ac.txt'), file);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(doc, { preview: false });
  await waitFor('the installed extension to activate', () => ext.isActive, 30_000);

  const found = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'govreport');
  const code = (d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
  await waitFor('T3-RESULT-TOTAL at line 350 from the installed extension',
    () => found().some((d) => code(d) === 'T3-RESULT-TOTAL' && d.range.start.line === 349), 30_000)
    .catch((e) => { throw new Error(`${e.message}; diagnostics: ${JSON.stringify(found().map((d) => [d.range.start.line, code(d)]))}`); });
  console.log(`[e2e-vsix] PASS: ${ext.id} ${ext.packageJSON.version} from ${ext.extensionPath} active, ${found().length} diagnostics`);

  const signal = process.env.GOVREPORT_E2E_SIGNAL_DIR;
  if (signal) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await sleep(1000);
    fs.writeFileSync(path.join(signal, 'editor-vsix.request'), '');
    await waitFor('screenshot', () => fs.existsSync(path.join(signal, 'editor-vsix.done')), 20_000);
  }
};
