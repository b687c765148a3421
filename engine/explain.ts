// Explaining a total cell: which formula defines it and what its parts hold, so a host can show
// "（七）总计 = （一）予以公开 4 + （三）4.保护第三方合法权益 1 = 5" on hover. Pure: report model in,
// plain data out (no LSP types). The formulas are the same sums the arithmetic rules check
// (T3-ROW-TOTAL, T3-LEGAL-SUBTOTAL, T3-RESULT-TOTAL, T4-SUM), read from the template data.
import type { Cell, CellState, Report, Span, Table } from './model.ts';
import type { CellRef, Lang } from './finding.ts';
import { cellRefOf } from './finding.ts';
import { sumsAt, type SumKind } from './template/index.ts';
import { cellDisplay, colDisplay, rowDisplay, sumOf } from './rules/helpers.ts';
import { formatNumber } from './rules/api.ts';

/** Which declared sum (engine/template/totals.ts) a formula is. */
export type FormulaKind = SumKind;

export interface FormulaPart {
  /** Template key of the part ('t3.r1.np'). */
  id: string;
  label: string;
  /** Where the part's cell is, when it was found. */
  range: Span | null;
  state: CellState | 'missing';
  /** The number written, or null for blank/placeholder/invalid/missing cells. */
  value: number | null;
}

export interface Formula {
  kind: FormulaKind;
  /** Left-hand side as written in the formula ('总计', '（七）总计', '法人或其他组织小计'). */
  lhs: string;
  parts: FormulaPart[];
  /** Σ under the substitution rule (placeholder = 0); null when a part is missing, invalid or blank. */
  sum: number | null;
  /** How many parts were counted as 0 because they were placeholders. */
  substituted: number;
  /** One line, e.g. "总计 = 自然人 4 + 法律服务机构 1 = 5" (zero parts of long sums left out). */
  text: string;
}

export interface Explanation {
  cell: CellRef;
  /** `（七）总计·自然人`. */
  label: string;
  range: Span;
  /** The number written in the total cell, null when it is not a number. */
  written: number | null;
  formulas: Formula[];
}

/** Above this many parts, parts that are 0 are left out of the one-line formula. */
const SHORT_FORMULA = 8;

const usable = (t: Table) => t.status === 'bound' || t.status === 'partial';

/** The T3/T4 value cell whose span holds `offset` (its end included, for a cursor after the digits). */
export function cellAt(report: Report, offset: number): Cell | undefined {
  let touching: Cell | undefined;
  for (const table of [report.tables.T3, report.tables.T4, report.tables.T2]) {
    if (!usable(table) || offset < table.range.start || offset > table.range.end) continue;
    for (const c of table.cells.values()) {
      if (c.start <= offset && offset < c.end) return c;
      if (offset === c.end && !touching) touching = c;
    }
  }
  return touching;
}

/** Formulas that define the cell (the declared sums whose total it is), in the order a reader checks them; [] for a cell that is no total. */
function formulasOf(report: Report, cell: Cell, lang: Lang): Formula[] {
  const table = report.tables[cell.table];
  return sumsAt(cell.table, table.version, cell.row, cell.col).map(({ decl, parts }) => {
    // A sum along a row names its parts by column; one along a column, by row.
    const name = (id: string) => {
      const [, row, col] = id.split('.');
      return (decl.along === 'row' ? colDisplay(table, col) : rowDisplay(table, row))[lang];
    };
    const lhs = (decl.along === 'row' ? colDisplay(table, decl.total) : rowDisplay(table, decl.total))[lang];
    return formula(decl.kind, lhs, parts.map((id) => part(table, id, name(id))), lang);
  });
}

function part(table: Table, id: string, label: string): FormulaPart {
  const c = table.cells.get(id);
  if (!c) return { id, label, range: null, state: 'missing', value: null };
  return { id, label, range: { start: c.start, end: c.end }, state: c.state, value: c.state === 'number' ? c.value! : null };
}

function formula(kind: FormulaKind, lhs: string, parts: FormulaPart[], lang: Lang): Formula {
  const sum = sumOf(parts.map((p) => (p.state === 'missing' ? undefined : ({ state: p.state, value: p.value ?? undefined } as Cell))));
  const complete = parts.every((p) => p.state !== 'missing' && p.state !== 'invalid' && p.state !== 'covered' && p.state !== 'blank');
  const total = complete ? sum.value : null;
  return { kind, lhs, parts, sum: total, substituted: complete ? sum.substituted : 0, text: formulaText(lhs, parts, total, lang) };
}

function formulaText(lhs: string, parts: FormulaPart[], sum: number | null, lang: Lang): string {
  const zh = lang === 'zh';
  const show = (p: FormulaPart) => {
    if (p.state === 'number') return `${p.label} ${formatNumber(p.value!)}`;
    if (p.state === 'missing') return `${p.label} ${zh ? '（缺失）' : '(missing)'}`;
    if (p.state === 'invalid') return `${p.label} ${zh ? '（无效）' : '(invalid)'}`;
    if (p.state === 'placeholder') return `${p.label} ${zh ? '（占位符，按 0 计）' : '(placeholder, counted as 0)'}`;
    if (p.state === 'covered') return `${p.label} ${zh ? '（合并单元格，无值）' : '(merged cell, no value)'}`;
    return `${p.label} ${zh ? '（空白）' : '(blank)'}`;
  };
  // Long sums (the 20-odd results of （七）总计) only list what contributes or needs attention.
  const long = parts.length > SHORT_FORMULA;
  const listed = long ? parts.filter((p) => !(p.state === 'number' && p.value === 0)) : parts;
  const omitted = parts.length - listed.length;
  let rhs = listed.map(show).join(' + ');
  if (!listed.length) rhs = '0';
  const result = sum === null ? (zh ? '无法计算' : 'cannot be computed') : formatNumber(sum);
  let text = `${lhs} = ${rhs} = ${result}`;
  if (omitted) text += zh ? `（其余 ${omitted} 项为 0）` : ` (${omitted} other item(s) are 0)`;
  return text;
}

/** Explains the total cell at `target` (a cell or an offset); null when there is no total there. */
export function explainCell(report: Report, target: Cell | number, lang: Lang = 'zh'): Explanation | null {
  const cell = typeof target === 'number' ? cellAt(report, target) : target;
  if (!cell) return null;
  const formulas = formulasOf(report, cell, lang);
  if (!formulas.length) return null;
  const table = report.tables[cell.table];
  return {
    cell: cellRefOf(cell.id),
    label: cellDisplay(table, cell)[lang],
    range: { start: cell.start, end: cell.end },
    written: cell.state === 'number' ? cell.value! : null,
    formulas,
  };
}
