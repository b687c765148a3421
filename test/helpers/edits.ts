// LSP edits applied to a string, for the language server tests: what a client does with a
// WorkspaceEdit (versioned documentChanges or plain changes) and its TextEdits.
import type { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../engine/index.ts';

/** Applies LSP text edits to a string (all ranges in the coordinates of `text`). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const abs = edits.map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }));
  abs.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** The text edits a WorkspaceEdit makes to one document. */
export function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges) return (edit.documentChanges as TextDocumentEdit[]).filter((d) => d.textDocument.uri === uri).flatMap((d) => d.edits as TextEdit[]);
  return edit.changes?.[uri] ?? [];
}
