// "Format table": a recognised table, whatever its layout (one cell per line, TAB rows, pipe
// fragments, a converter's GFM), rewritten in the document's canonical layout — an aligned GFM
// table in Markdown (display width, CJK counting two), TAB rows in plain text — in the template's
// row and column order with every cell as written (engine/render). The rewrite is checked before it
// is offered: the table read back from the new text must hold the same cells with the same text,
// and no finding may appear that the document did not have; otherwise nothing is offered, with the
// reason. Formatting a formatted table changes nothing.
import { check, filledShape, tableText, type CheckOptions, type CheckResult, type Edit, type Lang, type Table, type TableId } from '../engine/index.ts';

export const TABLE_NO: Record<TableId, Record<Lang, string>> = {
  T2: { zh: '表二', en: 'Table 2' },
  T3: { zh: '表三', en: 'Table 3' },
  T4: { zh: '表四', en: 'Table 4' },
};

export type FormatRefusal = 'no-table' | 'not-text' | 'noise' | 'duplicates' | 'unreadable' | 'changes-reading' | 'already';

export interface Formatted {
  table?: TableId;
  /** 表三 / Table 3. */
  name: string;
  edit?: Edit;
  /** Why there is no edit. */
  refused?: FormatRefusal;
}

const usable = (t: Table) => t.status === 'bound' || t.status === 'partial';
const PIPE_ROW = /^\s*\|/;

/** The table whose lines hold `offset`. */
export function tableAt(result: CheckResult, offset: number): Table | undefined {
  const { report, index } = result.parsed;
  const line = index.lineAt(offset);
  return (['T2', 'T3', 'T4'] as const).map((id) => report.tables[id]).find((t) => usable(t) && index.lineAt(t.range.start) <= line && line <= index.lineAt(t.range.end));
}

export function formatTableAt(result: CheckResult, text: string, languageId: string, offset: number, options: CheckOptions): Formatted {
  const t = tableAt(result, offset);
  return t ? formatTable(result, text, languageId, t.id, options) : { name: '', refused: 'no-table' };
}

export function formatTable(result: CheckResult, text: string, languageId: string, id: TableId, options: CheckOptions): Formatted {
  const { report, index } = result.parsed;
  const lang = options.lang ?? 'zh';
  const name = TABLE_NO[id][lang];
  const table = report.tables[id];
  if (!usable(table)) return { table: id, name, refused: 'no-table' };
  // The rendered text of an HTML page or a Word document is not what the user edits.
  if (report.source !== 'markdown' && report.source !== 'text') return { table: id, name, refused: 'not-text' };
  // Text the binder ignored would be lost by a rewrite; the user decides about it first.
  if (table.noise.some((n) => n.text.trim())) return { table: id, name, refused: 'noise' };
  if (table.duplicateRows.length) return { table: id, name, refused: 'duplicates' };
  const shape = filledShape(table);
  if (!shape) return { table: id, name, refused: 'unreadable' };
  const markdown = languageId === 'markdown' || report.language === 'markdown';
  const body = tableText(shape, markdown);
  // Whole lines: from the table's first line to its last; in Markdown the pipe block around it too
  // (a converter's empty header row and delimiter row belong to the table being replaced).
  let first = index.lineAt(table.range.start);
  let last = index.lineAt(table.range.end);
  if (markdown) {
    while (first > 0 && PIPE_ROW.test(index.lines[first - 1].text)) first--;
    while (last + 1 < index.lines.length && PIPE_ROW.test(index.lines[last + 1].text)) last++;
  }
  const start = index.lines[first].start;
  const end = index.lines[last].end;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const newText = eol === '\n' ? body : body.replace(/\n/g, eol);
  if (text.slice(start, end) === newText) return { table: id, name, refused: 'already' };
  const edit: Edit = { start, end, newText };
  const after = check(text.slice(0, start) + newText + text.slice(end), options);
  const read = after.report.tables[id];
  const same = usable(read) && read.cells.size === table.cells.size && [...table.cells].every(([k, c]) => read.cells.get(k)?.raw === c.raw);
  const known = new Set(result.findings.map((f) => `${f.rule}\u0000${f.message}`));
  if (!same || after.findings.some((f) => !known.has(`${f.rule}\u0000${f.message}`))) return { table: id, name, refused: 'changes-reading' };
  return { table: id, name, edit };
}

export function refusalMessage(r: FormatRefusal, name: string, lang: Lang): string {
  const zh = lang === 'zh';
  switch (r) {
    case 'no-table': return zh ? '光标处没有可识别的表格' : 'No recognised table here';
    case 'not-text': return zh ? `${name}来自网页或 Word 文档，无法在此改写` : `${name} comes from a web page or Word document and cannot be rewritten here`;
    case 'noise': return zh ? `${name}中有无法识别的内容，请先处理后再排版` : `${name} holds unrecognised text; deal with it before formatting`;
    case 'duplicates': return zh ? `${name}中有重复的行，请先处理后再排版` : `${name} has duplicate rows; deal with them before formatting`;
    case 'unreadable': return zh ? `${name}无法识别，不能排版` : `${name} could not be read and cannot be formatted`;
    case 'changes-reading': return zh ? `改写会改变${name}的读取结果，未改写` : `Rewriting ${name} would change how it reads; left as it is`;
    case 'already': return zh ? `${name}已是规范格式` : `${name} is already in the canonical layout`;
  }
}
