// TPL-YEAR-STALE: a paragraph of the prose that opens with another year as the year of the work
// ("2022年，我局…" in a 2023 report) — usually a paragraph kept from an earlier report and not
// updated. A sibling of TPL-YEAR-CONSISTENCY rather than a second message of it: that rule is an
// error (title and period contradict each other), this one a warning (a year at a paragraph's
// opening may still be meant), and a rule has one level, which the user sets per rule id.
// Read from the shared prose model (sentences outside tables, headings and section 五, whose plans
// name the coming year); only the opening of a paragraph counts, and only a year read as the year
// of the work: followed by a comma or by the work's subject, never by a month (a date), a range, a
// comparison, a document number or a carry-over.
import type { Sentence } from '../../prose.ts';
import type { Span } from '../../model.ts';
import { type LineIndex, YEAR_DIGITS, yearNumber } from '../../text.ts';
import { defineRule } from '../api.ts';

/**
 * The opening of a paragraph: list and emphasis marks, an ordinal (（一）, 1., 一是), a short label
 * (“（一）主动公开：”, “依申请公开：”), then the year,
 * 年 or 年度, and what makes it the year of the work — a comma, or the subject or verb of the work
 * straight after it ("2022年我局…", "2023年全区主动公开…"). Whatever else follows the year (月 of a
 * date, 以来, 至 / — of a range, 同期, 相比, 第N号, 度结转, 度报告, 政务公开工作要点) is not the
 * year of the work.
 */
const OPENING = new RegExp(
  `^[\\s\\u3000>*_\\-+]*(?:(?:[（(][一二三四五六七八九十\\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}是|\\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}[、．])[\\s\\u3000*_]*)?(?:[^，。：:\\s\\d]{1,12}[：:][\\s\\u3000*_]*)?(${YEAR_DIGITS})\\s*年度?[*_]*(?:[，,:：]|(?=(?:全年|上半年|下半年)?(?:我|本|全[区市县省镇乡街局委办]|[区市县省镇乡]政府|共|累计|主动|依申请|收到|受理|新收|办理|发生|未|无|通过|各级?|围绕|坚持|按照|根据|在)))`,
  'u',
);

/** Plans for the coming year, where a later year is expected ("2024年，我局将继续…"). */
const PLAN = /将|计划|拟|预计|力争|争取|下一步|下阶段|今后|明年/;
/** Words of an explicit plan, the only guard for an earlier year (将 is also the object marker 把). */
const EARLIER_PLAN = /计划|拟于|预计|力争/;
/** A comparison between years: the paragraph is about two years, not about the wrong one. (Not 同比:
 * a kept paragraph compares its own year with the one before, "2022年，…同比增长5%".) */
const COMPARISON = /相比|相较|对比|比较/;

/** A short line without a comma or a sentence's end: a sub-heading the model does not count as a
 * heading ("（二）依申请公开", "（二）2022年依申请公开"). */
const readsAsSubHeading = (line: string): boolean => line.trim().length <= 30 && !/[，,。；;]/.test(line);

/** Whether the sentence is the first of its paragraph: at its line's start, after a blank line,
 * a heading, a table, a sub-heading or a line that ends a sentence (a wrapped line of prose
 * continues one). */
function opensParagraph(s: Sentence, index: LineIndex, text: string, headings: ReadonlySet<number>, blocked: ReadonlySet<number>): boolean {
  const line = index.lines[index.lineAt(s.start)];
  if (text.slice(line.start, s.start).trim()) return false;
  const l = line.index - 1;
  if (l < 0 || headings.has(l) || blocked.has(l)) return true;
  const prev = index.lines[l].text.trim();
  // After a blank line, a sentence's end, or a sub-heading the model does not count as a heading
  // ("（二）依申请公开": short, no punctuation); a wrapped line of prose is none of these.
  return !prev || /[。！？；：:!?;]$|^<[^>]*>$/.test(prev) || readsAsSubHeading(prev);
}

const SAME_YEAR = new Map<number, RegExp>();
/** The report's year as a year, not as the start of a date. */
const sameYear = (year: number): RegExp => {
  let re = SAME_YEAR.get(year);
  if (!re) SAME_YEAR.set(year, (re = new RegExp(`${year}\\s*年(?!\\s*\\d{1,2}\\s*月)`)));
  return re;
};

export default defineRule({
  id: 'TPL-YEAR-STALE',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '正文段落所述年份应为报告年度', en: "Paragraphs open with the report's year" },
  messages: {
    default: {
      zh: '本段以“{found}年”开头，而报告年度为{year}年；是否沿用了往年报告的内容？',
      en: 'This paragraph opens with “{found}年”, but the report is for {year}; was it kept from an earlier report?',
    },
  },
  check({ text, report, index, prose, emit }) {
    const year = report.year;
    if (year === undefined) return;
    const period: Span | undefined = report.period?.node;
    for (const s of prose.sentences) {
      const m = OPENING.exec(s.text);
      if (!m) continue;
      const found = yearNumber(m[1]);
      if (found === year) continue;
      // The statistics-period statement is the period's own rule's (TPL-YEAR-CONSISTENCY).
      if (period && s.start < period.end && period.start < s.end) continue;
      if (!opensParagraph(s, index, text, prose.headings, prose.blocked)) continue;
      // The paragraph's line from the opening on: its other sentences say what the year is.
      const line = index.lines[index.lineAt(s.start)];
      const rest = text.slice(s.start, line.end);
      // A sub-heading the model does not count as a heading ("（二）2022年依申请公开").
      if (readsAsSubHeading(rest)) continue;
      if ((found > year ? PLAN : EARLIER_PLAN).test(rest) || COMPARISON.test(rest)) continue;
      // A paragraph naming the report's own year beside the other compares the two (a date in the
      // report's year, "截至2021年12月31日", compares nothing).
      if (sameYear(year).test(rest)) continue;
      const at = s.start + m.index + m[0].indexOf(m[1]);
      emit({ range: { start: at, end: at + m[1].length }, args: { found: m[1], year } });
    }
  },
});
