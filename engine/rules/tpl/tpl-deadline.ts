// TPL-DEADLINE: 《条例》第四十九条 — departments publish by 31 January, governments by 31 March of
// the following year. Townships, subdistricts and zones follow local rules, not checked here.
import { defineRule } from '../api.ts';

const show = (y: number, m: number, d: number) => ({ zh: `${y}年${m}月${d}日`, en: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` });

export default defineRule({
  id: 'TPL-DEADLINE',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '落款日期应在法定发布期限之内', en: 'The signing date is within the statutory deadline' },
  messages: {
    default: { zh: '落款日期 {date} 晚于法定期限 {deadline}（《条例》第四十九条）', en: 'Signing date {date} is after the statutory deadline {deadline} (art. 49)' },
  },
  check({ report, emit }) {
    const { agency, signDate: d, year } = report;
    if (!agency || !d || year === undefined) return;
    const department = agency.kind === 'department';
    if (!department && !(agency.kind === 'government' && !agency.township)) return;
    const deadline = { y: year + 1, m: department ? 1 : 3, d: 31 };
    const late = d.year * 10000 + d.month * 100 + d.day > deadline.y * 10000 + deadline.m * 100 + deadline.d;
    if (!late) return;
    emit({ range: { start: d.start, end: d.end }, args: { date: show(d.year, d.month, d.day), deadline: show(deadline.y, deadline.m, deadline.d) } });
  },
});
