// Benchmark corpus: reports made from the seeds with their T3/T4 numbers varied (totals kept
// consistent in most, an error injected into some) and, for .md files, T3 and T4 rewritten as GFM
// tables. Written under bench/corpus/ (git-ignored). Deterministic (seeded PRNG).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { check } from '../engine/index.ts';
import type { Report } from '../engine/model.ts';
import { T3_COLUMNS, T3_GROUPS, T4_COLUMNS, T4_GROUPS, TEMPLATES } from '../engine/template/index.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface Base {
  name: string;
  ext: '.md' | '.txt';
  text: string;
  /** Number spans of the T3/T4 value cells, by cell id. */
  spans: Map<string, { start: number; end: number }>;
  t3cols: string[];
  t3rows: string[];
  items: string[];
}

function numberSpans(text: string, fileName: string): { report: Report; spans: Map<string, { start: number; end: number }> } {
  const { report } = check(text, { fileName });
  const spans = new Map<string, { start: number; end: number }>();
  for (const t of ['T3', 'T4'] as const) {
    for (const [id, c] of report.tables[t].cells) {
      if (c.state === 'number' && c.number) spans.set(id, c.number);
      else if (c.state === 'number') spans.set(id, { start: c.start, end: c.end });
    }
  }
  return { report, spans };
}

/** Replaces the lines spanned by `range` (whole lines) with `replacement`. */
function replaceLines(text: string, range: { start: number; end: number }, replacement: string): string {
  const a = text.lastIndexOf('\n', range.start - 1) + 1;
  let b = text.indexOf('\n', range.end);
  if (b < 0) b = text.length;
  return `${text.slice(0, a)}${replacement}${text.slice(b)}`;
}

/**
 * Table 3 as a Word table pasted into Markdown: the template's own row labels, each group's label
 * on a row of its own (merged cells flattened), blank value cells there.
 */
function gfmT3(report: Report): string {
  const version = report.tables.T3.version ?? '2021';
  const cols = T3_COLUMNS.filter((c) => c.key !== 'sub');
  const rows = TEMPLATES[version].t3.rows;
  const blanks = cols.map(() => ' ').join(' | ');
  const lines = [`| 申请人情况 | ${cols.map((c) => c.label).join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`];
  const opened = new Set<string>();
  for (const r of rows) {
    for (const g of r.key === 'r1' ? ['results'] : r.group && !opened.has(r.group) ? [r.group] : []) {
      opened.add(g);
      lines.push(`| ${T3_GROUPS.find((x) => x.key === g)!.display.zh} | ${blanks} |`);
    }
    lines.push(`| ${r.label} | ${cols.map((c) => report.tables.T3.cells.get(`t3.${r.key}.${c.key}`)?.value ?? 0).join(' | ')} |`);
  }
  return lines.join('\n');
}

function gfmT4(report: Report): string {
  const lines = [
    `| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |`,
    `|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`,
    `| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |`,
    `| ${[0, 1, 2].flatMap(() => T4_COLUMNS.map((c) => c.label)).join(' | ')} |`,
    `| ${T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => report.tables.T4.cells.get(`t4.${g.key}.${c.key}`)?.value ?? 0)).join(' | ')} |`,
  ];
  return lines.join('\n');
}

/**
 * The seeds as bases: each as .txt (its own layout) and as .md (T3, T4 as GFM tables, if that binds;
 * with `gfmTables` false, the seed's own layout under .md).
 */
export function bases(gfmTables = true): Base[] {
  const out: Base[] = [];
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(join(SEEDS, file), 'utf8');
    const name = file.slice(0, 3);
    const txt = numberSpans(text, 'x.txt');
    const version = txt.report.tables.T3.version ?? '2021';
    const t3rows = TEMPLATES[version].t3.rows.map((r) => r.key);
    const t3cols = [...new Set([...txt.report.tables.T3.cells.keys()].map((id) => id.split('.')[2]))];
    const items = TEMPLATES[version].t3.items;
    out.push({ name, ext: '.txt', text, spans: txt.spans, t3cols, t3rows, items });

    // Markdown: T4 first (it comes later in the text, so T3's offsets stay valid).
    let md = gfmTables ? replaceLines(text, txt.report.tables.T4.range, `\n${gfmT4(txt.report)}\n`) : text;
    if (gfmTables) md = replaceLines(md, txt.report.tables.T3.range, `\n${gfmT3(txt.report)}\n`);
    let parsed = numberSpans(md, 'x.md');
    if (gfmTables && (parsed.report.tables.T3.status !== 'bound' || parsed.report.tables.T4.status !== 'bound')) {
      md = text; // the GFM rewrite did not bind: keep the seed's layout under .md
      parsed = numberSpans(md, 'x.md');
    }
    out.push({ name, ext: '.md', text: md, spans: parsed.spans, t3cols: [...new Set([...parsed.report.tables.T3.cells.keys()].map((id) => id.split('.')[2]))], t3rows, items });
  }
  return out;
}

