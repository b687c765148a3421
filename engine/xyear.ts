// Cross-year checks (docs/spec/rules.md §8): two reports of one agency for consecutive years, compared.
// Pure: a host first reduces each checked report to a small digest (`xyearDigest`, a plain
// structured-cloneable object, so a worker thread can send it), pairs the digests
// (`pairConsecutive`) and compares each pair (`compareYears`). Findings are in the engine's shape,
// with offsets into the LATER report's text; the digest carries the LSP positions of every offset
// a finding can point at (`digest.positions`), so a host never needs that text again.
import type { Finding, Lang, Severity } from './finding.ts';
import type { Report, Span, TableId } from './model.ts';
import { render, type Arg } from './rules/api.ts';
import { PREVIOUS_REPORT_SUFFIX, XYEAR_CARRY, XYEAR_DUPLICATE_TABLES, XYEAR_DUPLICATE_TEXT, XYEAR_VALID_CHAIN, type Notice } from './notices.ts';
import { T3_COLUMNS } from './template/shared.ts';
import type { LineIndex, Position } from './text.ts';

const T3_COLS = T3_COLUMNS.map((c) => c.key); // np biz sci ngo law oth sub tot
const COL_DISPLAY = new Map(T3_COLUMNS.map((c) => [c.key, c.display]));
const T2_ROW_DISPLAY: Record<string, { zh: string; en: string }> = {
  reg: { zh: '规章', en: 'Rules (规章)' },
  norm: { zh: '行政规范性文件', en: 'Normative documents' },
};

export { XYEAR_NOTICES } from './notices.ts';

/** A number-or-not value with the place it was read. */
export interface DigestCell {
  value: number | null;
  span: Span;
}

export interface XYearDigest {
  /** Normalised agency name (see `agencyKey`), or null when the report names none. */
  agencyKey: string | null;
  year: number | null;
  template: '2019' | '2021' | null;
  /** Where report-level findings point: the title, else the first section heading, else 0. */
  anchor: Span;
  /** T3 carry cells of this year (present only when T3 is bound/partial), by column. */
  carry: Record<string, DigestCell>;
  /** T3 carried-forward values, by column. */
  fwd: Record<string, number | null>;
  /** T2 reg/norm made/repealed/valid (2021 layout), by `row.col`. */
  t2: Record<string, DigestCell>;
  /** Hash of every bound T2/T3/T4 cell (ids, table statuses and values); null with no bound table. */
  tablesHash: string | null;
  tablesNonZero: boolean;
  /** Whether the sentence hashes below were computed (a batch computes them only for paired reports). */
  sentences: boolean;
  /** Hashes of this report's prose sentences in s1, s5, s6 (normalised, ≥ 10 characters). */
  ownSentences: Uint32Array;
  /** Hashes of every prose sentence of the report (outside tables and headings). */
  allSentences: Uint32Array;
  /** LSP positions of every offset named above: flat triples (offset, line, character). */
  positions: Int32Array;
}

/** Agency name for pairing: NFKC, parenthesised parts and whitespace removed. */
export function agencyKey(name: string | undefined | null): string | null {
  if (!name) return null;
  let s = name.normalize('NFKC');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(/\([^()]*\)/g, '').replace(/\[[^[\]]*\]/g, '');
  }
  s = s.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
  return s || null;
}

