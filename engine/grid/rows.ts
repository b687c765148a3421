// Logical rows from grid items (docs/spec/layouts.md §1 step 5). A logical row is a label zone (label
// cells, ordinal fragments and whatever noise sits among them) followed by a value zone. Hard
// rows (TSV, GFM, PDF lines) are one row each; loose cells (one per line, pipe fragments, one per
// paragraph) form rows by their labels: a label after values starts a new row. Cells are never
// assigned by their position in a stream of numbers.
import { memoizedShort, normLabel } from '../text.ts';
import { isPlaceholder, parseValue } from './number.ts';
import type { GridItem, RawCell } from './types.ts';

export type CellClass = 'empty' | 'ordinal' | 'label' | 'echo' | 'value' | 'text';

export interface Vocabulary {
  /** Label text of this table: a row/group keyword, or a substring (≥ 2 characters) of a row label. */
  isLabel(norm: string): boolean;
  /** Whether `word` names a row (for a value with echo, "行政处罚 0"). */
  isRowName(norm: string): boolean;
}

export interface LogicalRow {
  /** Label cells and ordinal fragments, in order. */
  labels: RawCell[];
  /** Every non-empty cell of the label zone that is not a label (noise or an unknown label). */
  others: RawCell[];
  values: RawCell[];
  /** All cells of a hard row (TSV/GFM/PDF), for column-position rules. */
  hardCells?: RawCell[];
  layout: string;
  line: number;
}

const ORDINAL_ONLY = /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.、．)）])$/;
/** Numbers written loosely ("约5", "5余", "3 5", "五"): values that CELL-NOT-NUMBER must see. */
const LOOSE_NUMBER = /^(?:[约近]?[\s\d０-９,，.．]*[\d０-９][\s\d０-９,，.．]*(?:余|多|左右)?[件个项条次]?|[〇零一二两三四五六七八九十]{1,2})$/;

export const isOrdinalFragment = memoizedShort((text: string): boolean => ORDINAL_ONLY.test(text.normalize('NFKC').replace(/\s+/g, '')));

export function isValueLike(text: string): boolean {
  const t = text.trim();
  if (!t || isPlaceholder(t)) return true;
  if (parseValue(t, 'money').state !== 'invalid' || parseValue(t, 'count').state !== 'invalid') return true;
  return t.length <= 12 && LOOSE_NUMBER.test(t);
}

const ECHO = /^(\S+?)[ \t\u3000\u00a0]+(\S+)$/;

/**
 * The class of a cell's text under a table's vocabulary. Cell texts repeat across reports (the
 * template's labels, small numbers), so each vocabulary remembers its answers.
 */
export function classify(text: string, vocab: Vocabulary): CellClass {
  let classOf = classifiers.get(vocab);
  if (!classOf) classifiers.set(vocab, (classOf = memoizedShort((t: string) => classifyText(t, vocab))));
  return classOf(text);
}
const classifiers = new WeakMap<Vocabulary, (text: string) => CellClass>();

function classifyText(text: string, vocab: Vocabulary): CellClass {
  const t = text.trim();
  if (!t) return 'empty';
  if (isOrdinalFragment(t)) return 'ordinal';
  const echo = ECHO.exec(t);
  if (echo && vocab.isRowName(normLabel(echo[1])) && isValueLike(echo[2])) return 'echo';
  if (isValueLike(t)) return 'value';
  if (vocab.isLabel(normLabel(t))) return 'label';
  return 'text';
}

