// workspace/executeCommand: govreport.recomputeTotals, govreport.fixAll, govreport.formatTable (and
// govreport.showRuleDoc for clients that send it here). Each computes every edit against the current
// text and sends them as ONE workspace/applyEdit, so the change is a single undo step and cannot be
// half-applied. Recompute says what it did — the cells it changed (from → to) and the totals it left
// alone with the reason — in its result and in a window/showMessage, so every client shows it.
import { MessageType, ShowMessageNotification, type Connection, type ExecuteCommandParams, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, recomputeTotals, rulePagePath, type CheckResult, type Edit, type Lang } from '../engine/index.ts';
import { cellDisplay } from '../engine/rules/helpers.ts';
import type { Checker } from './checker.ts';
import { workspaceEdit } from './codeActions.ts';
import { formatTable, formatTableAt, refusalMessage } from './format.ts';
import { COMMANDS } from './protocol.ts';

export interface ChangedCell {
  /** （七）总计·自然人. */
  label: string;
  from: string;
  to: string;
}

export interface LeftAlone {
  rule: string;
  /** The finding's message: what does not add up and, for a fix withheld, why. */
  message: string;
}

export interface CommandResult {
  /** Whether an edit was sent and the client applied it. */
  applied: boolean;
  edits: number;
  /** recomputeTotals: total findings it could not settle. */
  remaining?: number;
  /** recomputeTotals: the cells it rewrote, and the totals it left alone. */
  changed?: ChangedCell[];
  leftAlone?: LeftAlone[];
  message?: string;
}

/** A message the user sees (window/showMessage: a notification, nothing to answer). */
function notify(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}

function uriOf(args: unknown[] | undefined): string | undefined {
  const a = args?.[0];
  if (typeof a === 'string') return a;
  // Accept `{ uri }` and a TextDocumentIdentifier-like object as well as a plain string.
  if (a && typeof a === 'object' && typeof (a as { uri?: unknown }).uri === 'string') return (a as { uri: string }).uri;
  return undefined;
}

/** The cells the edits rewrite, with their labels and the text before and after. */
function changedCells(result: CheckResult | null, text: string, edits: Edit[], lang: Lang): ChangedCell[] {
  return edits.map((e) => {
    let label = '';
    for (const table of result ? Object.values(result.report.tables) : []) {
      const c = [...table.cells.values()].find((x) => x.start <= e.start && e.end <= x.end);
      if (c) {
        label = cellDisplay(table, c)[lang];
        break;
      }
    }
    return { label, from: text.slice(e.start, e.end), to: e.newText };
  });
}

function recomputeMessage(changed: ChangedCell[], left: LeftAlone[], lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (changed.length) {
    const list = changed.slice(0, 8).map((c) => `${c.label} ${c.from} → ${c.to}`).join(zh ? '；' : '; ');
    const more = changed.length > 8 ? (zh ? ` 等` : ' …') : '';
    parts.push(zh ? `重新计算合计：改写了 ${changed.length} 个单元格（${list}${more}）` : `Recomputed totals: ${changed.length} cell(s) rewritten (${list}${more})`);
  } else parts.push(zh ? '重新计算合计：没有需要改写的单元格' : 'Recomputed totals: no cell needed rewriting');
  if (left.length) {
    const list = left.slice(0, 5).map((l) => l.message).join(zh ? '；' : '; ');
    const more = left.length > 5 ? (zh ? ` 等` : ' …') : '';
    parts.push(zh ? `${left.length} 处合计未改：${list}${more}` : `${left.length} total(s) left alone: ${list}${more}`);
  }
  return parts.join(zh ? '。' : '. ');
}

export async function executeCommand(
  params: ExecuteCommandParams,
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  checker: Checker,
  documentChanges: boolean,
  docsBase = '',
): Promise<CommandResult> {
  if (params.command === COMMANDS.showRuleDoc) {
    const rule = params.arguments?.[0];
    if (typeof rule !== 'string' || !/^[A-Z0-9-]+$/.test(rule)) return { applied: false, edits: 0, message: 'expected a rule id as the first argument' };
    const uri = `${docsBase}${rulePagePath(rule, 'zh')}`;
    const shown = await connection.window.showDocument({ uri, external: !uri.startsWith('file:') }).catch(() => ({ success: false }));
    return { applied: shown.success, edits: 0 };
  }
  const uri = uriOf(params.arguments);
  const doc = uri ? documents.get(uri) : undefined;
  if (!doc) return { applied: false, edits: 0, message: uri ? `not an open document: ${uri}` : 'expected a document URI as the first argument' };
  const r = await checker.current(doc);
  if (!r || r.skipped || !r.index) return { applied: false, edits: 0, message: `document not checked (${r?.skipped ?? 'changed meanwhile'})` };
  const text = doc.getText();
  const zh = r.lang === 'zh';

  let edits: Edit[];
  let remaining: number | undefined;
  let changed: ChangedCell[] | undefined;
  let leftAlone: LeftAlone[] | undefined;
  let title: string;
  if (params.command === COMMANDS.recomputeTotals) {
    // r is the result of the document's current text (current() settles on the latest version).
    const out = recomputeTotals(text, r.options);
    edits = out.edits;
    remaining = out.remaining.length;
    const m = await checker.model(doc);
    changed = changedCells(m?.result ?? null, text, edits, r.lang);
    leftAlone = out.remaining.map((f) => ({ rule: f.rule, message: f.message }));
    title = zh ? '重新计算合计' : 'Recompute totals';
    const message = recomputeMessage(changed, leftAlone, r.lang);
    notify(connection, MessageType.Info, message);
    if (!edits.length) return { applied: false, edits: 0, remaining, changed, leftAlone, message };
    const edit = workspaceEdit({ uri: doc.uri, version: r.version, documentChanges }, r.index, edits);
    const res = await connection.workspace.applyEdit({ label: title, edit });
    return { applied: res.applied, edits: edits.length, remaining, changed, leftAlone, message: res.failureReason ?? message };
  } else if (params.command === COMMANDS.fixAll) {
    edits = fixAll(text, r.options, r.result ?? undefined).edits;
    title = zh ? '修复所有可安全修复的问题' : 'Fix all safe problems';
  } else if (params.command === COMMANDS.formatTable) {
    const m = await checker.model(doc);
    if (!m) return { applied: false, edits: 0, message: 'document not checked' };
    const id = params.arguments?.[1];
    const pos = params.arguments?.[2] as { line: number; character: number } | undefined;
    const f = id === 'T2' || id === 'T3' || id === 'T4'
      ? formatTable(m.result, text, doc.languageId, id, r.options)
      : formatTableAt(m.result, text, doc.languageId, pos ? r.index.offsetAt(pos) : 0, r.options);
    if (!f.edit) {
      const message = refusalMessage(f.refused ?? 'no-table', f.name, r.lang);
      notify(connection, f.refused === 'already' ? MessageType.Info : MessageType.Warning, message);
      return { applied: false, edits: 0, message };
    }
    edits = [f.edit];
    title = zh ? `排版${f.name}` : `Format ${f.name}`;
  } else {
    return { applied: false, edits: 0, message: `unknown command ${params.command}` };
  }
  if (!edits.length) return { applied: false, edits: 0, remaining };
  const edit = workspaceEdit({ uri: doc.uri, version: r.version, documentChanges }, r.index, edits);
  const res = await connection.workspace.applyEdit({ label: title, edit });
  return { applied: res.applied, edits: edits.length, remaining, message: res.failureReason };
}