/** Two independent 26-bit FNV-1a style hashes of a string, combined into one safe integer. */
export function hashString(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

const SENTENCE_END = /[。！？；!?;\r\n]+/;
const LINE_BREAK = /\r\n|\r|\n/;
const DROP = /[\d０-９\s\u3000\u00a0\u200b\ufeff]+/g;
const LEAD = /^[#>*\-+|]+/;

/** Normalised sentences of a span of text: NFKC, digits and whitespace deleted, ≥ 10 characters. */
function sentencesOf(text: string, out: number[], seen: Map<string, number[]>): void {
  // NFKC line by line (it maps full-width 。！？； to themselves or to the ASCII forms, both split
  // on, and composes nothing across a line break): a whole 10 MB piece would cost two 10 MB copies.
  // The own sections' lines are read again for the whole text: each line is worked out once.
  for (const line of text.split(LINE_BREAK)) {
    let hashes = seen.get(line);
    if (!hashes) seen.set(line, (hashes = sentencesOfLine(line)));
    for (const h of hashes) out.push(h);
  }
}

function sentencesOfLine(line: string): number[] {
  const out: number[] = [];
  for (const raw of line.normalize('NFKC').split(SENTENCE_END)) {
    if (raw.length < 10) continue;
    const s = raw.replace(DROP, '').replace(LEAD, '');
    if (s.length >= 10) out.push(hashString(s) % 0x100000000);
  }
  return out;
}

/** Text of `span` minus the given excluded spans (tables), as separate pieces. */
function piecesOutside(text: string, span: Span, excluded: Span[]): string[] {
  const pieces: string[] = [];
  let at = span.start;
  for (const x of excluded) {
    if (x.end <= at || x.start >= span.end) continue;
    if (x.start > at) pieces.push(text.slice(at, x.start));
    at = Math.max(at, x.end);
  }
  if (at < span.end) pieces.push(text.slice(at, span.end));
  return pieces;
}

/**
 * Reduces a checked report to what the cross-year rules need. Without `sentences` the prose is not
 * hashed (most of the cost): a batch pairs few of its reports, and computes them for those.
 */
export function xyearDigest(text: string, parsed: { report: Report; index: LineIndex }, sentences = true): XYearDigest {
  const { report, index } = parsed;
  const positions = new Map<number, Position>();
  const mark = (s: Span): Span => {
    if (!positions.has(s.start)) positions.set(s.start, index.positionAt(s.start));
    if (!positions.has(s.end)) positions.set(s.end, index.positionAt(s.end));
    return { start: s.start, end: s.end };
  };
  const heading = report.sections[0]?.heading;
  const anchor = mark(report.title ? { start: report.title.start, end: report.title.end } : heading ? { start: heading.start, end: heading.end } : { start: 0, end: 0 });

  const num = (id: string, t: TableId): number | null => {
    const c = report.tables[t].cells.get(id);
    return c && c.state === 'number' && c.value !== undefined ? c.value : null;
  };
  const usable = (t: TableId) => report.tables[t].status === 'bound' || report.tables[t].status === 'partial';

  const carry: Record<string, DigestCell> = {};
  const fwd: Record<string, number | null> = {};
  if (usable('T3')) {
    for (const col of T3_COLS) {
      const c = report.tables.T3.cells.get(`t3.carry.${col}`);
      if (c) carry[col] = { value: num(c.id, 'T3'), span: mark(c) };
      if (report.tables.T3.cells.has(`t3.fwd.${col}`)) fwd[col] = num(`t3.fwd.${col}`, 'T3');
    }
  }
  const t2: Record<string, DigestCell> = {};
  if (usable('T2') && report.template === '2021') {
    for (const row of ['reg', 'norm']) {
      for (const col of ['made', 'repealed', 'valid']) {
        const c = report.tables.T2.cells.get(`t2.${row}.${col}`);
        if (c) t2[`${row}.${col}`] = { value: num(c.id, 'T2'), span: mark(c) };
      }
    }
  }

  // The tables' content as a multiset hash: the sum of one hash per table status and per cell
  // (id = value), so the cells' order does not matter and need not be sorted.
  let sumHigh = 0;
  let sumLow = 0;
  let length = 0;
  const add = (entry: string) => {
    const h = hashString(entry);
    sumHigh = (sumHigh + Math.floor(h / 0x200000)) >>> 0;
    sumLow = (sumLow + (h % 0x200000)) % 0x200000;
    length += entry.length;
  };
  let nonZero = false;
  let anyBound = false;
  for (const t of ['T2', 'T3', 'T4'] as TableId[]) {
    const table = report.tables[t];
    add(`${t}:${table.status};`);
    if (!usable(t)) continue;
    anyBound = true;
    for (const [id, c] of table.cells) {
      const v = c.state === 'number' && c.value !== undefined ? c.value : null;
      if (v !== null && v !== 0) nonZero = true;
      add(`${id}=${v === null ? c.state : v};`);
    }
  }

  const tableSpans = (['T2', 'T3', 'T4'] as TableId[])
    .map((t) => report.tables[t])
    .filter((t) => t.status !== 'missing' && t.range.end > t.range.start)
    .map((t) => t.range)
    .sort((a, b) => a.start - b.start);
  const ownSentences: number[] = [];
  const allSentences: number[] = [];
  if (sentences) {
    const seen = new Map<string, number[]>();
    for (const s of report.sections) {
      if (s.key !== 's1' && s.key !== 's5' && s.key !== 's6') continue;
      for (const piece of piecesOutside(text, s.body, tableSpans)) sentencesOf(piece, ownSentences, seen);
    }
    const headingSpans = report.sections.map((s) => ({ start: s.heading.start, end: s.heading.end }));
    const excluded = [...tableSpans, ...headingSpans].sort((a, b) => a.start - b.start);
    for (const piece of piecesOutside(text, { start: 0, end: text.length }, excluded)) sentencesOf(piece, allSentences, seen);
  }

  return {
    agencyKey: agencyKey(report.agency?.name),
    year: report.year ?? null,
    template: report.template,
    anchor, carry, fwd, t2,
    tablesHash: anyBound ? `${sumHigh.toString(36)}.${sumLow.toString(36)}-${length}` : null,
    tablesNonZero: nonZero,
    sentences,
    ownSentences: Uint32Array.from(ownSentences),
    allSentences: Uint32Array.from(allSentences),
    positions: flatPositions(positions),
  };
}

function flatPositions(positions: Map<number, Position>): Int32Array {
  const out = new Int32Array(positions.size * 3);
  let k = 0;
  for (const [offset, p] of positions) {
    out[k++] = offset;
    out[k++] = p.line;
    out[k++] = p.character;
  }
  return out;
}

/** The LSP position of an offset recorded in the digest ({0, 0} if it was not recorded). */
export function digestPosition(d: XYearDigest, offset: number): Position {
  const p = d.positions;
  for (let i = 0; i < p.length; i += 3) if (p[i] === offset) return { line: p[i + 1], character: p[i + 2] };
  return { line: 0, character: 0 };
}

type PairingKey = { agencyKey: string | null; year: number | null };

/** Whether `prev` is last year's report of `cur`'s agency (same agency key, years y−1 and y): the
 * pairing pairConsecutive makes by a join over many reports, for one report and its candidates. */
export function isPreviousYear(prev: PairingKey, cur: PairingKey): boolean {
  return prev.agencyKey !== null && prev.agencyKey === cur.agencyKey && prev.year !== null && cur.year !== null && prev.year === cur.year - 1;
}

/**
 * Pairs of indexes [previous year, this year] among the digests: same agency key, years y−1 and y.
 * With several reports of one agency and year, the first of them (in the given order) is used.
 */
export function pairConsecutive(items: readonly PairingKey[]): [number, number][] {
  const byKey = new Map<string, number>();
  items.forEach((d, i) => {
    if (d.agencyKey === null || d.year === null) return;
    const k = `${d.agencyKey}\u0000${d.year}`;
    if (!byKey.has(k)) byKey.set(k, i);
  });
  const pairs: [number, number][] = [];
  items.forEach((d, i) => {
    if (d.agencyKey === null || d.year === null) return;
    const prev = byKey.get(`${d.agencyKey}\u0000${d.year - 1}`);
    if (prev !== undefined) pairs.push([prev, i]);
  });
  return pairs;
}

export interface CompareOptions {
  lang?: Lang;
  /** Per-rule levels from the user's configuration (readConfig(...).config.rules). */
  levels?: Record<string, Severity | 'off'>;
  /** How to name last year's report in each message (a path or a file name); not named when absent. */
  previousName?: string;
}

/** The cross-year findings of `cur` against last year's `prev` (offsets into cur's text). */
export function compareYears(prev: XYearDigest, cur: XYearDigest, options: CompareOptions = {}): Finding[] {
  const lang = options.lang ?? 'zh';
  const findings: Finding[] = [];
  const suffix = options.previousName === undefined ? '' : render(PREVIOUS_REPORT_SUFFIX, { name: options.previousName }, lang);
  const emit = (rule: Notice, range: Span, args: Record<string, Arg>, extra: Partial<Finding> = {}) => {
    const severity = options.levels?.[rule.id] ?? rule.severity;
    if (severity === 'off') return;
    findings.push({
      rule: rule.id, severity, message: render(rule.messages.default, args, lang) + suffix, range,
      cell: null, written: null, computed: null, related: [], fix: null, fixes: [], ...extra,
    });
  };

  // XYEAR-CARRY: this year's carry = last year's carried forward, per column (numbers only).
  for (const col of T3_COLS) {
    const a = cur.carry[col];
    const b = prev.fwd[col];
    if (!a || a.value === null || b === null || b === undefined || a.value === b) continue;
    emit(XYEAR_CARRY, a.span, { col: COL_DISPLAY.get(col)!, a: a.value, b }, {
      cell: { table: 'T3', row: 'carry', col }, written: a.value, computed: b,
    });
  }

  // XYEAR-VALID-CHAIN: 2021 both years.
  if (cur.template === '2021' && prev.template === '2021') {
    for (const row of ['reg', 'norm']) {
      const v = cur.t2[`${row}.valid`];
      const m = cur.t2[`${row}.made`]?.value;
      const r = cur.t2[`${row}.repealed`]?.value;
      const pv = prev.t2[`${row}.valid`]?.value;
      if (!v || v.value === null || m == null || r == null || pv == null) continue;
      const e = pv + m - r;
      if (Math.abs(e - v.value) < 1e-9) continue;
      emit(XYEAR_VALID_CHAIN, v.span, { row: T2_ROW_DISPLAY[row], v: v.value, pv, m, r, e }, {
        cell: { table: 'T2', row, col: 'valid' }, written: v.value, computed: e,
      });
    }
  }

  // XYEAR-DUPLICATE-TEXT: share of this year's s1/s5/s6 sentences found in last year's prose.
  if (cur.ownSentences.length > 0 && prev.allSentences.length > 0) {
    const last = new Set(prev.allSentences);
    let repeated = 0;
    for (const h of cur.ownSentences) if (last.has(h)) repeated++;
    const share = repeated / cur.ownSentences.length;
    if (share > 0.5) emit(XYEAR_DUPLICATE_TEXT, cur.anchor, { pct: Math.round(share * 100) });
  }

  // XYEAR-DUPLICATE-TABLES: every bound cell equal, one of them non-zero.
  if (cur.tablesHash !== null && cur.tablesHash === prev.tablesHash && cur.tablesNonZero) {
    emit(XYEAR_DUPLICATE_TABLES, cur.anchor, {});
  }
  findings.sort((x, y) => x.range.start - y.range.start || x.rule.localeCompare(y.rule));
  return findings;
}