/** New T3/T4 values, consistent (every total and the balance hold) unless `inject`. */
function values(base: Base, rand: () => number, inject: boolean, dense = false): Map<string, number> {
  const v = new Map<string, number>();
  const int = (n: number) => Math.floor(rand() * n);
  const parts = base.t3cols.filter((c) => c !== 'tot' && c !== 'sub');
  for (const c of parts) {
    const busy = c === 'np' ? 40 : c === 'biz' || c === 'oth' ? 6 : 2;
    const fresh = int(busy);
    const carry = int(3);
    const fwd = Math.min(int(3), fresh + carry);
    let left = fresh + carry - fwd;
    for (const r of base.items) v.set(`t3.${r}.${c}`, 0);
    while (left > 0) {
      const r = base.items[Math.min(base.items.length - 1, int(rand() < 0.6 ? 2 : base.items.length))];
      const k = 1 + int(Math.min(left, 5));
      v.set(`t3.${r}.${c}`, (v.get(`t3.${r}.${c}`) ?? 0) + k);
      left -= k;
    }
    v.set(`t3.new.${c}`, fresh);
    v.set(`t3.carry.${c}`, carry);
    v.set(`t3.fwd.${c}`, fwd);
    v.set(`t3.r7.${c}`, base.items.reduce((s, r) => s + (v.get(`t3.${r}.${c}`) ?? 0), 0));
  }
  for (const r of base.t3rows) {
    const sum = (cols: string[]) => cols.reduce((s, c) => s + (v.get(`t3.${r}.${c}`) ?? 0), 0);
    if (base.t3cols.includes('sub')) v.set(`t3.${r}.sub`, sum(parts.filter((c) => c !== 'np')));
    v.set(`t3.${r}.tot`, sum(parts));
  }
  for (const g of T4_GROUPS) {
    let tot = 0;
    for (const c of ['keep', 'fix', 'other', 'pend']) {
      const n = rand() < 0.7 ? 0 : int(4);
      v.set(`t4.${g.key}.${c}`, n);
      tot += n;
    }
    v.set(`t4.${g.key}.tot`, tot);
  }
  if (dense) {
    // Every table wrong: each T3 row's total off by one (T3-ROW-TOTAL per row, and the column sums
    // and the balance they feed), each T4 group's total off (T4-SUM).
    for (const r of base.t3rows) v.set(`t3.${r}.tot`, (v.get(`t3.${r}.tot`) ?? 0) + 1 + int(3));
    for (const g of T4_GROUPS) v.set(`t4.${g.key}.tot`, (v.get(`t4.${g.key}.tot`) ?? 0) + 1);
  } else if (inject) {
    const kind = int(3);
    if (kind === 0) v.set('t3.r7.np', (v.get('t3.r7.np') ?? 0) + 1 + int(3)); // RESULT-TOTAL + BALANCE
    else if (kind === 1) v.set('t3.new.tot', (v.get('t3.new.tot') ?? 0) + 2); // ROW-TOTAL + BALANCE
    else v.set('t4.rev.tot', (v.get('t4.rev.tot') ?? 0) + 1); // T4-SUM
  }
  return v;
}

