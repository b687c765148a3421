// TPL-S6-FEE: the 2021 format's section 6 reads "收取信息处理费情况在此处报告" — fees may be charged
// since 2021 (国办函〔2020〕109号), so the report states whether any were. "无" does not say it.
import { defineRule } from '../api.ts';
import { departure } from '../outline.ts';
import { headingRange, sectionOf, squeeze } from './shared.ts';

export default defineRule({
  id: 'TPL-S6-FEE',
  severity: 'warning',
  versions: ['2021'],
  summary: { zh: '第六部分应说明信息处理费收取情况', en: 'Section 6 states whether processing fees were charged' },
  messages: {
    default: { zh: '第六部分未说明信息处理费收取情况（模板：“收取信息处理费情况在此处报告”）', en: 'Section 6 does not state whether information-processing fees were charged' },
  },
  check({ text, report, index, emit }) {
    // The old outline reports fees in a part of its own; the template's wording is moot (TPL-VERSION).
    if (departure({ report, index })) return;
    const s6 = sectionOf(report, 's6');
    if (!s6) return;
    const body = text.slice(s6.body.start, s6.body.end);
    // Ideographs are unchanged by NFKC and compose with nothing, and squeezing only removes
    // spaces: words found as written are found squeezed, without normalising the whole body.
    if (body.includes('处理费') || body.includes('收费')) return;
    const words = squeeze(body);
    if (words.includes('处理费') || words.includes('收费')) return;
    // "未收取任何费用": 收取 and 费 in one sentence.
    if (words.split(/[。！？；!?;]/).some((s) => s.includes('收取') && s.includes('费'))) return;
    let range = headingRange(s6);
    for (let l = s6.heading.line + 1; l < index.lines.length && index.lines[l].start < s6.body.end; l++) {
      const line = index.lines[l];
      const content = line.text.trim();
      if (!content) continue;
      const start = line.start + line.text.indexOf(content);
      range = { start, end: start + content.length };
      break;
    }
    emit({ range });
  },
});
