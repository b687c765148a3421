// Shared matcher of TEXT-REVIEW and TEXT-LITIGATION: "行政复议…N件" and the negative statement
// "未…行政复议" (not a statement of rights: 可, 有权, 依法申请).
import type { T4Col } from '../../model.ts';
import { CASE_UNIT, clauses, matchAll, N, NOT_DIGIT, type Hit, type Sentence } from './prose.ts';

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
  const positive = matchAll(s, `${keyword}(?<gap>[^，。；${NOT_DIGIT}]{0,8}?)${N}${CASE_UNIT}`, 'count', priority, (m) => {
    const gap = m.groups!.gap;
    const each = gap.endsWith('各');
    // "行政复议和行政诉讼共3件" counts both together: ambiguous for either table-4 quantity.
    const combined = combinedWith(other).test(s.text.slice(0, m.index));
    // "行政复议案件无一起": a negated count, not the number 1.
    const negated = /无|未|没有/.test(gap);
    // "经行政复议后起诉的1件" is a suit after review, "行政诉讼直接起诉2件" one group of the suits:
    // neither is the keyword's own total (the suit groups are read by suitParts below).
    const part = AFTER_REVIEW_GAP.test(gap) || SUIT_GROUP_GAP.test(gap);
    return (each || (!gap.includes(other) && !combined)) && !negated && !part;
  }).map((h) => {
    const gap = s.text.slice(h.span.start - s.start + keyword.length, h.num!.start - s.start);
    const col = /总计|合计|共/.test(gap) ? undefined : (outcomeOf(gap) ?? outcomeAfter(s, h));
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
  return [...positive, ...negative, ...(keyword === '行政诉讼' ? suitParts(s, priority) : []), ...outcomeClauses(s, keyword, priority)];
}

const AFTER_REVIEW_GAP = /^后|起诉/;

/** "复议后起诉的2件维持": an outcome word right after the count makes it a count of that outcome. */
const OUTCOME_AFTER = new RegExp(`^(?:案件)?(?:被|予以|已|经)?(?:依法)?(?:${OUTCOMES.map(([, re]) => re.source).join('|')})`);
function outcomeAfter(s: Sentence, h: Hit): T4Col | undefined {
  const m = OUTCOME_AFTER.exec(s.text.slice(h.span.end - s.start));
  return m ? outcomeOf(m[0]) : undefined;
}
const SUIT_GROUP_GAP = /直接|复议后|经复议/;

/** The two groups of suits in table 4, as the prose names them. */
const SUIT_GROUPS: ['dir' | 'post', string][] = [
  ['dir', '(?:未经(?:行政)?复议(?:而)?(?:直接)?|直接)(?:提起|起诉)'],
  ['post', '(?:经)?(?:行政)?复议后(?:提起|起诉|再起诉)'],
];

/**
 * "其中未经复议直接起诉1件、复议后起诉1件": a count of one group of suits, form 'part:dir' or
 * 'part:post' (compared with that group's 总计); an outcome right after the group's name
 * ("直接起诉结果维持1件") is form 'outcome:<col>@<group>'.
 */
function suitParts(s: Sentence, priority: number): Hit[] {
  if (!s.text.includes('起诉')) return [];
  return SUIT_GROUPS.flatMap(([group, name]) =>
    matchAll(s, `${name}(?:行政诉讼|诉讼)?(?:的)?(?:案件)?(?<gap>[^，,。；、${NOT_DIGIT}]{0,6}?)${N}${CASE_UNIT}`, `part:${group}`, priority, (m) => !/无|未|没有/.test(m.groups!.gap)).map((h) => {
      const named = s.text.slice(h.span.start - s.start, h.num!.start - s.start);
      const col = /总计|合计|共/.test(named) ? undefined : (outcomeOf(named) ?? outcomeAfter(s, h));
      return col ? { ...h, form: `outcome:${col}@${group}` } : h;
    }),
  );
}

/** What a later clause's outcome count belongs to: the last of these named before it. */
const CONTEXT_MARKS: [string, RegExp][] = [
  ['rev', /行政复议(?!后)/g],
  ['lit', /行政诉讼/g],
  ['dir', /未经(?:行政)?复议|直接(?:提起|起诉)/g],
  ['post', /复议后(?:提起|起诉|再起诉)?/g],
];
const OUTCOME_WORD = OUTCOMES.map(([, re]) => re.source).join('|');
/** A negation before the outcome word ("无被纠正案件"); 尚未审结 is an outcome, not a negation. */
const NEGATION = /(?<!尚)未(?!审结)|无|没有/;

/**
 * "行政复议3件，其中维持2件、纠正1件" / "…，1件尚未审结": outcome counts in the clauses after the
 * keyword, read as outcomes of the case kind named last before them (a review, a suit, or one
 * group of suits). Clauses before any mark, or with a negation, are not read.
 */
function outcomeClauses(s: Sentence, keyword: string, priority: number): Hit[] {
  if (!OUTCOMES.some(([, re]) => re.test(s.text))) return [];
  const marks: { at: number; kind: string }[] = [];
  for (const [kind, re] of CONTEXT_MARKS) for (const m of s.text.matchAll(re)) marks.push({ at: m.index!, kind });
  if (!marks.length) return [];
  marks.sort((a, b) => a.at - b.at);
  const wanted = keyword === '行政复议' ? ['rev'] : ['lit', 'dir', 'post'];
  const out: Hit[] = [];
  for (const c of clauses(s)) {
    const from = c.start - s.start;
    const before = marks.filter((m) => m.at < from);
    if (!before.length) continue;
    const kind = before[before.length - 1].kind;
    if (!wanted.includes(kind)) continue;
    const forms = [
      `(?<w>${OUTCOME_WORD})(?:原|的|了)?(?:行政行为|决定|案件)?${N}${CASE_UNIT}`,
      `${N}${CASE_UNIT}(?:案件)?(?:被|予以|已|经)?(?:依法)?(?<w>${OUTCOME_WORD})`,
    ];
    for (const re of forms) {
      for (const h of matchAll(c, re, 'outcome', priority + 2)) {
        const text = s.text.slice(h.span.start - s.start, h.span.end - s.start);
        const col = outcomeOf(text);
        if (!col || NEGATION.test(c.text.slice(0, h.span.start - c.start).replace(/尚未审结/g, ''))) continue;
        out.push({ ...h, form: kind === 'dir' || kind === 'post' ? `outcome:${col}@${kind}` : `outcome:${col}` });
      }
    }
  }
  return out;
}