function render(base: Base, v: Map<string, number>): string {
  const edits = [...base.spans.entries()].filter(([id]) => v.has(id)).map(([id, s]) => ({ ...s, text: String(v.get(id)) }));
  edits.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let at = 0;
  for (const e of edits) {
    pieces.push(base.text.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(base.text.slice(at));
  return pieces.join('');
}

export interface CorpusOptions {
  /** Share of Markdown files (0..1). */
  mdShare: number;
  /** Share of reports with an injected arithmetic error. */
  errorShare?: number;
  seed?: number;
  /** .md files with T3 and T4 as GFM tables (default), or in the seeds' own layouts. */
  gfmTables?: boolean;
  /** Every table of every report wrong (tens of findings a report), instead of one error in some. */
  dense?: boolean;
}

/** Writes `n` reports into `dir` (emptied first); returns the file count. */
export function generate(dir: string, n: number, options: CorpusOptions): number {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  const all = bases(options.gfmTables ?? true);
  const rand = prng(options.seed ?? 20261123);
  const errorShare = options.errorShare ?? 0.1;
  const per = 1000;
  for (let i = 0; i < n; i++) {
    const md = rand() < options.mdShare;
    const pool = all.filter((b) => b.ext === (md ? '.md' : '.txt'));
    const base = pool[i % pool.length];
    const text = render(base, values(base, rand, rand() < errorShare, options.dense));
    const sub = join(dir, String(Math.floor(i / per)).padStart(3, '0'));
    if (i % per === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(5, '0')}_${base.name}${base.ext}`), text);
  }
  return n;
}

/**
 * Saved pages and their text twins: report i as a web page (a seed's page form, its T3/T4 numbers
 * varied as for the text corpus) and the same report as the seed's text with the same numbers.
 * Seed 002's page alternates between its LibreOffice export and wgj-002.html (a real site's chrome,
 * in the site's GB2312). Writes `dir/pages/` and `dir/text/`; returns the count.
 */
export function generatePairs(dir: string, n: number, seed = 20261207): number {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  const texts = bases().filter((b) => b.ext === '.txt');
  const forms = join(ROOT, 'test', 'fixtures', 'forms');
  const pages = new Map<string, { text: string; gbk: boolean; spans: Map<string, { start: number; end: number }> }[]>();
  const pageBase = (text: string, gbk: boolean) => {
    const { parsed, report } = check(text, { fileName: 'page.html' });
    const offsets = parsed.source.original!.offsets;
    const spans = new Map<string, { start: number; end: number }>();
    for (const t of ['T3', 'T4'] as const) {
      for (const [id, c] of report.tables[t].cells) {
        if (c.state !== 'number') continue;
        const s = c.number ?? { start: c.start, end: c.end };
        const start = offsets[s.start];
        const end = offsets[s.end - 1] + 1;
        // Only numbers written as they read (no entity, no markup inside) are varied.
        if (end - start === s.end - s.start) spans.set(id, { start, end });
      }
    }
    return { text, gbk, spans };
  };
  for (const b of texts) {
    const list = [pageBase(readFileSync(join(forms, `${b.name}.html`), 'utf8'), false)];
    if (b.name === '002') list.push(pageBase(iconv.decode(readFileSync(join(ROOT, 'test', 'fixtures', 'html', 'wgj-002.html')), 'gb18030'), true));
    pages.set(b.name, list);
  }
  const rand = prng(seed);
  mkdirSync(join(dir, 'pages'), { recursive: true });
  mkdirSync(join(dir, 'text'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const base = texts[i % texts.length];
    const v = values(base, rand, rand() < 0.1);
    const list = pages.get(base.name)!;
    const page = list[Math.floor(i / texts.length) % list.length];
    const html = render({ ...base, text: page.text, spans: page.spans }, v);
    const name = `${String(i).padStart(5, '0')}_${base.name}`;
    writeFileSync(join(dir, 'pages', `${name}.html`), page.gbk ? iconv.encode(html, 'gb18030') : html);
    writeFileSync(join(dir, 'text', `${name}.txt`), render(base, v));
  }
  return n;
}

/**
 * Real documents as found, cycled: the seeds (five published reports), the converter-made Markdown
 * of their Word and web forms (pandoc and the other converters' shapes) and the layout variants of
 * test/fixtures/kinds (truncated, glued, noisy, blank-cell reports) — every file byte for byte, no
 * number changed. Writes `n` files into `dir` (emptied first); returns the count.
 */
export function generateReal(dir: string, n: number): number {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  const fixtures = join(ROOT, 'test', 'fixtures');
  const files: { name: string; bytes: Buffer }[] = [];
  for (const sub of ['seeds', 'converted', 'converter', 'kinds']) {
    for (const f of readdirSync(join(fixtures, sub)).filter((x) => /\.(md|txt)$/.test(x)).sort()) {
      files.push({ name: `${sub}-${f}`, bytes: readFileSync(join(fixtures, sub, f)) });
    }
  }
  const per = 1000;
  for (let i = 0; i < n; i++) {
    const f = files[i % files.length];
    const sub = join(dir, String(Math.floor(i / per)).padStart(3, '0'));
    if (i % per === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `${String(i).padStart(5, '0')}_${f.name}`), f.bytes);
  }
  return n;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  // node --import tsx bench/corpus.ts <dir> <n> [mdShare]
  const [dir, n, share] = process.argv.slice(2);
  generate(dir ?? join(ROOT, 'bench', 'corpus', 'sample'), Number(n ?? 100), { mdShare: Number(share ?? 0.5) });
  for (const b of bases()) {
    const r = check(b.text, { fileName: `x${b.ext}` });
    console.log(b.name, b.ext, r.report.tables.T2.status, r.report.tables.T3.status, r.report.tables.T4.status, r.findings.filter((f) => f.severity === 'error').map((f) => f.rule).join(' '));
  }
}
