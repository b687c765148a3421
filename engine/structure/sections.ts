// Sections, title, report year, agency and statistics period (docs/spec/format.md §2.2–§2.4).
import type { Agency, AgencyKind, Heading, Period, Section, SectionKey, Span } from '../model.ts';
import { SECTIONS, TABLE_CAPTION_LABELS } from '../template/index.ts';
import { chineseToNumber, normTitle, ordinalValue, unwrapped, YEAR_DIGITS, yearNumber, type LineIndex } from '../text.ts';
import type { DocStructure } from '../source/types.ts';

/** Top-level ordinal at the start of a line: 一、 一. 一． 一， 一, or 一 followed by a space. */
export const TOP_ORDINAL = /^([一二三四五六七八九十]{1,3})(?:[、.．，,]|[ \u3000](?=\S))[ \u3000]*/;
/** Second to fourth level: （一） (一) 1. 1、 1． （1） (1) */
export const SUB_ORDINAL = /^(?:[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[）)])/;
/** A longer line is never a section heading (it is a paragraph that starts like one). */
export const HEADING_LINE_LIMIT = 300;
const T3_KEYWORDS = ['本年新收', '上年结转', '本年度办理结果', '结转下年度'];
const CAPTIONS = new Set(TABLE_CAPTION_LABELS.map((l) => normTitle(l)));
const NUMERIC_TOKEN = /^[+-]?[\d０-９][\d０-９,.．]*$/;

interface Candidate {
  heading: Heading;
  norm: string;
  ordinalValue?: number;
  matches: SectionKey[];
}

function endsWithTwoNumbers(text: string): boolean {
  if (!/\S[ \u3000]+\S/.test(text)) return false; // one token: nothing to split (most lines)
  const tokens = text.trim().split(/[ \u3000]+/);
  return tokens.length >= 2 && NUMERIC_TOKEN.test(tokens[tokens.length - 1]) && NUMERIC_TOKEN.test(tokens[tokens.length - 2]);
}

const TEMPLATE_TITLES = new Set(SECTIONS.flatMap((s) => [s.title, ...(s.alsoAccepted ?? [])].map(normTitle)));

function candidateAt(idx: LineIndex, s: DocStructure, l: number): Candidate | undefined {
  const line = idx.lines[l];
  if (s.code.has(l) || s.gridLines.has(l)) return undefined;
  const mark = s.headings.get(l);
  // No TAB or pipe (a table row, docs/spec/format.md §2.2) — in the content: `#\t标题` separates by a TAB.
  const tested = mark?.kind === 'atx' ? idx.text.slice(mark.contentStart, mark.contentEnd) : line.text;
  if (tested.includes('\t') || tested.includes('|')) return undefined;
  if (line.text.length > HEADING_LINE_LIMIT) return undefined;
  let contentStart: number;
  let contentEnd: number;
  let kind: Heading['kind'];
  if (mark) {
    contentStart = mark.contentStart;
    contentEnd = mark.contentEnd;
    kind = mark.kind;
  } else if (s.bullets.has(l)) {
    contentStart = s.bullets.get(l)!;
    contentEnd = line.end;
    kind = 'list';
  } else {
    contentStart = line.start;
    contentEnd = line.end;
    kind = 'plain';
  }
  let content = idx.text.slice(contentStart, contentEnd);
  const lead = content.length - content.trimStart().length;
  contentStart += lead;
  content = content.trim();
  // Converters wrap headings in emphasis or inline HTML (`**一、总体情况**`): read inside it.
  const [ia, ib] = unwrapped(content);
  contentStart += ia;
  content = content.slice(ia, ib);
  contentEnd = contentStart + content.length;
  if (!content || endsWithTwoNumbers(content)) return undefined;
  const sub = SUB_ORDINAL.exec(content);
  let listNumber: Heading['listNumber'];
  if (sub) {
    // "1.  总体情况": a Markdown ordered list item (a converter's rendering of Word's numbering) whose
    // text is a template heading is that heading; any other sub-ordinal line is body text.
    const after = content.slice(sub[0].length);
    const spaces = after.length - after.trimStart().length;
    const [sa] = unwrapped(after.trimStart());
    const restStart = sub[0].length + spaces + sa;
    if (!TEMPLATE_TITLES.has(normTitle(content.slice(restStart)))) return undefined;
    listNumber = { start: contentStart, end: contentStart + sub[0].length + spaces, text: sub[0] };
    contentStart += restStart;
    content = content.slice(restStart);
  }
  const ord = TOP_ORDINAL.exec(content);
  let titleStart = contentStart;
  let ordinal: Heading['ordinal'];
  let ordValue: number | undefined;
  if (ord) {
    ordinal = { start: contentStart, end: contentStart + ord[1].length + 1, text: ord[1] };
    if (content[ord[1].length] === ' ' || content[ord[1].length] === '\u3000') ordinal.end = contentStart + ord[1].length;
    ordValue = ordinalValue(ord[1]);
    titleStart = contentStart + ord[0].length;
  }
  // A plain line or list item is a candidate only with a top-level ordinal, or when its whole
  // text is a template heading title. Asked before the title is cut out: most lines are prose.
  if (!mark && !ord && !(TEMPLATE_TITLES.has(normTitle(content)))) return undefined;
  const rest = idx.text.slice(titleStart, contentEnd);
  const stop = rest.search(/[。：:]/);
  const titleText = (stop >= 0 ? rest.slice(0, stop) : rest).trim();
  const norm = normTitle(titleText);
  if (!norm || [...norm].length > 40) return undefined;
  if (T3_KEYWORDS.some((k) => norm.includes(k))) return undefined;
  // A sub-heading naming one of a table's groups ("### 行政复议" over a small table) is a caption.
  if (CAPTIONS.has(norm)) return undefined;
  const heading: Heading = {
    start: line.start, end: line.end, line: l, ordinal,
    title: { start: titleStart, end: titleStart + titleText.length, text: titleText },
    ...(listNumber ? { listNumber } : {}),
    level: mark?.kind === 'atx' || mark?.kind === 'setext' ? mark.level : undefined,
    hashes: mark?.hashes, kind,
  };
  const matches = SECTIONS.filter((sec) => sec.match(norm)).map((sec) => sec.key);
  return { heading, norm, ordinalValue: ordValue, matches };
}

