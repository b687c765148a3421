// TPL-GOV-EXTRAS: 《条例》第五十条第（四）项 requires every people's government's report to state
// its 工作考核、社会评议和责任追究结果; one finding lists the items not mentioned anywhere.
import { defineRule } from '../api.ts';
import { hasAny, headingRange, line1, sectionOf, squeeze } from './shared.ts';

const ITEMS: { words: string[]; display: { zh: string; en: string } }[] = [
  { words: ['考核'], display: { zh: '工作考核', en: 'work appraisal' } },
  { words: ['评议'], display: { zh: '社会评议', en: 'public evaluation' } },
  { words: ['追究', '问责'], display: { zh: '责任追究', en: 'accountability' } },
];

export default defineRule({
  id: 'TPL-GOV-EXTRAS',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '人民政府年度报告应报告工作考核、社会评议和责任追究结果', en: "A people's government reports appraisal, evaluation and accountability results" },
  messages: {
    default: {
      zh: '人民政府年度报告应包括{items}结果情况（《条例》第五十条第（四）项），正文未见',
      en: "A people's government report must include {items} results (art. 50(4)); none found",
    },
  },
  check({ text, report, index, emit }) {
    if (report.agency?.kind !== 'government') return;
    const words = squeeze(text);
    const missing = ITEMS.filter((i) => !hasAny(words, i.words)).map((i) => i.display);
    if (!missing.length) return;
    const s1 = sectionOf(report, 's1');
    const range = s1 ? headingRange(s1) : report.title ? { start: report.title.start, end: report.title.end } : line1(index);
    emit({ range, args: { items: missing } });
  },
});
