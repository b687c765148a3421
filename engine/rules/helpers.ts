// Shared pieces of the rules: display names of cells, sums under the substitution rule
// (docs/spec/rules.md §0), and edits that replace a number while keeping the cell's own layout.
import { readable, type Cell, type CellId, type Report, type Table } from '../model.ts';
import type { Edit } from '../finding.ts';
import { instancesOf, T3_COLUMNS, T3_GROUPS, T4_COLUMNS, T4_GROUPS, TEMPLATES, type SumDecl, type SumInstance } from '../template/index.ts';
import type { Display } from '../template/types.ts';
import type { Arg, FixSpec } from './api.ts';

export function rowDisplay(table: Table, row: string): Display {
  if (table.id === 'T3') {
    const spec = TEMPLATES[table.version ?? '2021'].t3.rows.find((r) => r.key === row) ?? TEMPLATES['2019'].t3.rows.find((r) => r.key === row);
    return spec?.display ?? { zh: row, en: row };
  }
  if (table.id === 'T4') return T4_GROUPS.find((g) => g.key === row)?.display ?? { zh: row, en: row };
  for (const v of ['2021', '2019'] as const) {
    for (const b of TEMPLATES[table.version ?? v].t2.blocks) {
      const r = b.rows.find((x) => x.key === row);
      if (r) return r.display;
    }
  }
  return { zh: row, en: row };
}

export function colDisplay(table: Table, col: string): Display {
  if (table.id === 'T3') return T3_COLUMNS.find((c) => c.key === col)?.display ?? { zh: col, en: col };
  if (table.id === 'T4') return T4_COLUMNS.find((c) => c.key === col)?.display ?? { zh: col, en: col };
  for (const b of TEMPLATES[table.version ?? '2021'].t2.blocks) {
    const c = b.columns.find((x) => x.key === col);
    if (c) return c.display;
  }
  return { zh: col, en: col };
}

/** `（七）总计·自然人` / `(7) Total · Natural persons`. */
export function cellDisplay(table: Table, cell: Pick<Cell, 'row' | 'col'>): Display {
  const r = rowDisplay(table, cell.row);
  const c = colDisplay(table, cell.col);
  return { zh: `${r.zh}·${c.zh}`, en: `${r.en} · ${c.en}` };
}

export const groupDisplay = (key: string): Display => T3_GROUPS.find((g) => g.key === key)?.display ?? { zh: key, en: key };

export interface Sum {
  /**
   * Evaluated: every operand a number or a placeholder, at least one a number. A blank operand is
   * no number at all (docs/spec/rules.md §0): the sum over it is not assessed, never taken as 0.
   */
  assessed: boolean;
  /** Σ of the numbers, placeholders counted as 0 (blanks left out: only meaningful when assessed). */
  value: number;
  parts: Cell[];
  /** Operands counted as 0 because they were placeholders (`—`, `/`, `无`). */
  substituted: number;
  /** Operands left blank. */
  blanks: number;
}

/** Σ of cells under the substitution rule; not assessed when any operand is unbound, invalid or blank. */
export function sumOf(cells: (Cell | undefined)[]): Sum {
  let value = 0;
  let substituted = 0;
  let blanks = 0;
  let numbers = 0;
  const parts: Cell[] = [];
  for (const c of cells) {
    if (!c || c.state === 'invalid' || c.state === 'covered') return { assessed: false, value: 0, parts, substituted, blanks };
    parts.push(c);
    if (c.state === 'number') {
      value += c.value!;
      numbers++;
    } else if (c.state === 'blank') blanks++;
    else substituted++;
  }
  return { assessed: numbers > 0 && blanks === 0, value: round(value), parts, substituted, blanks };
}

/** A declared sum (engine/template/totals.ts) that does not hold on one line of a table. */
export interface BrokenSum {
  instance: SumInstance;
  target: Cell & { value: number };
  sum: Sum;
}

/**
 * The instances of `decl` in `table` whose written total differs from the sum of its parts, where
 * both can be assessed; rows the binder did not bind (missing, wrong count of values, a later
 * duplicate) hold no instance.
 */
export function brokenSums(table: Table, decl: SumDecl, onLine: (line: string) => boolean = () => true): BrokenSum[] {
  if (!readable(table)) return [];
  const out: BrokenSum[] = [];
  for (const instance of instancesOf(decl, table.version)) {
    if (!onLine(instance.line)) continue;
    const row = decl.along === 'row' ? table.rows.get(instance.line) : undefined;
    if (row && row.state !== 'bound' && row.state !== 'inferred') continue;
    const target = table.cells.get(instance.target);
    if (!isNum(target)) continue;
    const sum = sumOf(instance.parts.map((id) => table.cells.get(id)));
    if (sum.assessed && sum.value !== target.value) out.push({ instance, target, sum });
  }
  return out;
}

/**
 * `compute` once per report: several rules read the same derived lists (a report's cells, its
 * prose lines), and check() builds a new report for every text, so the report is the key.
 */
export function oncePerReport<A, T>(reportOf: (arg: A) => Report, compute: (arg: A) => T): (arg: A) => T {
  const done = new WeakMap<Report, T>();
  return (arg: A): T => {
    const report = reportOf(arg);
    if (done.has(report)) return done.get(report)!;
    const value = compute(arg);
    done.set(report, value);
    return value;
  };
}

export const round = (n: number) => Math.round(n * 1e6) / 1e6;

export const isNum = (c: Cell | undefined): c is Cell & { value: number } => c?.state === 'number';

/** The table's cell, or undefined when the table is not bound/partial. */
export function cellOf(report: Report, id: CellId | string): Cell | undefined {
  const table = report.tables[id.slice(0, 2).toUpperCase() as 'T2' | 'T3' | 'T4'];
  if (!readable(table)) return undefined;
  return table.cells.get(id);
}

const FULL_DIGITS = '０１２３４５６７８９';

/** Writes `value` in the cell's own digit width, replacing only the number (padding, units stay). */
export function replaceNumber(cell: Cell, value: number): Edit {
  let text = String(value);
  if (cell.flags.includes('fullwidth') && cell.number) {
    text = [...text].map((ch) => (/\d/.test(ch) ? FULL_DIGITS[Number(ch)] : ch === '-' ? '－' : ch)).join('');
  }
  if (cell.number) return { start: cell.number.start, end: cell.number.end, newText: text };
  return { start: cell.start, end: cell.end, newText: text };
}

/** An unsafe "set to the sum" fix, offered only when every part is a number. */
export function recomputeFix(cell: Cell, sum: Sum, title: string, args: Record<string, Arg>): FixSpec[] {
  if (!sum.assessed || sum.substituted > 0 || !sum.parts.every((p) => p.state === 'number')) return [];
  return [{ title, args, edits: [replaceNumber(cell, sum.value)] }];
}

/** Related-information entries for the non-zero parts of a sum. */
export function relatedOf(table: Table, parts: Cell[], all = false) {
  return parts
    .filter((p) => all || (p.state === 'number' && p.value !== 0))
    .map((p) => ({ cell: p, range: { start: p.start, end: p.end }, value: p.state === 'number' ? p.value! : null, label: cellDisplay(table, p) }));
}

export const SUBSTITUTION_SUFFIX = {
  zh: '（其中 {k} 个占位单元格按 0 计）',
  en: ' ({k} placeholder cell(s) counted as 0)',
};
