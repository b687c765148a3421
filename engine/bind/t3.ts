// Table 3 (applications): rows by the meaning of their labels (docs/spec/format.md §5), columns by the
// header when one header row states another order, otherwise the template order.
import { cellId, type T3Col, type T3Row, type TableOf, type TemplateVersion } from '../model.ts';
import type { GridItem, RawCell } from '../grid/layout.ts';
import { T3_COLUMNS, T3_GROUPS, T3_HEADER_LABELS, T3_NOTE, T3_ORGS, TEMPLATES } from '../template/index.ts';
import type { T3RowSpec } from '../template/types.ts';
import { detached, memoizedShort, normLabel } from '../text.ts';
import {
  cellsOf, emptyTable, gluedDigits, isHeaderText, joinVertical, labelRanks, makeCell, missingLabels, pickVersion,
} from './common.ts';
import { locateValues, RowBindings, type BoundRow } from './row-binding.ts';
import { assembleRows, isOrdinalFragment, labelText, spanOf, splitBefore, type LogicalRow, type Vocabulary } from '../grid/rows.ts';

const ALL_ROWS: T3RowSpec[] = [...TEMPLATES['2021'].t3.rows, ...TEMPLATES['2019'].t3.rows.filter((r) => r.key === 'r6')];
const ROW_KEYWORDS = ALL_ROWS.filter((r) => r.keyword && r.key !== 'r6').map((r) => ({ key: r.key, kw: normLabel(r.keyword!) }));
const GROUP_KEYWORDS = T3_GROUPS.map((g) => ({ key: g.key, kw: normLabel(g.keyword) }));
const LABEL_TEXTS = [...ALL_ROWS.map((r) => normLabel(r.label)), ...T3_GROUPS.map((g) => normLabel(g.display.zh))];
const HEADER_LABELS = [...T3_HEADER_LABELS, '申请人情况', '小计', '合计', T3_NOTE];
const ORDINALS = /[(（][一二三四五六七八九十\d]{1,3}[)）]|^[一二三四五六七八九十]{1,3}[、.]|\d{1,2}[.、)]/g;
const R6_FAMILY = new Set(['r6', 'r6_1', 'r6_2', 'r6_3']);

/** A label with a digit run glued to its end ("（七）总计640020470") is still label text (docs/spec/layouts.md §3). */
const unglue = (t: string) => t.replace(/(?<=[^\d.,])[\d.,]+$/, '');

export const T3_VOCAB: Vocabulary = {
  isLabel: (raw) => {
    const t = unglue(raw);
    return ROW_KEYWORDS.some((k) => t.includes(k.kw)) || GROUP_KEYWORDS.some((g) => t.includes(g.kw)) ||
      (t.length >= 2 && LABEL_TEXTS.some((l) => l.includes(t)));
  },
  isRowName: (t) => ROW_KEYWORDS.some((k) => t.includes(k.kw)) || /^\(七\)总计/.test(unglue(t)),
};

interface RowMatch {
  row?: T3Row;
  group?: string;
  ambiguous?: boolean;
  /** Which version the match signals. */
  signal?: TemplateVersion;
}

/** What a normalised label names, by itself: rows and groups by keyword, and the text left without them. */
interface LabelFacts {
  rows: T3Row[];
  groups: string[];
  rest: string;
}
const GROUP_TEXTS = T3_GROUPS.map((g) => ({ display: normLabel(g.display.zh).replace(ORDINALS, ''), keyword: normLabel(g.keyword) }));
// Every report repeats the template's labels: each is worked out once.
const labelFacts = memoizedShort((label: string): LabelFacts => {
  const rows = [...new Set(ROW_KEYWORDS.filter((k) => label.includes(k.kw)).map((k) => k.key))];
  const groups = GROUP_KEYWORDS.filter((g) => label.includes(g.kw)).map((g) => g.key);
  let rest = label.replace(ORDINALS, '');
  for (const g of GROUP_TEXTS) rest = rest.replace(g.display, '').replace(g.keyword, '');
  return { rows, groups, rest: detached(rest) };
});

