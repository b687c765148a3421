// STRUCT-SECTION-MISSING: one of the six parts of the format has no heading. The fix inserts the
// template heading in the document's own heading style and, for s2–s4, the part's empty table.
import { SECTIONS } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { departure } from '../outline.ts';
import { TABLE_SECTION, emptyTableText, eolOf, headingLine, missingSectionAt, sectionArgs } from './shared.ts';

export default defineRule({
  id: 'STRUCT-SECTION-MISSING',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '报告应包含格式规定的六个部分', en: 'The report has all six sections of the format' },
  messages: {
    default: { zh: '缺少第{ordinal}部分“{heading}”', en: 'Section {n} “{heading}” is missing' },
    fix: { zh: '插入第{ordinal}部分标题“{ordinal}、{heading}”', en: 'Insert the heading of section {n}' },
    fixTable: { zh: '插入第{ordinal}部分标题“{ordinal}、{heading}”和空白表格', en: 'Insert the heading of section {n} and an empty table' },
  },
  fixes: { fix: 'unsafe', fixTable: 'unsafe' },
  check({ text, report, index, emit }) {
    // A report outside the template: TPL-VERSION names every missing section at once.
    if (departure({ report, index })) return;
    const present = new Set(report.sections.map((s) => s.key));
    const eol = eolOf(text);
    for (const spec of SECTIONS) {
      if (present.has(spec.key)) continue;
      const at = missingSectionAt(report, spec.key, text.length);
      const args = { ...sectionArgs(spec.key), heading: spec.title };
      const tableId = (Object.keys(TABLE_SECTION) as (keyof typeof TABLE_SECTION)[]).find((id) => TABLE_SECTION[id] === spec.key);
      // The part's table goes with it only when the table is nowhere in the document: a table
      // found elsewhere is the part's content already (STRUCT-TABLE-PLACEMENT says where it is).
      const withTable = tableId !== undefined && report.tables[tableId].status === 'missing' && report.template !== null;
      let insert = headingLine(report, spec.key) + eol;
      if (withTable) insert += eol + emptyTableText(tableId!, report.template!, eol) + eol;
      // At the end of a text without a final line break, the insertion starts on a line of its own.
      if (at === text.length && text.length && !/[\r\n]$/.test(text)) insert = eol + insert.replace(/(\r?\n)+$/, '');
      emit({
        range: { start: at, end: at }, args,
        fixes: [{ title: withTable ? 'fixTable' : 'fix', args, edits: [{ start: at, end: at, newText: insert }] }],
      });
    }
  },
});
