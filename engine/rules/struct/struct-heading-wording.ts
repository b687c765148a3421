// STRUCT-HEADING-WORDING: a section heading recognised by its matcher but worded otherwise than
// the template (docs/spec/format.md §2.1). Punctuation width does not count; for the 2019 format the
// s5 wording 政府信息公开工作存在的主要问题及改进情况 is template wording too.
import type { SectionKey } from '../../model.ts';
import { normTitle } from '../../text.ts';
import { defineRule } from '../api.ts';
import { departure } from '../outline.ts';
import { specOf } from './shared.ts';

/** Further wordings accepted per version (docs/spec/format.md §2.1), besides the template data's own. */
const ACCEPTED: Record<'2019' | '2021', Partial<Record<SectionKey, string[]>>> = {
  '2019': { s5: ['政府信息公开工作存在的主要问题及改进情况'] },
  '2021': {},
};

/** Normalised for comparison: NFKC turns full-width punctuation into ASCII, so width never differs. */
const norm = (s: string) => normTitle(s).replace(/[“”"'‘’「」]/g, '');

export default defineRule({
  id: 'STRUCT-HEADING-WORDING',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '部分标题应使用模板措辞', en: 'Section headings use the template wording' },
  messages: {
    default: { zh: '标题“{written}”与模板“{template}”不一致', en: 'Heading “{written}” differs from the template “{template}”' },
    fix: { zh: '改为模板标题“{template}”', en: 'Use the template heading “{template}”' },
  },
  fixes: { fix: 'unsafe' },
  check({ report, index, emit }) {
    // A report in another outline words its headings its own way: one cause, told by TPL-VERSION.
    if (departure({ report, index })) return;
    const version = report.template ?? '2021';
    for (const s of report.sections) {
      const spec = specOf(s.key);
      const accepted = [spec.title, ...(spec.alsoAccepted ?? []), ...(ACCEPTED[version][s.key] ?? [])].map(norm);
      const t = s.heading.title;
      if (accepted.includes(norm(t.text))) continue;
      const args = { written: t.text, template: spec.title };
      emit({ range: { start: t.start, end: t.end }, args, fixes: [{ title: 'fix', args, edits: [{ start: t.start, end: t.end, newText: spec.title }] }] });
    }
  },
});