export function findSections(idx: LineIndex, s: DocStructure): Section[] {
  const byKey = new Map<SectionKey, Candidate[]>();
  for (let l = 0; l < idx.lines.length; l++) {
    const c = candidateAt(idx, s, l);
    if (!c || c.matches.length !== 1) continue;
    const key = c.matches[0];
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(c);
  }
  const chosen: { key: SectionKey; heading: Heading; duplicates: Heading[] }[] = [];
  for (const spec of SECTIONS) {
    let cands = byKey.get(spec.key);
    if (!cands?.length) continue;
    // A candidate carrying the section's own ordinal wins over ones with another ordinal
    // (those are body text, e.g. "二、依申请公开工作" as a list item inside s1).
    const own = cands.filter((c) => c.ordinalValue === spec.index);
    if (own.length) cands = [...own, ...cands.filter((c) => c.ordinalValue === undefined)].sort((a, b) => a.heading.start - b.heading.start);
    else cands = cands.filter((c) => c.ordinalValue === undefined || !hasOtherSectionOrdinal(c, spec.index));
    if (!cands.length) continue;
    chosen.push({ key: spec.key, heading: cands[0].heading, duplicates: cands.slice(1).map((c) => c.heading) });
  }
  const starts = chosen.map((c) => c.heading.start).sort((a, b) => a - b);
  return chosen
    .map((c) => {
      const bodyStart = Math.min(idx.text.length, c.heading.end);
      const next = starts.find((st) => st > c.heading.start);
      return { key: c.key, heading: c.heading, body: { start: bodyStart, end: next ?? idx.text.length }, duplicates: c.duplicates };
    })
    .sort((a, b) => a.heading.start - b.heading.start);
}

/** A candidate whose ordinal is neither missing nor this section's is kept only as a misnumbered heading. */
function hasOtherSectionOrdinal(c: Candidate, index: number): boolean {
  return c.ordinalValue !== undefined && c.ordinalValue !== index && c.heading.kind === 'list';
}

/**
 * The report named in the prose, with its year: "特编制曲阳街道2021年度政府信息公开工作年度报告", "现将本机关
 * 2023年度政府信息公开工作情况报告如下", "…2023年政务公开工作报告".
 */
const PROSE_REPORT = new RegExp(`(${YEAR_DIGITS})\\s*年度?\\s*的?\\s*(?:政府)?(?:信息|政务)公开工作(?:年度|情况)*报告`);
/** Words before the year that are not the agency's name ("现将本机关", "特", "我局"). */
const NOT_A_NAME = /^(?:现将|现|特此|特|兹将|兹|将|现就)?(?:本|我)?(?:机关|单位|部门|局|委|办|厅|院|中心|镇|乡|街道|区|县|市)?$/;

