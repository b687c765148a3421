// A report as a Markdown draft (the "import as Markdown draft" command): its title, headings and
// paragraphs as they read, and each table that could be read as a canonical GFM table — the
// official grid flattened, in the template's row and column order, every cell as written. A table
// that could not be read keeps its own lines, so nothing of the report is lost or invented.
import type { Parsed } from '../pipeline.ts';
import type { TableId } from '../model.ts';
import { filledShape, flatten } from './shape.ts';
import { toGfm } from './text-table.ts';

/** The table of the report as a canonical GFM table, or undefined when it could not be read. */
export function tableAsGfm(parsed: Parsed, id: TableId): string | undefined {
  const shape = filledShape(parsed.report.tables[id]);
  return shape && toGfm(flatten(shape));
}

export function toMarkdownDraft(parsed: Parsed): string {
  const { report, index } = parsed;
  const lines = index.lines;
  // Lines each readable table occupies, replaced by its canonical form at its first line.
  const replaced = new Map<number, { id: TableId; last: number }>();
  // Lines of a table that could not be read: kept verbatim, one after another.
  const verbatim = new Set<number>();
  for (const id of ['T2', 'T3', 'T4'] as const) {
    const t = report.tables[id];
    if (t.status === 'missing') continue;
    const first = index.lineAt(t.range.start);
    const last = index.lineAt(t.range.end);
    if (tableAsGfm(parsed, id)) replaced.set(first, { id, last });
    else for (let l = first; l <= last; l++) verbatim.add(l);
  }
  const headingLines = new Map(report.sections.map((s) => [s.heading.line, s]));
  const out: string[] = [];
  const push = (s: string) => {
    if (s === '' && (out.length === 0 || out[out.length - 1] === '')) return;
    out.push(s);
  };
  for (let l = 0; l < lines.length; l++) {
    const table = replaced.get(l);
    if (table) {
      push('');
      push(tableAsGfm(parsed, table.id)!);
      push('');
      l = table.last;
      continue;
    }
    if (verbatim.has(l)) {
      out.push(lines[l].text);
      if (!verbatim.has(l + 1)) push('');
      continue;
    }
    const text = lines[l].text.trim();
    if (!text) {
      push('');
      continue;
    }
    if (report.title && report.title.line === l) {
      push(`# ${report.title.text}`);
      push('');
      // A title wrapped over two lines is one heading.
      l = report.title.lastLine ?? l;
      continue;
    }
    const section = headingLines.get(l);
    if (section) {
      push('');
      push(`## ${text.replace(/^#+\s*/, '')}`);
      push('');
      continue;
    }
    push(text);
    push('');
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
