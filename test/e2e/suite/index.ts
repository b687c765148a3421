// The in-editor tests: run inside a real VS Code extension host (code-server through
// scripts/e2e/run-code-server.mjs, or Electron VS Code through scripts/e2e/run-electron.mjs) with
// the real `vscode` API. Bundled by esbuild.mjs to out/test/e2e/index.cjs; the contract is the
// test-electron one: export `run()`, resolve on success, reject on failure.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { recomputeTotals } from '../../../engine/index.ts';
import { api, clientTests, latency, nextDiagnostics, writeLatency } from './client.ts';
import { codeOf, describe, ours, runAll, screenshot, sleep, waitFor } from './harness.ts';
import { lensTests } from './lens.ts';
import { moreTests } from './more.ts';

const EXTENSION_ID = 'govreport.govreport';
const SEED_002 = '002_c7925c89c326f8ac.txt';
const SEED_000 = '000_bb11c9eb4a4a9df5.txt';
// Seed 002 (see docs/spec/seeds.md): （七）总计·自然人 is 8 on line 350 (0-based 349), the
// items add up to 4; the 总计 column on line 356 (0-based 355).
const NP_LINE = 349;
const TOT_LINE = 355;
const NP_MESSAGE = '（七）总计·自然人 为 8，但各项之和为 4';

function repoRoot(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const root = process.env.GOVREPORT_E2E_REPO ?? ext?.extensionPath;
  assert.ok(root, `cannot locate the repository: no GOVREPORT_E2E_REPO and no extension ${EXTENSION_ID}`);
  return root;
}

let workDir: string | undefined;
function workspaceDir(): string {
  workDir ??= vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-e2e-'));
  return workDir;
}

/** Copies seed 002 into the workspace under a fresh name (each test edits its own copy). */
function seedCopy(name: string, seed = SEED_002): { file: string; text: string } {
  const text = fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'seeds', seed), 'utf8');
  const file = path.join(workspaceDir(), name);
  fs.writeFileSync(file, text);
  return { file, text };
}

async function open(file: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc, { preview: false });
}

const at = (uri: vscode.Uri, rule: string, line: number) =>
  ours(uri).filter((d) => codeOf(d) === rule && d.range.start.line === line);

/** Waits for seed 002's table-3 errors, in Chinese (the suite sets govreport.language to zh). */
async function waitSeedDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic> {
  return waitFor(
    `T3-RESULT-TOTAL "${NP_MESSAGE}…" at line ${NP_LINE} and two T3-BALANCE in ${path.basename(uri.fsPath)}`,
    () => {
      const np = at(uri, 'T3-RESULT-TOTAL', NP_LINE).find((d) => d.message.startsWith(NP_MESSAGE));
      const balance = ours(uri).filter((d) => codeOf(d) === 'T3-BALANCE');
      return np && balance.length === 2 ? np : undefined;
    },
    30_000,
  ).catch((e: Error) => {
    throw new Error(`${e.message}\ndiagnostics now:\n${describe(ours(uri))}`);
  });
}

/** Strips // and /* *\/ comments outside strings (snippet files are JSON with comments). */
function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      if (i === 0) break;
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

