// Table 2 (proactive disclosure): blocks by their captions, rows by the head of their labels
// (the text before the first bracket, so a long note naming 行政处罚 binds nothing), columns by
// each block's header when it states all labels in another order, else the template order.
import type { T2Row, TableOf, TemplateVersion } from '../model.ts';
import type { GridItem, RawCell } from '../grid/layout.ts';
import { TEMPLATES } from '../template/index.ts';
import type { T2BlockSpec, T2RowSpec } from '../template/types.ts';
import { normLabel } from '../text.ts';
import { cellsOf, emptyTable, gluedDigits, isHeaderText, labelRanks, makeCell, missingLabels, pickVersion, readsAsSentence } from './common.ts';
import { locateValues, RowBindings, type BoundRow } from './row-binding.ts';
import { assembleRows, labelText, spanOf, type LogicalRow, type Vocabulary } from '../grid/rows.ts';

const KEYWORDS = ['规章', '规范性文件', '行政许可', '对外管理服务', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购'];
const CAPTION = /第二十条第[(（]([一二三四五六七八九十]{1,2})[)）]项/;
const ROWS: { version: TemplateVersion; block: T2BlockSpec; row: T2RowSpec }[] = (['2021', '2019'] as const).flatMap((version) =>
  TEMPLATES[version].t2.blocks.flatMap((block) => block.rows.map((row) => ({ version, block, row }))));
const HEADER_LABELS = [
  '信息内容', '第二十条',
  ...(['2021', '2019'] as const).flatMap((v) => TEMPLATES[v].t2.blocks.flatMap((b) => b.columns.map((c) => c.label))),
];

/**
 * Label head: the normalised text before the first bracket, without a digit run glued to its end
 * ("规章000" is the 规章 row with its values run into the label; the binder then refuses it).
 */
export function labelHead(text: string): string {
  const n = normLabel(text);
  const cut = n.search(/[(（]/);
  return (cut >= 0 ? n.slice(0, cut) : n).replace(/^[一二三四五六七八九十\d]+[、.]/, '').replace(/(?<=[^\d.,])[\d.,]+$/, '');
}

function matchRows(text: string): { version: TemplateVersion; block: T2BlockSpec; row: T2RowSpec }[] {
  const head = labelHead(text);
  return ROWS.filter((r) => r.row.match(head));
}

export const T2_VOCAB: Vocabulary = {
  isLabel: (t) => {
    const head = t.replace(/[(（].*$/, '');
    return KEYWORDS.some((k) => head.includes(k)) && !CAPTION.test(t);
  },
  isRowName: (t) => matchRows(t).length > 0,
};

interface BlockHeader {
  cells: RawCell[];
  valueCol: number;
  /** Cells of the header's TSV line (empty ones too), when it is one. */
  width?: number;
}

export function bindT2(items: GridItem[], expected: TemplateVersion | null): TableOf<'T2'> {
  const table = emptyTable('T2');
  const rows = assembleRows(items, T2_VOCAB);
  const isData = (r: LogicalRow) => r.labels.length > 0 && matchRows(labelText(r)).length > 0;
  const first = rows.findIndex((r) => isData(r) || cellsOf([r]).some((c) => CAPTION.test(normLabel(c.text))));
  if (first < 0 || !rows.some(isData)) return table;
  table.layout = [...new Set(rows.map((r) => r.layout))];

  // Pass 1: captions, headers, data rows; version signals from everything the table says.
  const headerCells: RawCell[] = [];
  const blockHeaders = new Map<string, BlockHeader>();
  const blocksSeen = new Set<string>();
  const data: { row: LogicalRow; block?: string }[] = [];
  let block: string | undefined;
  let lastData = first;
  for (let i = first; i < rows.length; i++) {
    const r = rows[i];
    if (isData(r)) {
      data.push({ row: r, block });
      lastData = i;
      continue;
    }
    const cells = cellsOf([r]);
    const caption = cells.map((c) => CAPTION.exec(normLabel(c.text))).find(Boolean);
    if (caption) {
      block = caption[1];
      blocksSeen.add(block);
    }
    if (r.values.length && (r.labels.length || r.others.some((c) => !isHeaderText(c.text, HEADER_LABELS)))) {
      data.push({ row: r, block }); // an unknown labelled row with values
      lastData = i;
      continue;
    }
    for (const c of cells) {
      // Sentences of the section's text before the table's first caption or header (a layout
      // reader may hand them over in the caption's row) are prose, not part of the table.
      if (!headerCells.length && !data.length && readsAsSentence(c.text)) continue;
      headerCells.push(c);
      if (block && /信息内容|数量|件数|金额|增\/减/.test(normLabel(c.text)) && !blockHeaders.has(block)) {
        blockHeaders.set(block, { cells: r.hardCells?.filter((x) => x.text) ?? cells, valueCol: -1, width: r.layout === 'L4' ? r.hardCells?.length : undefined });
      }
    }
  }
  const inTable = (c: { start: number }) => c.start <= (rows[lastData].values.at(-1)?.end ?? rows[lastData].labels.at(-1)?.end ?? 0);
  const header = headerCells.filter(inTable);
  const said = normLabel([...header.map((c) => c.text), ...data.map((d) => labelText(d.row))].join('|'));
  const signals = (v: TemplateVersion) => TEMPLATES[v].t2.signals.filter((s) => said.includes(normLabel(s))).length;
  const version = pickVersion(signals('2019'), signals('2021'), expected) ?? '2021';
  table.version = version;
  const spec = TEMPLATES[version].t2;

  for (const c of header) {
    if (!isHeaderText(c.text, HEADER_LABELS) && c.text.length <= 40) table.noise.push({ start: c.start, end: c.end, text: c.text });
  }
  const feeHeader = header.find((c) => normLabel(c.text).includes('本年收费金额'));
  const decimals = feeHeader && /保留(\d+)位小数/.exec(normLabel(feeHeader.text));
  if (decimals) table.feeDecimals = Number(decimals[1]);
  const purchaseHeader = header.find((c) => normLabel(c.text).includes('采购总金额'));
  const unit = purchaseHeader && /(万元|亿元|元)/.exec(normLabel(purchaseHeader.text).replace(/\(指.*\)/, ''));
  if (unit) table.purchaseHeaderUnit = unit[1];
  table.missingBlocks = spec.blocks.filter((b) => !blocksSeen.has(b.key)).map((b) => b.key);
  const wanted = new Map<string, number>();
  for (const b of spec.blocks) {
    wanted.set(b.caption, 1);
    wanted.set('信息内容', (wanted.get('信息内容') ?? 0) + 1);
    for (const c of b.columns) wanted.set(c.label, (wanted.get(c.label) ?? 0) + 1);
  }
  table.missingHeaderLabels = missingLabels(header, [...wanted.entries()]);

  // Pass 2: bind the data rows of this version.
  const bindings = new RowBindings<BoundRow & { row: T2Row; block: T2BlockSpec; glue?: RawCell; glueRest?: string }>(table);
  let lastKey: string | undefined; // the template row bound last, for placing unknown rows
  for (const { row: r, block: seenBlock } of data) {
    const text = labelText(r);
    const match = r.labels.length ? matchRows(text).find((m) => m.version === version) : undefined;
    const labelCells = r.labels.length ? r.labels : r.others;
    const label = { ...spanOf(labelCells), text: labelCells.map((c) => c.text).join('') };
    if (!match) {
      table.unknownRows.push({ ...label, values: r.values.map((v) => v.text), after: lastKey });
      continue;
    }
    lastKey = match.row.key;
    for (const c of r.others) if (!isHeaderText(c.text, HEADER_LABELS)) table.noise.push({ start: c.start, end: c.end, text: c.text });
    const blockSpec = match.block;
    const k = blockSpec.columns.length;
    let values: RawCell[];
    let glue: RawCell | undefined;
    let glueRest: string | undefined;
    const g = gluedDigits(r.labels[r.labels.length - 1]);
    if (g && !r.values.length) {
      // A block of one column: the digits glued to the label are its value, read as such (flagged
      // below); with more columns they cannot be split without guessing.
      if (k >= 2) bindings.glued = true;
      const gluedTo = r.labels[r.labels.length - 1];
      glue = { ...gluedTo, text: g.digits, start: g.at, end: g.at + g.digits.length };
      // What the cell holds besides its value: the text of the cell the digits are glued to (a label
      // written again in the value cell, "行政处罚｜行政处罚0", is that cell's text, not both).
      glueRest = gluedTo.text.slice(0, gluedTo.text.length - g.digits.length);
      values = k >= 2 ? [] : [glue];
    } else {
      // The block header's first value column, where its values lie in TSV and GFM rows.
      const hdr = blockHeaders.get(seenBlock ?? blockSpec.key);
      const cols = hdr ? hdr.cells.filter((c) => blockSpec.columns.some((x) => normLabel(c.text).includes(normLabel(x.label)))).map((c) => c.col) : [];
      const located = locateValues(r, labelCells[labelCells.length - 1].col, { first: cols.length ? Math.min(...cols) : -1, columns: cols, width: hdr?.width }, k);
      values = located.values;
      if (located.runTogether) bindings.glued = true;
    }
    bindings.bind(match.row.key, label, values, k, { row: match.row.key, block: blockSpec, glue, glueRest });
  }
  const allRows = spec.blocks.flatMap((b) => b.rows.map((r) => r.key));

  const start = header.length ? Math.min(header[0].start, data[0]?.row.labels[0]?.start ?? Infinity) : data[0].row.labels[0]?.start ?? 0;
  const lastRow = rows[lastData];
  table.range = { start, end: Math.max(start, lastRow.values.at(-1)?.end ?? lastRow.labels.at(-1)?.end ?? start) };
  if (!bindings.settle(allRows)) return table;
  for (const { row, values, block: b, glue, glueRest } of bindings.readableRows()) {
    const hdr = blockHeaders.get(b.key);
    const columns = columnsOf(b, hdr);
    columns.forEach((col, i) => {
      const cell = makeCell('T2', row, col.key, values[i], col.kind, (w) => matchRows(w).some((m) => m.row.key === row));
      if (values[i] === glue) {
        cell.flags.push('glued');
        cell.residue = glueRest;
      }
      table.cells.set(cell.id, cell);
    });
  }
  return table;
}

/** The block's columns in the header's order when one header row names them all, else the template's. */
function columnsOf(block: T2BlockSpec, hdr: BlockHeader | undefined) {
  if (!hdr || block.columns.length < 2) return block.columns;
  // Ranks in reading order, so a header cell holding several labels (PDF text) still orders them.
  const at = labelRanks(hdr.cells, block.columns.map((c) => c.label));
  if (at.some((p) => p < 0) || new Set(at).size !== at.length) return block.columns;
  return block.columns.map((c, i) => ({ c, p: at[i] })).sort((a, b) => a.p - b.p).map((x) => x.c);
}
