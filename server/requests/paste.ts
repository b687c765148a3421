// `govreport/pasteTable`: what the clipboard holds (an HTML table copied from Word, WPS or a web
// page, or TAB rows) read by the engine as a report fragment; when it is exactly one of 表二/表三/
// 表四, that table written in the document's layout in the template's row and column order: a GFM
// table for Markdown, TAB rows otherwise. Every value is the clipboard's, as written.
import { filledShape, parseReport, tableText, type Parsed, type Table } from '../../engine/index.ts';
import type { RequestContext } from './context.ts';
import { PASTE_TABLE_REQUEST, type PasteTableParams, type PasteTableResult } from './protocol.ts';

/** A clipboard larger than this is no table of a report. */
const PASTE_LIMIT = 2 * 2 ** 20;

const readable = (t: Table) => t.status === 'bound' || t.status === 'partial';

function tableIn(parsed: Parsed): Table | undefined {
  const found = Object.values(parsed.report.tables).filter(readable);
  // Several tables at once (a whole report copied) are not "a table": plain paste is meant.
  return found.length === 1 && found[0].cells.size > 0 ? found[0] : undefined;
}

export function pasteTable(params: PasteTableParams): PasteTableResult | null {
  const sources: [string, string][] = [];
  if (params.html && /<table[\s>]/i.test(params.html)) sources.push([params.html, 'html']);
  if (params.text && params.text.includes('\t')) sources.push([params.text, 'plaintext']);
  for (const [input, languageId] of sources) {
    if (input.length > PASTE_LIMIT) continue;
    const table = tableIn(parseReport(input, { languageId }));
    const shape = table && filledShape(table);
    if (!table || !shape) continue;
    const text = tableText(shape, params.languageId === 'markdown');
    return { table: table.id, text, cells: table.cells.size };
  }
  return null;
}

export function registerPasteTable({ connection }: RequestContext): void {
  connection.onRequest(PASTE_TABLE_REQUEST, (params: PasteTableParams) => pasteTable(params));
}
