// T3-ROW-TOTAL: in every bound row of table 3, 总计 equals the sum of the six applicant columns
// (the 'row-total' sum of engine/template/totals.ts). Recomputing the total is offered only when
// the columns do not say the total is right (as T3-RESULT-TOTAL does with the balance): when the
// 总计 column agrees with its column sums and one applicant column is off by just the row's
// difference, the evidence points at that part (a stray 1 under 商业企业), and the message names it.
import { type Cell, type T3Col, type T3Row, type TableOf } from '../../model.ts';
import { BALANCE, instanceOn, sumDecl, T3_ORGS } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { brokenSums, cellDisplay, colDisplay, isNum, recomputeFix, relatedOf, round, rowDisplay, SUBSTITUTION_SUFFIX } from '../helpers.ts';

const ROW_TOTAL = sumDecl('row-total');
const RESULT_TOTAL = sumDecl('result-total');
const APPLICANTS: T3Col[] = ['np', ...T3_ORGS];

/** A column's sides of the column checks: （七）总计 against Σ results, 一+二 against 七+四. */
interface ColumnSides {
  parts: string[];
  items?: number;
  total?: number;
  left?: number;
  right?: number;
}

function columnSides(t3: TableOf<'T3'>, col: T3Col): ColumnSides {
  const cell = (r: string) => t3.cells.get(`t3.${r}.${col}`);
  const sum = (rows: readonly string[]) => {
    const cs = rows.map(cell);
    return cs.every(isNum) ? round(cs.reduce((a, c) => a + c!.value!, 0)) : undefined;
  };
  const result = instanceOn(RESULT_TOTAL, t3.version, col);
  const parts = result ? result.parts.map((id) => id.split('.')[1]) : [];
  return {
    parts,
    items: result ? sum(parts) : undefined,
    total: result ? sum([RESULT_TOTAL.total]) : undefined,
    left: sum(BALANCE.left),
    right: sum(BALANCE.right),
  };
}

/**
 * How much the side of the column checks holding the cell in `row`/`col` exceeds the other side
 * (（七）总计 = Σ results; 一+二 = 七+四): 0 when they hold, undefined when none can be assessed
 * (a blank, a missing cell) or when two checks disagree. `sides` caches each column's sums for
 * the one check: a table wrong in every row asked for them eight times a row.
 */
function columnExcess(t3: TableOf<'T3'>, row: T3Row, col: T3Col, sides: Map<T3Col, ColumnSides>): number | undefined {
  let s = sides.get(col);
  if (!s) sides.set(col, (s = columnSides(t3, col)));
  const found: number[] = [];
  const { parts, items, total, left, right } = s;
  if (items !== undefined && total !== undefined) {
    if (parts.includes(row)) found.push(round(items - total));
    else if (row === RESULT_TOTAL.total) found.push(round(total - items));
  }
  if (left !== undefined && right !== undefined) {
    if (BALANCE.left.includes(row)) found.push(round(left - right));
    else if (BALANCE.right.includes(row)) found.push(round(right - left));
  }
  if (!found.length || found.some((x) => x !== found[0])) return undefined;
  return found[0];
}

/**
 * The part the columns point at, for a row whose parts exceed its written total by `d`: the 总计
 * column holds with the total as written, and exactly one applicant column is off by `d`.
 */
function suspectPart(t3: TableOf<'T3'>, row: T3Row, d: number, sides: Map<T3Col, ColumnSides>): { agrees: boolean; part?: Cell } {
  if (columnExcess(t3, row, 'tot', sides) !== 0) return { agrees: false };
  const off = APPLICANTS.filter((c) => columnExcess(t3, row, c, sides) === d);
  const part = off.length === 1 ? t3.cells.get(`t3.${row}.${off[0]}`) : undefined;
  return { agrees: true, part: isNum(part) ? part : undefined };
}

export default defineRule({
  id: 'T3-ROW-TOTAL',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '表三每行的总计应等于各申请人列之和', en: 'Each row total of table 3 equals the sum of its applicant columns' },
  messages: {
    default: { zh: '{row}·总计 为 {W}，但本行各列之和为 {S}', en: '{row} · Total is {W}, but the columns of this row sum to {S}' },
    substituted: SUBSTITUTION_SUFFIX,
    part: {
      zh: '；总计与总计列的勾稽关系一致，而{col}列相差 {d}：应核对 {part} {V}（按列应为 {E}），而非总计',
      en: '; the total agrees with the sums of the Total column while the {col} column is off by {d}: check {part} {V} (the column implies {E}), not the total',
    },
    columns: {
      zh: '；总计与总计列的勾稽关系一致，应核对本行各列而非总计',
      en: '; the total agrees with the sums of the Total column: check the columns of this row, not the total',
    },
    fix: { zh: '将{row}·总计改为 {S}', en: 'Set {row} · Total to {S}' },
  },
  fixes: { fix: 'unsafe' },
  check({ report, emit }) {
    const t3 = report.tables.T3;
    const sides = new Map<T3Col, ColumnSides>();
    for (const { instance, target, sum } of brokenSums(t3, ROW_TOTAL)) {
      const row = instance.line as T3Row; // a sum along rows lies on a row
      const args = { row: rowDisplay(t3, row), W: target.value, S: sum.value, cell: cellDisplay(t3, target), k: sum.substituted };
      const d = round(sum.value - target.value);
      const evidence = sum.substituted ? { agrees: false } : suspectPart(t3, row, d, sides);
      let suffix: { message: string; args: Record<string, string | number | { zh: string; en: string }> } | undefined;
      if (evidence.part) {
        const p = evidence.part;
        suffix = { message: 'part', args: { col: colDisplay(t3, p.col), d: Math.abs(d), part: cellDisplay(t3, p), V: p.value!, E: round(p.value! - d) } };
      } else if (evidence.agrees) suffix = { message: 'columns', args };
      else if (sum.substituted) suffix = { message: 'substituted', args };
      emit({
        range: target, args, cell: target, written: target.value, computed: sum.value, suffix,
        related: [...relatedOf(t3, sum.parts), ...(evidence.part && evidence.part.value === 0 ? relatedOf(t3, [evidence.part], true) : [])],
        // The columns say the total is right: rewriting it would move the error, not mend it.
        fixes: evidence.agrees ? [] : recomputeFix(target, sum, 'fix', args),
      });
    }
  },
});
