// Does a Markdown / plain-text document look like an annual report? Under govreport.validate=auto
// only those are checked, so ordinary Markdown files never get diagnostics. A cheap line scan
// over the head of the text (never the whole of a huge file, never a parse).

/**
 * Title line: mentions 信息公开/政务公开 and ends with 报告 (a Markdown `#` run and trailing spaces
 * allowed); no sentence punctuation, which a title never has and prose about reports does.
 */
const TITLE = /^\s{0,3}(?:#{1,6}\s*)?[^，。：；？！,;:?!]{0,80}(?:信息公开|政务公开)[^，。：；？！,;:?!]{0,30}报告\s*#*\s*$/u;

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

/**
 * True when a title line appears among the first lines, or at least two template section headings
 * do. One heading alone ("一、总体情况") is too common in other Chinese documents to count.
 */
export function looksLikeReport(text: string): boolean {
  const head = text.length > HEAD_LIMIT ? text.slice(0, HEAD_LIMIT) : text;
  const lines = head.split(/\r\n|\r|\n/);
  let seen = 0;
  const found = new Set<string>();
  for (const raw of lines) {
    const line = raw.trim();
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
