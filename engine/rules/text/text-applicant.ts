// TEXT-APPLICANT: who applied, as the prose breaks it down ("其中自然人申请120件，法人或其他组织申请
// 6件"), against the 申请人 columns of table 3 "一、本年新收": 自然人, and the 法人或其他组织 columns
// together (their 小计 when the table has one). When the sentence says its figures include last
// year's carry-over ("含上年结转"), rows 一 and 二 are summed.
import type { CellId, T3Col, T3Row } from '../../model.ts';
import { T3_ORGS } from '../../template/index.ts';
import { defineRule } from '../api.ts';
import { cellDisplay, isNum, cellOf } from '../helpers.ts';
import { APP_UNIT, clauses, gatedHits, matchAll, N, quantity, relatedCell, type Hit, type Sentence } from './prose.ts';

/** What may stand between the applicant and the count: "自然人提出的政府信息公开申请共120件". */
const TAIL = `(?:提出|提交)?(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:申请)?(?:数量)?(?:共|为|有)?${N}${APP_UNIT}`;
const WHO: ['np' | 'org', string][] = [
  ['np', `(?<!非)自然人${TAIL}`],
  ['np', `申请人(?:为|是)自然人的${TAIL}`],
  ['org', `法人(?:(?:或|或者|和|及|与)其他组织)?${TAIL}`],
];
/** "公民、法人或其他组织申请12件" names every applicant: the number is the whole, not a part. */
const JOINED_BEFORE = /(公民|自然人|法人|组织)(、|和|与|及|或|或者)$/;
const NEGATION = /无|未|没有/;
/** The sentence says its figures include the carry-over. */
export const WITH_CARRY = /(含|包括|包含|连同|加上)(了)?(上年|上一年|以前年度)(度)?结转/;

export function matchApplicant(s: Sentence): Hit[] {
  if (!/自然人|法人/.test(s.text) || !(s.text.includes('申请') || s.section === 's3')) return [];
  const out: Hit[] = [];
  for (const c of clauses(s)) {
    for (const [who, re] of WHO) {
      for (const h of matchAll(c, re, who, 25)) {
        const before = c.text.slice(0, h.span.start - c.start);
        if (JOINED_BEFORE.test(before) || NEGATION.test(before)) continue;
        out.push(h);
      }
    }
  }
  return out;
}

/** The cells of one applicant kind in one row: 自然人, or the organisations (their 小计 first). */
function idsOf(who: string, row: T3Row, report: Parameters<typeof cellOf>[0]): CellId[] {
  if (who === 'np') return [`t3.${row}.np`];
  if (report.tables.T3.hasSubtotal && isNum(cellOf(report, `t3.${row}.sub`))) return [`t3.${row}.sub`];
  return T3_ORGS.map((col: T3Col) => `t3.${row}.${col}` as CellId);
}

export default defineRule({
  id: 'TEXT-APPLICANT',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '正文所述各类申请人的申请数应与表三一致', en: 'Applications by kind of applicant in the text match table 3' },
  messages: {
    default: { zh: '正文称自然人申请 {n} 件，但表三{row}·自然人为 {t}', en: 'The text says {n} application(s) from natural persons, but table 3 {row} · Natural persons is {t}' },
    org: {
      zh: '正文称法人或其他组织申请 {n} 件，但表三{row}·法人或其他组织合计为 {t}',
      en: 'The text says {n} application(s) from organisations, but table 3 {row} · organisations add up to {t}',
    },
  },
  check(ctx) {
    const t3 = ctx.report.tables.T3;
    if (!t3.version) return;
    for (const { sentence, hit } of gatedHits(ctx, matchApplicant)) {
      const rows: T3Row[] = WITH_CARRY.test(sentence.text) ? ['new', 'carry'] : ['new'];
      const q = quantity(ctx.report, rows.flatMap((r) => idsOf(hit.form, r, ctx.report)));
      const n = hit.num!.value;
      if (!q || q.supported.has(n)) continue;
      const row = rows.length > 1 ? { zh: '“一、本年新收”加“二、上年结转”', en: 'I + II' } : { zh: '“一、本年新收”', en: 'I' };
      ctx.emit({
        range: hit.num!, message: hit.form === 'np' ? 'default' : 'org', args: { n, t: q.value, row },
        cell: q.cells.length === 1 ? q.cells[0] : null, written: n, computed: q.value,
        related: q.cells.map((c) => relatedCell(c, cellDisplay(t3, c))),
      });
    }
  },
});
