// Reports that are right by construction (issue 16): a seed with every number of 表三 and 表四
// drawn anew so that all declared totals and the balance 一+二=七+四 hold, its tables written in
// one of several layouts, and its prose about applications, reviews and suits replaced by
// sentences that state the new figures — in Arabic, full-width or Chinese numerals, with the
// counting words a report uses. On such a report no arithmetic and no prose-vs-table rule may
// fire (test/fuzz/consistent.test.ts). `skew` makes one figure wrong on purpose, to prove the
// property can see it.
import { check, parseReport, type Parsed } from '../../engine/index.ts';
import type { TemplateVersion } from '../../engine/model.ts';
import { BALANCE, SUMS, T3_ORGS, TEMPLATES } from '../../engine/template/index.ts';
import { rewriteTables, type RewriteLayout } from '../helpers/layouts.ts';
import { random } from '../helpers/random.ts';


type Rand = () => number;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
/** Mostly 0, as real tables are: a figure in one cell out of `p`. */
const sparse = (r: Rand, p: number, hi: number) => (r() < p ? int(r, 1, hi) : 0);

const CN = '零一二三四五六七八九';
/** A Chinese numeral below 10000 (105 → 一百零五, 12 → 十二). */
export function chinese(n: number): string {
  if (n < 10) return CN[n];
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  const units = ['千', '百', '十', ''];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += CN[d] + units[i];
  });
  return out;
}

const FULL = '０１２３４５６７８９';
function numeral(r: Rand, n: number): string {
  const x = r();
  if (x < 0.5) return String(n);
  if (x < 0.6) return String(n).replace(/\d/g, (d) => FULL[Number(d)]);
  if (n === 2 && x < 0.7) return '两';
  return chinese(n);
}

const APP_UNITS = ['件', '件', '件', '份', '人次', '宗'];
const CASE_UNITS = ['件', '件', '起', '起', '宗', '例', '次'];

export type Values = Record<string, number>;
export type Skew = 'none' | 'table-total' | 'table-balance' | 'prose-new' | 'prose-applicant' | 'prose-balance' | 'prose-review' | 'prose-suit-part';

/** Every value cell of 表三 and 表四, drawn so that every sum of engine/template/totals.ts holds. */
export function drawValues(r: Rand, version: TemplateVersion, hasSubtotal: boolean): Values {
  const v: Values = {};
  const items = TEMPLATES[version].t3.items;
  const applicants = ['np', ...T3_ORGS];
  for (const c of applicants) {
    const np = c === 'np';
    let results = 0;
    for (const row of items) {
      const n = sparse(r, np ? 0.35 : 0.06, np && r() < 0.1 ? 400 : np ? 30 : 4);
      v[`t3.${row}.${c}`] = n;
      results += n;
    }
    v[`t3.r7.${c}`] = results;
    v[`t3.fwd.${c}`] = sparse(r, np ? 0.4 : 0.05, np ? 12 : 2);
    const handled = results + v[`t3.fwd.${c}`];
    v[`t3.carry.${c}`] = r() < 0.4 ? int(r, 0, Math.min(handled, 8)) : 0;
    v[`t3.new.${c}`] = handled - v[`t3.carry.${c}`];
  }
  for (const row of TEMPLATES[version].t3.rows.map((x) => x.key)) {
    const orgs = T3_ORGS.reduce((a, c) => a + (v[`t3.${row}.${c}`] ?? 0), 0);
    if (hasSubtotal) v[`t3.${row}.sub`] = orgs;
    v[`t3.${row}.tot`] = (v[`t3.${row}.np`] ?? 0) + orgs;
  }
  for (const g of ['rev', 'dir', 'post']) {
    let tot = 0;
    for (const col of ['keep', 'fix', 'other', 'pend']) {
      const n = sparse(r, g === 'rev' ? 0.35 : 0.2, r() < 0.05 ? 15 : 4);
      v[`t4.${g}.${col}`] = n;
      tot += n;
    }
    v[`t4.${g}.tot`] = tot;
  }
  return v;
}

/** Whether every declared sum and the balance hold on `v` (the generator's own check). */
export function consistent(v: Values, version: TemplateVersion, hasSubtotal: boolean): boolean {
  const rows = TEMPLATES[version].t3.rows.map((x) => x.key);
  const cols3 = ['np', ...T3_ORGS, ...(hasSubtotal ? ['sub'] : []), 'tot'];
  for (const d of SUMS) {
    const parts = d.parts(version) ?? [];
    if (d.table === 'T3' && d.total === 'sub' && !hasSubtotal) continue;
    const lines = d.along === 'row' ? (d.table === 'T3' ? rows : ['rev', 'dir', 'post']) : cols3;
    for (const line of lines) {
      const at = (o: string) => v[d.along === 'row' ? `${d.table.toLowerCase()}.${line}.${o}` : `t3.${o}.${line}`];
      if (at(d.total) !== parts.reduce((a, p) => a + at(p), 0)) return false;
    }
  }
  for (const c of cols3) {
    const side = (rs: readonly string[]) => rs.reduce((a, row) => a + v[`t3.${row}.${c}`], 0);
    if (side(BALANCE.left) !== side(BALANCE.right)) return false;
  }
  return true;
}

