// T3-NONNEG-INT: application counts are non-negative integers.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';

export default defineRule({
  id: 'T3-NONNEG-INT',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '表三数字应为非负整数', en: 'Table 3 counts are non-negative integers' },
  messages: { default: { zh: '{cell} 为 {written}，申请件数应为非负整数', en: '{cell} is {written}; application counts must be non-negative integers' } },
  check({ report, emit }) {
    const t3 = report.tables.T3;
    if (t3.status !== 'bound' && t3.status !== 'partial') return;
    for (const c of t3.cells.values()) {
      if (c.state !== 'number' || (Number.isInteger(c.value) && c.value! >= 0)) continue;
      emit({ range: c, cell: c, written: c.value, args: { cell: cellDisplay(t3, c), written: c.value! } });
    }
  },
});
