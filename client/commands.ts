// Commands of the client that are about files and settings rather than report content: import a
// file as a Markdown draft, check every report of the workspace, turn checking off and on for the
// workspace, open a rule's page rendered. What a report says is always the server's answer.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_FILES_REQUEST, IMPORT_DRAFT_REQUEST, type CheckFilesResult, type ImportDraftResult } from '../server/requests/protocol.ts';
import { clientLang, t } from './i18n.ts';

/** Files an import reads: what the engine reads besides Markdown and text. */
export const IMPORTABLE = /\.(docx|html?|shtml|pdf)$/i;

/** Imports a .docx/.html/.pdf as `<name>.md` beside it and opens that. Resolves with the draft's URI. */
export async function importDraft(client: LanguageClient, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  let source = uri instanceof vscode.Uri ? uri : undefined;
  if (!source) {
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && IMPORTABLE.test(active.path)) source = active;
  }
  if (!source) {
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, title: t('import.pick'), filters: { 'Reports': ['docx', 'html', 'htm', 'shtml', 'pdf'] } });
    source = picked?.[0];
  }
  if (!source) return undefined;
  const name = path.posix.basename(source.path);
  const bytes = await vscode.workspace.fs.readFile(source);
  const r = await client.sendRequest<ImportDraftResult>(IMPORT_DRAFT_REQUEST, { data: Buffer.from(bytes).toString('base64'), fileName: name });
  if (!r.ok) {
    void vscode.window.showErrorMessage(t('import.failed', { name, reason: r.message }));
    return undefined;
  }
  const target = source.with({ path: source.path.replace(/\.[^./]+$/, '') + '.md' });
  const targetName = path.posix.basename(target.path);
  let exists = false;
  try {
    await vscode.workspace.fs.stat(target);
    exists = true;
  } catch {
    exists = false;
  }
  if (exists) {
    const overwrite = t('import.overwrite');
    const answer = await vscode.window.showWarningMessage(t('import.exists', { name: targetName }), { modal: true }, overwrite);
    if (answer !== overwrite) return undefined;
  }
  await vscode.workspace.fs.writeFile(target, Buffer.from(r.markdown, 'utf8'));
  const doc = await vscode.workspace.openTextDocument(target);
  await vscode.window.showTextDocument(doc, { preview: false });
  const state = (s: string) => t(`table.${s}` as 'table.bound');
  void vscode.window.showInformationMessage(t('import.done', { name: targetName, T2: state(r.tables.T2), T3: state(r.tables.T3), T4: state(r.tables.T4) }));
  return target;
}

/** Report files a workspace check sends: what the CLI's directory walk reads. */
export const WORKSPACE_GLOB = '**/*.{md,markdown,txt,html,htm,shtml,docx,pdf}';
const EXCLUDE = '**/{node_modules,.git,out,dist}/**';
/** Files per request: the progress moves on after each batch. */
const BATCH = 20;

export async function checkWorkspace(client: LanguageClient): Promise<CheckFilesResult | undefined> {
  const files = await vscode.workspace.findFiles(WORKSPACE_GLOB, EXCLUDE);
  if (!files.length) {
    void vscode.window.showInformationMessage(t('workspace.none'));
    return undefined;
  }
  const total: CheckFilesResult = { files: 0, reports: 0, problems: 0 };
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('workspace.title'), cancellable: true }, async (progress, token) => {
      for (let i = 0; i < files.length && !token.isCancellationRequested; i += BATCH) {
        const batch = files.slice(i, i + BATCH).map((u) => client.code2ProtocolConverter.asUri(u));
        const r = await client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris: batch }, token);
        total.files += r.files;
        total.reports += r.reports;
        total.problems += r.problems;
        progress.report({ increment: (100 * batch.length) / files.length, message: t('workspace.progress', { done: Math.min(i + BATCH, files.length), total: files.length }) });
      }
    });
  } catch (e) {
    void vscode.window.showErrorMessage(t('workspace.unsupported', { reason: e instanceof Error ? e.message : String(e) }));
    return undefined;
  }
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(t('workspace.done', { ...total }));
  return total;
}

/** govreport.validate in the workspace: `never` ↔ what it was (the workspace value removed). */
export async function toggleWorkspace(): Promise<'on' | 'off' | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showWarningMessage(t('toggle.noWorkspace'));
    return undefined;
  }
  const config = vscode.workspace.getConfiguration('govreport');
  const off = config.inspect<string>('validate')?.workspaceValue === 'never';
  await config.update('validate', off ? undefined : 'never', vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(t(off ? 'toggle.on' : 'toggle.off'));
  return off ? 'on' : 'off';
}

/** Where a rule's page is in the extension: docs/rules/<ID>.md, or en/<ID>.md in English. */
export function rulePage(extensionUri: vscode.Uri, id: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', ...(clientLang() === 'en' ? ['en'] : []), `${id}.md`);
}

/** Opens the rule's page as a rendered Markdown preview. */
export async function showRuleDoc(extensionUri: vscode.Uri, ruleIds: readonly string[], id?: unknown): Promise<vscode.Uri | undefined> {
  let rule = typeof id === 'string' ? id : undefined;
  rule ??= await vscode.window.showQuickPick([...ruleIds], { placeHolder: t('ruleDoc.pick') });
  if (!rule) return undefined;
  const page = rulePage(extensionUri, rule);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showWarningMessage(t('ruleDoc.missing', { id: rule }));
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', page);
  return page;
}

/** A rule page opened as text (a diagnostic's link): shown rendered instead. */
export function isRulePage(extensionUri: vscode.Uri, uri: vscode.Uri): boolean {
  const base = vscode.Uri.joinPath(extensionUri, 'docs', 'rules').toString();
  return uri.scheme === extensionUri.scheme && uri.toString().startsWith(`${base}/`) && uri.path.endsWith('.md');
}