const sum = (v: Values, ids: string[]) => ids.reduce((a, id) => a + (v[id] ?? 0), 0);

/** Sentences of section 三 that state the figures of 表三. */
function s3Prose(r: Rand, v: Values, version: TemplateVersion, skew: Skew): string[] {
  const u = () => pick(r, APP_UNITS);
  const n = (x: number) => numeral(r, x);
  const tot = (row: string) => v[`t3.${row}.tot`];
  const orgs = (rows: string[]) => sum(v, rows.flatMap((row) => T3_ORGS.map((c) => `t3.${row}.${c}`)));
  const fresh = tot('new') + (skew === 'prose-new' ? 1 : 0);
  const carry = tot('carry');
  const out: string[] = [];
  const form = int(r, 0, 2);
  let applicantRows = ['new'];
  if (fresh === 0 && carry === 0) out.push('本年度未收到政府信息公开申请');
  else if (form === 0) out.push(`本年度新收政府信息公开申请${n(fresh)}${u()}`);
  else if (form === 1 && carry > 0) {
    out.push(`本年度共收到政府信息公开申请${n(fresh + carry)}${u()}（含上年结转${n(carry)}${u()}）`);
    applicantRows = ['new', 'carry'];
  } else out.push(`上年结转政府信息公开申请${n(carry)}${u()}，本年新收${n(fresh)}${u()}`);
  if (r() < 0.7) {
    const np = sum(v, applicantRows.map((row) => `t3.${row}.np`)) + (skew === 'prose-applicant' ? 1 : 0);
    const org = orgs(applicantRows);
    out[out.length - 1] += r() < 0.5 ? `，其中自然人申请${n(np)}${u()}，法人或其他组织申请${n(org)}${u()}` : `，其中法人申请${n(org)}${u()}、自然人申请${n(np)}${u()}`;
  }
  if (r() < 0.7) {
    const done = tot('r7');
    const fwd = tot('fwd') + (skew === 'prose-balance' ? 1 : 0);
    const shapes = [
      `上年结转${n(carry)}${u()}，新收政府信息公开申请${n(tot('new'))}${u()}，办结${n(done)}${u()}，结转下年度${n(fwd)}${u()}`,
      `全年受理政府信息公开申请${n(tot('new') + carry)}${u()}，已办结${n(done)}${u()}，结转${n(fwd)}${u()}`,
      `全年受理政府信息公开申请${n(tot('new'))}${u()}，办结${n(done)}${u()}，结转至下一年度${n(fwd)}${u()}`,
    ];
    out.push(pick(r, shapes));
  }
  // Outcomes: a few rows and groups, each in the words of TEXT-RESULT's keywords.
  const outcomes: [string, number][] = [
    ['予以公开', tot('r1')],
    ['部分公开', tot('r2')],
    ['因本机关不掌握相关政府信息无法提供', tot('r4_1')],
    ['不予公开', sum(v, TEMPLATES[version].t3.rows.filter((x) => x.group === 'r3').map((x) => `t3.${x.key}.tot`))],
    ['属于重复申请不予处理', tot('r5_2')],
  ];
  const said = outcomes.filter(() => r() < 0.5).map(([words, x]) => `${n(x)}${pick(r, ['件', '份', '宗'])}申请${words}`);
  if (said.length) out.push(`在办理结果方面，${said.join('，')}`);
  if (tot('fwd') > 0) out.push(`结转下年度继续办理${n(tot('fwd'))}${u()}`);
  else out.push(pick(r, ['所有申请均已按时办结', '全部申请均已依法答复完毕']));
  return out;
}

