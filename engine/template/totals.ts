// The totals of the template, declared once (docs/spec/tables.md, docs/spec/rules.md §2–§3): each
// says which cell is the sum of which others. The arithmetic rules check these declarations, the
// hover explains them (engine/explain.ts), "recompute totals" rewrites them in the order below
// (engine/fix.ts), and the prose rules read a row's parts from them — none of them spells a sum
// of its own.
import type { CellId, ColKey, RowKey, T3Col, T3Row, TableId, TemplateVersion } from '../model.ts';
import { T3_COLUMNS, T3_ORGS, T4_COLUMNS, T4_GROUPS } from './shared.ts';
import { TEMPLATES } from './registry.ts';

export type SumKind = 'row-total' | 'subtotal' | 'result-total' | 'review-total';

/**
 * A sum that holds on every line of a table. `along: 'row'`: in each row, the cell in column
 * `total` is the sum of the cells in columns `parts`; `along: 'column'`: in each column, the cell
 * in row `total` is the sum of the cells in rows `parts`.
 */
export type SumDecl = { kind: SumKind; /** The rule that checks it. */ rule: string } & (SumAxis<'T3'> | SumAxis<'T4'>);

/** The parts are null where they depend on a version the table was not read as. */
type SumAxis<Id extends 'T3' | 'T4'> =
  | { table: Id; along: 'row'; total: ColKey<Id>; parts(version: TemplateVersion | null): readonly ColKey<Id>[] | null }
  | { table: Id; along: 'column'; total: RowKey<Id>; parts(version: TemplateVersion | null): readonly RowKey<Id>[] | null };

/** 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度, in every column (the T3 header note). */
export interface BalanceDecl {
  rule: string;
  table: 'T3';
  along: 'column';
  left: readonly T3Row[];
  right: readonly T3Row[];
}

/** Table 3's row of （七）总计 and its column of 总计. */
const RESULT_ROW: T3Row = 'r7';
const TOTAL_COLUMN: T3Col = 'tot';
/** The six applicant columns: 自然人 and the five kinds of organisation. */
const T3_APPLICANTS: T3Col[] = ['np', ...T3_ORGS];
const T4_OUTCOMES = ['keep', 'fix', 'other', 'pend'] as const;

export const SUMS: readonly SumDecl[] = [
  { kind: 'row-total', rule: 'T3-ROW-TOTAL', table: 'T3', along: 'row', total: TOTAL_COLUMN, parts: () => T3_APPLICANTS },
  { kind: 'subtotal', rule: 'T3-LEGAL-SUBTOTAL', table: 'T3', along: 'row', total: 'sub', parts: () => T3_ORGS },
  { kind: 'result-total', rule: 'T3-RESULT-TOTAL', table: 'T3', along: 'column', total: RESULT_ROW, parts: (v) => (v ? TEMPLATES[v].t3.items : null) },
  { kind: 'review-total', rule: 'T4-SUM', table: 'T4', along: 'row', total: 'tot', parts: () => T4_OUTCOMES },
];

export const BALANCE: BalanceDecl = { rule: 'T3-BALANCE', table: 'T3', along: 'column', left: ['new', 'carry'], right: ['r7', 'fwd'] };

export const sumDecl = (kind: SumKind): SumDecl => SUMS.find((d) => d.kind === kind)!;

/** One instance of a sum: the total's cell id and its parts' cell ids on one line of the table. */
export interface SumInstance {
  decl: SumDecl;
  /** The row (along 'row') or column (along 'column') the instance lies on. */
  line: string;
  target: CellId;
  parts: CellId[];
}

/**
 * The lines a sum holds on: every row of the template (along 'row'), every column (along
 * 'column'). Table 3's rows differ by version; table 4 is the same in both.
 */
function linesOf(decl: SumDecl, version: TemplateVersion | null): string[] {
  if (decl.along === 'column') return (decl.table === 'T3' ? T3_COLUMNS : T4_COLUMNS).map((c) => c.key);
  if (decl.table === 'T4') return T4_GROUPS.map((g) => g.key);
  return version ? TEMPLATES[version].t3.rows.map((r) => r.key) : [];
}

/** The instance of `decl` on `line`; null when its parts depend on a version not known. */
export function instanceOn(decl: SumDecl, version: TemplateVersion | null, line: string): SumInstance | null {
  const parts = decl.parts(version);
  if (!parts) return null;
  // `line` is a key of the other axis, from the template's own rows and columns (linesOf).
  const at = (other: string) => (decl.along === 'row' ? `${decl.table.toLowerCase()}.${line}.${other}` : `${decl.table.toLowerCase()}.${other}.${line}`) as CellId;
  return { decl, line, target: at(decl.total), parts: parts.map(at) };
}

// Both lists below are functions of the template alone (a declaration, a version, a line key), so
// each is built once and shared: the arithmetic rules and the prose rules ask for them per cell
// and per sentence of every report. Callers only read them.
const INSTANCES = new Map<SumDecl, Map<TemplateVersion | null, readonly SumInstance[]>>();
const AT = new Map<string, readonly SumInstance[]>();

/** Every instance of `decl` in a table read as `version`, in template order. */
export function instancesOf(decl: SumDecl, version: TemplateVersion | null): readonly SumInstance[] {
  let byVersion = INSTANCES.get(decl);
  if (!byVersion) INSTANCES.set(decl, (byVersion = new Map()));
  let out = byVersion.get(version);
  if (!out) byVersion.set(version, (out = linesOf(decl, version).flatMap((line) => instanceOn(decl, version, line) ?? [])));
  return out;
}

/** The sums whose total is the cell in `row`/`col` of `table`, in the order a reader checks them. */
export function sumsAt(table: TableId, version: TemplateVersion | null, row: string, col: string): readonly SumInstance[] {
  // Keys come from the template's own rows and columns (or a bound cell's), so the map stays small.
  const key = `${table}\u0000${version}\u0000${row}\u0000${col}`;
  let out = AT.get(key);
  if (!out) {
    out = SUMS.filter((d) => d.table === table && (d.along === 'row' ? col === d.total : row === d.total))
      .flatMap((d) => instanceOn(d, version, d.along === 'row' ? row : col) ?? []);
    AT.set(key, out);
  }
  return out;
}

/**
 * The order "recompute totals" settles the sums in (docs/spec/rules.md §5): a total is rewritten
 * only after the totals among its parts (test/engine/totals.test.ts holds the order to that).
 * The subtotal column first, but for （七）总计's row: its cells are column sums, rewritten next, and
 * once they are, its subtotal follows from them. Then （七）总计 in every column but 总计, then each
 * row's 总计 (（七）'s row sums the previous step), then （七）总计·总计 (it sums the row totals), and
 * table 4 on its own.
 */
export const RECOMPUTE_ORDER: readonly { kind: SumKind; lines?: (line: string) => boolean }[] = [
  { kind: 'subtotal', lines: (row) => row !== RESULT_ROW },
  { kind: 'result-total', lines: (col) => col !== TOTAL_COLUMN },
  { kind: 'row-total' },
  { kind: 'result-total', lines: (col) => col === TOTAL_COLUMN },
  { kind: 'review-total' },
];
