// A table as text in the layout of the document it goes into: a GFM table for Markdown, TAB rows
// for plain text. Columns of a GFM table are padded to one display width (a CJK character takes
// two columns in an editor's monospace font), so the source reads as a table.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes in a monospace font (East Asian wide and full-width characters count two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

const escapeCell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

/** Rows of cell texts as a GFM table (the first row is the header), padded to aligned columns. */
export function toGfm(rows: string[][]): string {
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const cells = rows.map((r) => Array.from({ length: width }, (_, i) => escapeCell(r[i] ?? '')));
  const widths = Array.from({ length: width }, (_, i) => Math.max(3, ...cells.map((r) => displayWidth(r[i]))));
  const line = (r: string[]) => `| ${r.map((c, i) => c + ' '.repeat(widths[i] - displayWidth(c))).join(' | ')} |`;
  const delimiter = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(cells[0]), delimiter, ...cells.slice(1).map(line)].join('\n');
}

/** Rows of cell texts as TAB-separated lines (a TAB inside a cell becomes a space). */
export function toTabRows(rows: string[][]): string {
  return rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n');
}
