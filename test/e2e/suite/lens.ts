// In-editor tests of the reading aids of issue 17 in the real workbench: the hover that explains a
// total (its formula first, the related cells after), the CodeLens above each table, folding by
// section and by table, "format this table" (code action and command), "查看规则说明" in the
// lightbulb menu, and documents that are not reports (a README, a rule page) left unchecked.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, describe, focusAt, ours, popupShot, shot, sleep, waitFor } from './harness.ts';

interface Ctx {
  repo: string;
  workspace: string;
  copy(fixture: string, name: string): string;
  open(file: string): Promise<vscode.TextEditor>;
}

const SEED_002 = 'test/fixtures/seeds/002_c7925c89c326f8ac.txt';
// Seed 002 (docs/spec/seeds.md): （七）总计·自然人 is written 8 on line 350 (0-based 349), one cell
// per line ("\t8"); its items add up to 4.
const NP_LINE = 349;

const hoverText = (h: vscode.Hover) =>
  h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');

/** The rule and message of each diagnostic, sorted: what a reformatting must leave unchanged. */
const verdicts = (uri: vscode.Uri) => ours(uri).map((d) => `${codeOf(d)} ${d.message}`).sort();

const sectionLines = (doc: vscode.TextDocument) =>
  doc.getText().split('\n').flatMap((l, i) => (/^[一二三四五六]、/.test(l) ? [i] : []));