/** Sentences of section 四 that state the figures of 表四. */
function s4Prose(r: Rand, v: Values, skew: Skew): string[] {
  const u = () => pick(r, CASE_UNITS);
  const n = (x: number) => numeral(r, x);
  const words: [string, string][] = [['keep', '维持'], ['fix', '纠正'], ['other', '其他结果'], ['pend', '尚未审结']];
  const list = (ids: (col: string) => number) =>
    words.filter(([col]) => ids(col) > 0).map(([col, w]) => (r() < 0.5 ? `${w}${n(ids(col))}${u()}` : `${n(ids(col))}${u()}${w}`)).join('、');
  const out: string[] = [];
  const rev = v['t4.rev.tot'] + (skew === 'prose-review' ? 1 : 0);
  if (rev === 0) out.push('本年度未发生政府信息公开行政复议');
  else {
    const detail = r() < 0.6 ? list((col) => v[`t4.rev.${col}`]) : '';
    out.push(`本年度因政府信息公开被申请行政复议${n(rev)}${u()}${detail ? `，其中${detail}` : ''}`);
  }
  const dir = v['t4.dir.tot'];
  const post = v['t4.post.tot'];
  if (dir + post === 0) out.push('未发生因政府信息公开引发的行政诉讼');
  else {
    let s = `因政府信息公开被提起行政诉讼${n(dir + post)}${u()}`;
    if (r() < 0.6) {
      s += `，其中未经复议直接起诉${n(dir + (skew === 'prose-suit-part' ? 1 : 0))}${u()}、复议后起诉${n(post)}${u()}`;
      // After the groups, outcome counts belong to the group named last.
      const detail = r() < 0.5 ? list((col) => v[`t4.post.${col}`]) : '';
      if (detail) s += `，复议后起诉的${detail}`;
    } else if (r() < 0.5) {
      const detail = list((col) => v[`t4.dir.${col}`] + v[`t4.post.${col}`]);
      if (detail) s += `，其中${detail}`;
    }
    out.push(s);
  }
  if (v['t4.rev.fix'] + v['t4.dir.fix'] + v['t4.post.fix'] === 0 && r() < 0.5) out.push('全年未发生行政复议被纠错、行政诉讼败诉的情况');
  return out;
}

export const LAYOUTS: RewriteLayout[] = ['L4', 'L1', 'L2', 'L7'];
/** The rules whose findings the property forbids: every declared sum and the balance, and the prose rules that compare with a table. */
export const ARITHMETIC = new Set([...SUMS.map((d) => d.rule), BALANCE.rule]);
export const PROSE_VS_TABLE = /^TEXT-(?!EXPORT-ARTIFACT$|BRACKETS$)/;

export interface SeedInfo {
  name: string;
  text: string;
  parsed: Parsed;
  version: TemplateVersion;
  hasSubtotal: boolean;
  /** Prose lines whose figures depend on 表三/表四 (dropped: the generated sentences replace them). */
  quantitative: Set<string>;
  /** The heading lines the generated sentences go before: end of section 三, end of section 四. */
  before: [string, string];
}

/**
 * What a generated report needs of a seed. The lines that state figures of 表三/表四 are found by
 * writing 9999 in every value cell: then every prose figure compared with a table disagrees.
 */
export function seedInfo(name: string, text: string): SeedInfo {
  const parsed = parseReport(text, { fileName: name });
  const { report } = parsed;
  const version = (report.tables.T3.version ?? report.template ?? '2021') as TemplateVersion;
  const hasSubtotal = report.tables.T3.hasSubtotal === true;
  const absurd = rewriteTables(text, parsed, 'L4', { mutate: (id, raw) => (id.startsWith('t2.') ? raw : '9999') });
  const lines = absurd.split('\n');
  const quantitative = new Set<string>();
  const at = (offset: number) => absurd.slice(0, offset).split('\n').length - 1;
  for (const f of check(absurd, { fileName: name }).findings) {
    if (PROSE_VS_TABLE.test(f.rule) && f.rule !== 'TEXT-REGDOCS') quantitative.add(lines[at(f.range.start)]);
  }
  const heading = (key: string) => report.sections.find((s) => s.key === key);
  const line = (key: string, fallback: string) => {
    const h = heading(key) ?? heading(fallback);
    return h ? text.split('\n')[h.heading.line] : '';
  };
  return { name, text, parsed, version, hasSubtotal, quantitative, before: [line('s4', 's5'), line('s5', 's6')] };
}

export interface Generated {
  text: string;
  values: Values;
  layout: RewriteLayout;
}

/** Case `k` of seed `s`: new figures, a layout, and the prose rewritten to state them. */
export function generate(s: SeedInfo, k: number, skew: Skew = 'none'): Generated {
  const r = random(k);
  const values = drawValues(r, s.version, s.hasSubtotal);
  if (skew === 'table-total') values['t3.r1.tot'] += 1;
  if (skew === 'table-balance') {
    values['t3.new.np'] += 1;
    values['t3.new.tot'] += 1;
  }
  const layout = pick(r, LAYOUTS);
  const written = rewriteTables(s.text, s.parsed, layout, { mutate: (id, raw) => (id in values ? String(values[id]) : raw) });
  const lines = written.split('\n').filter((l) => !s.quantitative.has(l));
  const paragraph = (sentences: string[]) => ['', `${sentences.join('。')}。`, ''];
  const s3 = paragraph(s3Prose(r, values, s.version, skew));
  const s4 = paragraph(s4Prose(r, values, skew));
  const i4 = lines.indexOf(s.before[0]);
  lines.splice(i4 < 0 ? lines.length : i4, 0, ...s3);
  const i5 = lines.indexOf(s.before[1]);
  lines.splice(i5 < 0 ? lines.length : i5, 0, ...s4);
  return { text: lines.join('\n'), values, layout };
}
