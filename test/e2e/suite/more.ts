// In-editor tests of the rest of issue 17 in the real workbench: the language detection setting,
// "fix all <rule> problems", "disable <rule> for this line", recompute's report and its one-step
// undo, misspelt rule ids (settings and .govreportrc.json), last year's report beside this year's,
// Go to Symbol in Markdown, a `<br>` inside a GFM header cell, the report skeletons and table
// completion, and a server that keeps crashing (the status item and the log say so).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { check, displayWidth } from '../../../engine/index.ts';
import { api, EXTENSION_ID } from './client.ts';
import { codeOf, describe, focusAt, ours, popupShot, shot, sleep, waitFor } from './harness.ts';

interface Ctx {
  repo: string;
  workspace: string;
  copy(fixture: string, name: string): string;
  open(file: string): Promise<vscode.TextEditor>;
}

const SEED_002 = 'test/fixtures/seeds/002_c7925c89c326f8ac.txt';
const SEED_003 = 'test/fixtures/seeds/003_0f60ab1572c40d0d.txt';
const SEED_000 = 'test/fixtures/seeds/000_bb11c9eb4a4a9df5.txt';
const GFM_002 = 'test/fixtures/converted/002.pandoc-docx.gfm.md';

const actionsAt = async (uri: vscode.Uri, range: vscode.Range) =>
  ((await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [])
    .filter((a): a is vscode.CodeAction => 'kind' in a || 'edit' in a);

export function moreTests(ctx: Ctx): { name: string; fn: () => Promise<void> }[] {
  const write = (name: string, text: string) => {
    const file = path.join(ctx.workspace, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const read = (fixture: string) => fs.readFileSync(path.join(ctx.repo, fixture), 'utf8');

  return [
    {
      name: 'govreport.detectLanguage off: a .txt report stays plain text and is checked all the same',
      fn: async () => {
        const config = vscode.workspace.getConfiguration('govreport');
        await config.update('detectLanguage', false, vscode.ConfigurationTarget.Global);
        try {
          const editor = await ctx.open(ctx.copy(SEED_002, 'no-detect.txt'));
          const uri = editor.document.uri;
          await waitFor('diagnostics', () => ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL'), 30_000);
          await sleep(1500); // the language switch, were it on, comes right after the first diagnostics
          const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
          assert.equal(doc.languageId, 'plaintext');
        } finally {
          await config.update('detectLanguage', undefined, vscode.ConfigurationTarget.Global);
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'quick fixes: fix all STRUCT-HEADING-LEVEL problems in this file, disable T3-ROW-TOTAL for this line',
      fn: async () => {
        // Seed 003 has four STRUCT-HEADING-LEVEL findings; with （七）总计·总计 written 96 its T3-ROW-TOTAL.
        const lines = read(SEED_003).split('\n');
        const cells = lines[61].split('\t');
        assert.equal(cells[0], '(七) 总计', 'seed 003 line 62 changed: update this test');
        cells[8] = '96';
        lines[61] = cells.join('\t');
        const editor = await ctx.open(write('fix-rule.txt', lines.join('\n')));
        const uri = editor.document.uri;
        const levels = await waitFor('four STRUCT-HEADING-LEVEL', () => {
          const ds = ours(uri).filter((d) => codeOf(d) === 'STRUCT-HEADING-LEVEL');
          return ds.length === 4 ? ds : undefined;
        }, 30_000).catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
        // The lightbulb menu on the 总计 row, as the user sees it.
        const row = ours(uri).find((d) => codeOf(d) === 'T3-ROW-TOTAL')!;
        assert.ok(row, describe(ours(uri)));
        await focusAt(editor, row.range.start);
        await popupShot('quick-fix-menu', ['Control+Period']);

        const all = (await actionsAt(uri, levels[0].range)).find((a) => a.title === '修复本文件中全部 STRUCT-HEADING-LEVEL 问题（4 处）');
        assert.ok(all?.edit, (await actionsAt(uri, levels[0].range)).map((a) => a.title).join(' | '));
        assert.ok(await vscode.workspace.applyEdit(all.edit));
        await waitFor('no STRUCT-HEADING-LEVEL left', () => !ours(uri).some((d) => codeOf(d) === 'STRUCT-HEADING-LEVEL'), 30_000);

        const row2 = await waitFor('T3-ROW-TOTAL again', () => ours(uri).find((d) => codeOf(d) === 'T3-ROW-TOTAL'), 30_000);
        const titles = (await actionsAt(uri, row2.range)).map((a) => a.title);
        assert.equal(new Set(titles).size, titles.length, `no two actions with one title: ${titles.join(' | ')}`);
        const disable = (await actionsAt(uri, row2.range)).find((a) => a.title === '在此行停用 T3-ROW-TOTAL');
        assert.ok(disable?.edit, (await actionsAt(uri, row2.range)).map((a) => a.title).join(' | '));
        const others = ours(uri).length;
        assert.ok(await vscode.workspace.applyEdit(disable.edit));
        assert.equal(editor.document.lineAt(row2.range.start.line).text, '<!-- govreport-disable-next-line T3-ROW-TOTAL -->');
        await waitFor('T3-ROW-TOTAL silenced, nothing else changed', () =>
          !ours(uri).some((d) => codeOf(d) === 'T3-ROW-TOTAL') && ours(uri).length === others - 1, 30_000,
        ).catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'recompute totals says which cells it changed and which totals it left alone; one undo restores the text',
      fn: async () => {
        const editor = await ctx.open(ctx.copy(SEED_002, 'recompute-undo.txt'));
        const uri = editor.document.uri;
        const original = editor.document.getText();
        await waitFor('diagnostics', () => ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL'), 30_000);
        const r = await vscode.commands.executeCommand<{ applied: boolean; edits: number; changed: { label: string; from: string; to: string }[]; leftAlone: unknown[]; message: string }>('govreport.recomputeTotals');
        assert.ok(r?.applied, JSON.stringify(r));
        assert.equal(r.changed.length, r.edits);
        assert.ok(r.changed.some((c) => c.label === '（七）总计·自然人' && c.from === '8' && c.to === '4'), JSON.stringify(r.changed));
        assert.match(r.message, new RegExp(`^重新计算合计：改写了 ${r.edits} 个单元格（`));
        assert.notEqual(editor.document.getText(), original);
        await sleep(800); // the notification with the message, for the picture
        await shot('recompute');
        await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
        await vscode.commands.executeCommand('undo');
        await waitFor('one undo to restore the text', () => editor.document.getText() === original, 5_000);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'a misspelt rule id: in the settings a warning in the log naming the nearest id; in .govreportrc.json a warning on the report',
      fn: async () => {
        const config = vscode.workspace.getConfiguration('govreport');
        const before = api().logged.length;
        await config.update('rules', { 'T3-ROW-TOTL': 'off' }, vscode.ConfigurationTarget.Global);
        try {
          const want = '设置 govreport.rules 中的规则“T3-ROW-TOTL”不存在（是否应为 T3-ROW-TOTAL？），此项未生效';
          await waitFor('the warning in the output channel', () => api().logged.slice(before).some((l) => l.includes(want)), 20_000)
            .catch((e: Error) => { throw new Error(`${e.message}; logged: ${api().logged.slice(before).join(' | ')}`); });
          await sleep(500);
          await shot('unknown-rule');
        } finally {
          await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
        }
        const dir = path.join(ctx.workspace, 'rc-misspelt');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'T3-BALANSE': 'off' } }));
        const editor = await ctx.open(ctx.copy(SEED_002, 'rc-misspelt/report.txt'));
        const uri = editor.document.uri;
        const warn = await waitFor('CONFIG-INVALID naming T3-BALANCE', () => ours(uri).find((d) => codeOf(d) === 'CONFIG-INVALID'), 30_000)
          .catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
        assert.equal(warn.severity, vscode.DiagnosticSeverity.Warning);
        assert.match(warn.message, /“T3-BALANSE”不存在（是否应为 T3-BALANCE？）/);
        assert.ok(ours(uri).some((d) => codeOf(d) === 'T3-BALANCE'), 'the misspelt entry turned nothing off');
        await waitFor('the warning in the output channel', () => api().logged.some((l) => l.includes('T3-BALANSE')), 10_000);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'last year\'s report in the same folder: XYEAR-CARRY on this year\'s, live',
      fn: async () => {
        const seed = read(SEED_000);
        write('agency/2021.txt', seed);
        const lines = seed.split('\n');
        lines[0] = '烈山区人民政府办公室2022年政府信息公开工作年度报告';
        lines[2] = lines[2].replaceAll('2021年', '2022年');
        assert.deepEqual([lines[93], lines[94]], ['\t1', '\t0'], 'seed 000 changed: update this test');
        lines[93] = '\t0';
        lines[94] = '\t2';
        const editor = await ctx.open(write('agency/2022.txt', lines.join('\n')));
        const uri = editor.document.uri;
        const carry = () => ours(uri).filter((d) => codeOf(d) === 'XYEAR-CARRY');
        await waitFor('XYEAR-CARRY on 商业企业 and 总计', () => carry().length === 2, 30_000)
          .catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
        assert.deepEqual(carry().map((d) => d.range.start.line).sort((a, b) => a - b), [94, 99]);
        assert.match(carry().find((d) => d.range.start.line === 94)!.message, /^上年结转·商业企业 为 2，但上一年度报告结转下年度·商业企业 为 0.*（上一年度报告：2021\.txt）$/);
        editor.selection = new vscode.Selection(94, 0, 94, 0);
        editor.revealRange(new vscode.Range(94, 0, 94, 0), vscode.TextEditorRevealType.InCenter);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await vscode.window.showTextDocument(editor.document, { preserveFocus: false });
        await sleep(1000);
        await shot('cross-year');
        // Typed back to last year's 0: that finding goes.
        await editor.edit((b) => b.replace(editor.document.lineAt(94).range, '\t0'));
        await waitFor('only the 总计 column left', () => carry().length === 1 && carry()[0].range.start.line === 99, 30_000);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'Markdown: Go to Symbol lists each section once; a <br> in a GFM header cell is no noise and nothing deletes a label',
      fn: async () => {
        const gfm = read(GFM_002);
        assert.ok(gfm.includes('| 本年新制作数量 |'), 'the 表二 header of the GFM fixture changed: update this test');
        const editor = await ctx.open(write('br-header.md', gfm.replace('| 本年新制作数量 |', '| 本年新<br>制作数量 |')));
        const uri = editor.document.uri;
        await waitFor('diagnostics of the Markdown report', () => ours(uri).length > 0, 30_000);
        assert.deepEqual(ours(uri).filter((d) => codeOf(d) === 'CELL-OCR-NOISE').map((d) => d.message), []);
        // Markdown names its headings with their marks ("## **一、总体情况**").
        const section = (n: string) => n.replace(/^#+\s*/, '').replace(/\*/g, '').trim();
        const namesOf = (xs: (vscode.DocumentSymbol | vscode.SymbolInformation)[], out: string[] = []) => {
          for (const x of xs) {
            out.push(x.name);
            if ('children' in x) namesOf(x.children, out);
          }
          return out;
        };
        // Markdown's own symbols come from its language server, which may start after ours.
        const names = await waitFor('the symbols of Markdown and of GovReport', async () => {
          const s = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', uri);
          const n = namesOf(s ?? []);
          return n.some((x) => /^[一二三四五六]、/.test(section(x))) && n.some((x) => x.startsWith('表三')) ? n : undefined;
        }, 60_000);
        const sections = names.map(section).filter((n) => /^[一二三四五六]、/.test(n));
        assert.equal(sections.length, 6, names.join(' | '));
        assert.equal(new Set(sections).size, sections.length, `a section listed twice: ${names.join(' | ')}`);
        for (const t of ['表二', '表三', '表四']) assert.ok(names.some((n) => n.startsWith(t)), `${t} among ${names.join(' | ')}`);
        // No code action on the header line deletes text with a word in it.
        const header = editor.document.getText().split('\n').findIndex((l) => l.includes('本年新<br>制作数量'));
        const actions = await actionsAt(uri, editor.document.lineAt(header).range);
        for (const a of actions) {
          for (const [, edits] of a.edit?.entries() ?? []) {
            for (const e of edits) {
              const removed = editor.document.getText(e.range);
              assert.ok(!/[\u4e00-\u9fff]/.test(removed) || e.newText.length > 0, `${a.title} deletes “${removed}”`);
            }
          }
        }
        await popupShot('go-to-symbol', 'workbench.action.gotoSymbol', 1200);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'snippets: the 2019/2020 skeleton checks as the 2019 form with aligned tables; typing 表三 offers the table',
      fn: async () => {
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
        const editor = await vscode.window.showTextDocument(doc);
        // insertSnippet takes the snippet's key: found by its prefix (the file is plain JSON).
        const file = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'snippets', 'govreport.code-snippets');
        const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: string }>;
        const name = Object.keys(all).find((k) => all[k].prefix === 'gr-skeleton-2019');
        assert.ok(name, 'no gr-skeleton-2019 snippet');
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
        await waitFor('the skeleton', () => doc.getText().length > 1000, 5_000);
        await vscode.commands.executeCommand('leaveSnippet');
        const text = doc.getText();
        const r = check(text, { languageId: 'markdown' });
        assert.equal(r.report.template, '2019');
        for (const id of ['T2', 'T3', 'T4'] as const) assert.equal(r.report.tables[id].status, 'bound', `${id}: ${r.report.tables[id].status}`);
        // Every table's lines are one display width once the placeholders are filled in.
        const blocks = text.split(/\n(?!\|)/).map((b) => b.split('\n').filter((l) => l.startsWith('|'))).filter((b) => b.length > 3);
        assert.equal(blocks.length, 3, 'three tables');
        for (const b of blocks) assert.equal(new Set(b.map(displayWidth)).size, 1, `widths ${[...new Set(b.map(displayWidth))].join(', ')}`);
        editor.revealRange(new vscode.Range(0, 0, 0, 0));
        await sleep(600);
        await shot('skeleton-2019');
        // Completion: 表三 at the start of a line in a report offers its table.
        const end = doc.lineCount;
        await editor.edit((b) => b.insert(new vscode.Position(end, 0), '\n表三'));
        const line = doc.lineCount - 1;
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 2), '三');
        const item = list.items.find((i) => String(typeof i.label === 'string' ? i.label : i.label.label).startsWith('表三 政府信息公开申请情况表'));
        assert.ok(item, list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).slice(0, 20).join(' | '));
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      },
    },
    {
      name: 'a server that keeps crashing: restarted four times, then the status item says stopped with the reason and the log says why; restart brings it back',
      fn: async () => {
        const editor = await ctx.open(ctx.copy(SEED_002, 'crash.txt'));
        const uri = editor.document.uri;
        await waitFor('diagnostics', () => ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL'), 30_000);
        const { client } = api();
        const before = api().logged.length;
        const pids: number[] = [];
        let stops = 0;
        const sub = client.onDidChangeState((e) => { if (e.newState === State.Stopped) stops++; });
        try {
          for (let i = 0; i < 5; i++) {
            await waitFor(`the server running (crash ${i + 1})`, () => client.isRunning(), 30_000);
            const stats = await client.sendRequest<{ pid: number }>('govreport/stats');
            assert.ok(!pids.includes(stats.pid), `a new process each time: ${pids.join(', ')} then ${stats.pid}`);
            pids.push(stats.pid);
            process.kill(stats.pid, 'SIGKILL');
            await waitFor('the client to notice', () => stops > i, 15_000);
          }
        } finally {
          sub.dispose();
        }
        await waitFor('the status item to say the server stopped', () => api().status.text.includes('已停止：语言服务器意外退出'), 20_000)
          .catch((e: Error) => { throw new Error(`${e.message}; status: ${api().status.text}`); });
        const logged = api().logged.slice(before);
        assert.equal(logged.filter((l) => l.includes('exited unexpectedly; restarting it')).length, 4, logged.join('\n'));
        assert.ok(logged.some((l) => l.includes('not restarting it again')), logged.join('\n'));
        await vscode.commands.executeCommand('govreport.showOutput');
        await sleep(1000);
        await shot('crashed');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('govreport.restartServer');
        await waitFor('the server running again', () => client.isRunning(), 30_000);
        await waitFor('diagnostics again', () => ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL'), 30_000);
        await waitFor('the status item with the counts', () => /个错误/.test(api().status.text), 10_000);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
  ];
}