export function lensTests(ctx: Ctx): { name: string; fn: () => Promise<void> }[] {
  const seed002 = async (name: string) => {
    const editor = await ctx.open(ctx.copy(SEED_002, name));
    const uri = editor.document.uri;
    await waitFor('the T3-RESULT-TOTAL of （七）总计·自然人', () =>
      ours(uri).find((d) => codeOf(d) === 'T3-RESULT-TOTAL' && d.range.start.line === NP_LINE), 30_000,
    ).catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
    return editor;
  };

  return [
    {
      name: 'hover on a total: the formula with its values and ✗ first, the problems and related cells after',
      fn: async () => {
        const editor = await seed002('hover.txt');
        const uri = editor.document.uri;
        const at = new vscode.Position(NP_LINE, 1);
        const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at)) ?? [];
        const text = hovers.map(hoverText).find((t) => t.includes('写明'));
        assert.ok(text, `no GovReport hover at ${NP_LINE}:1; hovers: ${hovers.map(hoverText).join(' || ')}`);
        assert.match(text, /^\*\*（七）总计·自然人\*\* 写明：8/);
        const formula = text.search(/✗ 与写明的 8 不符/);
        const related = text.indexOf('相关单元格');
        assert.ok(formula > 0, `no ✗ verdict in the hover:\n${text}`);
        assert.ok(related > formula, `the related cells come before the formula:\n${text}`);
        await focusAt(editor, at);
        // The hover as the user calls it up from the keyboard (Ctrl+K Ctrl+I).
        await popupShot('hover-total', ['Control+k', 'Control+i']);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'CodeLens above each table: its state, recompute and preview; recompute from the lens fixes the table',
      fn: async () => {
        const editor = await seed002('lens.txt');
        const uri = editor.document.uri;
        const lenses = await waitFor('the lenses of the three tables', async () => {
          const ls = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
          return ls.some((l) => l.command?.title.startsWith('表四')) ? ls : undefined;
        }, 30_000);
        const titles = lenses.map((l) => l.command?.title ?? '');
        const t3 = lenses.find((l) => /^表三 · \d+ 处合计不符/.test(l.command?.title ?? ''));
        assert.ok(t3, titles.join(' | '));
        const sameLine = lenses.filter((l) => l.range.start.line === t3.range.start.line).map((l) => l.command?.title);
        assert.deepEqual(sameLine.slice(1), ['重新计算合计', '预览表格'], titles.join(' | '));
        assert.ok(titles.some((t) => /^表二 · /.test(t)), titles.join(' | '));
        editor.revealRange(t3.range, vscode.TextEditorRevealType.AtTop);
        await sleep(1000);
        await shot('codelens');
        const recompute = lenses.find((l) => l.range.start.line === t3.range.start.line && l.command?.title === '重新计算合计')!.command!;
        await vscode.commands.executeCommand(recompute.command, ...(recompute.arguments ?? []));
        // Recompute rewrites （七）总计·自然人 and leaves alone, on purpose, the totals it cannot settle.
        await waitFor('（七）总计·自然人 rewritten', () => !ours(uri).some((d) => codeOf(d) === 'T3-RESULT-TOTAL' && d.range.start.line === NP_LINE), 30_000)
          .catch((e: Error) => { throw new Error(`${e.message}\n${describe(ours(uri))}`); });
        const broken = ours(uri).filter((d) => /^T3-(RESULT-TOTAL|BALANCE|ROW-TOTAL)$/.test(codeOf(d) ?? '')).length;
        const state = await waitFor('the 表三 lens to follow', async () => {
          const ls = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
          const title = ls.find((l) => l.command?.title.startsWith('表三'))?.command?.title;
          return title && title !== t3.command!.title ? title : undefined;
        }, 10_000);
        assert.match(state, broken ? new RegExp(`^表三 · ${broken} 处合计不符`) : /^表三 · /);
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'folding: each of the six sections and each table folds, and folding 三、 hides its table',
      fn: async () => {
        const editor = await seed002('folding.txt');
        const uri = editor.document.uri;
        const sections = sectionLines(editor.document);
        assert.equal(sections.length, 6, `sections of seed 002 at ${sections.join(', ')}`);
        const ranges = await waitFor('folding ranges of every section', async () => {
          const rs = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri)) ?? [];
          return sections.every((s) => rs.some((r) => r.start === s && r.end > s)) ? rs : undefined;
        }, 30_000);
        const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10)) ?? [];
        const tableStarts = [...new Set(lenses.map((l) => l.range.start.line))];
        assert.equal(tableStarts.length, 3, `table lines ${tableStarts.join(', ')}`);
        for (const t of tableStarts) assert.ok(ranges.some((r) => r.start === t && r.end > t + 10), `no folding range for the table at line ${t}`);
        // Fold section 三 (its 表三 inside): the line of （七）总计 goes out of sight.
        const three = sections[2];
        editor.selection = new vscode.Selection(three, 0, three, 0);
        editor.revealRange(new vscode.Range(three, 0, three, 0), vscode.TextEditorRevealType.AtTop);
        await vscode.commands.executeCommand('editor.fold', { selectionLines: [three] });
        await waitFor('（七）总计 hidden by the fold', () =>
          !editor.visibleRanges.some((r) => r.start.line <= NP_LINE && r.end.line >= NP_LINE) && editor.visibleRanges.some((r) => r.start.line <= three && r.end.line >= three), 10_000);
        await shot('folding');
        await vscode.commands.executeCommand('editor.unfoldAll');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'format table: the code action and govreport.formatTable rewrite 表四 as TAB rows, findings unchanged; a second time changes nothing',
      fn: async () => {
        const editor = await seed002('format.txt');
        const uri = editor.document.uri;
        await sleep(500);
        const before = verdicts(uri);
        const t4 = editor.document.getText().split('\n').findIndex((l) => l.startsWith('四、'));
        const inT4 = new vscode.Range(t4 + 8, 0, t4 + 8, 0);
        const actions = ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, inT4, vscode.CodeActionKind.RefactorRewrite.value)) ?? [])
          .filter((a) => /排为规范表格$/.test(a.title));
        assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
        assert.equal(actions[0].title, '将表四排为规范表格');
        assert.ok(actions[0].edit && (await vscode.workspace.applyEdit(actions[0].edit)));
        const text = editor.document.getText();
        assert.match(text, /^结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t/m, 'no TAB header row of 表四');
        await waitFor('the same findings after formatting', () => JSON.stringify(verdicts(uri)) === JSON.stringify(before), 30_000)
          .catch(() => { throw new Error(`before:\n${before.join('\n')}\nafter:\n${verdicts(uri).join('\n')}`); });
        editor.revealRange(new vscode.Range(t4, 0, t4, 0), vscode.TextEditorRevealType.AtTop);
        await sleep(800);
        await shot('format-table');
        // Formatted already: the command (from the palette it takes the table at the cursor) changes nothing.
        await vscode.commands.executeCommand('govreport.formatTable', uri.toString(), 'T4');
        await sleep(1500);
        assert.equal(editor.document.getText(), text, 'formatting twice changed the text');
        // 表三, formatted by the command, keeps its findings too.
        await vscode.commands.executeCommand('govreport.formatTable', uri.toString(), 'T3');
        await waitFor('表三 rewritten as TAB rows', () => editor.document.getText() !== text, 10_000);
        await waitFor('the same findings after formatting 表三', () => JSON.stringify(verdicts(uri)) === JSON.stringify(before), 30_000)
          .catch(() => { throw new Error(`before:\n${before.join('\n')}\nafter:\n${verdicts(uri).join('\n')}`); });
        await vscode.commands.executeCommand('workbench.action.files.revert');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'the lightbulb menu offers 查看规则说明, which opens the rule page rendered',
      fn: async () => {
        const editor = await seed002('rule-doc-action.txt');
        const uri = editor.document.uri;
        const np = ours(uri).find((d) => codeOf(d) === 'T3-RESULT-TOTAL' && d.range.start.line === NP_LINE)!;
        const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, np.range)) ?? [];
        const titles = actions.map((a) => a.title);
        assert.equal(new Set(titles).size, titles.length, `a title twice: ${titles.join(' | ')}`);
        const doc = actions.find((a) => a.title === '查看规则说明：T3-RESULT-TOTAL');
        assert.ok(doc?.command, titles.join(' | '));
        await vscode.commands.executeCommand(doc.command.command, ...(doc.command.arguments ?? []));
        await waitFor('a Markdown preview of the rule page', () => {
          const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
          return tab?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && /T3-RESULT-TOTAL/.test(tab.label);
        }, 10_000).catch((e: Error) => {
          throw new Error(`${e.message}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(' | ')}`);
        });
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
    {
      name: 'a README, a user guide and a rule page in the workspace are not checked as reports',
      fn: async () => {
        const files = [
          ctx.copy('README.md', 'README.md'),
          ctx.copy('docs/guide/zh.md', 'guide.md'),
          ctx.copy('docs/rules/T3-BALANCE.md', 'T3-BALANCE.md'),
        ];
        // A report opened after them: once its diagnostics are in, the server has had its turn at each.
        const uris: vscode.Uri[] = [];
        for (const f of files) uris.push((await ctx.open(f)).document.uri);
        await seed002('after-docs.txt');
        await sleep(1000);
        for (const uri of uris) assert.deepEqual(ours(uri).map((d) => `${codeOf(d)} ${d.message}`), [], path.basename(uri.fsPath));
        assert.ok(fs.existsSync(files[0]));
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      },
    },
  ];
}
