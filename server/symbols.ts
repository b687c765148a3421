// Document symbols for the outline: the six sections with their ranges, and tables T2/T3/T4 as
// children of the section that holds them. In Markdown, VS Code's own Markdown support already lists
// every `#` heading (outline, Go to Symbol), so a section whose heading is a Markdown heading is left
// out and its tables stand at the top level: only what Markdown does not give is added.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { CheckResult, Lang, Table } from '../engine/index.ts';
import { TABLE_NAMES } from '../engine/template/index.ts';
import { toRange } from './diagnostics.ts';
import { TABLE_NO } from './format.ts';


export function documentSymbols(result: CheckResult, lang: Lang, markdown = false): DocumentSymbol[] {
  // The model's offsets are those of the text the report was read from: for an HTML page, its rendering.
  if (result.parsed.source.original) return [];
  const { report, index } = result.parsed;
  const tables = (['T2', 'T3', 'T4'] as const)
    .map((id) => report.tables[id])
    .filter((t) => t.status === 'bound' || t.status === 'partial');
  const tableSymbol = (t: Table): DocumentSymbol => ({
    name: `${TABLE_NO[t.id][lang]} ${TABLE_NAMES[t.id][lang]}`,
    detail: t.status,
    kind: SymbolKind.Array,
    range: toRange(index, t.range),
    selectionRange: toRange(index, { start: t.range.start, end: Math.min(t.range.end, index.lines[index.lineAt(t.range.start)].end) }),
  });
  const placed = new Set<Table>();
  const isMarkdownHeading = (kind: string) => kind === 'atx' || kind === 'setext';
  const sections = markdown ? report.sections.filter((s) => !isMarkdownHeading(s.heading.kind)) : report.sections;
  const out: DocumentSymbol[] = sections.map((s) => {
    const h = s.heading;
    const start = h.start;
    const end = Math.max(s.body.end, h.end);
    const children = tables.filter((t) => t.section === s.key && t.range.start >= start && t.range.end <= end);
    children.forEach((t) => placed.add(t));
    const name = index.text.slice(h.ordinal?.start ?? h.title.start, h.title.end).trim() || h.title.text || s.key;
    return {
      name,
      kind: SymbolKind.Namespace,
      range: toRange(index, { start, end }),
      selectionRange: toRange(index, h.title.end > h.title.start ? h.title : h),
      children: children.map(tableSymbol),
    };
  });
  // A table outside every section still belongs in the outline.
  for (const t of tables) if (!placed.has(t)) out.push(tableSymbol(t));
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
