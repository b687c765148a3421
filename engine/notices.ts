// Host diagnostics: what a host (or the engine around its rules: its source stage, the
// configuration) says about a file, a fetch, a configuration or a pair of reports — never the
// result of checking one report's content. They
// are not rules: no check(), no template versions. Hosts and formatters list them beside the
// rules (SARIF's rule table, docs links); each has a docs page docs/rules/<ID>.md like a rule.
import type { Finding, Lang, Severity } from './finding.ts';
import type { Span } from './model.ts';
import { render, type Arg, type MessageTemplate } from './rules/api.ts';

export interface Notice {
  id: string;
  severity: Severity;
  summary: MessageTemplate;
  messages: Record<string, MessageTemplate>;
}

function notice(n: Notice): Notice {
  if (!n.messages.default) throw new Error(`${n.id}: no default message`);
  return n;
}

// ─── Files (the CLI's reading, writing and fetching) ───────────────────────────────────────

export const FILE_UNREADABLE = notice({
  id: 'FILE-UNREADABLE',
  severity: 'error',
  summary: { zh: '文件无法读取或解码', en: 'File cannot be read or decoded' },
  messages: {
    default: { zh: '无法读取文件：{reason}', en: 'The file cannot be read: {reason}' },
    binary: { zh: '文件含有二进制内容（如 NUL 字节），不是文本文件，未检查', en: 'The file has binary content (e.g. NUL bytes); it is not a text file and was not checked' },
    undecodable: {
      zh: '文件编码无法识别（支持 UTF-8、带 BOM 的 UTF-16、GB18030/GBK），未检查',
      en: 'The file’s encoding is not recognised (UTF-8, UTF-16 with BOM and GB18030/GBK are supported); it was not checked',
    },
    special: {
      zh: '不是普通文件（{kind}），未读取',
      en: 'Not a regular file ({kind}); it was not read',
    },
    tooLarge: {
      zh: '文件大小 {size} 超过上限 {limit}，未检查（可用 --max-file-size 调整）',
      en: 'The file is {size}, over the limit of {limit}; it was not checked (see --max-file-size)',
    },
    directory: { zh: '无法读取目录：{reason}，其中的文件未检查', en: 'The directory cannot be read: {reason}; nothing in it was checked' },
    // The engine's source stage, one message per kind of document it cannot read (engine/source/index.ts).
    'legacy-office': {
      zh: '文件是 Word 97–2003（.doc）、WPS（.wps）或 RTF 格式，无法直接检查；请另存为 .docx 后再检查',
      en: 'The file is in Word 97–2003 (.doc), WPS (.wps) or RTF format and cannot be checked; save it as .docx and check again',
    },
    'zip-not-docx': { zh: '文件是压缩包，但不是 Word 文档（.docx），未检查', en: 'The file is a ZIP archive but not a Word document (.docx); it was not checked' },
    'docx-damaged': { zh: 'Word 文档（.docx）已损坏或不完整，无法读取，未检查', en: 'The Word document (.docx) is damaged or incomplete and cannot be read; it was not checked' },
    'docx-too-large': {
      zh: 'Word 文档（.docx）解压后超过 50 MB 或含有超过 10,000 个部件，未检查',
      en: 'The Word document (.docx) expands to more than 50 MB or holds more than 10,000 parts; it was not checked',
    },
    'html-too-large': { zh: '网页超过 2,000 万个字符，未检查', en: 'The web page has more than 20 million characters; it was not checked' },
    'pdf-damaged': { zh: 'PDF 文件已损坏或格式有误，无法读取，未检查', en: 'The PDF is damaged or malformed and cannot be read; it was not checked' },
    'pdf-encrypted': { zh: 'PDF 文件已加密（需要密码），无法读取，未检查', en: 'The PDF is encrypted (it needs a password) and cannot be read; it was not checked' },
    'pdf-no-text': { zh: 'PDF 无文字层（扫描件），需先做文字识别', en: 'The PDF has no text layer (a scan); it needs text recognition first' },
    'pdf-too-large': { zh: 'PDF 文件超过 2,000 页或读取超时，未检查', en: 'The PDF has more than 2,000 pages or took too long to read; it was not checked' },
    'pdf-page-too-large': {
      zh: 'PDF 有一页含超过 10 万段文字（页面内容异常，不像报告），未检查',
      en: 'A page of the PDF holds more than 100,000 pieces of text (not a report\'s page); it was not checked',
    },
  },
});

