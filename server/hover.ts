// Hover on a total cell: its formula with the values of its parts (engine/explain.ts), and
// whether the written number agrees.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { explainCell, type Explanation } from '../engine/explain.ts';
import type { CheckResult, Lang } from '../engine/index.ts';
import { formatNumber } from '../engine/rules/api.ts';
import { toRange } from './diagnostics.ts';

export function hoverAt(result: CheckResult, position: Position, lang: Lang): Hover | null {
  const index = result.parsed.index;
  const e = explainCell(result.report, index.offsetAt(position), lang);
  if (!e) return null;
  return { contents: { kind: MarkupKind.Markdown, value: hoverMarkdown(e, lang) }, range: toRange(index, e.range) };
}

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
