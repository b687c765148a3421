// TPL-TITLE: the report opens with <机关名称><年份>年政府信息公开工作年度报告 (docs/spec/format.md §2.3); without
// it the year and agency must be guessed from the prose. When the prose names both, the fix
// writes the title from them.
import { defineRule, type FixSpec } from '../api.ts';
import { blankLine, eolOf } from './shared.ts';

export default defineRule({
  id: 'TPL-TITLE',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '报告应有含年份的标题行', en: 'The report has a title line with its year' },
  messages: {
    default: { zh: '缺少标题行（<机关名称><年份>年政府信息公开工作年度报告）', en: 'Title line missing (<agency><year>年政府信息公开工作年度报告)' },
    noYear: { zh: '标题缺少年份', en: 'The title has no year' },
    insert: { zh: '插入标题“{title}”', en: 'Insert the title “{title}”' },
    addYear: { zh: '在标题中补入“{year}年”', en: 'Add “{year}年” to the title' },
  },
  fixes: { insert: 'unsafe', addYear: 'unsafe' },
  check({ text, report, index, emit }) {
    const title = report.title;
    if (!title) {
      const fixes: FixSpec[] = [];
      const agency = report.agency?.name;
      if (agency && report.year !== undefined) {
        const t = `${agency}${report.year}年政府信息公开工作年度报告`;
        // In the document's own style: a blank line after it when the document separates its
        // blocks with blank lines, and an ATX title one level above the sections' usual level
        // (the level STRUCT-HEADING-LEVEL aims at, which the title then keeps as it was).
        const hashes = titleHashes(report.sections.flatMap((s) => (s.heading.kind === 'atx' && s.heading.level ? [s.heading.level] : [])));
        const eol = eolOf(text);
        const first = index.lines.findIndex((l) => l.text.trim() !== '');
        const gap = first >= 0 && blankLine(index, first + 1) ? eol : '';
        fixes.push({ title: 'insert', args: { title: t }, edits: [{ start: 0, end: 0, newText: `${hashes}${t}${eol}${gap}` }] });
      }
      emit({ range: { start: 0, end: 0 }, fixes });
      return;
    }
    if (title.year !== undefined) return;
    const fixes: FixSpec[] = [];
    // In the title as written (markup, a tag or a line break may stand before its words).
    const at = text.slice(title.start, title.end).search(/(政府)?(信息|政务)公开/);
    if (report.year !== undefined && at > 0) {
      fixes.push({ title: 'addYear', args: { year: report.year }, edits: [{ start: title.start + at, end: title.start + at, newText: `${report.year}年` }] });
    }
    emit({ range: { start: title.start, end: title.end }, message: 'noYear', fixes });
  },
});

/** `#`s for an inserted title: one level above the most frequent section level (ties → the smaller). */
function titleHashes(levels: number[]): string {
  if (!levels.length) return '';
  const count = new Map<number, number>();
  for (const l of levels) count.set(l, (count.get(l) ?? 0) + 1);
  const target = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  return target > 1 ? `${'#'.repeat(target - 1)} ` : '';
}
