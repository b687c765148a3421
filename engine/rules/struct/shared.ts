// Pieces the STRUCT-* rules share: section ordinals for messages, the places docs/spec/rules.md §0 names
// (table first line, missing-section position), the heading style of a document, the empty
// template tables the insert fixes write. The ordinal paragraphs of section bodies are the model's
// (ctx.prose.ordinals, engine/ordinals.ts).
import type { Report, Section, SectionKey, Span, Table, TableId, TemplateVersion } from '../../model.ts';
import { SECTIONS, T3_GROUPS, T3_NOTE, T4_COLUMNS, TABLE_NAMES, TEMPLATES } from '../../template/index.ts';
import type { Display, SectionSpec } from '../../template/types.ts';
import type { LineIndex } from '../../text.ts';
import type { RuleContext } from '../api.ts';

export const specOf = (key: SectionKey): SectionSpec => SECTIONS.find((s) => s.key === key)!;

/** `{ordinal}` (一…六, zh) and `{n}` (1…6, en) of a section. */
export function sectionArgs(key: SectionKey): { ordinal: string; n: number } {
  const s = specOf(key);
  return { ordinal: s.ordinal, n: s.index };
}

/** A section ordinal as one placeholder that reads 三 in Chinese and 3 in English. */
export function ordinalDisplay(key: SectionKey): Display {
  const s = specOf(key);
  return { zh: s.ordinal, en: String(s.index) };
}

/** The section each table belongs to. */
export const TABLE_SECTION: Record<TableId, SectionKey> = { T2: 's2', T3: 's3', T4: 's4' };

/** Table name for a message that starts with it (the English name is capitalised there). */
export const tableName = (id: TableId): Display => ({ zh: TABLE_NAMES[id].zh, en: TABLE_NAMES[id].en.replace(/^the/, 'The') });

/** Table name after "has no" (English without its article: "has no applications table"). */
export const tableNameBare = (id: TableId): Display => ({ zh: TABLE_NAMES[id].zh, en: TABLE_NAMES[id].en.replace(/^the /, '') });

/** Rules that read rows and cells run only on tables the binder could read (docs/spec/rules.md §0). */
export const usable = (t: Table) => t.status === 'bound' || t.status === 'partial';

/** The line holding `offset`, without its leading and trailing whitespace. */
export function lineSpan(index: LineIndex, offset: number): Span {
  const line = index.lines[index.lineAt(offset)];
  const lead = line.text.length - line.text.trimStart().length;
  const trail = line.text.length - line.text.trimEnd().length;
  return { start: line.start + lead, end: Math.max(line.start + lead, line.end - trail) };
}

/** Table range of docs/spec/rules.md §0: its first line holding a cell (caption or header). */
export const tableFirstLine = (ctx: Pick<RuleContext, 'index'>, t: Table): Span => lineSpan(ctx.index, t.range.start);

/** Section heading range: the heading line. */
export const headingSpan = (s: Section): Span => ({ start: s.heading.start, end: s.heading.end });

/** Missing-section position: empty range at the next present section heading, else the end of the text. */
export function missingSectionAt(report: Report, key: SectionKey, textLength: number): number {
  const index = specOf(key).index;
  const next = report.sections.filter((s) => specOf(s.key).index > index).sort((a, b) => specOf(a.key).index - specOf(b.key).index)[0];
  return next ? next.heading.start : textLength;
}

export const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');

/** Level of a section heading: a number for ATX/Setext headings, 'plain' for plain lines and list items. */
export const levelOf = (s: Section): number | 'plain' => (s.heading.level ?? 'plain');

/**
 * Target level of STRUCT-HEADING-LEVEL: title level + 1 when the title is an ATX heading and some
 * section heading has that level, else the most frequent ATX level (ties → smaller); undefined
 * when no section heading is an ATX/Setext heading.
 */
