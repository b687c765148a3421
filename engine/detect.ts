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
import { withoutInlineMarkup, YEAR_DIGITS } from './text.ts';

/**
 * Title line: names a year, mentions 信息公开/政务公开 and ends with 报告 (a Markdown `#` run and
 * trailing spaces allowed); no sentence punctuation, which a title never has and prose about reports
 * does. The year tells a report's title from a line about reports in general ("文件不是政府信息公开工作
 * 年度报告", the summary of a rule page).
 */
const TITLE = new RegExp(`^\\s{0,3}(?:#{1,6}\\s*)?(?=[^]*${YEAR_DIGITS}\\s*年)[^，。：；？！,;:?!]{0,80}(?:信息公开|政务公开)[^，。：；？！,;:?!]{0,30}报告\\s*#*\\s*$`, 'u');
/** The preamble's own words: "现将本机关2023年度政府信息公开工作情况报告如下". */
const PREAMBLE = new RegExp(`现将.{0,30}?${YEAR_DIGITS}\\s*年度?.{0,12}?(?:信息|政务)公开工作.{0,6}?报告如下`, 'u');

/** Section headings of the template (docs/spec/format.md §2.1), with or without an ordinal / `#` run. */
const HEADINGS: [string, RegExp][] = [
  ['s1', /^(?:#{1,6}\s*)?[一1][、.．]?\s*(?:政府信息公开)?总体情况\s*[。:：]?\s*$/u],
  // The outline reports before 2019 followed (概述 … 依申请公开 … 收费及减免 … 改进措施).
  ['s1', /^(?:#{1,6}\s*)?[一1][、.．]\s*(?:政府信息公开(?:工作)?)?概述\s*[。:：]?\s*$/u],
  ['s3', /^(?:#{1,6}\s*)?(?:[三3][、.．]\s*)?依申请公开政府信息(?:情况|的情况)\s*[。:：]?\s*$/u],
  ['fee', /^(?:#{1,6}\s*)?(?:[四4][、.．]\s*)?政府信息公开(?:的|工作)?收费(?:及|和)?减免(?:情况|的情况)\s*[。:：]?\s*$/u],
  ['s2', /^(?:#{1,6}\s*)?(?:[二2][、.．]\s*)?主动公开政府信息(?:情况|的情况)\s*[。:：]?\s*$/u],
  ['s3', /^(?:#{1,6}\s*)?(?:[三3][、.．]\s*)?(?:行政机关)?收到和处理政府信息公开申请(?:情况|的情况)\s*[。:：]?\s*$/u],
  ['s4', /^(?:#{1,6}\s*)?(?:[四4][、.．]\s*)?.{0,12}政府信息公开.{0,8}行政复议.{0,12}行政诉讼(?:情况|的情况)\s*[。:：]?\s*$/u],
  ['s5', /^(?:#{1,6}\s*)?(?:[五5六6][、.．]\s*)?(?:政府信息公开工作)?存在的?主要问题.{0,12}改进(?:情况|措施)\s*[。:：]?\s*$/u],
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
  let previous = '';
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
    if (seen++ < TITLE_LINES) {
      if (line.length <= 120 && (TITLE.test(line) || PREAMBLE.test(line))) return true;
      // A title wrapped over two lines ("某区人民政府办公室" / "2023年政府信息公开工作年度报告" reads as one
      // by the test above; "…2023年政府信息公开" / "工作年度报告" needs the join).
      if (previous && previous.length <= 50 && line.length <= 12 && TITLE.test(previous + line)) return true;
      previous = line;
    }
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
 * with 报告, prose naming the report with its year, a statistics period, two of the template's sections, or table 3 or 4
 * bound. A page that only mentions
 * reports (a news list, a site's index) has none of these.
 */
export function readsAsReport(report: Report): boolean {
  const title = report.title?.text ?? '';
  if (/(?:信息公开|政务公开)/.test(title) && /报告\s*$/.test(title)) return true;
  // The preamble naming the report with its year ("现将本机关2023年度政府信息公开工作情况报告如下") or
  // the statistics period: a report in a local format, or one whose title the page's chrome hides,
  // is still one (as nothingOfAReport below has it).
  if (report.yearSource === 'prose' || report.period) return true;
  if (new Set(report.sections.map((s) => s.key)).size >= 2) return true;
  return report.tables.T3.status === 'bound' || report.tables.T4.status === 'bound';
}

/**
 * After a check: nothing of a report at all — no title, no section, no table read, no statistics
 * period and no prose naming the report with its year ("现将本机关2023年度政府信息公开工作情况报告
 * 如下"). Only then is a file "not a report" (FILE-NOT-A-REPORT): a report in the outline before
 * 2019 or in a local format still has its title or preamble, and is checked as a report. A table
 * found but not read at all (unparseable) is no evidence on its own: a line that reads like a
 * caption (a rule page's bold "表三勾稽关系：…") is all it is.
 */
export function nothingOfAReport(report: Report): boolean {
  if (report.title || report.period || report.yearSource === 'prose' || report.sections.length) return false;
  return (['T2', 'T3', 'T4'] as const).every((t) => report.tables[t].status === 'missing' || report.tables[t].status === 'unparseable');
}
