// workspace/executeCommand: govreport.recomputeTotals and govreport.fixAll. Each computes every
// edit against the current text and sends them as ONE workspace/applyEdit, so the change is a
// single undo step and cannot be half-applied.
import type { Connection, ExecuteCommandParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { recomputeTotals, type Edit } from '../engine/index.ts';
import type { Checker } from './checker.ts';
import { safeFixEdits, workspaceEdit } from './codeActions.ts';
import { COMMANDS } from './protocol.ts';

export interface CommandResult {
  /** Whether an edit was sent and the client applied it. */
  applied: boolean;
  edits: number;
  /** recomputeTotals: total findings it could not settle. */
  remaining?: number;
  message?: string;
}

function uriOf(args: unknown[] | undefined): string | undefined {
  const a = args?.[0];
  if (typeof a === 'string') return a;
  // Accept `{ uri }` and a TextDocumentIdentifier-like object as well as a plain string.
  if (a && typeof a === 'object' && typeof (a as { uri?: unknown }).uri === 'string') return (a as { uri: string }).uri;
  return undefined;
}

export async function executeCommand(
  params: ExecuteCommandParams,
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  checker: Checker,
  documentChanges: boolean,
): Promise<CommandResult> {
  const uri = uriOf(params.arguments);
  const doc = uri ? documents.get(uri) : undefined;
  if (!doc) return { applied: false, edits: 0, message: uri ? `not an open document: ${uri}` : 'expected a document URI as the first argument' };
  const r = await checker.current(doc);
  if (!r || r.skipped || !r.index) return { applied: false, edits: 0, message: `document not checked (${r?.skipped ?? 'changed meanwhile'})` };

  let edits: Edit[];
  let remaining: number | undefined;
  if (params.command === COMMANDS.recomputeTotals) {
    // r is the result of the document's current text (current() settles on the latest version).
    const out = recomputeTotals(doc.getText(), r.options);
    edits = out.edits;
    remaining = out.remaining.length;
  } else if (params.command === COMMANDS.fixAll) {
    edits = safeFixEdits(r.findings);
  } else {
    return { applied: false, edits: 0, message: `unknown command ${params.command}` };
  }
  if (!edits.length) return { applied: false, edits: 0, remaining };
  const title = params.command === COMMANDS.recomputeTotals
    ? (r.lang === 'zh' ? '重新计算合计' : 'Recompute totals')
    : (r.lang === 'zh' ? '修复所有可安全修复的问题' : 'Fix all safe problems');
  const edit = workspaceEdit({ uri: doc.uri, version: r.version, documentChanges }, r.index, edits);
  const res = await connection.workspace.applyEdit({ label: title, edit });
  return { applied: res.applied, edits: edits.length, remaining, message: res.failureReason };
}
