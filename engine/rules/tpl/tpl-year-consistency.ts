// TPL-YEAR-CONSISTENCY: the title year and the statistics period must name the same calendar
// year; a mismatch usually means last year's report was copied and half updated.
import { asciiDigits } from '../../text.ts';
import { defineRule } from '../api.ts';

const DATES = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。\n]{0,10}?(?:至|到|—|–|-|－|～|~)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

export default defineRule({
  id: 'TPL-YEAR-CONSISTENCY',
  severity: 'error',
  versions: ['any'],
  summary: { zh: '标题年份与统计期限应一致', en: 'Title year and statistics period agree' },
  messages: {
    default: { zh: '标题年份 {titleYear} 与统计期限年份 {periodYear} 不一致', en: 'Title year {titleYear} differs from the period year {periodYear}' },
    calendar: { zh: '统计期限应为同一年的1月1日至12月31日', en: 'The period must be 1 Jan–31 Dec of one year' },
  },
  check({ text, report, emit }) {
    const period = report.period;
    if (!period) return;
    const range = { start: period.startYearSpan.start, end: period.startYearSpan.end };
    const titleYear = report.title?.year;
    if (titleYear !== undefined && titleYear !== period.startYear) {
      emit({ range, args: { titleYear, periodYear: period.startYear } });
      return;
    }
    // The parser also reports periods that are not one calendar year; read the dates again.
    const m = DATES.exec(asciiDigits(text.slice(period.node.start, period.node.end)));
    const calendar = period.startYear === period.endYear && (!m || [m[2], m[3], m[5], m[6]].map(Number).join() === '1,1,12,31');
    if (!calendar) emit({ range, message: 'calendar' });
  },
});
