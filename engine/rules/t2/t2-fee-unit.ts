// T2-FEE-UNIT: the 2021 fee column is in 万元; a cell written "3500元" was most likely filled
// in yuan, so its number is 10 000 times too large once read in the column's unit.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';
import { cellAt, t2Of } from './shared.ts';

export default defineRule({
  id: 'T2-FEE-UNIT',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '收费金额栏以万元为单位', en: 'The fee column is in 万元' },
  messages: {
    default: { zh: '{cell} 写有“{unit}”，而本栏单位为万元，疑似按元填报', en: '{cell} says “{unit}” but the column is in 万元 (10,000 yuan); entered in yuan?' },
  },
  check({ report, emit }) {
    const t2 = t2Of(report);
    if (!t2 || t2.version !== '2021') return;
    const c = cellAt(t2, 'fee', 'amount');
    if (c?.state !== 'number' || (c.unit !== '元' && c.unit !== '亿元')) return;
    emit({ range: { start: c.start, end: c.end }, cell: c, args: { cell: cellDisplay(t2, c), unit: c.unit } });
  },
});