/** Year and agency from prose such as "特编制曲阳街道2021年度政府信息公开工作年度报告". */
export function fromProse(text: string): { year: number; agency?: string; span: Span } | undefined {
  const m = PROSE_REPORT.exec(text);
  if (!m) return undefined;
  const before = text.slice(Math.max(0, m.index - 40), m.index);
  const cut = Math.max(...['编制', '发布', '公布', '印发'].map((w) => { const i = before.lastIndexOf(w); return i < 0 ? -1 : i + w.length; }),
    ...[...before.matchAll(/[，,。；;：:、“”"（）()《》\s]/g)].map((p) => p.index! + 1));
  let agency = before.slice(Math.max(0, cut)).trim();
  if (NOT_A_NAME.test(agency)) agency = '';
  else agency = agency.replace(/^(?:现将|现|特|兹将|将)/, '');
  return { year: yearNumber(m[1]), agency: agency || undefined, span: { start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].indexOf(m[1]) + 4 } };
}

const PERIOD = /统计(?:期限|时限|时间|区间|时段|期间|周期)[^。\n]{0,20}?(\d{4})\s*年\s*1\s*月\s*1\s*日[^。\n]{0,10}?(?:至|到|—|–|-|－|～|~)\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/;
/** Any start/end statement, for TPL-YEAR-CONSISTENCY (a period not of one calendar year). */
const PERIOD_LOOSE = /统计(?:期限|时限|时间|区间|时段|期间|周期)[^。\n]{0,20}?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^。\n]{0,10}?(?:至|到|—|–|-|－|～|~)\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

export function findPeriod(text: string): (Period & { oneYear: boolean }) | undefined {
  const m = PERIOD.exec(text) ?? PERIOD_LOOSE.exec(text);
  if (!m) return undefined;
  const startYear = Number(m[1]);
  const strict = PERIOD.test(m[0]);
  const endYear = strict ? (m[2] ? Number(m[2]) : startYear) : (m[4] ? Number(m[4]) : startYear);
  const yearAt = m.index + m[0].indexOf(m[1]);
  return {
    startYear, endYear, node: { start: m.index, end: m.index + m[0].length },
    startYearSpan: { start: yearAt, end: yearAt + 4 }, oneYear: strict && startYear === endYear,
  };
}

const ZONE_WORDS = ['开发区', '集聚区', '高新区', '园区', '示范区', '试验区', '保税区', '合作区'];
const DIVISIONS = ['自治区', '自治州', '自治县', '省', '市', '州', '盟', '区', '县', '旗', '镇', '乡'];

export function agencyKind(name: string | undefined): Agency {
  if (!name) return { name: '', kind: 'unknown' };
  const stripped = name.replace(/[（(][^（）()]*[）)]/g, '');
  const segments = stripped.split(/[·・•]/);
  const last = segments[segments.length - 1].trim();
  let kind: AgencyKind;
  if (ZONE_WORDS.some((w) => last.endsWith(w)) || (/(管委会|管理委员会)$/.test(last) && ZONE_WORDS.some((w) => last.includes(w)))) kind = 'zone';
  else if (/(街道|街道办事处)$/.test(last)) kind = 'subdistrict';
  else if (last.endsWith('人民政府') || DIVISIONS.some((d) => last.endsWith(d))) kind = 'government';
  else kind = last ? 'department' : 'unknown';
  const agency: Agency = { name, kind };
  if (kind === 'government') {
    const base = last.replace(/人民政府$/, '');
    agency.countyOrBelow = /(县|区|旗|自治县|镇|乡)$/.test(base);
    agency.township = /(镇|乡)$/.test(base);
  }
  return agency;
}

const DATE_LINE = /^\s*(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$/;

export function findSignDate(idx: LineIndex): (Span & { year: number; month: number; day: number; text: string }) | undefined {
  const lines = idx.lines;
  for (let l = lines.length - 1, seen = 0; l >= 0 && seen < 10; l--) {
    const line = lines[l];
    if (!line.text.trim()) continue;
    seen++;
    const m = DATE_LINE.exec(line.text);
    if (!m) continue;
    const year = /^\d+$/.test(m[1]) ? Number(m[1]) : Number([...m[1]].map((c) => chineseToNumber(c)).join(''));
    const month = chineseToNumber(m[2]);
    const day = chineseToNumber(m[3]);
    if (!year || !month || !day) continue;
    const text = line.text.trim();
    const start = line.start + line.text.indexOf(text);
    return { start, end: start + text.length, year, month, day, text };
  }
  return undefined;
}
