// In-editor tests of the client's own features (client/): the status item, the GovReport language
// for .txt reports, messages in the chosen language, toggling a workspace, rule pages rendered,
// the table preview, paste as canonical table, import as Markdown draft, the workspace check —
// and the latency a user sees (fresh window → diagnostics, keystroke → squiggle).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkAsync } from '../../../engine/index.ts';
import type { GovReportApi } from '../../../client/extension.ts';
import { codeOf, describe, input, ours, screenshot, sleep, waitFor } from './harness.ts';

export const EXTENSION_ID = 'govreport.govreport';

export function api(): GovReportApi {
  const exports = vscode.extensions.getExtension(EXTENSION_ID)?.exports as { govreport?: GovReportApi } | undefined;
  assert.ok(exports?.govreport, 'activate() did not return the GovReport API');
  return exports.govreport;
}

/** Milliseconds measured in the workbench, written to <artifacts>/latency.json at the end. */
export const latency: { coldStart?: Record<string, number>; freshOpen?: Record<string, number>; keystroke?: number[]; keystrokeSteps?: Record<string, number>[]; loadAverage?: number[] } = {};

export function writeLatency(): void {
  const dir = process.env.GOVREPORT_E2E_ARTIFACTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latency.json'), JSON.stringify({ vscode: vscode.version, ...latency }, null, 2));
  console.log(`[e2e] latency: ${JSON.stringify(latency.freshOpen)}; keystroke samples ${latency.keystroke?.length ?? 0}`);
}

