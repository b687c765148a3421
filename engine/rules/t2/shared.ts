// What the T2-* rules share: the table when its cells can be read, and its cells by id. Each rule
// checks the version of table 2 itself, so a 2021 report that pasted a 2019 table is still checked
// as 2019 (and TPL-VERSION says so).
import type { Cell, Report, Table } from '../../model.ts';

/** T2 when bound or partial (an unparseable table gets only STRUCT-TABLE-UNPARSEABLE). */
export function t2Of(report: Report): Table | undefined {
  const t2 = report.tables.T2;
  return t2.status === 'bound' || t2.status === 'partial' ? t2 : undefined;
}

export const cellAt = (t2: Table, row: string, col: string): Cell | undefined => t2.cells.get(`t2.${row}.${col}`);

/** Every cell a comparison reads is a number (docs/spec/rules.md §0: comparisons are not sums). */
export function numbers(...cells: (Cell | undefined)[]): boolean {
  return cells.every((c) => c?.state === 'number');
}