export function targetLevel(report: Report): number | undefined {
  const levels = report.sections.map(levelOf).filter((l): l is number => l !== 'plain');
  if (!levels.length) return undefined;
  const t = report.title?.level;
  if (t !== undefined && levels.includes(t + 1)) return t + 1;
  const counts = new Map<number, number>();
  for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
}

/** The heading line an inserted section gets: `## 三、…` when the document's sections are ATX headings, else a plain line. */
export function headingLine(report: Report, key: SectionKey): string {
  const s = specOf(key);
  const text = `${s.ordinal}、${s.title}`;
  if (!report.sections.some((x) => x.heading.kind === 'atx')) return text;
  const level = targetLevel(report) ?? 2;
  return `${'#'.repeat(level)} ${text}`;
}

const ARABIC: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A T2 block as a table name: `第二十条第（一）项表格` / `the art. 20 (1) block`. */
export const blockName = (key: string): Display => ({ zh: `第二十条第（${key}）项表格`, en: `art. 20 (${ARABIC[key] ?? key}) block` });

// ---- Empty template tables (the insert fixes) ----

type Grid = string[][];

/** Rows of the empty table: labels and headers filled, value cells empty. */
function t2Grids(version: TemplateVersion): Grid[] {
  return TEMPLATES[version].t2.blocks.map((b) => {
    const width = b.columns.length + 1;
    const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
    const header = ['信息内容', ...b.columns.map((c) => (c.kind === 'fee' ? `${c.label}（单位：万元）` : c.label))];
    return [pad([b.caption]), header, ...b.rows.map((r) => pad([r.label]))];
  });
}

function t3Grid(version: TemplateVersion): Grid {
  const cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const blank = () => Array(cols.length).fill('');
  const group = (k: string) => T3_GROUPS.find((g) => g.key === k)!.display.zh;
  const grid: Grid = [
    [T3_NOTE, '', '', '申请人情况', '', '', '', '', '', ''],
    ['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
    ['', '', '', '', ...cols.slice(1, 6), ''],
  ];
  let lastGroup: string | undefined;
  for (const r of TEMPLATES[version].t3.rows) {
    let labels: string[];
    if (r.key === 'new' || r.key === 'carry' || r.key === 'fwd') labels = [r.label, '', ''];
    else if (r.key === 'r1') labels = [group('results'), r.label, ''];
    else if (r.key === 'r2' || r.key === 'r7' || r.key === 'r6') labels = ['', r.key === 'r6' ? group('r6') : r.label, ''];
    else {
      labels = ['', r.group !== lastGroup ? group(r.group!) : '', r.label];
    }
    lastGroup = r.group;
    grid.push([...labels, ...blank()]);
  }
  return grid;
}

function t4Grid(): Grid {
  const five = T4_COLUMNS.map((c) => c.label);
  return [
    ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
    [...five, ...five, ...five],
    Array(15).fill(''),
  ];
}

function gfm(grid: Grid, eol: string): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`.replace(/ {2}\|/g, ' |');
  const lines = [row(grid[0]), `|${grid[0].map(() => '---').join('|')}|`, ...grid.slice(1).map(row)];
  return lines.join(eol) + eol;
}

/**
 * The empty standard table of the version as a GFM skeleton (docs/spec/rules.md §2), in Markdown and plain
 * text alike: GFM is recognised in .txt too (docs/spec/layouts.md L1), and it is the one layout where a
 * blank value cell keeps its position — a TAB row of blanks has no value span (docs/spec/layouts.md L4) and
 * would read as STRUCT-ROW-VALUES. Each T2 block is a table of its own; tables are separated and
 * followed by a blank line, since a GFM table runs on into the next non-blank line.
 */
export function emptyTableText(id: TableId, version: TemplateVersion, eol: string): string {
  const grids = id === 'T2' ? t2Grids(version) : id === 'T3' ? [t3Grid(version)] : [t4Grid()];
  return grids.map((g) => gfm(g, eol)).join(eol) + eol;
}
