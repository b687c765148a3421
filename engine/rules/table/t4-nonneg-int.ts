// T4-NONNEG-INT: case counts are non-negative integers.
import { defineRule } from '../api.ts';
import { cellDisplay } from '../helpers.ts';

export default defineRule({
  id: 'T4-NONNEG-INT',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '表四数字应为非负整数', en: 'Table 4 counts are non-negative integers' },
  messages: { default: { zh: '{cell} 为 {written}，案件数应为非负整数', en: '{cell} is {written}; case counts must be non-negative integers' } },
  check({ report, emit }) {
    const t4 = report.tables.T4;
    if (t4.status !== 'bound') return;
    for (const c of t4.cells.values()) {
      if (c.state !== 'number' || (Number.isInteger(c.value) && c.value! >= 0)) continue;
      emit({ range: c, cell: c, written: c.value, args: { cell: cellDisplay(t4, c), written: c.value! } });
    }
  },
});
