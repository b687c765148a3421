// Runs an extension test module inside a real VS Code workbench: code-server (real extension host)
// driven by headless Chromium through playwright-core, using VS Code's smoke-test driver payload
// (extensionDevelopmentPath + extensionTestsPath). See docs/real-editor-testing.md.
//
// Library:  const { code } = await runCodeServer({ devPath, testsPath, workspace, ... })
// CLI:      node scripts/e2e/run-code-server.mjs [--dev <extension dir>] [--tests <module>]
//                [--vsix <file>] [--workspace <dir>] [--timeout <seconds>]
//           exits with the code the test run passed to codeAutomationExit (124 on timeout).
//
// Screenshots: the test module (running in the extension host, a Node process on this machine)
// asks for one by creating `<GOVREPORT_E2E_SIGNAL_DIR>/<name>.request`; this harness takes the
// screenshot into `<artifacts>/<name>.png` and answers with `<name>.done` (see suite/screenshot.ts).
//
// code-server runs in its own process group and the whole group is killed at the end, always.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { ARTIFACTS, CHROMIUM, CODE_SERVER, NODE24_BIN, REPO, missingEditorTooling } from './tooling.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

// Offline lookups (gallery, update checks) fail on CI machines by design: keep them out of the log.
const NOISE = /open-vsx\.org|ERR_NAME_NOT_RESOLVED|ENOTFOUND|marketplace|allow-scripts and allow-same-origin/;

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(port, child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (r.status === 200) return;
    } catch { /* not listening yet */ }
    await sleep(150);
  }
  throw new Error(`code-server not healthy on port ${port} after ${timeoutMs} ms`);
}

// code-server process groups still running: killed on SIGINT/SIGTERM too, since `finally` blocks
// do not run when the harness itself is signalled (e.g. by a test runner's timeout).
const liveGroups = new Set();
const liveTmpDirs = new Set();
let signalHandlersInstalled = false;
function installSignalHandlers() {
  if (signalHandlersInstalled) return;
  signalHandlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      for (const pgid of liveGroups) {
        try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
      }
      if (!process.env.GOVREPORT_E2E_KEEP_TMP) for (const d of liveTmpDirs) rmSync(d, { recursive: true, force: true });
      process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 })[sig]);
    });
  }
}

function killGroup(child, log) {
  if (!child || child.pid === undefined) return Promise.resolve();
  const pgid = child.pid; // detached: the child is the leader of its own process group (setsid)
  const alive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
  try { process.kill(-pgid, 'SIGTERM'); } catch { liveGroups.delete(pgid); return Promise.resolve(); }
  return (async () => {
    for (let i = 0; i < 30 && alive(); i++) await sleep(100);
    if (alive()) {
      log(`[harness] process group ${pgid} still alive after SIGTERM, sending SIGKILL`);
      try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
      for (let i = 0; i < 20 && alive(); i++) await sleep(100);
    }
    if (alive()) log(`[harness] WARNING: process group ${pgid} survived SIGKILL`);
    else liveGroups.delete(pgid);
  })();
}

const codeServerEnv = (extra) => ({
  ...process.env,
  PATH: `${NODE24_BIN}:${process.env.PATH}`, // code-server's `#!/usr/bin/env node` must find Node 24
  ...extra,
});