export async function run(): Promise<void> {
  console.log(`[e2e] VS Code ${vscode.version}, workspace ${workspaceDir()}`);
  assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `extension ${EXTENSION_ID} is not loaded in this extension host`);
  // Messages and fix titles are asserted in Chinese whatever the UI language is.
  await vscode.workspace.getConfiguration('govreport').update('language', 'zh', vscode.ConfigurationTarget.Global);

  let seedUri: vscode.Uri | undefined;
  // What the feature suites get: the repository, the workspace folder, a copy of a fixture, open a file.
  const ctx = {
    repo: repoRoot(),
    workspace: workspaceDir(),
    copy: (fixture: string, name: string) => {
      const file = path.join(workspaceDir(), name);
      fs.copyFileSync(path.join(repoRoot(), fixture), file);
      return file;
    },
    open,
  };

  await runAll([
    {
      name: 'cold start: the report opened with the window gets its diagnostics (activation, server start and check included)',
      fn: async () => {
        const file = process.env.GOVREPORT_E2E_OPEN_FILE;
        if (!file) {
          console.log('[e2e] no report opened with the window (GOVREPORT_E2E_OPEN_FILE unset): no cold start to measure');
          return;
        }
        const uri = vscode.Uri.file(file);
        await waitFor(`${EXTENSION_ID} to activate`, () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive, 60_000);
        await waitFor('the diagnostics of the report opened with the window', () => ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL'), 60_000)
          .catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
        const { timings, client } = api();
        const stats = await client.sendRequest<{ startup: { process: number; loaded: number; initialize: number } }>('govreport/stats');
        const signal = process.env.GOVREPORT_E2E_SIGNAL_DIR;
        const opened = signal && fs.existsSync(path.join(signal, 'workbench-open.time')) ? Number(fs.readFileSync(path.join(signal, 'workbench-open.time'), 'utf8')) : undefined;
        const { startup } = stats;
        // Everything from the moment the extension host starts loading the extension (the report
        // being open already, it is what activates it) to the report's first diagnostics.
        latency.coldStart = {
          total: timings.firstDiagnostics - timings.loaded,
          bundleToActivate: timings.activate - timings.loaded,
          activateToServerProcess: startup.process - timings.activate,
          serverBundleLoaded: startup.loaded - startup.process,
          serverLoadedToInitialize: startup.initialize - startup.loaded,
          initializeToRunning: timings.running - startup.initialize,
          runningToFirstDiagnostics: timings.firstDiagnostics - timings.running,
          ...(opened ? { windowToFirstDiagnostics: timings.firstDiagnostics - opened } : {}),
        };
        console.log(`[e2e] cold start: ${JSON.stringify(latency.coldStart)}`);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'seed 002 gets the table-3 diagnostics; the extension is active',
      fn: async () => {
        // The first report of a fresh window: activation, server start and the first check included.
        const t0 = Date.now();
        const { file } = seedCopy('seed-002.txt');
        const first = nextDiagnostics(vscode.Uri.file(file), (ds) => ds.length > 0, 60_000);
        const editor = await open(file);
        const opened = Date.now();
        seedUri = editor.document.uri;
        const firstDiagnostics = await first;
        const ext = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
        await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive, 30_000);
        assert.ok(ext.exports, 'activate() returned nothing (expected the LanguageClient)');

        const np = await waitSeedDiagnostics(seedUri);
        const { timings } = api();
        const signal = process.env.GOVREPORT_E2E_SIGNAL_DIR;
        const windowOpened = signal && fs.existsSync(path.join(signal, 'workbench-open.time')) ? Number(fs.readFileSync(path.join(signal, 'workbench-open.time'), 'utf8')) : undefined;
        latency.freshOpen = {
          ...(windowOpened ? { windowToFirstDiagnostics: firstDiagnostics - windowOpened, windowToSuite: t0 - windowOpened } : {}),
          bundleLoaded: timings.loaded - t0,
          openDocument: opened - t0,
          activate: timings.activate - t0,
          serverRunning: timings.running - t0,
          firstDiagnostics: firstDiagnostics - t0,
          tableDiagnostics: Date.now() - t0,
        };
        console.log(`[e2e] fresh window: ${JSON.stringify(latency.freshOpen)}`);
        assert.equal(np.severity, vscode.DiagnosticSeverity.Error);
        const balance = ours(seedUri).filter((d) => codeOf(d) === 'T3-BALANCE').map((d) => d.range.start.line).sort((a, b) => a - b);
        assert.deepEqual(balance, [NP_LINE, TOT_LINE], 'T3-BALANCE on the 自然人 and 总计 columns');

        // Screenshot: squiggles on line 350 and the Problems panel open. The cursor goes to the
        // label line above so it does not hide the squiggle; the empty secondary side bar is closed.
        await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await vscode.window.showTextDocument(editor.document, { preview: false, preserveFocus: false });
        const label = new vscode.Position(NP_LINE - 1, 0);
        editor.selection = new vscode.Selection(label, label);
        editor.revealRange(np.range, vscode.TextEditorRevealType.InCenter);
        await sleep(1500); // let the workbench paint the squiggles and the panel
        const png = await screenshot('editor');
        if (png) console.log(`[e2e] screenshot: ${png}`);
      },
    },
    {
      name: 'quick fix 将（七）总计·自然人改为 4 edits the cell and clears the diagnostic',
      fn: async () => {
        assert.ok(seedUri, 'the first test did not open seed 002');
        const uri = seedUri;
        const np = await waitSeedDiagnostics(uri);
        const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
          'vscode.executeCodeActionProvider', uri, np.range,
        );
        const titles = (actions ?? []).map((a) => a.title);
        const fix = (actions ?? []).find((a): a is vscode.CodeAction => /（七）总计·自然人.*改为\s*4/.test(a.title) && 'kind' in a);
        assert.ok(fix, `no quick fix "将（七）总计·自然人改为 4" among: ${JSON.stringify(titles)}`);
        assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
        if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace.applyEdit refused the fix');
        if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
        assert.ok(fix.edit || fix.command, 'the quick fix has neither an edit nor a command');

        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        assert.ok(doc);
        assert.equal(doc.lineAt(NP_LINE).text.trim(), '4', `line ${NP_LINE + 1} after the fix`);
        await waitFor(`T3-RESULT-TOTAL and T3-BALANCE at line ${NP_LINE} to disappear`, () =>
          !at(uri, 'T3-RESULT-TOTAL', NP_LINE).length && !at(uri, 'T3-BALANCE', NP_LINE).length, 30_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}\ndiagnostics now:\n${describe(ours(uri))}`);
        });
        // The other column's errors are still reported (the fix touched one cell only).
        assert.ok(at(uri, 'T3-BALANCE', TOT_LINE).length, `T3-BALANCE at line ${TOT_LINE} should remain`);
      },
    },
    {
      name: 'govreport.recomputeTotals rewrites the totals as engine recomputeTotals() does',
      fn: async () => {
        const { file, text } = seedCopy('seed-002-recompute.txt');
        const expected = recomputeTotals(text, { fileName: file, languageId: 'plaintext', lang: 'zh' }).text;
        assert.notEqual(expected, text, 'engine recomputeTotals() changes nothing in seed 002: the test would prove nothing');
        const editor = await open(file);
        await waitSeedDiagnostics(editor.document.uri);
        await vscode.commands.executeCommand('govreport.recomputeTotals');
        await waitFor('the document to equal recomputeTotals(original).text', () => editor.document.getText() === expected, 15_000)
          .catch((e: Error) => {
            const got = editor.document.getText().split('\n');
            const want = expected.split('\n');
            const i = want.findIndex((l, k) => got[k] !== l);
            throw new Error(`${e.message}\nfirst difference at line ${i + 1}: got ${JSON.stringify(got[i])}, expected ${JSON.stringify(want[i])}`);
          });
        assert.equal(editor.document.getText(), expected);
      },
    },
    {
      name: 'govreport.fixAll applies the two safe fixes of seed 000 and nothing else',
      fn: async () => {
        // docs/spec/seeds.md, seed 000: CELL-EXTRA-TEXT on line 30 (`4` + two U+3000 → `4`) and
        // TEXT-EXPORT-ARTIFACT on line 10 (`[bookmark: _GoBack]` deleted) are its only findings.
        const { file, text } = seedCopy('seed-000-fixall.txt', SEED_000);
        const lines = text.split('\n');
        assert.equal(lines[29], '\t4\u3000\u3000', 'seed 000 line 30 changed: update this test');
        assert.ok(lines[9].startsWith('[bookmark: _GoBack]'), 'seed 000 line 10 changed: update this test');
        const expected = [...lines.slice(0, 9), lines[9].replace('[bookmark: _GoBack]', ''), ...lines.slice(10, 29), '\t4', ...lines.slice(30)].join('\n');
        const editor = await open(file);
        const uri = editor.document.uri;
        await waitFor('CELL-EXTRA-TEXT and TEXT-EXPORT-ARTIFACT on seed 000', () =>
          at(uri, 'CELL-EXTRA-TEXT', 29).length && at(uri, 'TEXT-EXPORT-ARTIFACT', 9).length, 30_000,
        ).catch((e: Error) => {
          throw new Error(`${e.message}\ndiagnostics now:\n${describe(ours(uri))}`);
        });
        await vscode.commands.executeCommand('govreport.fixAll');
        await waitFor('the safe fixes to be applied', () => editor.document.getText() !== text, 15_000);
        assert.equal(editor.document.getText(), expected);
        await waitFor('the fixed findings to disappear', () => !ours(uri).some((d) => ['CELL-EXTRA-TEXT', 'TEXT-EXPORT-ARTIFACT'].includes(codeOf(d) ?? '')), 30_000);
      },
    },
    {
      name: 'govreport.restartServer: the client runs again and diagnostics come back',
      fn: async () => {
        assert.ok(seedUri, 'the first test did not open seed 002');
        const uri = seedUri;
        const client = vscode.extensions.getExtension(EXTENSION_ID)?.exports as { isRunning?: () => boolean } | undefined;
        assert.equal(typeof client?.isRunning, 'function', 'activate() should return the LanguageClient');
        // The stopped client clears its diagnostics; the new server publishes them again.
        const seen: number[] = [];
        const sub = vscode.languages.onDidChangeDiagnostics((e) => {
          if (e.uris.some((u) => u.toString() === uri.toString())) seen.push(ours(uri).length);
        });
        const republished = () => {
          const cleared = seen.indexOf(0);
          return cleared >= 0 && seen.slice(cleared).some((n) => n > 0);
        };
        try {
          await vscode.commands.executeCommand('govreport.restartServer');
          await waitFor('diagnostics to be cleared, then published again', republished, 30_000).catch((e: Error) => {
            throw new Error(`${e.message}; diagnostic counts seen: ${JSON.stringify(seen)}`);
          });
        } finally {
          sub.dispose();
        }
        assert.ok(client!.isRunning!(), 'the language client is not running after the restart');
        assert.ok(at(uri, 'T3-BALANCE', TOT_LINE).length, `T3-BALANCE at line ${TOT_LINE} after the restart`);
      },
    },
    {
      name: 'snippet gr-t4-tsv inserts table 四 into an untitled document',
      fn: async () => {
        const snippetsFile = path.join(vscode.extensions.getExtension(EXTENSION_ID)?.extensionPath ?? repoRoot(), 'snippets', 'govreport.code-snippets');
        assert.ok(fs.existsSync(snippetsFile), `${snippetsFile} does not exist`);
        const snippets = parseJsonc(fs.readFileSync(snippetsFile, 'utf8')) as Record<string, { prefix?: string | string[] }>;
        // insertSnippet's `name` is the snippet's key; gr-t4-tsv may be the key or the prefix.
        const name = Object.keys(snippets).find((k) => k === 'gr-t4-tsv' || [snippets[k].prefix].flat().includes('gr-t4-tsv'));
        assert.ok(name, `no snippet with key or prefix gr-t4-tsv in ${snippetsFile}; keys: ${Object.keys(snippets).join(', ')}`);
        const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'plaintext', name });
        await waitFor('the snippet text', () => doc.getText().length > 0, 5_000);
        assert.match(doc.getText(), /行政复议/, 'table 四 snippet should contain 行政复议');
      },
    },
    ...clientTests(ctx),
    ...lensTests(ctx),
    ...moreTests(ctx),
  ]).finally(writeLatency);
}