export const FILE_EMPTY = notice({
  id: 'FILE-EMPTY',
  severity: 'warning',
  summary: { zh: '文件为空', en: 'File is empty' },
  messages: { default: { zh: '文件为空（没有任何文字），未检查', en: 'The file is empty (no text at all); nothing was checked' } },
});

export const FILE_NOT_A_REPORT = notice({
  id: 'FILE-NOT-A-REPORT',
  severity: 'warning',
  summary: { zh: '文件不是政府信息公开工作年度报告', en: 'File is not an annual disclosure report' },
  messages: {
    default: {
      zh: '文件中没有年度报告的标题、六个部分或表格，不像政府信息公开工作年度报告，未检查',
      en: 'The file has no report title, none of the six sections and no tables; it does not look like an annual disclosure report and was not checked',
    },
  },
});

export const FILE_INTERNAL = notice({
  id: 'FILE-INTERNAL',
  severity: 'error',
  summary: { zh: '检查此文件时程序内部出错', en: 'Internal error while checking the file' },
  messages: {
    default: { zh: '检查此文件时程序内部出错，结果不完整：{reason}', en: 'An internal error stopped the check of this file; its result is incomplete: {reason}' },
  },
});

export const FILE_FIX_SKIPPED = notice({
  id: 'FILE-FIX-SKIPPED',
  severity: 'warning',
  summary: { zh: '--fix 未修改此文件', en: '--fix left the file untouched' },
  messages: {
    default: { zh: '--fix 未修改此文件：{reason}', en: '--fix left the file untouched: {reason}' },
    readonly: { zh: '文件为只读，--fix 未修改此文件', en: 'The file is read-only; --fix left it untouched' },
    changed: {
      zh: '文件在检查期间被其他程序修改，--fix 未写回，以免覆盖他人的修改',
      en: 'The file changed while it was being checked; --fix did not write it, so as not to overwrite that change',
    },
    unparsedTable: { zh: '有表格未能完整识别，--fix 未修改此文件', en: 'A table could not be fully read; --fix left the file untouched' },
    encoding: { zh: '无法按原编码无损写回，--fix 未修改此文件', en: 'The file cannot be written back losslessly in its encoding; --fix left it untouched' },
    writeFailed: { zh: '写回失败：{reason}', en: 'Writing the fixed file failed: {reason}' },
  },
});

export const FILE_FETCH = notice({
  id: 'FILE-FETCH',
  severity: 'error',
  summary: { zh: '网址无法获取', en: 'URL could not be fetched' },
  messages: {
    default: { zh: '无法获取网址：{reason}', en: 'The URL could not be fetched: {reason}' },
  },
});

// ─── Configuration ─────────────────────────────────────────────────────────────────────────

/** Reported by check() itself when the configuration it was given cannot be used. */
export const CONFIG_INVALID = notice({
  id: 'CONFIG-INVALID',
  severity: 'warning',
  summary: { zh: '配置文件无效', en: 'Invalid configuration file' },
  messages: {
    default: { zh: '配置文件 .govreportrc.json 无效（{reason}），已按默认设置检查', en: 'The .govreportrc.json configuration is invalid ({reason}); defaults were used' },
    unknownRule: {
      zh: '配置文件 .govreportrc.json 中的规则“{id}”不存在（是否应为 {closest}？），此项未生效',
      en: 'The .govreportrc.json configuration names no rule “{id}” (did you mean {closest}?); that entry has no effect',
    },
    unknownRuleNoGuess: {
      zh: '配置文件 .govreportrc.json 中的规则“{id}”不存在，此项未生效',
      en: 'The .govreportrc.json configuration names no rule “{id}”; that entry has no effect',
    },
  },
});

export const CONFIG_OUTSIDE = notice({
  id: 'CONFIG-OUTSIDE',
  severity: 'warning',
  summary: { zh: '所检查目录之外的配置文件关闭了规则', en: 'A configuration outside the checked folder turns rules off' },
  messages: {
    default: {
      zh: '所用配置文件 {path} 位于所检查的目录之外，并关闭了 {n} 条规则（{rules}）；请确认这是有意的',
      en: 'The configuration {path} lies outside the checked folder and turns {n} rule(s) off ({rules}); make sure that is intended',
    },
  },
});

