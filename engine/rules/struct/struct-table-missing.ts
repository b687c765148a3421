// STRUCT-TABLE-MISSING: a part's table (T2 in 二, T3 in 三, T4 in 四) is nowhere in the document,
// or a block of table 2 (caption 第二十条第（X）项) of the version is absent. The unsafe fix
// inserts the whole empty table after the part's heading (not for single blocks).
import type { TableId } from '../../model.ts';
import { TEMPLATES } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { departure } from '../outline.ts';
import { TABLE_SECTION, blockName, emptyTableText, eolOf, missingSectionAt, sectionArgs, tableFirstLine, tableNameBare, usable } from './shared.ts';

export default defineRule({
  id: 'STRUCT-TABLE-MISSING',
  severity: 'error',
  versions: ['2019', '2021'],
  summary: { zh: '第二、三、四部分应包含模板表格', en: 'Sections 2–4 hold the template tables' },
  messages: {
    default: { zh: '第{ordinal}部分缺少{table}', en: 'Section {n} has no {table}' },
    fix: { zh: '插入空白{table}', en: 'Insert an empty table' },
  },
  fixes: { fix: 'unsafe' },
  check(ctx) {
    // A report outside the template: TPL-VERSION names every missing table at once.
    if (departure(ctx)) return;
    const { text, report, index, emit } = ctx;
    const eol = eolOf(text);
    for (const id of ['T2', 'T3', 'T4'] as TableId[]) {
      const key = TABLE_SECTION[id];
      const table = report.tables[id];
      const section = report.sections.find((s) => s.key === key);
      const args = { ...sectionArgs(key), table: tableNameBare(id) };
      if (table.status === 'missing') {
        if (!section) {
          // The part itself is missing: STRUCT-SECTION-MISSING's fix inserts heading and table.
          const at = missingSectionAt(report, key, text.length);
          emit({ range: { start: at, end: at }, args });
          continue;
        }
        const line = index.lines[section.heading.line];
        const after = line.end;
        const version = report.template ?? '2021';
        const body = emptyTableText(id, version, eol);
        emit({
          range: { start: section.heading.start, end: section.heading.end }, args,
          fixes: [{ title: 'fix', args, edits: [{ start: after, end: after, newText: eol + eol + body.replace(/(\r?\n)+$/, '') + eol }] }],
        });
        continue;
      }
      if (id !== 'T2' || !usable(table) || !table.version) continue;
      // A block counts as missing when its caption is absent and none of its rows was found.
      for (const b of TEMPLATES[table.version].t2.blocks) {
        if (!table.missingBlocks?.includes(b.key)) continue;
        if (b.rows.some((r) => table.rows.get(r.key)?.label)) continue;
        emit({ range: tableFirstLine(ctx, table), args: { ...sectionArgs(key), table: blockName(b.key) } });
      }
    }
  },
});