/** Installs a .vsix into an extensions dir with code-server's CLI (synchronous, ~1 s). */
export function installVsix(vsix, { userDataDir, extensionsDir, env }) {
  const r = spawnSync(CODE_SERVER, [
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force',
  ], { env, encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status ?? r.signal}):\n${out}`);
  return out;
}

/**
 * Starts code-server + Chromium, runs the test module and resolves with
 * { code, timedOut, durationMs, screenshots, artifacts, extensionsDir }.
 * @param {object} o
 * @param {string} [o.devPath]     extensionDevelopmentPath (default: this repository)
 * @param {string} [o.testsPath]   extensionTestsPath (default: <devPath>/out/test/e2e/index.cjs)
 * @param {string} [o.vsix]        install this .vsix into the fresh extensions dir first
 * @param {string} [o.workspace]   folder to open (default: a fresh empty temp folder)
 * @param {number} [o.timeoutMs]   overall limit for the test run (default 180 s)
 * @param {string} [o.artifacts]   where screenshots go (default $GOVREPORT_ARTIFACTS or /tmp/govreport-artifacts)
 * @param {Record<string,string>} [o.env] extra environment for code-server (and so the extension host)
 * @param {(line: string) => void} [o.log]
 */
export async function runCodeServer(o = {}) {
  const missing = missingEditorTooling();
  if (missing.length) throw new Error(`real-editor tooling missing: ${missing.join(', ')}`);
  const log = o.log ?? ((l) => console.log(l));
  const devPath = resolve(o.devPath ?? REPO);
  const testsPath = resolve(o.testsPath ?? join(devPath, 'out', 'test', 'e2e', 'index.cjs'));
  if (!existsSync(testsPath)) throw new Error(`extensionTestsPath ${testsPath} does not exist (build first: node esbuild.mjs)`);
  const timeoutMs = o.timeoutMs ?? 180_000;
  const artifacts = resolve(o.artifacts ?? ARTIFACTS);
  mkdirSync(artifacts, { recursive: true });

  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'govreport-cs-'));
  liveTmpDirs.add(tmp);
  installSignalHandlers();
  const userDataDir = join(tmp, 'user');
  const extensionsDir = join(tmp, 'ext');
  const signalDir = join(tmp, 'signal');
  const profileDir = join(tmp, 'chromium-profile');
  const workspace = resolve(o.workspace ?? join(tmp, 'workspace'));
  for (const d of [join(userDataDir, 'User'), extensionsDir, signalDir, profileDir, workspace]) mkdirSync(d, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // A true cold start: the report is opened with the window (the workbench's `openFile`), so the
  // extension is activated by it and the language server starts for it. The suite measures it.
  const openFixture = o.openFile === undefined ? (o.vsix ? null : 'test/fixtures/seeds/002_c7925c89c326f8ac.txt') : o.openFile;
  const openFile = openFixture ? join(workspace, `cold-start${extname(openFixture)}`) : null;
  if (openFile) copyFileSync(join(REPO, openFixture), openFile);

  const port = await freePort();
  const config = join(tmp, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = codeServerEnv({
    // fresh XDG dirs: code-server writes no ~/.config/code-server/config.yaml etc. on CI machines
    XDG_CONFIG_HOME: join(tmp, 'xdg-config'),
    XDG_DATA_HOME: join(tmp, 'xdg-data'),
    GOVREPORT_E2E_SIGNAL_DIR: signalDir,
    GOVREPORT_E2E_EXTENSIONS_DIR: extensionsDir,
    GOVREPORT_E2E_WORKSPACE: workspace,
    GOVREPORT_E2E_REPO: REPO,
    ...(openFile ? { GOVREPORT_E2E_OPEN_FILE: openFile } : {}),
    // where the suite writes what it measured (latency.json)
    GOVREPORT_E2E_ARTIFACTS: artifacts,
    ...(o.env ?? {}),
  });

  let child;
  let context;
  let pollTimer;
  let timeoutTimer;
  const screenshots = [];
  let result = { code: null, timedOut: false };
  try {
    if (o.vsix) {
      const t0 = Date.now();
      const out = installVsix(resolve(o.vsix), { userDataDir, extensionsDir, env });
      log(`[harness] installed ${o.vsix} in ${Date.now() - t0} ms: ${out.trim().split('\n').pop()}`);
    }
    child = spawn(CODE_SERVER, [
      '--config', config, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
      '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
      '--disable-getting-started-override', '--vscode-option', 'enable-smoke-test-driver',
      workspace,
    ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) liveGroups.add(child.pid);
    const prefix = (tag) => (buf) => {
      for (const line of buf.toString().split('\n')) if (line.trim()) log(`[${tag}] ${line}`);
    };
    child.stdout.on('data', prefix('code-server'));
    child.stderr.on('data', prefix('code-server!'));
    await waitHealthy(port, child, 30_000);
    log(`[harness] code-server ready on 127.0.0.1:${port} after ${Date.now() - started} ms (pgid ${child.pid})`);

    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 },
    });
    // The paste tests put TAB rows on the clipboard and paste them in the workbench.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: `http://127.0.0.1:${port}` });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'debug' || NOISE.test(text)) return;
      log(`[page:${m.type()}] ${text.replace(/^%c\s*(\w+)\s*color: #\w+\s*/, '$1 ')}`);
    });
    page.on('pageerror', (e) => log(`[page:error] ${e.message}`));

    let finish;
    const done = new Promise((res) => { finish = res; });
    // VS Code's smoke-test driver calls window.codeAutomationExit(code, logs) when run() settles.
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code: Number(code), timedOut: false }));
    timeoutTimer = setTimeout(() => finish({ code: 124, timedOut: true }), timeoutMs);

    // Screenshot requests from the extension host (file handshake, see the header).
    let busy = false;
    pollTimer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        // Input requests: put data on the browser's clipboard and/or press keys in the workbench (a
        // real paste event runs the editor's paste providers; the API's paste commands do not).
        for (const f of readdirSync(signalDir).filter((x) => x.endsWith('.input'))) {
          const name = f.slice(0, -'.input'.length).replace(/[^\w.-]/g, '_');
          let answer = 'ok';
          try {
            const req = JSON.parse(readFileSync(join(signalDir, f), 'utf8'));
            rmSync(join(signalDir, f), { force: true });
            if (req.clipboard) {
              await page.evaluate(async (c) => {
                const items = {};
                if (c.html) items['text/html'] = new Blob([c.html], { type: 'text/html' });
                if (c.text) items['text/plain'] = new Blob([c.text], { type: 'text/plain' });
                await navigator.clipboard.write([new ClipboardItem(items)]);
              }, req.clipboard);
            }
            if (req.paste) {
              // A paste event on the focused element, carrying what a browser puts in it when the
              // user pastes (clipboardData with text/plain and text/html): headless Chromium does not
              // turn a synthetic Ctrl+V into one.
              const target = await page.evaluate((c) => {
                const dt = new DataTransfer();
                if (c.text) dt.setData('text/plain', c.text);
                if (c.html) dt.setData('text/html', c.html);
                const el = document.activeElement;
                el?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
                return el ? `${el.tagName}.${el.className}` : 'none';
              }, req.paste);
              log(`[harness] paste event on ${target}`);
            }
            for (const key of req.press ?? []) await page.keyboard.press(key);
            // A click on the (first visible) element showing exactly this text, e.g. a menu entry.
            if (req.click) await page.getByText(req.click, { exact: true }).first().click({ timeout: 10_000 });
            // A click on the first element a CSS selector names (e.g. a status bar item, whose text has an icon).
            if (req.clickSelector) await page.locator(req.clickSelector).first().click({ timeout: 10_000 });
            // Then wait until an element the selector names is visible (e.g. the Problems panel the click opens).
            if (req.visible) await page.locator(req.visible).first().waitFor({ state: 'visible', timeout: 10_000 });
            log(`[harness] input ${name}: ${req.clipboard ? `clipboard ${Object.keys(req.clipboard).join('+')}; ` : ''}${req.paste ? `paste ${Object.keys(req.paste).join('+')}; ` : ''}keys ${(req.press ?? []).join(' ')}${req.click ? `; click "${req.click}"` : ''}${req.clickSelector ? `; click ${req.clickSelector}` : ''}${req.visible ? `; saw ${req.visible}` : ''}`);
          } catch (e) {
            answer = `ERROR ${e.message}`;
          }
          writeFileSync(join(signalDir, `${name}.done`), answer);
        }
        for (const f of readdirSync(signalDir).filter((x) => x.endsWith('.request'))) {
          const name = f.slice(0, -'.request'.length).replace(/[^\w.-]/g, '_');
          rmSync(join(signalDir, f), { force: true });
          const path = join(artifacts, `${name}.png`);
          let answer = path;
          try {
            await page.screenshot({ path });
            screenshots.push(path);
            log(`[harness] screenshot ${path}`);
          } catch (e) {
            answer = `ERROR ${e.message}`;
          }
          writeFileSync(join(signalDir, `${name}.done`), answer);
        }
      } finally {
        busy = false;
      }
    }, 200);

    const rem = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [['extensionDevelopmentPath', rem(devPath)], ['extensionTestsPath', rem(testsPath)], ...(openFile ? [['openFile', rem(openFile)]] : [])];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`[harness] opening workbench (dev ${devPath}, tests ${testsPath})`);
    // When the window was opened, for the suite's "fresh window → diagnostics" figure.
    writeFileSync(join(signalDir, 'workbench-open.time'), String(Date.now()));
    await page.goto(url);
    result = await done;
    if (result.timedOut) {
      log(`[harness] TIMEOUT after ${timeoutMs} ms`);
      try {
        const path = join(artifacts, 'timeout.png');
        await page.screenshot({ path });
        screenshots.push(path);
        log(`[harness] screenshot of the hung workbench: ${path}`);
      } catch { /* page gone */ }
    }
  } finally {
    clearInterval(pollTimer);
    clearTimeout(timeoutTimer);
    if (context) await context.close().catch(() => {});
    await killGroup(child, log);
    if (!process.env.GOVREPORT_E2E_KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
    liveTmpDirs.delete(tmp);
  }
  const durationMs = Date.now() - started;
  log(`[harness] exit code ${result.code}${result.timedOut ? ' (timeout)' : ''} after ${durationMs} ms`);
  return { ...result, durationMs, screenshots, artifacts, extensionsDir };
}

// ---- CLI ---------------------------------------------------------------------------------------
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  try {
    const r = await runCodeServer({
      devPath: opt('dev'), testsPath: opt('tests'), vsix: opt('vsix'), workspace: opt('workspace'),
      timeoutMs: opt('timeout') ? Number(opt('timeout')) * 1000 : undefined,
    });
    process.exit(r.code ?? 1);
  } catch (e) {
    console.error(`[harness] ${e.stack ?? e}`);
    process.exit(2);
  }
}