// ─── Cross-year (engine/xyear.ts compares two reports) ─────────────────────────────────────

export const XYEAR_CARRY = notice({
  id: 'XYEAR-CARRY',
  severity: 'warning',
  summary: { zh: '上年结转应等于上一年度报告的结转下年度', en: 'Carried over equals last year’s carried forward' },
  messages: {
    default: {
      zh: '上年结转·{col} 为 {a}，但上一年度报告结转下年度·{col} 为 {b}',
      en: 'Carried over · {col} is {a}, but last year’s report carried {b} forward',
    },
  },
});

export const XYEAR_VALID_CHAIN = notice({
  id: 'XYEAR-VALID-CHAIN',
  severity: 'info',
  summary: { zh: '现行有效件数应与上年衔接', en: 'Documents in force chain from last year' },
  messages: {
    default: {
      zh: '{row}现行有效 {v} 与上年 {pv} + 本年制发 {m} − 本年废止 {r} = {e} 不符',
      en: '{row}: {v} in force ≠ {pv} + {m} − {r} = {e}',
    },
  },
});

export const XYEAR_DUPLICATE_TEXT = notice({
  id: 'XYEAR-DUPLICATE-TEXT',
  severity: 'warning',
  summary: { zh: '正文不应大段照搬上一年度报告', en: 'Text should not copy last year’s report' },
  messages: {
    default: { zh: '正文与上一年度报告重复率 {pct}%，超过 50%', en: '{pct}% of the text repeats last year’s report (over 50%)' },
  },
});

export const XYEAR_DUPLICATE_TABLES = notice({
  id: 'XYEAR-DUPLICATE-TABLES',
  severity: 'warning',
  summary: { zh: '表格数字不应与上一年度完全相同', en: 'Tables should not be identical to last year’s' },
  messages: {
    default: { zh: '表二至表四的数字与上一年度报告完全相同', en: 'Tables 2–4 are identical to last year’s' },
  },
});

// ─── Findings the engine adds around its rules ────────────────────────────────────────────

/**
 * The one finding that stands for a rule's findings past the per-document limit (check.ts). It
 * carries the rule's own id and severity, so configuration, --quiet and the exit code treat it as
 * that rule's; only its message is this one.
 */
export const CAPPED_MESSAGE: MessageTemplate = {
  zh: '本文件中还有 {n} 处同类问题未逐条列出（每条规则最多列出 {limit} 处）',
  en: '{n} more finding(s) of this rule in the file are not listed (at most {limit} per rule)',
};

/** Appended to a cross-year finding's message: which report was last year's (the CLI and the editor). */
export const PREVIOUS_REPORT_SUFFIX: MessageTemplate = {
  zh: '（上一年度报告：{name}）',
  en: ' (last year’s report: {name})',
};

export const FILE_NOTICES: Notice[] = [FILE_UNREADABLE, FILE_EMPTY, FILE_NOT_A_REPORT, FILE_INTERNAL, FILE_FIX_SKIPPED, FILE_FETCH];
export const CONFIG_NOTICES: Notice[] = [CONFIG_INVALID, CONFIG_OUTSIDE];
export const XYEAR_NOTICES: Notice[] = [XYEAR_CARRY, XYEAR_VALID_CHAIN, XYEAR_DUPLICATE_TEXT, XYEAR_DUPLICATE_TABLES];
/** Every notice, in a stable order. */
export const NOTICES: Notice[] = [...CONFIG_NOTICES, ...XYEAR_NOTICES, ...FILE_NOTICES];

export function noticeById(id: string): Notice | undefined {
  return NOTICES.find((n) => n.id === id);
}

/** A notice's message in a language ('default' when the key is unknown). */
export function noticeMessage(n: Notice, lang: Lang, message = 'default', args?: Record<string, Arg>): string {
  return render(n.messages[message] ?? n.messages.default, args, lang);
}

/** A notice as an engine finding at `range` (no cell, no fix). */
export function noticeFinding(n: Notice, range: Span, lang: Lang, options: { message?: string; args?: Record<string, Arg>; severity?: Severity } = {}): Finding {
  return {
    rule: n.id, severity: options.severity ?? n.severity, message: noticeMessage(n, lang, options.message, options.args), range,
    cell: null, written: null, computed: null, related: [], fix: null, fixes: [],
  };
}
