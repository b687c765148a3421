// Findings the CLI itself reports about a file as a whole (it could not be read, it is empty, it
// is no annual report), in the engine's rule shape so every formatter treats them alike.
import { defineRule, type Rule } from '../engine/rules/api.ts';
import { RULES } from '../engine/index.ts';
import { CONFIG_INVALID } from '../engine/config.ts';
import { XYEAR_RULES } from '../engine/xyear.ts';

export const FILE_UNREADABLE = defineRule({
  id: 'FILE-UNREADABLE',
  severity: 'error',
  versions: ['any'],
  always: true,
  summary: { zh: '文件无法读取或解码', en: 'File cannot be read or decoded' },
  messages: {
    default: { zh: '无法读取文件：{reason}', en: 'The file cannot be read: {reason}' },
    binary: { zh: '文件含有二进制内容（如 NUL 字节），不是文本文件，未检查', en: 'The file has binary content (e.g. NUL bytes); it is not a text file and was not checked' },
    undecodable: {
      zh: '文件编码无法识别（支持 UTF-8、带 BOM 的 UTF-16、GB18030/GBK），未检查',
      en: 'The file’s encoding is not recognised (UTF-8, UTF-16 with BOM and GB18030/GBK are supported); it was not checked',
    },
  },
  check() {},
});

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
