// TPL-PERIOD: the preamble conventionally states the statistics period (docs/spec/format.md §2.4, [R]);
// without it a reader cannot tell which year the numbers cover.
import { defineRule, type FixSpec } from '../api.ts';
import { blankLine, eolOf, line1 } from './shared.ts';

export default defineRule({
  id: 'TPL-PERIOD',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '应说明数据统计期限', en: 'The statistics period is stated' },
  messages: {
    default: { zh: '未说明统计期限（应为{year}年1月1日至{year}年12月31日）', en: 'No statistics-period statement ({year}-01-01 to {year}-12-31)' },
    insert: { zh: '在标题后插入统计期限说明', en: 'Insert the statistics-period statement after the title' },
    insertTop: { zh: '在文首插入统计期限说明', en: 'Insert the statistics-period statement at the top' },
  },
  fixes: { insert: 'unsafe', insertTop: 'unsafe' },
  check({ text, report, index, emit }) {
    // Without a year TPL-YEAR-UNKNOWN speaks, and the statement could not be written.
    if (report.period || report.year === undefined) return;
    const year = report.year;
    const statement = `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`;
    const eol = eolOf(text);
    const fixes: FixSpec[] = [];
    const title = report.title;
    if (title) {
      // A new paragraph after the title line, separated as the title is from what follows.
      const last = title.lastLine ?? title.line;
      const end = index.lines[last].end;
      const gap = blankLine(index, last + 1) ? eol : '';
      fixes.push({ title: 'insert', edits: [{ start: end, end, newText: `${eol}${gap}${statement}` }] });
    } else {
      const first = index.lines.findIndex((l) => l.text.trim() !== '');
      const gap = first >= 0 && blankLine(index, first + 1) ? eol : '';
      const at = first >= 0 ? index.lines[first].start : 0;
      fixes.push({ title: 'insertTop', edits: [{ start: at, end: at, newText: `${statement}${eol}${gap}` }] });
    }
    const range = title ? { start: title.start, end: title.end } : line1(index);
    emit({ range, args: { year }, fixes });
  },
});