function hardRow(cells: RawCell[], layout: string, line: number, vocab: Vocabulary): LogicalRow {
  const classes = cells.map((c) => classify(c.text, vocab));
  let lastLabel = -1;
  for (let i = 0; i < cells.length; i++) if (classes[i] === 'label' || classes[i] === 'ordinal') lastLabel = i;
  if (lastLabel < 0) {
    // No label: text cells before the values form the label zone (an unknown row or a header).
    for (let i = 0; i < cells.length; i++) if (classes[i] === 'text') lastLabel = i;
  }
  const row: LogicalRow = { labels: [], others: [], values: [], hardCells: cells, layout, line };
  for (let i = 0; i <= lastLabel; i++) {
    if (classes[i] === 'label' || classes[i] === 'ordinal') row.labels.push(cells[i]);
    else if (classes[i] !== 'empty') row.others.push(cells[i]);
  }
  let first = -1;
  let last = -1;
  for (let i = lastLabel + 1; i < cells.length; i++) {
    if (classes[i] !== 'empty') {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first >= 0) row.values = cells.slice(first, last + 1);
  return row;
}

/** Groups grid items into logical rows for a table with the given vocabulary. */
export function assembleRows(items: GridItem[], vocab: Vocabulary): LogicalRow[] {
  const rows: LogicalRow[] = [];
  const st: { cur: (LogicalRow & { l2?: boolean }) | null } = { cur: null };
  const close = () => {
    const c = st.cur;
    if (c && (c.labels.length || c.others.length || c.values.length)) rows.push(c);
    st.cur = null;
  };
  const open = (cell: RawCell, layout: string): LogicalRow & { l2?: boolean } =>
    (st.cur = { labels: [], others: [], values: [], layout, line: cell.line });
  for (const item of items) {
    switch (item.kind) {
      case 'blank':
        if (st.cur?.l2) close();
        break;
      case 'residue':
        break;
      case 'row':
        close();
        rows.push(hardRow(item.cells, item.layout, item.line, vocab));
        break;
      case 'cell': {
        const c = item.cell;
        const cls = classify(c.text, vocab);
        let cur = st.cur;
        if (cls === 'label' || cls === 'ordinal' || cls === 'text') {
          // A label after values starts a new row; so does a label after loose text (a caption,
          // a header cell, a stray token), which then stands as a row of its own.
          const labelAfterText = cls !== 'text' && cur !== null && !cur.labels.length && cur.others.length > 0;
          // Two cells that each name a row are two rows even without values between them (rows
          // whose values were lost or glued to the label, "（七）总计640020470").
          const secondRowName = cls === 'label' && cur !== null && vocab.isRowName(normLabel(c.text)) && cur.labels.some((x) => vocab.isRowName(normLabel(x.text)));
          if (!cur || cur.values.length || labelAfterText || secondRowName) {
            close();
            cur = open(c, item.layout);
          }
          (cls === 'text' ? cur.others : cur.labels).push(c);
        } else if (cls === 'echo' && (!cur || cur.values.length || !cur.labels.length)) {
          // "行政许可 0" with no label of its own before it: PDF text or a paragraph holding the
          // label and its value. Split it; under a label line it is a value echoing that label.
          const lead = c.text.length - c.text.trimStart().length;
          const body = c.text.trim();
          const m = /^(\S+?)[ \t\u3000\u00a0]+/.exec(body)!; // classify() matched the same shape
          const at = c.start + lead;
          const label: RawCell = { ...c, text: m[1], start: at, end: at + m[1].length, explicit: false };
          const value: RawCell = { ...c, text: body.slice(m[0].length), start: at + m[0].length, end: at + body.length, explicit: false };
          close();
          cur = open(label, item.layout);
          cur.labels.push(label);
          cur.values.push(value);
        } else if (cls === 'empty') {
          // L2: a TAB-only line after the label is a blank value; before it, rowspan residue.
          if (item.layout === 'L2' && cur && (cur.labels.length || cur.others.length)) cur.values.push(c);
        } else {
          if (!cur) cur = open(c, item.layout);
          cur.values.push(c);
        }
        if (item.layout === 'L2' && cur) cur.l2 = true;
        break;
      }
    }
  }
  close();
  return rows;
}

/**
 * Splits a loose row at its first cell that satisfies `isStart` (keeping an ordinal fragment
 * right before it): header cells written one per line can run straight into the first label.
 */
export function splitBefore(row: LogicalRow, isStart: (c: RawCell) => boolean): [LogicalRow, LogicalRow] | undefined {
  if (row.hardCells) return undefined;
  const cells = [...row.labels.map((c) => ({ c, label: true })), ...row.others.map((c) => ({ c, label: false }))].sort((a, b) => a.c.start - b.c.start);
  let at = cells.findIndex((x) => x.label && isStart(x.c));
  if (at <= 0) return undefined;
  if (isOrdinalFragment(cells[at - 1].c.text)) at--;
  if (at <= 0) return undefined;
  const pick = (part: typeof cells, label: boolean) => part.filter((x) => x.label === label).map((x) => x.c);
  const head = cells.slice(0, at);
  const tail = cells.slice(at);
  return [
    { labels: pick(head, true), others: pick(head, false), values: [], layout: row.layout, line: row.line },
    { labels: pick(tail, true), others: pick(tail, false), values: row.values, layout: row.layout, line: tail[0].c.line },
  ];
}

export function labelText(row: LogicalRow): string {
  return row.labels.map((c) => c.text).join('');
}

export function spanOf(cells: RawCell[]): { start: number; end: number } {
  return { start: cells[0].start, end: cells[cells.length - 1].end };
}
