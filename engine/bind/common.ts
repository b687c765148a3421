// Pieces every table binder uses: building cells from value cells, header-text tests, the
// "cells run together" test, and the empty table.
import { cellId, type Cell, type ColKey, type RowKey, type Table, type TableId, type TableOf, type TemplateVersion } from '../model.ts';
import { parseValue } from '../grid/number.ts';
import type { RawCell } from '../grid/layout.ts';
import { GENERIC_HEADER_WORDS } from '../template/index.ts';
import type { ValueKind } from '../template/types.ts';
import { normLabel, stripPunct } from '../text.ts';
import type { LogicalRow } from '../grid/rows.ts';

export function emptyTable<Id extends TableId>(id: Id, status: Table['status'] = 'missing'): TableOf<Id> {
  return {
    id, version: null, status, layout: [], range: { start: 0, end: 0 }, rows: new Map(), cells: new Map(),
    unknownRows: [], duplicateRows: [], noise: [], missingHeaderLabels: [],
  };
}

export function makeCell<Id extends TableId>(table: Id, row: RowKey<Id>, col: ColKey<Id>, raw: RawCell, kind: ValueKind, rowNames: (w: string) => boolean): Cell {
  const id = cellId(table, row, col);
  if (raw.covered) {
    return { id, table, row, col, raw: '', start: raw.start, end: raw.end, state: 'covered', flags: [] };
  }
  const parsed = parseValue(raw.text, kind, (w) => rowNames(normLabel(w)));
  const cell: Cell = {
    id, table, row, col, raw: raw.text,
    start: raw.start, end: raw.end, state: parsed.state, value: parsed.value, unit: parsed.unit,
    flags: parsed.flags, residue: parsed.residue,
  };
  if (parsed.numberAt && !raw.shown) cell.number = { start: raw.start + parsed.numberAt[0], end: raw.start + parsed.numberAt[1] };
  // A cell read past inline markup: its number is where the markup leaves it, when its digits stand
  // together there (a fix then edits them alone); otherwise a fix rewrites the whole cell.
  if (parsed.numberAt && raw.shown) {
    const [a, b] = parsed.numberAt;
    if (b > a && raw.shown[b - 1] - raw.shown[a] === b - 1 - a) cell.number = { start: raw.start + raw.shown[a], end: raw.start + raw.shown[b - 1] + 1 };
  }
  return cell;
}

/**
 * The cell of a source-grid row that holds grid column `col`: the slot itself, or the merged cell
 * it is part of when a cell to its left spans over it.
 */
export function cellAtSlot(cells: RawCell[], col: number): RawCell | undefined {
  // Past the cells the row wrote there is no cell (a GFM row of fewer cells than its header, as
  // values run into one cell leave it): its last cell must not stand for the columns after it.
  if (col >= cells.length) return undefined;
  for (let i = col; i >= 0; i--) if (cells[i].covered !== 'left') return cells[i];
  return undefined;
}

/**
 * `count` value cells of a source-grid row from grid column `from` on, one per cell: a cell merged
 * over several columns is one value, and the slots it covers are no values of their own.
 */
export function valueSlots(cells: RawCell[], from: number, count: number): RawCell[] {
  return cells.slice(from).filter((c) => c.covered !== 'left').slice(0, count);
}

/** A value glued to its label ("行政许可0"): the label part and the digits, when the label ends in digits. */
export function gluedDigits(label: RawCell): { digits: string; at: number } | undefined {
  const m = /^(.*?[^\d\s.,，．０-９])[ \u3000]*([\d０-９][\d０-９.,]*)$/.exec(label.text);
  if (!m || !/[\u4e00-\u9fff]/.test(m[1])) return undefined;
  return { digits: m[2], at: label.start + label.text.length - m[2].length };
}

/** docs/spec/layouts.md §3: fewer value tokens than expected and one of them long enough to hold the rest. */
export function valuesRunTogether(values: RawCell[], expected: number): boolean {
  // An explicit blank (a TSV gap, a GFM cell) is a position of its own, so it counts as a token.
  const tokens = values.filter((v) => v.text.trim() || v.explicit);
  if (expected < 2 || tokens.length >= expected) return false;
  const need = expected - tokens.length + 1;
  return tokens.some((t) => (t.text.match(/[\d０-９]/g)?.length ?? 0) >= need);
}

/**
 * A cell that reads as a sentence of prose (it holds 。！？； and is not a bracketed note): a line of
 * the section's text before its table ("全年未发生行政复议被纠错、行政诉讼败诉的情况。"), which no
 * header label is; the table starts after it, and the prose rules read it.
 */
export function readsAsSentence(text: string): boolean {
  const t = text.trim().normalize('NFKC');
  return /[。！？；!?;]/.test(t) && !/^[(（].*[)）]$/.test(t);
}

/** Each binder's header labels without punctuation, worked out once per list (they are constants). */
const STRIPPED = new WeakMap<readonly string[], string[]>();

/**
 * Header text (docs/spec/layouts.md §2): after deleting punctuation it is non-empty and contains a template
 * header label or is a substring of one (notes included); also unit and caption notes.
 */
