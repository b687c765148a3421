// Findings the CLI itself reports about a file as a whole (it could not be read, it is empty, it
// is no annual report), in the engine's rule shape so every formatter treats them alike.
import { defineRule, type Rule } from '../engine/rules/api.ts';
import { RULES } from '../engine/index.ts';
import { CONFIG_INVALID } from '../engine/config.ts';
import { XYEAR_RULES } from '../engine/xyear.ts';

export { FILE_UNREADABLE } from '../engine/notices.ts';
import { FILE_UNREADABLE } from '../engine/notices.ts';

export const FILE_EMPTY = defineRule({
  id: 'FILE-EMPTY',
  severity: 'warning',
  versions: ['any'],
  always: true,
  summary: { zh: '文件为空', en: 'File is empty' },
  messages: { default: { zh: '文件为空（没有任何文字），未检查', en: 'The file is empty (no text at all); nothing was checked' } },
  check() {},
});

export const FILE_NOT_A_REPORT = defineRule({
  id: 'FILE-NOT-A-REPORT',
  severity: 'warning',
  versions: ['any'],
  always: true,
  summary: { zh: '文件不是政府信息公开工作年度报告', en: 'File is not an annual disclosure report' },
  messages: {
    default: {
      zh: '文件中没有年度报告的标题、六个部分或表格，不像政府信息公开工作年度报告，未检查',
      en: 'The file has no report title, none of the six sections and no tables; it does not look like an annual disclosure report and was not checked',
    },
  },
  check() {},
});

export const FILE_RULES: Rule[] = [FILE_UNREADABLE, FILE_EMPTY, FILE_NOT_A_REPORT];

/** Every rule the CLI can report, engine rules first. */
export function allRules(): Rule[] {
  const seen = new Set<string>();
  const out: Rule[] = [];
  for (const r of [...RULES, CONFIG_INVALID, ...XYEAR_RULES, ...FILE_RULES]) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push(r);
  }
  return out;
}
