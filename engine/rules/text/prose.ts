// Shared prose machinery of the TEXT-* rules (docs/spec/rules.md §7): which lines are prose, sentences and
// clauses with offsets, the number token N, the s3/s4-or-公开 gate, "most specific pattern wins",
// and the set of values a table supports for a quantity (the agreement rule).
import type { Cell, CellId, Report, Span } from '../../model.ts';
import type { Sentence } from '../../prose.ts';
import { chineseToNumber } from '../../text.ts';
import { sumsAt } from '../../template/index.ts';
import type { RuleContext } from '../api.ts';
import { cellOf, isNum, round } from '../helpers.ts';

type Ctx = Pick<RuleContext, 'report' | 'prose'>;

// ---------------------------------------------------------------------------------------------
// Numbers

/** Spaces a converted document puts around numbers ("新收到 7 件"); never a line break. */
const SP = '[ \\u3000\\u00a0]*';
/** The number token N: ASCII or full-width digits, or a Chinese numeral (no mixing). */
export const N = `${SP}(?<n>[0-9０-９]+|[〇零一二两三四五六七八九十百千]+)${SP}`;
/** A gap class that may not run over a number (ASCII or full-width digits). */
export const NOT_DIGIT = '\\d０-９';

/**
 * A classifier that is followed only by what a count ends with: 个 is far more often part of a
 * phrase that is no count of applications or cases ("3个工作日", "3个部门"), so it counts only
 * when the clause or sentence ends there or the counted noun follows.
 */
const GE = '个(?=$|[，,。；;、：:）)\\s]|申请|案件|政府信息公开申请|行政复议|行政诉讼)';
/** Counting words of applications (表三): 件, and 条, 份, 宗, 人次 and a guarded 个. */
export const APP_UNIT = `(?:件|条|份|宗|人次|${GE})`;
/** Counting words of reviews and suits (表四): 件, 起, 次, 宗, 例 and a guarded 个. */
export const CASE_UNIT = `(?:件|起|次|宗|例|${GE})`;

const CN_UNITS = /[十百千]/;

/** Value of an N token, or undefined (Chinese numerals only below 10000). */
export function parseNumber(token: string): number | undefined {
  if (/^[0-9０-９]+$/.test(token)) return Number(token.normalize('NFKC'));
  if (!CN_UNITS.test(token) && token.length > 1) {
    // 二〇二一: a digit-by-digit numeral, as in years.
    const digits = [...token].map((c) => chineseToNumber(c));
    if (digits.some((d) => d === undefined)) return undefined;
    const v = Number(digits.join(''));
    return v < 10000 ? v : undefined;
  }
  const v = chineseToNumber(token);
  return v !== undefined && v < 10000 ? v : undefined;
}

// ---------------------------------------------------------------------------------------------
// Prose scope: the model's (engine/prose.ts), built once per check and handed to every rule.

export type { Sentence } from '../../prose.ts';

export interface Clause extends Span {
  text: string;
}

/** Lines that are never prose for any TEXT rule (engine/prose.ts). */
export const blockedLines = (ctx: Ctx): ReadonlySet<number> => ctx.prose.blocked;

/** Sentences of the prose scope (engine/prose.ts). */
export const sentences = (ctx: Ctx): readonly Sentence[] => ctx.prose.sentences;

const CLAUSE_ENDS = /[，,：:]/g;

/** The sentence split further at ，,：: (offsets absolute). */
export function clauses(s: Sentence): Clause[] {
  const out: Clause[] = [];
  const t = s.text;
  let from = 0;
  CLAUSE_ENDS.lastIndex = 0;
  for (let m = CLAUSE_ENDS.exec(t); m; m = CLAUSE_ENDS.exec(t)) {
    const i = m.index;
    // A thousands separator ("1,234") does not end a clause.
    if (t[i] === ',' && /\d/.test(t[i - 1] ?? '') && /^\d{3}(?!\d)/.test(t.slice(i + 1))) continue;
    out.push({ start: s.start + from, end: s.start + i, text: t.slice(from, i) });
    from = i + 1;
  }
  out.push({ start: s.start + from, end: s.start + t.length, text: t.slice(from) });
  return out;
}

/**
 * The gate of the T3/T4 patterns: a bare 受理申请, 未收到…申请 or 行政复议…件 outside s3/s4 and
 * without 公开 may concern licensing, 政务服务 or the agency's own review caseload.
 */
export const gated = (s: Sentence): boolean => s.section === 's3' || s.section === 's4' || s.text.includes('公开');

// ---------------------------------------------------------------------------------------------
// Pattern matches

export interface Hit {
  /** The whole match (absolute offsets). */
  span: Span;
  /** The N token, when the pattern has one. */
  num?: Span & { text: string; value: number };
  /** Which form of the rule matched (selects the message / compared quantity). */
  form: string;
  /** Lower is more specific. */
  priority: number;
}

/**
 * Every match of `source` (a regex with an optional named group `n`) in the sentence. Matches
 * whose N is not a number below the limits are dropped. `accept` may veto a match.
 */
const COMPILED = new Map<string, { probe: RegExp; all: RegExp }>();

