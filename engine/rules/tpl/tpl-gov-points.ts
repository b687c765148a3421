// TPL-GOV-POINTS: for people's governments the 2021 format's section 6 also reports the annual
// 政务公开工作要点, the disclosure of NPC/CPPCC proposal handling, and innovations ([R] → info).
// Only section 6 is searched: 建议 and 创新 are common words anywhere else.
import { defineRule } from '../api.ts';
import { hasAny, headingRange, sectionOf, sectionWords } from './shared.ts';

const ITEMS: { words: string[]; display: { zh: string; en: string } }[] = [
  { words: ['要点'], display: { zh: '政务公开工作要点', en: 'the annual work points' } },
  { words: ['建议', '提案'], display: { zh: '人大代表建议和政协提案办理结果公开', en: 'the disclosure of NPC suggestions and CPPCC proposals' } },
  { words: ['创新'], display: { zh: '政务公开工作创新', en: 'innovations' } },
];

export default defineRule({
  id: 'TPL-GOV-POINTS',
  severity: 'info',
  versions: ['2021'],
  summary: { zh: '人民政府年度报告第六部分通常还报告工作要点、建议提案和创新情况', en: "A people's government usually reports work points, proposals and innovations in section 6" },
  messages: {
    default: { zh: '人民政府年度报告通常还应在第六部分报告{items}', en: "A people's government report usually also reports {items} in section 6" },
  },
  check({ text, report, emit }) {
    if (report.agency?.kind !== 'government') return;
    const s6 = sectionOf(report, 's6');
    if (!s6) return;
    const words = sectionWords(text, s6);
    const missing = ITEMS.filter((i) => !hasAny(words, i.words)).map((i) => i.display);
    if (missing.length) emit({ range: headingRange(s6), args: { items: missing } });
  },
});
