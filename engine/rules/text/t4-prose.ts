// Shared matcher of TEXT-REVIEW and TEXT-LITIGATION: "行政复议…N件" and the negative statement
// "未…行政复议" (not a statement of rights: 可, 有权, 依法申请).
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
  });
  const negative: Hit[] = [];
  for (const c of clauses(s)) {
    if (/可|有权|依法申请/.test(c.text)) continue;
    if (positive.some((p) => p.span.start < c.end && c.start < p.span.end)) continue;
    negative.push(...matchAll(c, `(未|没有|无)(?<gap>[^，。；${NOT_DIGIT}]{0,24}?)${keyword}`, 'none', priority + 1, (m) => !(m[1] === '未' && m.groups!.gap.startsWith('经'))));
  }
  return [...positive, ...negative];
}