function matchRow(label: string, hasValues: boolean, group: string | undefined, prevRow: string | undefined): RowMatch {
  const { rows, groups, rest } = labelFacts(label);
  const lastGroup = groups.length ? groups[groups.length - 1] : undefined;
  if (rows.length > 1) return { ambiguous: true };
  if (rows.length === 1) {
    const row = rows[0];
    const signal = row === 'r6_1' || row === 'r6_2' ? '2021' : undefined;
    return { row, group: lastGroup, signal };
  }
  const ctxGroup = lastGroup ?? group;
  if (rest === '其他' && (prevRow === 'r6_2' || ctxGroup === 'r6')) return { row: 'r6_3', group: 'r6', signal: '2021' };
  if (rest === '总计' && (label.startsWith('(七)') || (prevRow !== undefined && R6_FAMILY.has(prevRow)))) return { row: 'r7' };
  if (lastGroup === 'r6' && hasValues && rest === '') return { row: 'r6', signal: '2019' };
  return { group: lastGroup };
}

/**
 * The row's own label cells: a group label sharing the row ("三、本年度办理结果⇥（一）予以公开",
 * "（三）不予公开⇥1.属于国家秘密") belongs to the group, so the row's label (its range, docs/spec/rules.md §0)
 * starts after the last cell that names only a group. A label that is itself the group name
 * (2019 "（六）其他处理") keeps every cell.
 */
function ownLabel(labels: RawCell[]): RawCell[] {
  let last = -1;
  labels.forEach((c, i) => {
    const { rows, groups } = labelFacts(normLabel(c.text));
    if (groups.length && !rows.length) last = i;
  });
  const rest = labels.slice(last + 1);
  return rest.some((c) => !isOrdinalFragment(c.text)) ? rest : labels;
}

/** Column order: the template's, unless one header row lists complete labels in another order. */
function columnOrder(headerRows: LogicalRow[], hasSub: boolean): T3Col[] {
  const base = T3_COLUMNS.filter((c) => c.key !== 'sub' || hasSub).map((c) => c.key);
  type Block = 'np' | 'orgs' | 'tot';
  let outer: Block[] | undefined; // order of np / orgs block / tot
  let inner: T3Col[] | undefined; // order of the five organisations
  const orgLabels = T3_ORGS.map((k) => T3_COLUMNS.find((c) => c.key === k)!.label);
  for (const r of headerRows) {
    // Ranks in reading order, so a PDF header line holding several labels counts as the row it is.
    const cells = joinVertical(r.hardCells?.filter((c) => c.text) ?? cellsOf([r]));
    const [np, tot, legal, ...orgPos] = labelRanks(cells, ['自然人', '总计', '法人或其他组织', ...orgLabels]);
    if (np >= 0 && tot >= 0) {
      const orgAt = legal >= 0 ? legal : orgPos.every((p) => p >= 0) ? Math.min(...orgPos) : -1;
      const parts: [Block, number][] = [['np', np], ['tot', tot]];
      if (orgAt >= 0) parts.push(['orgs', orgAt]);
      const sorted = parts.sort((a, b) => a[1] - b[1]).map((p) => p[0]);
      if (orgAt < 0) sorted.splice(sorted.indexOf('np') + 1, 0, 'orgs');
      outer = sorted;
    }
    if (orgPos.every((p) => p >= 0)) inner = T3_ORGS.map((k, i) => [k, orgPos[i]] as const).sort((a, b) => a[1] - b[1]).map((x) => x[0]);
  }
  if (!outer && !inner) return base;
  const orgs = inner ?? T3_ORGS;
  const orgBlock: T3Col[] = hasSub ? [...orgs, 'sub'] : orgs;
  return (outer ?? (['np', 'orgs', 'tot'] as Block[])).flatMap((k) => (k === 'orgs' ? orgBlock : [k]));
}

/** Whether a 小计/合计 header cell stands between 其他 and 总计. */
function findSubtotal(headerCells: RawCell[]): boolean {
  const norms = headerCells.map((c) => normLabel(c.text));
  const other = norms.findIndex((t) => t === '其他');
  if (other < 0) return false;
  for (let i = other + 1; i < norms.length; i++) {
    if (norms[i] === '总计') return false;
    if (norms[i] === '小计' || norms[i] === '合计') return true;
  }
  return false;
}

