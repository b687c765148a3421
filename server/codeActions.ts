// Fixes → code actions. Under the cursor: one quick fix per distinct fix (two rules proposing the
// same edit give one action, never two of the same title), "fix all <rule> problems in this file",
// "disable <rule> for this line" where an inline directive does silence it (tried on the text),
// "查看规则说明" (the client's govreport.showRuleDoc) and "format this table" (format.ts).
// source.fixAll.govreport: the engine's fix-all (engine/fix-all.ts), the CLI's --fix too.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { check, fixAll, overlap, type Edit, type Finding, type LineIndex } from '../engine/index.ts';
import { toDiagnostic, toRange } from './diagnostics.ts';
import { formatTableAt } from './format.ts';
import { COMMANDS, FIX_ALL_KIND, FORMAT_TABLE_KIND } from './protocol.ts';
import type { DocResult } from './checker.ts';

export interface EditTarget {
  uri: string;
  version: number;
  /** Whether the client takes versioned `documentChanges` (else plain `changes`). */
  documentChanges: boolean;
}

export function workspaceEdit(target: EditTarget, index: LineIndex, edits: Edit[]): WorkspaceEdit {
  const textEdits: TextEdit[] = [...edits]
    .sort((a, b) => a.start - b.start)
    .map((e) => ({ range: toRange(index, e), newText: e.newText }));
  if (target.documentChanges) {
    return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits: textEdits }] };
  }
  return { changes: { [target.uri]: textEdits } };
}

const overlapsAny = (chosen: Edit[], e: Edit) => chosen.some((c) => overlap(e, c));

/**
 * The fixes of one rule's findings that can be applied together: each finding's fix when it has
 * exactly one (alternatives are the user's choice), none overlapping another. Also the count.
 */
export function ruleFixEdits(findings: Finding[], rule: string): { edits: Edit[]; count: number } {
  const chosen: Edit[] = [];
  let count = 0;
  for (const f of findings) {
    if (f.rule !== rule || f.fixes.length !== 1 || !f.fixes[0].edits.length) continue;
    const { edits } = f.fixes[0];
    if (edits.some((e) => overlapsAny(chosen, e))) continue;
    chosen.push(...edits);
    count++;
  }
  return { edits: chosen, count };
}

function intersects(index: LineIndex, f: Finding, range: Range): boolean {
  const a = index.offsetAt(range.start);
  const b = index.offsetAt(range.end);
  return f.range.start <= b && a <= f.range.end;
}

const wants = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

/** The line comment that silences `rule` on the line after it (engine/directives.ts). */
const disableComment = (rule: string) => `<!-- govreport-disable-next-line ${rule} -->`;

/** Above this size "disable for this line" is not tried on the text (a full check per rule). */
const DISABLE_TRY_LIMIT = 512 * 1024;

const key = (f: Finding) => `${f.rule}\u0000${f.message}`;

/**
 * The edit inserting a disable comment above the finding's line, if the directive works there: the
 * text with it is checked again, and the finding must be gone with every other finding unchanged
 * (a comment line inside a table a layout does not skip, or in a document whose comments are no
 * comments, would change the reading — then nothing is offered).
 */
export function disableEdit(text: string, r: DocResult, index: LineIndex, f: Finding): Edit | null {
  if (!r.index || text.length > DISABLE_TRY_LIMIT) return null;
  const line = index.lines[index.lineAt(f.range.start)];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edit: Edit = { start: line.start, end: line.start, newText: `${disableComment(f.rule)}${eol}` };
  const after = check(text.slice(0, line.start) + edit.newText + text.slice(line.start), r.options).findings;
  const before = new Map<string, number>();
  for (const x of r.findings) before.set(key(x), (before.get(key(x)) ?? 0) + 1);
  before.set(key(f), before.get(key(f))! - 1);
  const now = new Map<string, number>();
  for (const x of after) now.set(key(x), (now.get(key(x)) ?? 0) + 1);
  for (const [k, n] of before) if ((now.get(k) ?? 0) !== n) return null;
  for (const [k, n] of now) if ((before.get(k) ?? 0) !== n) return null;
  return edit;
}

export interface ActionContext {
  target: EditTarget;
  docsBase: string;
  /** The document's current text (the text `r` was checked from). */
  text: string;
  languageId: string;
}

