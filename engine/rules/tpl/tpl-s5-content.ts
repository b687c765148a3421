// TPL-S5-CONTENT: section 5 states this year's problems and what is done about them (《条例》
// 第五十条第（四）项); "无" or a text naming only one side leaves the section empty in substance.
import { defineRule } from '../api.ts';
import { departure } from '../outline.ts';
import { hasAny, headingRange, sectionOf, squeeze } from './shared.ts';

const PROBLEMS = ['问题', '不足', '短板', '薄弱', '差距'];
const IMPROVEMENTS = ['改进', '措施', '整改', '下一步', '加强', '提升', '完善'];

export default defineRule({
  id: 'TPL-S5-CONTENT',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '第五部分应说明存在的问题及改进情况', en: 'Section 5 states the problems and the improvements' },
  messages: {
    default: { zh: '第五部分应说明存在的主要问题及改进情况', en: 'Section 5 must state the main problems and improvements' },
    part: { zh: '第五部分缺少{part}', en: 'Section 5 lacks {part}' },
  },
  check({ text, report, index, emit }) {
    if (departure({ report, index })) return;
    const s5 = sectionOf(report, 's5');
    if (!s5) return;
    // The body only: the heading itself says 问题 and 改进.
    const body = squeeze(text.slice(s5.body.start, s5.body.end)).replace(/[。.；;！!]+$/, '');
    const range = headingRange(s5);
    if (body === '' || body === '无' || body === '暂无') {
      emit({ range });
      return;
    }
    const problems = hasAny(body, PROBLEMS);
    const improvements = hasAny(body, IMPROVEMENTS);
    if (!problems && !improvements) emit({ range });
    else if (!problems) emit({ range, message: 'part', args: { part: { zh: '问题', en: 'problems' } } });
    else if (!improvements) emit({ range, message: 'part', args: { part: { zh: '改进措施', en: 'improvements' } } });
  },
});
