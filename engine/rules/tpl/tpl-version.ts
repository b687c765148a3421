// TPL-VERSION: each table is bound with the version its own labels show (docs/spec/format.md §7); a table
// of the other version than the report year's means the wrong form was filled in.
import { TABLE_NAMES, TEMPLATES, expectedVersion } from '../../template/index.ts';
import type { TemplateVersion } from '../../model.ts';
import { defineRule } from '../api.ts';

const VERSION_NAMES: Record<TemplateVersion, { zh: string; en: string }> = {
  '2021': { zh: '2021年版', en: '2021' },
  '2019': { zh: '2019年版（试行）', en: '2019' },
};

export default defineRule({
  id: 'TPL-VERSION',
  severity: 'error',
  versions: ['any'],
  summary: { zh: '表格应使用报告年度对应的模板版本', en: "Tables follow the template of the report's year" },
  messages: {
    default: {
      zh: '{year}年度报告应使用{expected}格式（{notice}），但{table}为{found}格式',
      en: 'A {year} report must use the {expected} template ({notice}), but {table} follows the {found} template',
    },
  },
  check({ report, index, emit }) {
    const expected = expectedVersion(report.year);
    if (!expected) return;
    for (const table of [report.tables.T2, report.tables.T3, report.tables.T4]) {
      if (table.status !== 'bound' && table.status !== 'partial') continue;
      if (!table.version || table.version === expected) continue;
      // "Table: its first line holding a cell" — from the first cell to the end of that line.
      const line = index.lines[index.lineAt(table.range.start)];
      const end = line.start + line.text.replace(/\s+$/, '').length;
      emit({
        range: { start: table.range.start, end: Math.max(table.range.start, end) },
        args: { year: report.year!, expected: VERSION_NAMES[expected], notice: TEMPLATES[expected].notice, table: TABLE_NAMES[table.id], found: VERSION_NAMES[table.version] },
      });
    }
  },
});
