// TPL-S1-ASPECTS: the 2021 format says the overview "主要包括主动公开、依申请公开、政府信息管理、
// 政府信息公开平台建设、监督保障" and must not leave any out ("不能遗漏"). An aspect counts as covered
// when any of its keywords occurs in s1 (headings or body).
import { defineRule } from '../api.ts';
import { departure } from '../outline.ts';
import { hasAny, headingRange, sectionOf, sectionWords } from './shared.ts';

const ASPECTS: { words: string[]; display: { zh: string; en: string } }[] = [
  { words: ['主动公开'], display: { zh: '主动公开', en: 'proactive disclosure' } },
  { words: ['依申请', '公开申请'], display: { zh: '依申请公开', en: 'disclosure on application' } },
  { words: ['信息管理', '信息公开管理', '公开属性', '文件库'], display: { zh: '政府信息管理', en: 'information management' } },
  { words: ['平台'], display: { zh: '政府信息公开平台建设', en: 'platforms' } },
  { words: ['监督', '保障', '考核', '问责'], display: { zh: '监督保障', en: 'supervision' } },
];

export default defineRule({
  id: 'TPL-S1-ASPECTS',
  severity: 'warning',
  versions: ['2021'],
  summary: { zh: '“总体情况”应涵盖格式要求的五个方面', en: 'The overview covers the five aspects of the format' },
  messages: {
    default: {
      zh: '“总体情况”未涉及：{aspects}（格式要求包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）',
      en: 'The overview does not cover: {aspects} (required: proactive disclosure, disclosure on application, information management, platforms, supervision)',
    },
  },
  check({ text, report, index, emit }) {
    // The template's wording inside a section is moot for a report outside the template (TPL-VERSION).
    if (departure({ report, index })) return;
    const s1 = sectionOf(report, 's1');
    if (!s1) return;
    const words = sectionWords(text, s1);
    const missing = ASPECTS.filter((a) => !hasAny(words, a.words)).map((a) => a.display);
    if (missing.length) emit({ range: headingRange(s1), args: { aspects: missing } });
  },
});
