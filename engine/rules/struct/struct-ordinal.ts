// STRUCT-ORDINAL: a section heading carries the part's own top-level ordinal (三、 for s3). A
// heading recognised by its title but numbered otherwise, or not numbered, is reported; the safe
// fix writes the right numeral (the heading matches exactly one part, so the numeral is known),
// and the fixed line is still that part's heading.
import type { Heading } from '../../model.ts';
import { HEADING_LINE_LIMIT } from '../../structure/sections.ts';
import { defineRule, type FixSpec } from '../api.ts';
import { departure } from '../outline.ts';
import { specOf } from './shared.ts';

/**
 * The insertion of the ordinal, made so the line still reads as the same heading (the fix is safe:
 * it never loses a section). A converter's list number in the ordinal's place ("1.  **总体情况**")
 * goes: the ordinal before it would make the line "1.  **一、总体情况**", which is no heading; the
 * ordinal goes inside the emphasis, at the title, as converters write it ("**一、总体情况**"). A
 * line the two characters would take past the length of a heading gets no fix.
 */
function insertFix(h: Heading, ordinal: string, args: { expected: string }): FixSpec[] {
  const at = h.title.start;
  const n = h.listNumber;
  if (h.end - h.start - (n ? n.end - n.start : 0) + ordinal.length > HEADING_LINE_LIMIT) return [];
  const edits = !n
    ? [{ start: at, end: at, newText: ordinal }]
    : n.end === at
      ? [{ start: n.start, end: at, newText: ordinal }]
      : [{ start: n.start, end: n.end, newText: '' }, { start: at, end: at, newText: ordinal }];
  return [{ title: 'fixInsert', args, edits }];
}

export default defineRule({
  id: 'STRUCT-ORDINAL',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '部分标题的序号应与模板一致', en: 'Section headings carry the template number' },
  messages: {
    default: { zh: '标题序号“{written}”与内容不符，应为“{expected}、”', en: 'Heading number “{written}” does not match; expected “{expected}、”' },
    missing: { zh: '标题缺少序号，应为“{expected}、{title}”', en: 'Heading has no number; expected “{expected}、{title}”' },
    fix: { zh: '将序号改为“{expected}”', en: 'Change the number to “{expected}”' },
    fixInsert: { zh: '补上序号“{expected}、”', en: 'Insert the number “{expected}、”' },
  },
  fixes: { fix: 'safe', fixInsert: 'safe' },
  check({ text, report, index, emit }) {
    // The old outline has seven parts (收费 is the fourth): its ordinals are its own, not wrong.
    if (departure({ report, index })) return;
    for (const s of report.sections) {
      const expected = specOf(s.key).ordinal;
      const h = s.heading;
      if (!h.ordinal) {
        const at = h.title.start;
        emit({
          range: { start: at, end: at }, message: 'missing', args: { expected, title: h.title.text },
          fixes: insertFix(h, `${expected}、`, { expected }),
        });
        continue;
      }
      if (h.ordinal.text === expected) continue;
      const written = text.slice(h.ordinal.start, h.ordinal.end);
      // Only the numeral changes; the document's own punctuation after it stays.
      const numeral = { start: h.ordinal.start, end: h.ordinal.start + h.ordinal.text.length };
      emit({
        range: { start: h.ordinal.start, end: h.ordinal.end }, args: { written, expected },
        fixes: [{ title: 'fix', args: { expected }, edits: [{ ...numeral, newText: expected }] }],
      });
    }
  },
});
