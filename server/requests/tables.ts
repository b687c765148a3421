// `govreport/tables`: the three tables of a report as the official grid, for the editor's table
// preview. Every value slot carries where it is written, every total what it should be (the
// formulas the arithmetic rules check, engine/explain.ts), and the findings on it.
import type { Cell, CheckResult, Finding, Lang, Severity, Span, TableId } from '../../engine/index.ts';
import { filledShape } from '../../engine/index.ts';
import { explainCell } from '../../engine/explain.ts';
import { TABLE_NAMES } from '../../engine/template/index.ts';
import type { RequestContext } from './context.ts';
import { TABLES_REQUEST, type PreviewCell, type PreviewTable, type Rng, type TablesParams, type TablesResult } from './protocol.ts';

const ORDINAL: Record<TableId, { zh: string; en: string }> = {
  T2: { zh: '表二', en: 'Table 2' },
  T3: { zh: '表三', en: 'Table 3' },
  T4: { zh: '表四', en: 'Table 4' },
};
const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const cellKey = (f: Finding) => (f.cell ? `${f.cell.table.toLowerCase()}.${f.cell.row}.${f.cell.col}` : undefined);

export function tablesOf(result: CheckResult, uri: string, version: number, lang: Lang): TablesResult {
  const { report, parsed, positions } = result;
  // Cells are offsets into the text the engine read; for an HTML page that is the rendered text,
  // mapped back to the page as findings are.
  const original = parsed.source.original;
  const toDoc = (s: Span): Span => {
    if (!original) return s;
    const at = (o: number) => (o < original.offsets.length ? original.offsets[o] : original.text.length);
    return s.end > s.start ? { start: at(s.start), end: at(s.end - 1) + 1 } : { start: at(s.start), end: at(s.start) };
  };
  const range = (s: Span): Rng => {
    const d = toDoc(s);
    return { start: positions.positionAt(d.start), end: positions.positionAt(d.end) };
  };
  const byCell = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const k = cellKey(f);
    if (k) byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  const tables: PreviewTable[] = (['T2', 'T3', 'T4'] as const).map((id) => {
    const table = report.tables[id];
    const title = `${ORDINAL[id][lang]} ${TABLE_NAMES[id][lang].replace(/^the /, '')}`;
    const shape = filledShape(table);
    let problems = 0;
    const rows = (shape ?? []).map((row) => row.map((c): PreviewCell => {
      const out: PreviewCell = { text: c.text, role: c.role, ...(c.colSpan ? { colSpan: c.colSpan } : {}), ...(c.rowSpan ? { rowSpan: c.rowSpan } : {}) };
      if (c.role !== 'value' || !c.cell) return out;
      out.cell = c.cell;
      const cell: Cell | undefined = table.cells.get(c.cell);
      if (!cell) return out;
      out.range = range(cell);
      const explanation = explainCell(report, cell, lang);
      if (explanation) {
        out.written = explanation.written;
        out.computed = explanation.formulas.map((f) => f.sum);
        out.formulas = explanation.formulas.map((f) => f.text);
      }
      const found = byCell.get(c.cell);
      if (found?.length) {
        problems += found.length;
        out.problems = found.map((f) => `${f.rule}: ${f.message}`);
        out.severity = found.map((f) => f.severity).sort((a, b) => RANK[a] - RANK[b])[0];
      }
      return out;
    }));
    const status = table.status;
    return {
      id, title, status, version: table.version, rows, problems,
      ...(status !== 'missing' ? { range: range(table.range) } : {}),
    };
  });
  return { uri, version, lang, tables };
}

export function registerTables({ connection, documents, checker }: RequestContext): void {
  connection.onRequest(TABLES_REQUEST, async (params: TablesParams): Promise<TablesResult | null> => {
    const doc = documents.get(params.uri);
    const m = doc && (await checker.model(doc));
    if (!doc || !m) return null;
    return tablesOf(m.result, doc.uri, m.r.version, m.r.lang);
  });
}
