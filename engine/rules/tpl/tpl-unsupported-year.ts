// TPL-UNSUPPORTED-YEAR: reports on 2018 and earlier follow the 2007 条例 with no national table
// format; check() runs nothing else on them but the rules marked `always` (the text-hygiene ones and this).
import { defineRule } from '../api.ts';
import { line1 } from './shared.ts';

export default defineRule({
  id: 'TPL-UNSUPPORTED-YEAR',
  always: true,
  severity: 'info',
  versions: ['any'],
  summary: { zh: '2018年及以前的年度报告不做表格检查', en: 'Reports on 2018 and earlier are not table-checked' },
  messages: { default: { zh: '{year}年度报告早于现行格式，未做表格检查', en: 'A {year} report predates the current formats; tables were not checked' } },
  check({ report, index, emit }) {
    if (report.year === undefined || report.year > 2018) return;
    const range = report.title ? { start: report.title.start, end: report.title.end } : report.period ? report.period.startYearSpan : line1(index);
    emit({ range: { start: range.start, end: range.end }, args: { year: report.year } });
  },
});
