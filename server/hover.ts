// Hover on a total cell: first the explanation of the total — its formula with the values of its
// parts (engine/explain.ts) and whether the written number agrees (✓/✗) — then the problems found
// on the cell and the cells they relate to. The explanation comes first because it is what the
// reader hovers for; the related cells are the detail behind it.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { explainCell, type Explanation } from '../engine/explain.ts';
import type { CheckResult, Finding, Lang, LineIndex } from '../engine/index.ts';
import { formatNumber } from '../engine/rules/api.ts';
import { toRange } from './diagnostics.ts';

/** `uri`, when given, makes each related cell a link to its line. */
export function hoverAt(result: CheckResult, findings: readonly Finding[], position: Position, lang: Lang, uri?: string): Hover | null {
  // The model's offsets are those of the text the report was read from: for an HTML page, its rendering.
  if (result.parsed.source.original) return null;
  const index = result.parsed.index;
  const offset = index.offsetAt(position);
  const e = explainCell(result.report, offset, lang);
  if (!e) return null;
  const here = findings.filter((f) => touches(f, e));
  const value = [hoverMarkdown(e, lang), relatedMarkdown(here, index, lang, uri)].filter(Boolean).join('\n\n');
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(index, e.range) };
}

/** Whether the hover on the finding's cell explains it (and lists its related cells). */
export function explainsFinding(result: CheckResult, f: Finding, lang: Lang): boolean {
  if (result.parsed.source.original || !f.related.length) return false;
  const e = explainCell(result.report, f.range.start, lang);
  return e !== null && touches(f, e);
}

/** A finding on the explained cell itself (not merely on a neighbouring span). */
const touches = (f: Finding, e: Explanation) => f.range.start >= e.range.start && f.range.end <= e.range.end;

/** Characters that would turn into Markdown formatting inside a line are escaped. */
const esc = (s: string) => s.replace(/[\\`*_[\]<>|~]/g, '\\$&');

export function hoverMarkdown(e: Explanation, lang: Lang): string {
  const zh = lang === 'zh';
  const written = e.written === null ? (zh ? '（不是数字）' : '(not a number)') : formatNumber(e.written);
  const lines = [`**${esc(e.label)}** ${zh ? `写明：${esc(written)}` : `written: ${esc(written)}`}`, ''];
  for (const f of e.formulas) {
    let verdict = '';
    if (f.sum !== null && e.written !== null) {
      verdict = f.sum === e.written ? ' ✓' : zh ? ` ✗ 与写明的 ${formatNumber(e.written)} 不符` : ` ✗ differs from the written ${formatNumber(e.written)}`;
    }
    lines.push(`- ${esc(f.text)}${esc(verdict)}`);
  }
  return lines.join('\n');
}

/** The findings on the cell, each with the cells it relates to (line numbers 1-based, as editors show them). */
function relatedMarkdown(findings: readonly Finding[], index: LineIndex, lang: Lang, uri?: string): string {
  if (!findings.length) return '';
  const zh = lang === 'zh';
  const out = ['---', ''];
  for (const f of findings) {
    out.push(`**${esc(f.rule)}** ${esc(f.message)}`);
    if (!f.related.length) continue;
    out.push('', zh ? '相关单元格：' : 'Related cells:');
    for (const r of f.related) {
      const line = index.lineAt(r.range.start) + 1;
      const value = r.value === null ? '' : ` = ${formatNumber(r.value)}`;
      const where = zh ? `第 ${line} 行` : `line ${line}`;
      // An editor opens `<uri>#L<line>` at that line (VS Code does; others show the text).
      const ref = uri ? `[${where}](${uri.replace(/[()\s]/g, encodeURIComponent)}#L${line})` : where;
      out.push(`- ${esc(r.label)}${esc(value)}${zh ? `（${ref}）` : ` (${ref})`}`);
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
