// STRUCT-SECTION-DUPLICATE: a second heading matches the same part (after the ordinal tie-break
// of docs/spec/format.md §2.2); the first one defines the section.
import { defineRule } from '../api.ts';
import { sectionArgs, specOf } from './shared.ts';

export default defineRule({
  id: 'STRUCT-SECTION-DUPLICATE',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '每个部分只应有一个标题', en: 'Each section has one heading' },
  messages: {
    default: { zh: '第{ordinal}部分“{heading}”重复出现（首次在第 {line} 行）', en: 'Section {n} appears again (first at line {line})' },
  },
  check({ report, emit }) {
    for (const s of report.sections) {
      for (const d of s.duplicates) {
        emit({ range: { start: d.start, end: d.end }, args: { ...sectionArgs(s.key), heading: specOf(s.key).title, line: s.heading.line + 1 } });
      }
    }
  },
});