/** Resolves with Date.now() at the first change of `uri`'s diagnostics for which `test` holds. */
export function nextDiagnostics(uri: vscode.Uri, test: (ds: vscode.Diagnostic[]) => boolean, ms = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no diagnostics change on ${uri.fsPath} within ${ms} ms; now:\n${describe(ours(uri))}`));
    }, ms);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      if (!test(ours(uri))) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(Date.now());
    });
  });
}

interface Ctx {
  repo: string;
  workspace: string;
  /** Copies a fixture into the workspace under `name`. */
  copy(fixture: string, name: string): string;
  open(file: string): Promise<vscode.TextEditor>;
}

const NP_LINE = 349;
const npError = (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === 'T3-RESULT-TOTAL' && d.range.start.line === NP_LINE);

export function clientTests(ctx: Ctx): { name: string; fn: () => Promise<void> }[] {
  return [
    {
      name: 'a .txt report gets the GovReport language, a .txt note stays plain text; GovReport mode shows no ambiguous-character boxes',
      fn: async () => {
        const report = await ctx.open(ctx.copy('test/fixtures/seeds/002_c7925c89c326f8ac.txt', 'lang-report.txt'));
        await waitFor('the report to switch to the GovReport language', () => report.document.languageId === 'govreport' || vscode.workspace.textDocuments.find((d) => d.uri.toString() === report.document.uri.toString())?.languageId === 'govreport', 20_000);
        const notes = path.join(ctx.workspace, 'notes.txt');
        fs.writeFileSync(notes, '会议纪要\n\n今天讨论了下周的工作安排。\n');
        const note = await ctx.open(notes);
        await waitFor('the status item to say the note is no report', () => api().status.text.includes('非年度报告'), 15_000)
          .catch((e: Error) => { throw new Error(`${e.message}; status: ${api().status.text}`); });
        assert.equal(note.document.languageId, 'plaintext');
        const ambiguous = vscode.workspace.getConfiguration('editor', { languageId: 'govreport' }).get('unicodeHighlight.ambiguousCharacters');
        assert.equal(ambiguous, false, 'editor.unicodeHighlight.ambiguousCharacters in [govreport]');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      },
    },
    {
      name: 'a saved report page (.html) gets its diagnostics in place, at the line of the cell in the page',
      fn: async () => {
        const editor = await ctx.open(ctx.copy('test/fixtures/forms/002.html', 'report-page.html'));
        const uri = editor.document.uri;
        assert.equal(editor.document.languageId, 'html');
        const np = await waitFor('T3-RESULT-TOTAL in the page', () => ours(uri).find((d) => codeOf(d) === 'T3-RESULT-TOTAL' && d.message.startsWith('（七）总计·自然人 为 8')), 30_000)
          .catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
        assert.equal(editor.document.getText(np.range), '8', 'the range is the cell text in the page');
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      },
    },
    {
      name: 'status item: names the tool, shows 检查中 while checking and then the counts of the active report, a click opens the Problems panel; the log names the version and the server start',
      fn: async () => {
        const editor = await ctx.open(ctx.copy('test/fixtures/seeds/002_c7925c89c326f8ac.txt', 'status.txt'));
        await waitFor('diagnostics', () => npError(ours(editor.document.uri)), 30_000);
        await waitFor('the status item to show the counts', () => /^\$\(error\) GovReport: \d+ 个错误，\d+ 个警告$/.test(api().status.text), 10_000)
          .catch((e: Error) => { throw new Error(`${e.message}; status: ${api().status.text}`); });
        const errors = ours(editor.document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
        assert.ok(api().status.text.includes(`${errors} 个错误`), api().status.text);
        assert.ok(api().timings.running >= api().timings.activate, JSON.stringify(api().timings));
        // An edit: the item says 检查中 until the new diagnostics are back (the server waits 50 ms
        // after the last change, so polling every 5 ms sees it), then the counts again.
        const seen = new Set<string>();
        const poll = setInterval(() => seen.add(api().status.text), 5);
        try {
          await editor.edit((b) => b.insert(editor.document.lineAt(0).range.end, ' '));
          await waitFor('the status item to say 检查中', () => [...seen].some((x) => x.includes('检查中')), 10_000)
            .catch((e: Error) => { throw new Error(`${e.message}; seen: ${[...seen].join(' | ')}`); });
          await waitFor('the counts again', () => /^\$\(error\) GovReport: \d+ 个错误，\d+ 个警告$/.test(api().status.text), 10_000);
        } finally {
          clearInterval(poll);
        }
        // A click on the item opens the Problems panel.
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await input('status-click', { clickSelector: '.statusbar-item[id*="govreport.status"]', visible: '.markers-panel' });
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('govreport.showOutput');
        await sleep(800);
        const png = await screenshot('status-output');
        if (png) console.log(`[e2e] screenshot: ${png}`);
        await vscode.commands.executeCommand('workbench.action.closePanel');
      },
    },
    {
      name: 'messages in English when the user chooses it, in Chinese again after; the rule page opens rendered in that language',
      fn: async () => {
        const editor = await ctx.open(ctx.copy('test/fixtures/seeds/002_c7925c89c326f8ac.txt', 'english.txt'));
        const uri = editor.document.uri;
        await waitFor('Chinese diagnostics', () => ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL' && /总计/.test(d.message)), 30_000);
        const config = vscode.workspace.getConfiguration('govreport');
        // Chinese unless the user chooses otherwise, whatever the display language (here: ${vscode.env.language}).
        assert.equal(config.inspect('language')?.defaultValue, 'zh');
        await config.update('language', 'en', vscode.ConfigurationTarget.Global);
        try {
          await waitFor('English diagnostics', () => ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL' && !/[\u4e00-\u9fff]{4}/.test(d.message.replace(/（[^）]*）|[\u4e00-\u9fff]+·[\u4e00-\u9fff]+/g, ''))), 30_000)
            .catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
          await waitFor('the status item in English', () => / error\(s\), \d+ warning\(s\)$/.test(api().status.text), 10_000);
          const page = await vscode.commands.executeCommand<vscode.Uri | undefined>('govreport.showRuleDoc', 'T3-BALANCE');
          assert.ok(page && page.path.endsWith('/docs/rules/en/T3-BALANCE.md'), String(page));
        } finally {
          await config.update('language', 'zh', vscode.ConfigurationTarget.Global);
        }
        await waitFor('Chinese diagnostics again', () => ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL' && /各项之和/.test(d.message)), 30_000);
        const page = await vscode.commands.executeCommand<vscode.Uri | undefined>('govreport.showRuleDoc', 'T3-BALANCE');
        assert.ok(page && page.path.endsWith('/docs/rules/T3-BALANCE.md'), String(page));
        await waitFor('a Markdown preview tab', () => vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputWebview, 10_000);
        const tab = vscode.window.tabGroups.activeTabGroup.activeTab!;
        assert.match((tab.input as vscode.TabInputWebview).viewType, /markdown\.preview/);
        await sleep(1000);
        const png = await screenshot('rule-doc');
        if (png) console.log(`[e2e] screenshot: ${png}`);
        await vscode.window.tabGroups.close(tab);
        // A diagnostic's link opens the page as text: it is shown rendered instead, and never checked.
        const link = ours(uri).find((d) => codeOf(d) === 'T3-BALANCE')!.code as { target: vscode.Uri };
        await vscode.window.showTextDocument(link.target);
        await waitFor('the text tab of the rule page to give way to its preview', () => {
          const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
          return !tabs.some((x) => x.input instanceof vscode.TabInputText && x.input.uri.toString() === link.target.toString());
        }, 10_000);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'toggle checking for this workspace: off clears the diagnostics, on brings them back',
      fn: async () => {
        const editor = await ctx.open(ctx.copy('test/fixtures/seeds/002_c7925c89c326f8ac.txt', 'toggle.txt'));
        const uri = editor.document.uri;
        await waitFor('diagnostics', () => npError(ours(uri)), 30_000);
        assert.equal(await vscode.commands.executeCommand('govreport.toggleWorkspace'), 'off');
        try {
          await waitFor('the diagnostics to be cleared', () => ours(uri).length === 0, 20_000);
          await waitFor('the status item to say checking is off', () => api().status.text.includes('已关闭检查'), 5_000);
        } finally {
          assert.equal(await vscode.commands.executeCommand('govreport.toggleWorkspace'), 'on');
        }
        await waitFor('the diagnostics to come back', () => npError(ours(uri)), 20_000);
      },
    },
    {
      name: 'table preview: the official grids with written and computed totals, broken cells marked; follows the cursor, redraws as the user types, jumps to a cell',
      fn: async () => {
        const editor = await ctx.open(ctx.copy('test/fixtures/seeds/002_c7925c89c326f8ac.txt', 'preview.txt'));
        const uri = editor.document.uri;
        await waitFor('diagnostics', () => npError(ours(uri)), 30_000);
        const preview = api().preview;
        const drawn = preview.nextRender();
        await vscode.commands.executeCommand('govreport.showPreview', uri);
        let r = await drawn;
        assert.ok(r, 'the webview never said it drew');
        assert.deepEqual(r.tables.map((t) => [t.id, t.status]), [['T2', 'bound'], ['T3', 'bound'], ['T4', 'bound']]);
        const t3 = r.tables.find((t) => t.id === 'T3')!;
        assert.ok(t3.cells >= 161 && t3.totals > 20 && t3.broken >= 2, JSON.stringify(t3));
        // Follows the cursor: the cell under it is marked in the grid.
        const ed = await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One });
        const at = new vscode.Position(NP_LINE, ed.document.lineAt(NP_LINE).text.length);
        ed.selection = new vscode.Selection(at, at);
        ed.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
        await waitFor('the grid to mark the cell under the cursor', () => preview.rendered?.active === 't3.r7.np', 10_000)
          .catch((e: Error) => { throw new Error(`${e.message}; active: ${preview.rendered?.active}`); });
        await sleep(600);
        const png = await screenshot('preview');
        if (png) console.log(`[e2e] screenshot: ${png}`);
        // Redraws as the user types: fixing （七）总计·自然人 leaves fewer broken cells.
        const before = t3.broken;
        const redrawn = preview.nextRender();
        await ed.edit((b) => b.replace(ed.document.lineAt(NP_LINE).range, '\t4'));
        r = await redrawn;
        const after = await waitFor('a redraw with fewer broken cells', async () => {
          const t = preview.rendered?.tables.find((x) => x.id === 'T3');
          return t && t.broken < before ? t : undefined;
        }, 10_000);
        assert.ok(after.broken < before);
        // A click on a cell selects it in the document (the webview posts the cell's range).
        await preview.reveal({ start: { line: 10, character: 0 }, end: { line: 10, character: 1 } });
        await preview.reveal({ start: { line: NP_LINE, character: 1 }, end: { line: NP_LINE, character: 2 } });
        assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
        assert.equal(vscode.window.activeTextEditor?.selection.start.line, NP_LINE);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'paste: an HTML 表三 from Word/a web page and TAB rows of 表四 offer 粘贴为规范表格; plain paste stays the default',
      fn: async () => {
        const html = fs.readFileSync(path.join(ctx.repo, 'test/fixtures/forms/002.html'), 'utf8');
        const t3 = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0])[1];
        assert.ok(t3 && t3.includes('自然人'), 'the second table of 002.html is 表三');
        const tsv = [
          '行政复议\t\t\t\t\t行政诉讼',
          '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉',
          '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
          '1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t4\t0\t0\t5\t9',
        ].join('\n');
        const md = path.join(ctx.workspace, 'paste.md');
        const head = '# 某某局2023年政府信息公开工作年度报告\n\n## 四、政府信息公开行政复议、行政诉讼情况\n\n';
        fs.writeFileSync(md, head);
        const editor = await ctx.open(md);
        const toEnd = async () => {
          const end = editor.document.positionAt(editor.document.getText().length);
          await vscode.window.showTextDocument(editor.document, { selection: new vscode.Range(end, end), preserveFocus: false });
          await sleep(300);
        };
        await toEnd();
        // A paste as the user's Ctrl+V makes it: the plain text goes in, the canonical table is on offer.
        await input('paste-plain', { paste: { text: tsv } });
        await waitFor('the plain paste', () => editor.document.getText().includes('1\t0\t0\t0\t1'), 10_000)
          .catch((e: Error) => { throw new Error(`${e.message}; document:\n${editor.document.getText()}`); });
        await sleep(500);
        await input('paste-widget', { press: ['Control+Period'] });
        await sleep(800);
        const png = await screenshot('paste');
        if (png) console.log(`[e2e] screenshot: ${png}`);
        // The user picks it in the paste menu: the TAB rows become the canonical GFM 表四.
        await input('paste-pick', { click: '粘贴为规范表格' });
        await waitFor('the canonical 表四', () => /^\| 1 +\| 0 +\| 0 +\| 0 +\| 1 +\| 0 .*\| 9 +\|$/m.test(editor.document.getText()), 10_000)
          .catch((e: Error) => { throw new Error(`${e.message}; document:\n${editor.document.getText()}`); });
        assert.ok(!editor.document.getText().includes('\t'), 'the TAB rows were replaced');
        // An HTML table (as Word, WPS or a browser copy it, with a plain-text form beside it).
        await toEnd();
        await input('paste-html', { paste: { html: `<html><body><!--StartFragment-->${t3}<!--EndFragment--></body></html>`, text: '表三（网页复制）' } });
        await waitFor('the plain paste of the HTML clipboard', () => editor.document.getText().includes('表三（网页复制）'), 10_000);
        await sleep(500);
        await input('paste-html-widget', { press: ['Control+Period'] });
        await sleep(500);
        await input('paste-html-pick', { click: '粘贴为规范表格' });
        await waitFor('the canonical 表三 from HTML', () => /^\| 一、本年新收政府信息公开申请数量 +\|/m.test(editor.document.getText()), 10_000)
          .catch((e: Error) => { throw new Error(`${e.message}; document:\n${editor.document.getText()}`); });
        assert.ok(!editor.document.getText().includes('表三（网页复制）'));
        await vscode.commands.executeCommand('workbench.action.files.save');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'import as Markdown draft: a .docx becomes <name>.md beside it, opened, with the findings of the original',
      fn: async () => {
        const docx = ctx.copy('test/fixtures/forms/002.docx', 'report-002.docx');
        const target = await vscode.commands.executeCommand<vscode.Uri | undefined>('govreport.importDraft', vscode.Uri.file(docx));
        assert.ok(target, 'the import wrote nothing');
        assert.equal(target.fsPath, path.join(ctx.workspace, 'report-002.md'));
        assert.ok(fs.existsSync(target.fsPath));
        const doc = vscode.window.activeTextEditor?.document;
        assert.equal(doc?.uri.fsPath, target.fsPath, 'the draft is open');
        const original = await checkAsync(new Uint8Array(fs.readFileSync(docx)), { fileName: docx, lang: 'zh' });
        const arithmetic = (code: string) => /^T[234]-/.test(code);
        const want = original.findings.filter((f) => arithmetic(f.rule)).map((f) => `${f.rule} ${f.message}`).sort();
        assert.ok(want.length >= 3, `the original has its table findings: ${want.join('; ')}`);
        const got = await waitFor('the draft\'s diagnostics', () => {
          const ds = ours(target).filter((d) => arithmetic(codeOf(d) ?? '')).map((d) => `${codeOf(d)} ${d.message}`).sort();
          return ds.length >= want.length ? ds : undefined;
        }, 30_000).catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(target))}`); });
        assert.deepEqual(got, want);
        // The picture: the draft's 表三 with its squiggles, and the Problems panel.
        const first = ours(target).find((d) => codeOf(d) === 'T3-RESULT-TOTAL')!;
        const draftEditor = vscode.window.activeTextEditor!;
        draftEditor.selection = new vscode.Selection(first.range.start, first.range.start);
        draftEditor.revealRange(first.range, vscode.TextEditorRevealType.InCenter);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await vscode.window.showTextDocument(draftEditor.document, { preserveFocus: false });
        await sleep(1000);
        const png = await screenshot('import-draft');
        if (png) console.log(`[e2e] screenshot: ${png}`);
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'GovReport: 检查工作区全部报告 fills the Problems panel with the reports of files never opened',
      fn: async () => {
        const dir = path.join(ctx.workspace, 'reviewed');
        fs.mkdirSync(dir, { recursive: true });
        const copies = [
          ctx.copy('test/fixtures/seeds/002_c7925c89c326f8ac.txt', 'reviewed/county-2020.txt'),
          ctx.copy('test/fixtures/forms/001.html', 'reviewed/bureau-page.html'),
          ctx.copy('test/fixtures/forms/003.docx', 'reviewed/office.docx'),
        ];
        fs.writeFileSync(path.join(dir, 'readme.md'), '# 说明\n\n本文件夹存放待审核的报告。\n');
        const uris = copies.map((f) => vscode.Uri.file(f));
        for (const u of uris) assert.equal(ours(u).length, 0, `${u.fsPath} has diagnostics before the check`);
        const r = await vscode.commands.executeCommand<{ files: number; reports: number; problems: number } | undefined>('govreport.checkWorkspace');
        assert.ok(r, 'the command returned nothing');
        assert.ok(r.reports >= 3, JSON.stringify(r));
        for (const u of uris) await waitFor(`diagnostics of ${path.basename(u.fsPath)}`, () => ours(u).length > 0, 20_000);
        assert.equal(ours(vscode.Uri.file(path.join(dir, 'readme.md'))).length, 0, 'the readme is no report');
        assert.ok(ours(uris[0]).some((d) => codeOf(d) === 'T3-RESULT-TOTAL'));
        await sleep(1200);
        const png = await screenshot('check-workspace');
        if (png) console.log(`[e2e] screenshot: ${png}`);
        await vscode.commands.executeCommand('workbench.action.closePanel');
      },
    },
    {
      name: 'latency: a keystroke in a table cell → the updated squiggle (20 samples)',
      fn: async () => {
        const editor = await ctx.open(ctx.copy('test/fixtures/seeds/002_c7925c89c326f8ac.txt', 'latency.txt'));
        const uri = editor.document.uri;
        await waitFor('diagnostics', () => npError(ours(uri)), 30_000);
        await sleep(500);
        const loadBefore = os.loadavg()[0];
        const samples: number[] = [];
        const steps: Record<string, number>[] = [];
        for (let i = 0; i < 20; i++) {
          const ed = vscode.window.activeTextEditor!;
          const fixing = i % 2 === 0;
          const seen = nextDiagnostics(uri, (ds) => npError(ds) !== fixing, 10_000);
          const t0 = Date.now();
          // One keystroke: the digit of （七）总计·自然人 typed over (8 → 4 fixes it, 4 → 8 breaks it).
          const line = ed.document.lineAt(NP_LINE);
          const digit = line.text.search(/\d/);
          await ed.edit((b) => b.replace(new vscode.Range(NP_LINE, digit, NP_LINE, digit + 1), fixing ? '4' : '8'), { undoStopBefore: false, undoStopAfter: false });
          samples.push((await seen) - t0);
          // Where the time went: the client's timestamps (change sent, diagnostics received) and the
          // server's (change received, check done), on one machine's clock.
          const stats = await api().client.sendRequest<{ lastChangeAt: number | null; lastCheck: { wallMs: number; at?: number } | null }>('govreport/stats');
          const tm = api().timings;
          const checked = stats.lastCheck?.at ?? NaN;
          const received = stats.lastChangeAt ?? NaN;
          steps.push({
            total: samples[i],
            check: Math.round(stats.lastCheck?.wallMs ?? -1),
            // the edit through the workbench (renderer) back to this extension host's change event
            event: tm.changeEvent - t0,
            // change event → didChange written to the server (the client's middleware and sync)
            send: tm.changeSent - tm.changeEvent,
            // written → the server's document updated
            toServer: received - tm.changeSent,
            // the server's wait (debounce) and check
            server: checked - received,
            // check done → the client's handleDiagnostics
            toClient: tm.diagnosticsReceived - checked,
            // handleDiagnostics → onDidChangeDiagnostics in this extension host
            toWorkbench: samples[i] + t0 - tm.diagnosticsReceived,
          });
          await sleep(250);
        }
        latency.keystroke = samples;
        // How busy the machine was (the 1-minute load average, before and after): the figures depend on it.
        latency.loadAverage = [loadBefore, os.loadavg()[0]].map((x) => Math.round(x * 10) / 10);
        latency.keystrokeSteps = steps;
        const sorted = [...samples].sort((a, b) => a - b);
        console.log(`[e2e] keystroke → squiggle: median ${sorted[10]} ms, p95 ${sorted[18]} ms, max ${sorted[19]} ms`);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
  ];
}