export function isHeaderText(text: string, labels: readonly string[]): boolean {
  const t = stripPunct(text);
  if (!t) return false;
  if (GENERIC_HEADER_WORDS.includes(t)) return true; // a converter's "| 项目 | 数量 |", said exactly
  if (/^(单位|表[一二三四五六七八九十\d])/.test(t)) return true;
  if (/^[(（].*[)）]$/.test(text.trim().normalize('NFKC'))) return true; // a bracketed note
  let stripped = STRIPPED.get(labels);
  if (!stripped) STRIPPED.set(labels, (stripped = labels.map((l) => stripPunct(l))));
  return stripped.some((lp) => t.includes(lp) || lp.includes(t));
}

/** Cells of rows, in document order. */
export function cellsOf(rows: LogicalRow[]): RawCell[] {
  const out: RawCell[] = [];
  for (const r of rows) {
    const all = r.hardCells ?? [...r.labels, ...r.others, ...r.values].sort((a, b) => a.start - b.start);
    for (const c of all) if (c.text) out.push(c);
  }
  return out;
}

/** Occurrences of each label in header cells (counted per cell, so one merged cell can supply two). */
export function missingLabels(cells: RawCell[], wanted: [string, number][]): string[] {
  const norms = cells.map((c) => normLabel(c.text));
  const missing: string[] = [];
  for (const [label, times] of wanted) {
    const l = normLabel(label);
    let n = 0;
    for (const t of norms) {
      let at = t.indexOf(l);
      while (at >= 0) {
        n++;
        at = t.indexOf(l, at + l.length);
      }
    }
    if (n < times) missing.push(label);
  }
  return missing;
}

/** Majority of signals; a tie goes to the year's expected version. */
export function pickVersion(v2019: number, v2021: number, expected: TemplateVersion | null): TemplateVersion | null {
  if (v2019 > v2021) return '2019';
  if (v2021 > v2019) return '2021';
  if (v2019 === 0) return expected;
  return expected ?? '2021';
}

/**
 * Joins runs of one- or two-character header lines (vertical text "自/然/人" of PDF text) into one
 * cell. Only whole-line paragraph cells qualify: in L2/L3 every cell has a line of its own, and
 * "其他" followed by "小计" there are two header cells, not one word.
 */
export function joinVertical(cells: RawCell[]): RawCell[] {
  const out: RawCell[] = [];
  const short = (x: RawCell) => x.paragraph === true && [...x.text].length <= 2 && /^[\u4e00-\u9fff]+$/.test(x.text);
  let run = false; // the last output cell is a run of short cells
  for (const c of cells) {
    const prev = out[out.length - 1];
    if (prev && run && short(c) && c.line === prev.line + 1) {
      out[out.length - 1] = { ...prev, text: prev.text + c.text, end: c.end, line: c.line };
    } else {
      out.push(c);
      run = short(c);
    }
  }
  return out;
}

/**
 * A TSV row (L4, L7) whose non-empty value span is shorter than expected: blank cells at the span's
 * edges are values when positions say so (docs/spec/layouts.md L4) — the span lies under the header's value
 * columns, or the row holds exactly the expected number of cells after its label (a browser copy,
 * "label⇥⇥5⇥…": the first value is blank). Otherwise the row stays short (STRUCT-ROW-VALUES).
 */
export function withExplicitBlanks(values: RawCell[], hardCells: RawCell[], lastLabelCol: number, headerValueCol: number, expected: number): RawCell[] {
  if (values.length >= expected) return values;
  if (headerValueCol > lastLabelCol && values.every((v) => v.col >= headerValueCol && v.col < headerValueCol + expected)) {
    const span = hardCells.slice(headerValueCol, headerValueCol + expected);
    if (span.length === expected) return span;
  }
  const after = hardCells.slice(lastLabelCol + 1);
  if (after.length === expected && after.every((c) => c.text || c.explicit)) return after;
  return values;
}

/**
 * Where each of `labels` first occurs in the cells, in reading order: cell by cell, and inside a
 * cell left to right (a PDF header line "总计 自然人 法人或其他组织" is one cell holding three
 * labels). At each position the longest label wins and matches do not overlap, so 其他 inside
 * 法人或其他组织 is not the 其他 column. Returns each label's rank in that order, or -1.
 */
export function labelRanks(cells: RawCell[], labels: string[]): number[] {
  return labelSequence(cells, labels).first;
}

/** Every occurrence of `labels` in the cells in reading order (indices into `labels`), and each label's first rank. */
export function labelSequence(cells: RawCell[], labels: string[]): { seq: number[]; first: number[] } {
  const norm = labels.map((l) => normLabel(l));
  const byLength = norm.map((l, i) => ({ l, i })).sort((a, b) => b.l.length - a.l.length);
  const seq: number[] = [];
  for (const c of cells) {
    const t = normLabel(c.text);
    for (let at = 0; at < t.length; ) {
      const hit = byLength.find((x) => x.l && t.startsWith(x.l, at));
      if (hit) {
        seq.push(hit.i);
        at += hit.l.length;
      } else at++;
    }
  }
  const first = labels.map((_, i) => seq.indexOf(i));
  return { seq, first };
}
