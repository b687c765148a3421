// "粘贴为规范表格": when the clipboard holds an HTML table (Word, WPS, a web page) or TAB rows that the
// server reads as 表二/表三/表四, the paste menu offers the table rewritten in the document's layout.
// Plain paste stays the default: this edit yields to the text edit.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PASTE_TABLE_REQUEST, type PasteTableResult } from '../server/requests/protocol.ts';
import { t } from './i18n.ts';

export const PASTE_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('govreport', 'table');

export class TablePasteProvider implements vscode.DocumentPasteEditProvider {
  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideDocumentPasteEdits(
    document: vscode.TextDocument,
    _ranges: readonly vscode.Range[],
    dataTransfer: vscode.DataTransfer,
    _context: vscode.DocumentPasteEditContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.DocumentPasteEdit[] | undefined> {
    const client = this.client();
    if (!client?.isRunning()) return undefined;
    const html = await dataTransfer.get('text/html')?.asString();
    const text = await dataTransfer.get('text/plain')?.asString();
    if (token.isCancellationRequested || (!html && !text?.includes('\t'))) return undefined;
    const r = await client.sendRequest<PasteTableResult | null>(PASTE_TABLE_REQUEST, { html, text, languageId: document.languageId }, token);
    if (!r || token.isCancellationRequested) return undefined;
    const edit = new vscode.DocumentPasteEdit(`${r.text}\n`, t('paste.title'), PASTE_KIND);
    edit.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
    return [edit];
  }
}
