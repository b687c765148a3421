// T3-BALANCE (勾稽关系, the header note): 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度.
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
    if (t3.status !== 'bound' && t3.status !== 'partial') return;
    const columns = new Set([...t3.cells.values()].map((c) => c.col));
    for (const col of columns) {
      const [n, c, r7, f] = ['new', 'carry', 'r7', 'fwd'].map((r) => t3.cells.get(`t3.${r}.${col}`));
      if (!isNum(r7) || ![n, c, f].every((x) => x && x.state !== 'invalid')) continue;
      const v = (x: typeof n) => (isNum(x) ? x.value : 0);
      if (![n, c, f].some(isNum)) continue;
      const L = round(v(n) + v(c));
      const R = round(r7.value + v(f));
      if (L === R) continue;
      const args = { col: colDisplay(t3, col), new: v(n), carry: v(c), L, r7: r7.value, fwd: v(f), R };
      emit({
        range: r7, args, cell: r7, written: R, computed: L,
        suffix: v(f) > L ? { message: 'excess', args } : undefined,
        related: [n!, c!, f!].map((x) => ({ cell: x, range: { start: x.start, end: x.end }, value: x.value ?? null, label: cellDisplay(t3, x) })),
      });
    }
  },
});