export function matchAll(
  s: Sentence | Clause,
  source: string,
  form: string,
  priority: number,
  accept?: (m: RegExpExecArray) => boolean,
): Hit[] {
  // Compiled once per pattern: the rules call this for every sentence of every report. Nearly
  // every sentence matches none of a rule's patterns, and a plain test() rejects it several times
  // faster than matchAll with match indices ('d') would.
  let re = COMPILED.get(source);
  if (!re) COMPILED.set(source, (re = { probe: new RegExp(source), all: new RegExp(source, 'gd') }));
  if (!re.probe.test(s.text)) return [];
  re.all.lastIndex = 0;
  const out: Hit[] = [];
  for (const m of s.text.matchAll(re.all)) {
    if (m[0] === '') continue;
    if (accept && !accept(m)) continue;
    const start = s.start + m.index!;
    const hit: Hit = { span: { start, end: start + m[0].length }, form, priority };
    const idx = m.indices?.groups?.n;
    if (m.groups?.n !== undefined && idx) {
      const value = parseNumber(m.groups.n);
      if (value === undefined || insideNumber(s.text, idx[0])) continue;
      hit.num = { start: s.start + idx[0], end: s.start + idx[1], text: m.groups.n, value };
    }
    out.push(hit);
  }
  return out;
}

/** "1,234件" or "1.5件": the token starting at `i` is the tail of a larger number, not N. */
function insideNumber(text: string, i: number): boolean {
  const digit = (c: string | undefined) => c !== undefined && /[0-9０-９]/.test(c);
  if (!/[0-9０-９]/.test(text[i])) return false;
  return digit(text[i - 1]) || (/[,.．]/.test(text[i - 1] ?? '') && digit(text[i - 2]));
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const keySpan = (h: Hit): Span => h.num ?? h.span;

/**
 * "At each text position the most specific pattern wins": hits are taken by priority (then
 * position), and a hit whose number (or, without a number, whose phrase) overlaps one already
 * taken is dropped — "新收到7件政府信息公开申请" is a 新收 statement, not also a 收到 one.
 */
export function resolve(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.priority - b.priority || a.span.start - b.span.start);
  const taken: Hit[] = [];
  for (const h of sorted) if (!taken.some((t) => overlaps(keySpan(t), keySpan(h)))) taken.push(h);
  return taken.sort((a, b) => a.span.start - b.span.start);
}

const GATED = new WeakMap<Ctx['prose'], readonly Sentence[]>();

/** The gated sentences of a check, found once: ten TEXT-* rules walk them (a 1 MB report has ~10,000 sentences). */
export function gatedSentences(ctx: Ctx): readonly Sentence[] {
  let list = GATED.get(ctx.prose);
  if (!list) GATED.set(ctx.prose, (list = sentences(ctx).filter(gated)));
  return list;
}

/** Hits of a rule over the gated sentences, resolved per sentence. */
export function gatedHits(ctx: Ctx, match: (s: Sentence) => Hit[]): { sentence: Sentence; hit: Hit }[] {
  const out: { sentence: Sentence; hit: Hit }[] = [];
  for (const s of gatedSentences(ctx)) {
    const hits = match(s);
    // Nearly every sentence matches nothing: resolve() would copy and sort an empty list.
    if (!hits.length) continue;
    for (const hit of hits.length === 1 ? hits : resolve(hits)) out.push({ sentence: s, hit });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quantities: what the table supports

export interface Quantity {
  /** The written value: Σ of the total cells. */
  value: number;
  /** Every value the table supports (each total as written or as the sum of its parts). */
  supported: Set<number>;
  /** The total cells read. */
  cells: (Cell & { value: number })[];
}

/**
 * One term: a total cell and, when all its parts are numbers, the sum of its row's own columns
 * (the declared sums along a row: a T3 row's 总计, a T4 group's 总计). Undefined = not assessed.
 */
function term(report: Report, totalId: CellId): { total: Cell & { value: number }; options: number[] } | undefined {
  const total = cellOf(report, totalId);
  if (!isNum(total)) return undefined;
  const options = [total.value];
  const version = report.tables[total.table].version;
  for (const sum of sumsAt(total.table, version, total.row, total.col).filter((s) => s.decl.along === 'row')) {
    const parts = sum.parts.map((id) => cellOf(report, id));
    if (parts.every(isNum)) {
      const value = round(parts.reduce((a, p) => a + (p as Cell & { value: number }).value, 0));
      if (value !== total.value) options.push(value);
    }
  }
  return { total, options };
}

/**
 * The quantity Σ of the given total cells. A prose number agrees with it when it equals the
 * written sum or any sum with some totals replaced by the sum of their parts (a table error is
 * then reported once, by the table rule). Undefined when any total is not a number.
 */
export function quantity(report: Report, totalIds: CellId[]): Quantity | undefined {
  const terms = totalIds.map((id) => term(report, id));
  if (!terms.length || terms.some((t) => !t)) return undefined;
  let sums = [0];
  for (const t of terms) sums = sums.flatMap((s) => t!.options.map((o) => round(s + o)));
  return {
    value: round(terms.reduce((a, t) => a + t!.total.value, 0)),
    supported: new Set(sums),
    cells: terms.map((t) => t!.total),
  };
}

/** Related-information entry for a compared cell. */
export const relatedCell = (c: Cell & { value: number }, label: { zh: string; en: string }) => ({
  cell: c, range: { start: c.start, end: c.end }, value: c.value, label,
});
