// T3-BALANCE (勾稽关系, the header note): 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度
// (BALANCE of engine/template/totals.ts).
import { cellIn, readable, type T3Row } from '../../model.ts';
import { BALANCE, T3_COLUMNS } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { cellDisplay, colDisplay, isNum, round } from '../helpers.ts';

export default defineRule({
  id: 'T3-BALANCE',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '表三勾稽关系：第一项加第二项之和，等于第三项加第四项之和', en: 'Table 3 balance: new + carried over = total + carried forward' },
  messages: {
    default: {
      zh: '{col}：一、本年新收 {new} + 二、上年结转 {carry} = {L}，但（七）总计 {r7} + 四、结转下年度 {fwd} = {R}，勾稽关系不成立',
      en: '{col}: new {new} + carried over {carry} = {L}, but (7) total {r7} + carried forward {fwd} = {R}; the balance does not hold',
    },
    excess: { zh: '；结转下年度 {fwd} 件多于本年应办理的 {L} 件', en: '; {fwd} carried forward exceeds the {L} applications to handle' },
  },
  check({ report, emit }) {
    const t3 = report.tables.T3;
    if (!readable(t3)) return;
    // The first cell of the right side, （七）总计, must be a number: the finding stands on it.
    const [anchorRow, ...restRows] = BALANCE.right;
    for (const { key: col } of T3_COLUMNS) {
      const anchor = cellIn(t3, anchorRow, col);
      const others = [...BALANCE.left, ...restRows].map((r) => cellIn(t3, r, col));
      // A blank is no number (docs/spec/rules.md §0): the balance over it is not assessed.
      if (!isNum(anchor) || !others.every((x) => x && x.state !== 'invalid' && x.state !== 'covered' && x.state !== 'blank')) continue;
      if (!others.some(isNum)) continue;
      const value = (row: T3Row) => { const x = cellIn(t3, row, col); return isNum(x) ? x.value : 0; };
      const L = round(BALANCE.left.reduce((a, r) => a + value(r), 0));
      const R = round(BALANCE.right.reduce((a, r) => a + value(r), 0));
      if (L === R) continue;
      // The message names each row's value by its key ({new}, {carry}, {r7}, {fwd}).
      const values = Object.fromEntries([...BALANCE.left, ...BALANCE.right].map((r) => [r, value(r)]));
      const args = { col: colDisplay(t3, col), ...values, L, R };
      const carriedForward = restRows.reduce((a, r) => a + value(r), 0);
      emit({
        range: anchor, args, cell: anchor, written: R, computed: L,
        suffix: carriedForward > L ? { message: 'excess', args } : undefined,
        related: others.map((x) => ({ cell: x!, range: { start: x!.start, end: x!.end }, value: x!.value ?? null, label: cellDisplay(t3, x!) })),
      });
    }
  },
});
