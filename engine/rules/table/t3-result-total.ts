// T3-RESULT-TOTAL: （七）总计 equals the sum of all result rows, per column. Recomputing the
// total is offered only when the result also restores 一+二 = 三+四 (policy T3-FIX-AMBIGUOUS):
// otherwise the parts may be what is wrong, and the message says what the balance implies.
// The sum is the 'result-total' of engine/template/totals.ts; the balance its BALANCE.
import { cellIn, type Cell, type T3Col } from '../../model.ts';
import { BALANCE, sumDecl } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { brokenSums, cellDisplay, colDisplay, isNum, recomputeFix, relatedOf, SUBSTITUTION_SUFFIX, round } from '../helpers.ts';

const RESULT_TOTAL = sumDecl('result-total');

export default defineRule({
  id: 'T3-RESULT-TOTAL',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '（七）总计应等于各项办理结果之和', en: '(7) Total equals the sum of all results' },
  messages: {
    default: { zh: '（七）总计·{col} 为 {W}，但各项之和为 {S}', en: '(7) Total · {col} is {W}, but its items sum to {S}' },
    substituted: SUBSTITUTION_SUFFIX,
    balanceMatchesUnder: { zh: '；（七）总计与勾稽关系一致，有 {d} 件申请未计入任何办理结果', en: '; the total matches the balance, so {d} application(s) have no outcome recorded' },
    balanceMatchesOver: { zh: '；（七）总计与勾稽关系一致，各项多计 {d} 件', en: '; the total matches the balance, so the items over-count by {d}' },
    balanceUnder: { zh: '；按勾稽关系（一+二−四）应为 {B}，有 {d} 件申请未计入任何办理结果', en: '; the balance (I + II − IV) requires {B}, so {d} application(s) have no outcome recorded' },
    balanceOver: { zh: '；按勾稽关系（一+二−四）应为 {B}，各项多计 {d} 件', en: '; the balance (I + II − IV) requires {B}, so the items over-count by {d}' },
    fix: { zh: '将（七）总计·{col}改为 {S}', en: 'Set (7) Total · {col} to {S}' },
  },
  fixes: { fix: 'unsafe' },
  check({ report, emit }) {
    const t3 = report.tables.T3;
    for (const { instance, target, sum } of brokenSums(t3, RESULT_TOTAL)) {
      const col = instance.line as T3Col; // a sum along columns lies on a column
      const W = target.value;
      const S = sum.value;
      // What the balance (left = （七）总计 + the rest of the right side) says the total must be.
      const [left, rest] = [BALANCE.left, BALANCE.right.filter((r) => r !== RESULT_TOTAL.total)].map((rows) => rows.map((r) => cellIn(t3, r, col)));
      const known = [...left, ...rest].every(isNum);
      const B = known ? round(left.reduce((a, x) => a + x!.value!, 0) - rest.reduce((a, x) => a + x!.value!, 0)) : undefined;
      const args = { col: colDisplay(t3, col), W, S, B: B ?? 0, cell: cellDisplay(t3, target), k: sum.substituted, d: 0 };
      let suffix: { message: string; args: typeof args } | undefined;
      const balanceCells: Cell[] = [];
      if (B !== undefined && B !== S) {
        balanceCells.push(...left.map((x) => x!), ...rest.map((x) => x!));
        if (B === W) suffix = { message: W > S ? 'balanceMatchesUnder' : 'balanceMatchesOver', args: { ...args, d: Math.abs(round(W - S)) } };
        else suffix = { message: S < B ? 'balanceUnder' : 'balanceOver', args: { ...args, d: Math.abs(round(B - S)) } };
      }
      if (!suffix && sum.substituted) suffix = { message: 'substituted', args };
      emit({
        range: target, args, cell: target, written: W, computed: S, suffix,
        related: [...relatedOf(t3, sum.parts), ...relatedOf(t3, balanceCells, true)],
        fixes: B === S ? recomputeFix(target, sum, 'fix', args) : [],
      });
    }
  },
});
