// Small helpers for the in-editor tests: a sequential runner, polling, screenshots, diagnostics.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value; throws `what` (with the last value) after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, ms = 30_000, every = 100): Promise<NonNullable<T>> {
  const until = Date.now() + ms;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}

/**
 * Asks the code-server harness (scripts/e2e/run-code-server.mjs) for a screenshot of the workbench
 * and waits until it is written. Without the harness (e.g. @vscode/test-electron) it does nothing.
 */
export async function screenshot(name: string): Promise<string | null> {
  const dir = process.env.GOVREPORT_E2E_SIGNAL_DIR;
  if (!dir) {
    console.log(`[e2e] no screenshot harness (GOVREPORT_E2E_SIGNAL_DIR unset); skipping screenshot ${name}`);
    return null;
  }
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  fs.writeFileSync(path.join(dir, `${name}.request`), '');
  await waitFor(`screenshot ${name}`, () => fs.existsSync(done), 20_000);
  const answer = fs.readFileSync(done, 'utf8');
  if (answer.startsWith('ERROR')) throw new Error(`screenshot ${name} failed: ${answer}`);
  return answer;
}

/** A screenshot whose path goes to the log (the test's artefact). */
export async function shot(name: string): Promise<void> {
  const png = await screenshot(name);
  if (png) console.log(`[e2e] screenshot: ${png}`);
}

/** Puts the cursor at `at`, in sight, with the keyboard focus in the editor (as a click there would). */
export async function focusAt(editor: vscode.TextEditor, at: vscode.Position): Promise<void> {
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
  await sleep(500);
}

/**
 * A popup as the user sees it: opened by keys (Playwright names, through the harness) or by a
 * command, given `drawMs` to draw, its screenshot taken, closed with Escape.
 */
export async function popupShot(name: string, open: string[] | string, drawMs = 2000): Promise<void> {
  if (typeof open === 'string') await vscode.commands.executeCommand(open);
  else await input(`${name}-open`, { press: open });
  await sleep(drawMs);
  await shot(name);
  await input(`${name}-close`, { press: ['Escape'] });
}

/**
 * Asks the harness to put `clipboard` on the browser's clipboard, to paste `paste` into the focused
 * element (a paste event with that clipboard data, as a user's Ctrl+V gives) and to press `press`
 * (Playwright key names) in the workbench, then to click the element showing `click` (or the first
 * one the CSS selector `clickSelector` names), then to wait until an element `visible` names is
 * shown; resolves when done. Without the harness it throws: these tests need a real browser.
 */
export async function input(name: string, req: { clipboard?: { html?: string; text?: string }; paste?: { html?: string; text?: string }; press?: string[]; click?: string; clickSelector?: string; visible?: string }): Promise<void> {
  const dir = process.env.GOVREPORT_E2E_SIGNAL_DIR;
  if (!dir) throw new Error('no input harness (GOVREPORT_E2E_SIGNAL_DIR unset)');
  const done = path.join(dir, `${name}.done`);
  fs.rmSync(done, { force: true });
  fs.writeFileSync(path.join(dir, `${name}.input.tmp`), JSON.stringify(req));
  fs.renameSync(path.join(dir, `${name}.input.tmp`), path.join(dir, `${name}.input`));
  await waitFor(`input ${name}`, () => fs.existsSync(done), 20_000);
  const answer = fs.readFileSync(done, 'utf8');
  if (answer.startsWith('ERROR')) throw new Error(`input ${name} failed: ${answer}`);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'govreport');
}

export function describe(ds: readonly vscode.Diagnostic[]): string {
  return ds.map((d) => `  ${d.range.start.line}:${d.range.start.character} ${codeOf(d)} ${d.message}`).join('\n') || '  (none)';
}

type Test = { name: string; fn: () => Promise<void> };

/** Runs tests one after the other (they share one workbench) and throws if any failed. */
export async function runAll(tests: Test[]): Promise<void> {
  const failed: string[] = [];
  // GOVREPORT_E2E_ONLY=<regex>: run only the tests whose names match (while working on one).
  const only = process.env.GOVREPORT_E2E_ONLY ? new RegExp(process.env.GOVREPORT_E2E_ONLY) : undefined;
  for (const t of tests) {
    if (only && !only.test(t.name)) continue;
    const t0 = Date.now();
    try {
      await t.fn();
      console.log(`[e2e] PASS ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failed.push(t.name);
      console.error(`[e2e] FAIL ${t.name} (${Date.now() - t0} ms)\n${(e as Error)?.stack ?? e}`);
    }
  }
  const ran = only ? tests.filter((t) => only.test(t.name)).length : tests.length;
  console.log(`[e2e] ${ran - failed.length}/${ran} passed${only ? ` (GOVREPORT_E2E_ONLY=${only.source})` : ''}`);
  if (failed.length) throw new Error(`${failed.length} in-editor test(s) failed: ${failed.join(', ')}`);
}
