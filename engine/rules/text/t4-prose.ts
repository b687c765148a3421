// Shared matcher of TEXT-REVIEW and TEXT-LITIGATION: "行政复议…N件" and the negative statement
// "未…行政复议" (not a statement of rights: 可, 有权, 依法申请).
import type { T4Col } from '../../model.ts';
import { clauses, matchAll, N, NOT_DIGIT, type Hit, type Sentence } from './prose.ts';

/**
 * Hits for `keyword` (行政复议 or 行政诉讼). A gap naming the other keyword belongs to it
 * ("行政复议和行政诉讼3件" is about suits) unless 各 distributes the number over both.
 * "未经行政复议" (without prior review) denies nothing, so it is not a negative statement.
 */
const COMBINED = new Map<string, RegExp>();
const combinedWith = (other: string): RegExp => {
  let re = COMBINED.get(other);
  if (!re) COMBINED.set(other, (re = new RegExp(`${other}(和|与|及|以及|或|、)$`)));
  return re;
};

/** The outcome columns of table 4 as the prose names them, most specific first. */
export const OUTCOMES: [T4Col, RegExp][] = [
  ['pend', /尚未审结|未审结|正在审理|审理中/],
  ['fix', /纠正|纠错|撤销|败诉|确认违法/],
  ['keep', /维持|胜诉|驳回/],
  ['other', /其他结果/],
];
const outcomeOf = (gap: string): T4Col | undefined => OUTCOMES.find(([, re]) => re.test(gap))?.[0];
/** What follows a negated keyword when the negation is about an outcome ("未发生行政复议被纠错"). */
const CORRECTED_AFTER = /^(?:案件)?(?:被|遭)?(?:依法)?(?:纠错|纠正|撤销|确认违法|败诉)/;
const OUTCOME_WORDS = /纠错|纠正|撤销|败诉|确认违法|维持|胜诉/;

/**
 * Hits for `keyword` (行政复议 or 行政诉讼), by form: 'count' (the total), 'outcome:<col>' (a count of
 * one outcome, "行政复议结果维持2件"), 'none' (no case at all) and 'noneCorrected' (no case corrected
 * or lost: "全年未发生行政复议被纠错、行政诉讼败诉的情况" says nothing of how many cases there were).
 */
export function matchT4(s: Sentence, keyword: string, other: string, priority: number): Hit[] {
  // Both patterns below name the keyword; most sentences of a report do not.
  if (!s.text.includes(keyword)) return [];
  // Lazy gap: the number is read from its first character (行政复议十二件 is 12, not 2).
  const positive = matchAll(s, `${keyword}(?<gap>[^，。；${NOT_DIGIT}]{0,8}?)${N}(件|起|次|宗)`, 'count', priority, (m) => {
    const gap = m.groups!.gap;
    const each = gap.endsWith('各');
    // "行政复议和行政诉讼共3件" counts both together: ambiguous for either table-4 quantity.
    const combined = combinedWith(other).test(s.text.slice(0, m.index));
    // "行政复议案件无一起": a negated count, not the number 1.
    const negated = /无|未|没有/.test(gap);
    return (each || (!gap.includes(other) && !combined)) && !negated;
  }).map((h) => {
    const gap = s.text.slice(h.span.start - s.start + keyword.length, h.num!.start - s.start);
    const col = /总计|合计|共/.test(gap) ? undefined : outcomeOf(gap);
    return col ? { ...h, form: `outcome:${col}` } : h;
  });
  const negative: Hit[] = [];
  for (const c of clauses(s)) {
    if (/可|有权|依法申请/.test(c.text)) continue;
    if (positive.some((p) => p.span.start < c.end && c.start < p.span.end)) continue;
    for (const h of matchAll(c, `(未|没有|无)(?<gap>[^，。；${NOT_DIGIT}]{0,24}?)${keyword}`, 'none', priority + 1, (m) => !(m[1] === '未' && m.groups!.gap.startsWith('经')))) {
      // The negation's scope: what the clause says of the keyword after it.
      const after = c.text.slice(h.span.end - c.start);
      if (CORRECTED_AFTER.test(after)) negative.push({ ...h, form: 'noneCorrected' });
      // An outcome further on ("未发生行政复议或行政诉讼败诉"): which case it denies is not certain.
      else if (!OUTCOME_WORDS.test(after)) negative.push(h);
    }
  }
  return [...positive, ...negative];
}
