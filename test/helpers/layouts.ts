// Rewrites a report's three tables into another input layout (docs/spec/layouts.md §4), in place: the lines
// of each table's range are replaced by the same table written in the target layout. Labels and
// headers come from the TEMPLATE (engine/template), values from the model's raw cell texts; the
// original lines are never re-emitted, so a parse of the rewrite proves the binder reads the
// layout, not the seed's own text.
import type { Parsed } from '../../engine/index.ts';
import type { Table, TemplateVersion } from '../../engine/model.ts';
import { T3_COLUMNS, T3_GROUPS, T3_NOTE, T4_COLUMNS, T4_GROUPS, TEMPLATES } from '../../engine/template/index.ts';

export type RewriteLayout = 'L1' | 'L2' | 'L3' | 'L4' | 'L6' | 'L7' | 'L8';
export const REWRITE_LAYOUTS: RewriteLayout[] = ['L1', 'L2', 'L3', 'L4', 'L6', 'L7', 'L8'];

export const LAYOUT_NAMES: Record<RewriteLayout, string> = {
  L1: 'GFM pipe table',
  L2: 'one cell per line with leading TAB',
  L3: 'pipe fragments',
  L4: 'TAB-separated rows',
  L6: 'PDF text (space separated)',
  L7: 'browser copy (merged cells only in their first row)',
  L8: 'one cell per paragraph',
};

/**
 * A table as a grid of rows. `null` is "no cell here" (a merged/spanned position, written as an
 * empty GFM/TSV cell and left out where the layout has no positions); '' is a blank value cell.
 */
export type Grid = (string | null)[][];

export interface RewriteOptions {
  /** Changes a value cell's raw text before writing (to prove a corrupted rewrite is detected). */
  mutate?: (cellId: string, raw: string) => string;
}

function rawOf(table: Table, id: string, opts: RewriteOptions): string {
  const raw = table.cells.get(id)?.raw ?? '';
  return opts.mutate ? opts.mutate(id, raw) : raw;
}

const pad = <T>(row: T[], width: number, fill: T): T[] => [...row, ...Array<T>(Math.max(0, width - row.length)).fill(fill)];

/** T2: per block a caption row, a header row (信息内容 + column labels) and the data rows. */
export function t2Grid(table: Table, opts: RewriteOptions = {}): Grid {
  return t2GridOf(table.version as TemplateVersion, (id) => rawOf(table, id, opts));
}

/** T2 of a version with the raw text of each cell from `raw` (cell id → text). */
export function t2GridOf(v: TemplateVersion, raw: (id: string) => string): Grid {
  const blocks = TEMPLATES[v].t2.blocks;
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  const grid: Grid = [];
  for (const b of blocks) {
    grid.push(pad<string | null>([b.caption], width, null));
    grid.push(pad<string | null>(['信息内容', ...b.columns.map((c) => c.label)], width, null));
    for (const r of b.rows) {
      grid.push(pad<string | null>([r.label, ...b.columns.map((c) => raw(`t2.${r.key}.${c.key}`))], width, null));
    }
  }
  return grid;
}

/** Columns of the bound T3, in template order (the optional 小计 column when the table had it). */
export function t3Columns(table: Table): string[] {
  return T3_COLUMNS.filter((c) => c.key !== 'sub' || table.hasSubtotal).map((c) => c.key);
}

/**
 * T3: three header rows (note + 申请人情况; 自然人 / 法人或其他组织 / 总计; the five organisations)
 * and three label columns (top-level label, group label, item label), as the template draws it.
 */
export function t3Grid(table: Table, opts: RewriteOptions = {}): Grid {
  return t3GridOf(table.version as TemplateVersion, (id) => rawOf(table, id, opts), t3Columns(table));
}

/** T3 of a version with the raw text of each cell from `raw`, in columns `cols` (template keys). */
export function t3GridOf(v: TemplateVersion, raw: (id: string) => string, cols: string[] = t3Columns({ hasSubtotal: false } as Table)): Grid {
  const n = cols.length;
  const label = (k: string) => T3_COLUMNS.find((c) => c.key === k)!.label;
  const grid: Grid = [];
  grid.push([T3_NOTE, null, null, '申请人情况', ...Array<null>(n - 1).fill(null)]);
  grid.push([null, null, null, ...cols.map((k) => (k === 'np' || k === 'tot' ? label(k) : k === 'biz' ? '法人或其他组织' : null))]);
  grid.push([null, null, null, ...cols.map((k) => (k === 'np' || k === 'tot' ? null : label(k)))]);
  const groupLabel = (key: string) => T3_GROUPS.find((g) => g.key === key)!.display.zh;
  let group: string | undefined;
  for (const spec of TEMPLATES[v].t3.rows) {
    const values = cols.map((c) => raw(`t3.${spec.key}.${c}`));
    // Which group the row sits in: （一）（二） under 本年度办理结果, the numbered items under their
    // group; 2019's （六）其他处理 and （七）总计 are group-level rows of their own.
    const inResults = spec.key === 'r1' || spec.key === 'r2';
    const g = inResults ? 'results' : spec.group;
    let top: string | null = null;
    let mid: string | null = null;
    let item: string | null = null;
    if (spec.key === 'new' || spec.key === 'carry' || spec.key === 'fwd') top = spec.label;
    else if (inResults) {
      if (group !== 'results') top = groupLabel('results');
      mid = spec.label;
    } else if (g) {
      if (group !== g) mid = groupLabel(g);
      item = spec.label;
    } else mid = spec.label; // 2019 （六）其他处理, （七）总计
    group = g;
    grid.push([top, mid, item, ...values]);
  }
  return grid;
}

