// Does a document look like an annual report? Hosts check only those unless told otherwise (the
// editor's govreport.validate=auto), so READMEs, notes and the rule documentation pages never get
// a report's findings. Two tests, one for each moment:
//   looksLikeReport(text)  a cheap line scan over the head of a Markdown / plain text, before any
//                          parse: a title line, or two template section headings. Fenced code is
//                          skipped (a documentation page quotes reports in examples) and inline
//                          markup read through (converters write `**一、总体情况**`).
//   readsAsReport(report)  after a check, for what no line scan can judge (an HTML page amid its
//                          site chrome): the engine found a report's title, sections or tables.
import type { Report } from './model.ts';
import { withoutInlineMarkup } from './text.ts';

/**
 * Title line: names a year, mentions 信息公开/政务公开 and ends with 报告 (a Markdown `#` run and
 * trailing spaces allowed); no sentence punctuation, which a title never has and prose about reports
 * does. The year tells a report's title from a line about reports in general ("文件不是政府信息公开工作
 * 年度报告", the summary of a rule page).
 */
const TITLE = /^\s{0,3}(?:#{1,6}\s*)?(?=[^]*(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年)[^，。：；？！,;:?!]{0,80}(?:信息公开|政务公开)[^，。：；？！,;:?!]{0,30}报告\s*#*\s*$/u;

/** Section headings of the template (docs/spec/format.md §2.1), with or without an ordinal / `#` run. */
const HEADINGS: [string, RegExp][] = [
  ['s1', /^(?:#{1,6}\s*)?[一1][、.．]?\s*(?:政府信息公开)?总体情况\s*[。:：]?\s*$/u],
  ['s2', /^(?:#{1,6}\s*)?(?:[二2][、.．]\s*)?主动公开政府信息(?:情况|的情况)\s*[。:：]?\s*$/u],
  ['s3', /^(?:#{1,6}\s*)?(?:[三3][、.．]\s*)?(?:行政机关)?收到和处理政府信息公开申请(?:情况|的情况)\s*[。:：]?\s*$/u],
  ['s4', /^(?:#{1,6}\s*)?(?:[四4][、.．]\s*)?.{0,12}政府信息公开.{0,8}行政复议.{0,12}行政诉讼(?:情况|的情况)\s*[。:：]?\s*$/u],
  ['s5', /^(?:#{1,6}\s*)?(?:[五5][、.．]\s*)?存在的?主要问题.{0,12}改进情况\s*[。:：]?\s*$/u],
  ['s6', /^(?:#{1,6}\s*)?(?:[六6][、.．]\s*)?其[他它]需要报告的事项\s*[。:：]?\s*$/u],
];

/** How far into the text the headings are looked for (a report's sections start well before). */
const HEAD_LIMIT = 200_000;
const TITLE_LINES = 30;
/** A Markdown code fence (``` or ~~~, up to three spaces in). */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * True when a title line appears among the first lines, or at least two template section headings
 * do. One heading alone ("一、总体情况") is too common in other Chinese documents to count. Lines in
 * fenced code blocks are not read: they are quoted, not the document's own.
 */
export function looksLikeReport(text: string): boolean {
  const head = text.length > HEAD_LIMIT ? text.slice(0, HEAD_LIMIT) : text;
  const lines = head.split(/\r\n|\r|\n/);
  let seen = 0;
  let fence: string | null = null;
  const found = new Set<string>();
  for (const raw of lines) {
    const open = FENCE.exec(raw);
    if (fence !== null) {
      if (open && open[1][0] === fence[0] && open[1].length >= fence.length && !raw.slice(open[0].length).trim()) fence = null;
      continue;
    }
    if (open) {
      fence = open[1];
      continue;
    }
    const line = withoutInlineMarkup(raw).trim();
    if (!line) continue;
    if (seen++ < TITLE_LINES && line.length <= 120 && TITLE.test(line)) return true;
    if (line.length > 60) continue;
    const compact = line.replace(/[\s\u3000]+/g, '');
    for (const [key, re] of HEADINGS) {
      if (!found.has(key) && re.test(compact)) {
        found.add(key);
        if (found.size >= 2) return true;
      }
    }
  }
  return false;
}

/**
 * After a check: the engine found what makes a report — a title naming 信息公开/政务公开 that ends
 * with 报告, two of the template's sections, or table 3 or 4 bound. A page that only mentions
 * reports (a news list, a site's index) has none of these.
 */
export function readsAsReport(report: Report): boolean {
  const title = report.title?.text ?? '';
  if (/(?:信息公开|政务公开)/.test(title) && /报告\s*$/.test(title)) return true;
  if (new Set(report.sections.map((s) => s.key)).size >= 2) return true;
  return report.tables.T3.status === 'bound' || report.tables.T4.status === 'bound';
}
