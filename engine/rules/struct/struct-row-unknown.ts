// STRUCT-ROW-UNKNOWN: a labelled row matching no template row (002: 其他主动公开文件); it is kept
// out of every check.
import type { TableId } from '../../model.ts';
import { withoutInlineMarkup } from '../../text.ts';
import { defineRule } from '../api.ts';
import { usable } from './shared.ts';

/** Long labels carry notes in brackets; the message shows the head and elides the note. */
function shortLabel(text: string): string {
  const t = text.trim();
  if ([...t].length <= 24) return t;
  const open = t.search(/[（(]/);
  if (open > 0 && /[）)]$/.test(t)) return `${t.slice(0, open)}${t[open] === '（' ? '（…）' : '(…)'}`;
  return [...t].slice(0, 24).join('') + '…';
}

export default defineRule({
  id: 'STRUCT-ROW-UNKNOWN',
  severity: 'info',
  versions: ['2019', '2021'],
  summary: { zh: '表格中不属于模板的行不参与检查', en: 'Rows outside the template are not checked' },
  messages: {
    default: { zh: '“{label}”不是模板中的行，未参与检查', en: '“{label}” is not a template row and is not checked' },
  },
  check({ report, emit }) {
    for (const id of ['T2', 'T3'] as TableId[]) {
      const t = report.tables[id];
      if (!usable(t)) continue;
      for (const u of t.unknownRows) emit({ range: { start: u.start, end: u.end }, args: { label: shortLabel(withoutInlineMarkup(u.text)) } });
    }
  },
});