export function bindT3(items: GridItem[], expected: TemplateVersion | null): TableOf<'T3'> {
  const table = emptyTable('T3');
  const rows = assembleRows(items, T3_VOCAB);
  // The first data row is the first row whose label names a template row. Written one cell per
  // line, the header's last cells (其他, 总计 are label text too) run into it: split them off.
  const firstData = rows.findIndex((r) => {
    const m = matchRow(normLabel(labelText(r)), r.values.length > 0, undefined, undefined);
    return m.row !== undefined;
  });
  if (firstData < 0) return table;
  const keywordCell = (c: RawCell) => {
    const { rows, groups } = labelFacts(normLabel(c.text));
    return rows.length > 0 || groups.length > 0;
  };
  const split = splitBefore(rows[firstData], keywordCell);
  if (split) rows.splice(firstData, 1, ...split);
  return bindRows(table, rows, split ? firstData + 1 : firstData, expected);
}

function bindRows(table: TableOf<'T3'>, rows: LogicalRow[], firstData: number, expected: TemplateVersion | null): TableOf<'T3'> {
  let group: string | undefined;
  let prev: string | undefined;
  table.layout = [...new Set(rows.map((r) => r.layout))];

  // Header: cells before the first data row. The table starts at the first header-text cell.
  const headerCells = joinVertical(cellsOf(rows.slice(0, firstData)));
  const startAt = headerCells.findIndex((c) => c.text.length <= 80 && isHeaderText(c.text, HEADER_LABELS));
  const header = startAt >= 0 ? headerCells.slice(startAt) : [];
  for (const c of header) {
    if (!isHeaderText(c.text, HEADER_LABELS) && c.text.length <= 40) table.noise.push({ start: c.start, end: c.end, text: c.text });
  }
  const hasSub = findSubtotal(header);
  table.hasSubtotal = hasSub;
  const headerRows = rows.slice(0, firstData).filter((r) => r.labels.length + r.others.length + r.values.length > 0);
  const columns = columnOrder(headerRows, hasSub);
  const expectedCount = columns.length;
  table.missingHeaderLabels = missingLabels(header, T3_HEADER_LABELS.map((l) => [l, 1]));
  // First value column of the header (TSV/GFM rows), from the leftmost column label.
  let headerValueCol = -1;
  for (const r of headerRows) {
    for (const c of r.hardCells ?? []) {
      if (T3_COLUMNS.some((col) => normLabel(c.text) === col.label) && (headerValueCol < 0 || c.col < headerValueCol)) headerValueCol = c.col;
    }
  }

  // The widest TSV header line: a data line as wide lost no TAB (row-binding.ts, locateValues).
  const tsvHeader = headerRows.filter((r) => r.layout === 'L4' && r.hardCells);
  const headerWidth = tsvHeader.length ? Math.max(...tsvHeader.map((r) => r.hardCells!.length)) : undefined;
  let v2019 = 0;
  let v2021 = 0;
  let lastDataEnd = 0;
  let pending: LogicalRow | undefined; // a label without values (a wrapped PDF label or a group row)
  const bindings = new RowBindings<BoundRow & { row: T3Row }>(table);
  const orphans: { index: number; row: LogicalRow }[] = [];
  const order: string[] = []; // row keys in document order, for inference
  for (let i = firstData; i < rows.length; i++) {
    let r = rows[i];
    if (!r.labels.length) {
      if (r.values.length && !r.others.length) orphans.push({ index: order.length, row: r });
      else if (r.others.length && r.values.length) table.unknownRows.push({ ...spanOf(r.others), text: r.others.map((c) => c.text).join(''), values: r.values.map((v) => v.text), after: prev });
      // A header row again among the data (a converter's small tables each carry one, generic or
      // naming columns): no data, no noise, and no say in the column order the table's own header set.
      else if (r.others.length && r.others.every((c) => isHeaderText(c.text, HEADER_LABELS))) continue;
      else if (r.others.length) for (const c of r.others) if (c.text.length <= 20) table.noise.push({ start: c.start, end: c.end, text: c.text });
      continue;
    }
    // A digit run glued to the label is matched without it; the row is then refused below.
    const glue = gluedDigits(r.labels[r.labels.length - 1]);
    let label = normLabel(labelText(r));
    if (glue) label = unglue(label);
    // A GFM row has its value cells even when all are blank: 2019's （六）其他处理 is still a data row.
    const gfmCells = r.layout === 'L1' && r.hardCells !== undefined && r.hardCells.length > r.labels[r.labels.length - 1].col + 1;
    let m = matchRow(label, r.values.length > 0 || glue !== undefined || gfmCells, group, prev);
    let labels = r.labels;
    if (!m.row && pending && r.values.length) {
      const joined = normLabel(labelText(pending)) + label;
      const mj = matchRow(joined, true, group, prev);
      if (mj.row) {
        m = mj;
        label = joined;
        labels = [...pending.labels, ...r.labels];
      }
    }
    // PDF text wraps a long label ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府" +
    // "信息公开申请 0 0 …", docs/spec/layouts.md L6): a row label without values followed by values under a
    // label that names no row or group is one row.
    if (m.row && !r.values.length && !glue && i + 1 < rows.length) {
      const next = rows[i + 1];
      const mn = next.labels.length && next.values.length ? matchRow(normLabel(labelText(next)), true, group, m.row) : undefined;
      if (mn && !mn.row && !mn.group && !mn.ambiguous) {
        r = { labels: [...r.labels, ...next.labels], others: [...r.others, ...next.others], values: next.values, hardCells: next.hardCells, layout: next.layout, line: r.line };
        labels = r.labels;
        i++;
      } else if (!next.labels.length && !next.others.length && next.values.length) {
        // A converter split the label from its values: the label on a row of its own, its values on
        // the next row, which has no label. By their order the values are this row's.
        r = { ...r, values: next.values, hardCells: next.hardCells, layout: next.layout };
        i++;
      }
    }
    if (m.group) group = m.group;
    if (!m.row) {
      if (m.ambiguous) table.unknownRows.push({ ...spanOf(r.labels), text: labelText(r), values: r.values.map((v) => v.text), after: prev });
      else if (!r.values.length) pending = r;
      else if (!m.group) table.unknownRows.push({ ...spanOf(r.labels), text: labelText(r), values: r.values.map((v) => v.text), after: prev });
      continue;
    }
    pending = undefined;
    for (const c of r.others) table.noise.push({ start: c.start, end: c.end, text: c.text });
    if (m.signal === '2019') v2019++;
    if (m.signal === '2021') v2021++;
    const spec = ALL_ROWS.find((x) => x.key === m.row)!;
    if (spec.group) group = spec.group;
    prev = m.row;
    const own = ownLabel(labels);
    const labelSpan = { ...spanOf(own), text: own.map((c) => c.text).join('') };
    const located = locateValues(r, labels[labels.length - 1].col, { first: headerValueCol, width: headerWidth }, expectedCount);
    const values = located.values;
    // A digit run glued to the label, or values run together, cannot be split without guessing.
    if (gluedDigits(labels[labels.length - 1]) || located.runTogether) bindings.glued = true;
    lastDataEnd = Math.max(lastDataEnd, values.length ? values[values.length - 1].end : labelSpan.end);
    order.push(m.row);
    bindings.bind(m.row, labelSpan, values, expectedCount, { row: m.row });
  }

  const version = pickVersion(v2019, v2021, expected) ?? '2021';
  table.version = version;
  const templateRows = TEMPLATES[version].t3.rows;
  // Rows of the other version's （六） block are not template rows of this one.
  for (const key of [...table.rows.keys()]) {
    const b = table.rows.get(key)!;
    if (!templateRows.some((t) => t.key === b.key)) {
      if (b.label) table.unknownRows.push({ start: b.label.start, end: b.label.end, text: b.label.text });
      bindings.drop(key);
    }
  }
  // STRUCT-ROW-INFERRED: one missing row between two bound rows, one unlabelled row of the right size there.
  const keys = templateRows.map((t) => t.key);
  for (let k = 1; k + 1 < keys.length; k++) {
    const key = keys[k];
    const bound = bindings.bound;
    if (bound.has(key) || !bound.has(keys[k - 1]) || !bound.has(keys[k + 1])) continue;
    const before = order.indexOf(keys[k - 1]);
    const after = order.indexOf(keys[k + 1]);
    const between = orphans.filter((o) => o.index === before + 1 && after === before + 1 && o.row.values.length === expectedCount);
    if (between.length !== 1) continue;
    bindings.infer(key, between[0].row.values, { row: key });
  }

  const first = header.length ? header[0].start : rows[firstData].labels[0]?.start ?? 0;
  table.range = { start: first, end: Math.max(first, lastDataEnd) };
  table.noise = table.noise.filter((n) => n.start >= first && n.end <= table.range.end);
  if (!bindings.settle(templateRows.map((t) => t.key))) return table;
  const rowName = (w: string) => T3_VOCAB.isRowName(w);
  for (const { row, values } of bindings.readableRows()) {
    columns.forEach((col, i) => table.cells.set(cellId('T3', row, col), makeCell('T3', row, col, values[i], 'count', rowName)));
  }
  return table;
}