/** T4: 行政复议 | 行政诉讼, then 未经复议直接起诉 | 复议后起诉, the 15 column labels, one data row. */
export function t4Grid(table: Table, opts: RewriteOptions = {}): Grid {
  return t4GridOf((id) => rawOf(table, id, opts));
}

/** T4 with the raw text of each cell from `raw`. */
export function t4GridOf(raw: (id: string) => string): Grid {
  const labels = T4_COLUMNS.map((c) => c.label);
  const five = <T>(first: T, rest: T) => [first, rest, rest, rest, rest];
  return [
    [...five<string | null>('行政复议', null), ...five<string | null>('行政诉讼', null), ...five<string | null>(null, null)],
    [...five<string | null>(null, null), ...five<string | null>('未经复议直接起诉', null), ...five<string | null>('复议后起诉', null)],
    [...labels, ...labels, ...labels],
    T4_GROUPS.flatMap((g) => T4_COLUMNS.map((c) => raw(`t4.${g.key}.${c.key}`))),
  ];
}

/** Writes a grid in a layout; returns its lines. */
export function renderGrid(grid: Grid, layout: RewriteLayout): string[] {
  const width = Math.max(...grid.map((r) => r.length));
  const rows = grid.map((r) => pad(r, width, null));
  switch (layout) {
    case 'L1': {
      // GFM: the first row is the header row; merged positions are empty cells.
      const line = (r: (string | null)[]) => `| ${r.map((c) => c ?? '').join(' | ')} |`;
      return [line(rows[0]), `|${Array(width).fill('---').join('|')}|`, ...rows.slice(1).map(line)];
    }
    case 'L4':
      // TSV: one line per row; a merged position is an empty cell between TABs.
      return rows.map((r) => r.map((c) => c ?? '').join('\t'));
    case 'L2': {
      // One cell per line with a leading TAB; a blank value is a TAB-only line; rows end with a blank line.
      const out: string[] = [];
      for (const r of rows) {
        for (const c of r) if (c !== null) out.push(`\t${c}`);
        out.push('');
      }
      out.pop();
      return out;
    }
    case 'L3': {
      // Pipe fragments: `cell |` per cell, `|` opening each row and standing for merged positions
      // before the label, `||` closing the table.
      const out: string[] = [];
      for (const r of rows) {
        out.push('|');
        let seen = false;
        for (const c of r) {
          if (c === null || c === '') {
            if (!seen) out.push('|');
            continue;
          }
          seen = true;
          out.push(`${c} |`);
        }
      }
      out.push('||');
      return out;
    }
    case 'L7':
      // Browser copy of an HTML table: a merged cell appears once, so later rows have fewer cells.
      return rows.map((r) => r.filter((c) => c !== null).join('\t'));
    case 'L8': {
      // One cell per paragraph: every cell that has text, blank lines between; blanks vanish.
      const cells = rows.flatMap((r) => r.filter((c): c is string => c !== null && c !== ''));
      return cells.flatMap((c, i) => (i ? ['', c] : [c]));
    }
    case 'L6':
      // PDF text: the cells of a row separated by spaces; merged positions and blanks vanish.
      return rows.map((r) => r.filter((c): c is string => c !== null && c !== '').join(' ')).filter((l) => l !== '');
  }
}

/** The lines [first, last] a table occupies, widened over pipe-residue lines (`|`, `||`) around it. */
function tableLines(parsed: Parsed, table: Table): [number, number] {
  const lines = parsed.index.lines;
  let first = parsed.index.lineAt(table.range.start);
  let last = parsed.index.lineAt(table.range.end);
  const residue = (l: number) => l >= 0 && l < lines.length && /^\s*\|+\s*$/.test(lines[l].text);
  while (residue(first - 1)) first--;
  while (residue(last + 1)) last++;
  return [first, last];
}

/**
 * Rewrites every bound table of the parsed text into `layout` (one for all tables, or one per
 * table); other text stays byte for byte.
 */
export function rewriteTables(text: string, parsed: Parsed, layout: RewriteLayout | ((id: Table['id']) => RewriteLayout), opts: RewriteOptions = {}): string {
  const layoutOf = typeof layout === 'function' ? layout : () => layout;
  const { tables } = parsed.report;
  const jobs: { first: number; last: number; lines: string[] }[] = [];
  for (const t of [tables.T2, tables.T3, tables.T4]) {
    if (t.status !== 'bound' && t.status !== 'partial') continue;
    const grid = t.id === 'T2' ? t2Grid(t, opts) : t.id === 'T3' ? t3Grid(t, opts) : t4Grid(t, opts);
    const [first, last] = tableLines(parsed, t);
    jobs.push({ first, last, lines: renderGrid(grid, layoutOf(t.id)) });
  }
  jobs.sort((a, b) => b.first - a.first);
  const lines = parsed.index.lines;
  let out = text;
  for (const j of jobs) {
    // A table block stands apart from its neighbours (a GFM table would swallow the next line).
    const before = j.first > 0 && lines[j.first - 1].text.trim() ? [''] : [];
    const after = j.last + 1 < lines.length && lines[j.last + 1].text.trim() ? [''] : [];
    const block = [...before, ...j.lines, ...after].join('\n');
    out = out.slice(0, lines[j.first].start) + block + out.slice(lines[j.last].end);
  }
  return out;
}
