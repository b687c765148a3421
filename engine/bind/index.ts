// The bind stage: each table's grid bound to the template's row and column keys (T2, T3, T4).
import type { Report, Section, TableId, TableOf, TemplateVersion } from '../model.ts';
import type { TableGrids } from '../grid/index.ts';
import { emptyTable } from './common.ts';
import { bindT2 } from './t2.ts';
import { bindT3 } from './t3.ts';
import { bindT4 } from './t4.ts';

export function bindTables(grids: TableGrids, sections: Section[], expected: TemplateVersion | null): Report['tables'] {
  const bind = <Id extends TableId>(id: Id, binder: (items: NonNullable<TableGrids[TableId]>) => TableOf<Id>): TableOf<Id> => {
    const items = grids[id];
    if (!items) return emptyTable(id);
    const table = binder(items);
    const holder = sections.find((sec) => sec.body.start <= table.range.start && table.range.start < sec.body.end);
    if (table.status !== 'missing') table.section = holder?.key;
    table.unknownRows = table.unknownRows.filter((u) => u.start >= table.range.start && u.end <= table.range.end);
    return table;
  };
  return { T2: bind('T2', (g) => bindT2(g, expected)), T3: bind('T3', (g) => bindT3(g, expected)), T4: bind('T4', bindT4) };
}
