// STRUCT-HEADING-LEVEL: when the section headings are Markdown headings, all six share one level.
// The target follows the title (title level + 1 when a section already uses it), else the most
// frequent level; the safe fix rewrites (or inserts) the `#` run.
import type { Edit } from '../../finding.ts';
import { defineRule } from '../api.ts';
import { levelOf, sectionArgs, targetLevel } from './shared.ts';

const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;

export default defineRule({
  id: 'STRUCT-HEADING-LEVEL',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '六个部分标题应为同一级', en: 'The six section headings share one level' },
  messages: {
    default: { zh: '第{ordinal}部分标题为 {level} 级，六个部分应统一为 {target} 级', en: 'Section {n} heading is level {level}; all six sections should be level {target}' },
    plain: { zh: '第{ordinal}部分标题为 普通文本行，六个部分应统一为 {target} 级', en: 'Section {n} heading is a plain line; all six sections should be level {target}' },
    fix: { zh: '改为 {target} 级标题', en: 'Make it a level-{target} heading' },
  },
  fixes: { fix: 'safe' },
  check({ report, index, structure, emit }) {
    const sections = report.sections;
    if (!sections.some((s) => s.heading.kind === 'atx')) return;
    const levels = new Set(sections.map(levelOf));
    if (levels.size < 2) return;
    const target = targetLevel(report);
    if (target === undefined) return;
    const hashes = '#'.repeat(target);
    for (const s of sections) {
      const level = levelOf(s);
      if (level === target) continue;
      const h = s.heading;
      const line = index.lines[h.line];
      let range = { start: line.start, end: line.start };
      let edits: Edit[] = [];
      if (h.kind === 'atx' && h.hashes) {
        range = { start: h.hashes.start, end: h.hashes.end };
        edits = [{ ...range, newText: hashes }];
      } else if (h.kind === 'setext') {
        // A Setext heading becomes an ATX heading: `#`s before the text, the underline removed.
        // Only a one-line heading directly above its underline is rewritten; anything else
        // (a heading text over several lines) gets the finding without a fix.
        const mark = structure.headings.get(h.line);
        const under = index.lines[h.line + 1];
        if (mark && under && SETEXT_UNDERLINE.test(under.text)) {
          edits = [{ start: line.start, end: mark.contentStart, newText: `${hashes} ` }, { start: line.end, end: under.end, newText: '' }];
        }
      } else {
        // A plain line or list item: the `#` run replaces the indentation or list marker.
        const contentStart = h.kind === 'list' ? structure.bullets.get(h.line)! : line.start + (line.text.length - line.text.trimStart().length);
        edits = [{ start: line.start, end: contentStart, newText: `${hashes} ` }];
      }
      const args = { ...sectionArgs(s.key), level: level === 'plain' ? '' : level, target };
      emit({ range, message: level === 'plain' ? 'plain' : 'default', args, fixes: edits.length ? [{ title: 'fix', args, edits }] : [] });
    }
  },
});
