// TEXT-RESULT: outcomes stated in the prose ("2件已主动公开", "5件因…非我办掌握而不予公开")
// against the matching row of table 3 三、本年度办理结果, or a group's rows summed. Reasons are
// tried before verbs: "非我办掌握而不予公开" is (四)1 本机关不掌握, not the group 不予公开.
import { cellId, type Report, type T3Row } from '../../model.ts';
import { TEMPLATES } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { cellDisplay, groupDisplay, rowDisplay } from '../helpers.ts';
import { clauses, gatedSentences, matchAll, N, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';
import { matchAllDone } from './text-all-done.ts';
import { matchApplicant } from './text-applicant.ts';
import { matchCarry } from './text-carry.ts';
import { matchFwd } from './text-fwd.ts';
import { matchLitigation } from './text-litigation.ts';
import { matchNew } from './text-new.ts';
import { matchNone } from './text-none-received.ts';
import { matchReview } from './text-review.ts';

/** Keywords in the order they are tried; `row` is a T3 row key, `group` a result group. */
export const RESULT_KEYWORDS: { re: RegExp; row?: T3Row; group?: string }[] = [
  { re: /国家秘密/, row: 'r3_1' },
  { re: /法律行政法规禁止/, row: 'r3_2' },
  { re: /三安全一稳定|危及/, row: 'r3_3' },
  { re: /第三方/, row: 'r3_4' },
  { re: /内部事务/, row: 'r3_5' },
  { re: /过程性/, row: 'r3_6' },
  { re: /执法案卷/, row: 'r3_7' },
  { re: /行政查询/, row: 'r3_8' },
  { re: /不掌握|未掌握|非.{0,4}掌握|不属于本机关/, row: 'r4_1' },
  { re: /另行制作/, row: 'r4_2' },
  { re: /仍不明确/, row: 'r4_3' },
  { re: /信访|举报|投诉/, row: 'r5_1' },
  { re: /重复申请/, row: 'r5_2' },
  { re: /公开出版物/, row: 'r5_3' },
  { re: /大量反复/, row: 'r5_4' },
  { re: /确认或重新出具/, row: 'r5_5' },
  { re: /部分公开/, row: 'r2' },
  { re: /不予公开/, group: 'r3' },
  { re: /无法提供/, group: 'r4' },
  { re: /不予处理/, group: 'r5' },
  { re: /其他处理/, group: 'r6' },
  { re: /予以公开|同意公开|已公开|主动公开|全部公开/, row: 'r1' },
];

/**
 * Counting words of an outcome count. Not 条: "N条" in a sentence that also names 申请 is nearly
 * always proactive disclosure ("主动公开信息120条"), whose 主动公开 is also an outcome keyword.
 */
const RESULT_UNIT = '(?:件|份|宗|人次)';

/** How far after "N件" the keyword may start. */
const REACH = 20;

/** The patterns of the other T3/T4 rules: a clause they match is not read for outcomes. */
const OTHER_MATCHERS = [matchNew, matchCarry, matchFwd, matchNone, matchAllDone, matchReview, matchLitigation, matchApplicant];

export interface ResultHit {
  num: Hit['num'] & {};
  phrase: string;
  row?: T3Row;
  group?: string;
}

export function matchResults(s: Sentence): ResultHit[] {
  if (!s.text.includes('申请')) return [];
  const others = OTHER_MATCHERS.flatMap((m) => m(s));
  const out: ResultHit[] = [];
  for (const c of clauses(s)) {
    if (/涉及|内容|关于/.test(c.text)) continue;
    if (others.some((h) => h.span.start < c.end && c.start < h.span.end)) continue;
    const counts = matchAll(c, `${N}${RESULT_UNIT}`, 'result', 70);
    counts.forEach((h, i) => {
      // The window ends where the next count starts: "2件予以公开，3件不予公开" in one clause.
      const end = i + 1 < counts.length ? counts[i + 1].span.start : c.end;
      const after = c.text.slice(h.span.end - c.start, end - c.start);
      for (const k of RESULT_KEYWORDS) {
        const m = k.re.exec(after);
        if (!m || m.index > REACH) continue;
        out.push({ num: h.num!, phrase: m[0], row: k.row, group: k.group });
        return;
      }
    });
  }
  return out;
}

/** The rows a keyword stands for in this report's template. */
function rowsOf(report: Report, hit: ResultHit): T3Row[] {
  if (hit.row) return [hit.row];
  const rows = TEMPLATES[report.tables.T3.version ?? report.template ?? '2021'].t3.rows;
  // 2019 has a single （六）其他处理 row without a group.
  return rows.filter((r) => r.group === hit.group || (!r.group && r.key === hit.group)).map((r) => r.key);
}

export default defineRule({
  id: 'TEXT-RESULT',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文所述办理结果数应与表三一致', en: 'Outcomes in the text match table 3' },
  messages: {
    default: { zh: '正文称{phrase} {n} 件，但表三{row}·总计为 {t}', en: 'The text says {n} ({phrase}), but table 3 {row} · Total is {t}' },
  },
  check(ctx) {
    const t3 = ctx.report.tables.T3;
    if (!t3.version) return;
    for (const s of gatedSentences(ctx)) {
      for (const hit of matchResults(s)) {
        const rows = rowsOf(ctx.report, hit);
        const q = quantity(ctx.report, rows.map((r) => cellId('T3', r, 'tot')));
        const n = hit.num.value;
        if (!q || q.supported.has(n)) continue;
        const single = q.cells.length === 1;
        const row = hit.row || single ? rowDisplay(t3, rows[0]) : groupDisplay(hit.group!);
        ctx.emit({
          range: hit.num, args: { phrase: hit.phrase, n, row, t: q.value },
          cell: single ? q.cells[0] : null, written: n, computed: q.value,
          related: q.cells.map((c) => relatedCell(c, cellDisplay(t3, c))),
        });
      }
    }
  },
});
