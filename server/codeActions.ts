// Fixes → code actions: one quick fix per fix of each finding under the cursor, and
// source.fixAll.govreport with every SAFE fix of the document that does not overlap another.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Edit, Finding, Fix, LineIndex } from '../engine/index.ts';
import { toDiagnostic, toRange } from './diagnostics.ts';
import { FIX_ALL_KIND } from './protocol.ts';
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

/** Safe fixes whose edits overlap nothing chosen before them, in document order. */
export function safeFixEdits(findings: Finding[]): Edit[] {
  const chosen: Edit[] = [];
  const overlaps = (e: Edit) => chosen.some((c) => (e.start < c.end && c.start < e.end) || (e.start === c.start && (e.start === e.end || c.start === c.end)));
  for (const f of findings) {
    for (const fix of f.fixes) {
      if (fix.kind !== 'safe' || !fix.edits.length) continue;
      if (fix.edits.some(overlaps)) continue;
      chosen.push(...fix.edits);
      break; // one fix per finding: alternatives of the same finding would contradict each other
    }
  }
  return chosen;
}

function intersects(index: LineIndex, f: Finding, range: Range): boolean {
  const a = index.offsetAt(range.start);
  const b = index.offsetAt(range.end);
  return f.range.start <= b && a <= f.range.end;
}

const wants = (only: string[] | undefined, kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));

export function codeActions(params: CodeActionParams, r: DocResult, target: EditTarget, docsBase: string): CodeAction[] {
  const index = r.index;
  if (!index || r.skipped) return [];
  const only = params.context.only;
  const out: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    for (const f of r.findings) {
      if (!f.fixes.length || !intersects(index, f, params.range)) continue;
      const diagnostic = toDiagnostic(f, index, r.uri, docsBase, r.lang);
      f.fixes.forEach((fix: Fix) => {
        out.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          // Preferred (what "auto fix" applies) only for a lone fix that is safe, or that repairs an
          // error: the engine offers an unsafe total fix only when it is unambiguous (docs/spec/rules.md,
          // T3-FIX-AMBIGUOUS). Unsafe rewrites of info/warning findings (wording, placeholders…)
          // and alternatives are left for the user to choose.
          isPreferred: f.fixes.length === 1 && (fix.kind === 'safe' || f.severity === 'error') ? true : undefined,
          edit: workspaceEdit(target, index, fix.edits),
        });
      });
    }
  }
  // source.fixAll is offered only when asked for by kind (on save / "Fix all"), as ESLint does.
  if (only && wants(only, FIX_ALL_KIND)) {
    const edits = safeFixEdits(r.findings);
    if (edits.length) {
      out.push({ title: r.lang === 'zh' ? '修复所有可安全修复的问题（GovReport）' : 'Fix all safe problems (GovReport)', kind: FIX_ALL_KIND, edit: workspaceEdit(target, index, edits) });
    }
  }
  return out;
}