export function codeActions(params: CodeActionParams, r: DocResult, ctx: ActionContext): CodeAction[] {
  const index = r.index;
  if (!index || r.skipped) return [];
  const { target, docsBase } = ctx;
  const zh = r.lang === 'zh';
  const only = params.context.only;
  const out: CodeAction[] = [];
  const here = r.findings.filter((f) => intersects(index, f, params.range));
  if (wants(only, CodeActionKind.QuickFix)) {
    // Distinct fixes: the same title with the same edits is one action listing every diagnostic.
    const byTitle = new Map<string, { action: CodeAction; edits: string; rules: Set<string> }>();
    for (const f of here) {
      if (!f.fixes.length) continue;
      const diagnostic = toDiagnostic(f, index, r.uri, docsBase, r.lang);
      f.fixes.forEach((fix) => {
        const edits = JSON.stringify(fix.edits);
        const same = byTitle.get(fix.title);
        if (same && same.edits === edits) {
          same.action.diagnostics!.push(diagnostic);
          same.rules.add(f.rule);
          return;
        }
        // Preferred (what "auto fix" applies) only for a lone fix that is safe, or that repairs an
        // error: the engine offers an unsafe total fix only when it is unambiguous (docs/spec/rules.md,
        // T3-FIX-AMBIGUOUS). Unsafe rewrites of info/warning findings (wording, placeholders…)
        // and alternatives are left for the user to choose.
        const action: CodeAction = {
          title: same ? `${fix.title}（${f.rule}）` : fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: f.fixes.length === 1 && (fix.kind === 'safe' || f.severity === 'error') ? true : undefined,
          edit: workspaceEdit(target, index, fix.edits),
        };
        if (!same) byTitle.set(fix.title, { action, edits, rules: new Set([f.rule]) });
        out.push(action);
      });
    }
    const rules = [...new Set(here.map((f) => f.rule))];
    for (const rule of rules) {
      const all = ruleFixEdits(r.findings, rule);
      if (all.count < 2) continue;
      out.push({
        title: zh ? `修复本文件中全部 ${rule} 问题（${all.count} 处）` : `Fix all ${rule} problems in this file (${all.count})`,
        kind: CodeActionKind.QuickFix,
        edit: workspaceEdit(target, index, all.edits),
      });
    }
    const disabled = new Set<string>();
    for (const f of here) {
      const line = index.lineAt(f.range.start);
      const k = `${f.rule}@${line}`;
      if (disabled.has(k) || f.range.start === 0 && f.range.end === 0) continue;
      disabled.add(k);
      const edit = disableEdit(ctx.text, r, index, f);
      if (!edit) continue;
      out.push({
        title: zh ? `在此行停用 ${f.rule}` : `Disable ${f.rule} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toDiagnostic(f, index, r.uri, docsBase, r.lang)],
        edit: workspaceEdit(target, index, [edit]),
      });
    }
    for (const rule of rules) {
      const title = zh ? `查看规则说明：${rule}` : `Show the rule's documentation: ${rule}`;
      out.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: COMMANDS.showRuleDoc, arguments: [rule] } });
    }
  }
  if (wants(only, FORMAT_TABLE_KIND) && r.result) {
    const at = index.offsetAt(params.range.start);
    const formatted = formatTableAt(r.result, ctx.text, ctx.languageId, at, r.options);
    if (formatted.edit) {
      out.push({
        title: zh ? `将${formatted.name}排为规范表格` : `Format ${formatted.name} as a canonical table`,
        kind: FORMAT_TABLE_KIND,
        edit: workspaceEdit(target, index, [formatted.edit]),
      });
    }
  }
  // source.fixAll is offered only when asked for by kind (on save / "Fix all"), as ESLint does.
  if (only && wants(only, FIX_ALL_KIND)) {
    const { edits } = fixAll(ctx.text, r.options, r.result ?? undefined);
    if (edits.length) {
      out.push({ title: zh ? '修复所有可安全修复的问题（GovReport）' : 'Fix all safe problems (GovReport)', kind: FIX_ALL_KIND, edit: workspaceEdit(target, index, edits) });
    }
  }
  return out;
}

export type { Diagnostic };
