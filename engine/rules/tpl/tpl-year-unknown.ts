// TPL-YEAR-UNKNOWN: neither the title, the statistics period nor the prose names the report year
// (docs/spec/format.md §2.3), so the template is taken from the tables and year-bound checks are skipped.
import { defineRule } from '../api.ts';
import { line1 } from './shared.ts';

export default defineRule({
  id: 'TPL-YEAR-UNKNOWN',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '应能确定报告年度', en: 'The report year can be determined' },
  messages: {
    default: { zh: '无法确定报告年度（标题和统计期限中均无年份），按表格判断模板', en: 'Report year not found (no year in the title or period statement); template taken from the tables' },
  },
  check({ report, index, emit }) {
    if (report.year !== undefined) return;
    emit({ range: line1(index) });
  },
});
