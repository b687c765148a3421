// Word documents (.docx, as Word, WPS and LibreOffice write them): the body of word/document.xml
// read as paragraphs and tables. Headings come from outline levels (the paragraph's own, or its
// style's, word/styles.xml); automatic list numbering is rendered as the text Word shows
// ("一、", "（一）", "1." from word/numbering.xml), so a heading numbered by Word reads as written;
// tables keep their merged cells (gridSpan, vMerge) as spans and covered slots. Text boxes,
// drawings, field codes, deleted revisions and hidden text are not body text; headers, footers and
// footnotes live in other parts and are never read. Every line keeps its place in the document
// (paragraph n, or table t row r cell c) for findings to point at.
//
// The archive is read within a budget (source/zip.ts) and the XML by source/xml.ts, which reads no
// DTD (a document with one is damaged), so neither a zip bomb nor an entity bomb can grow without
// bound. mammoth was the other candidate: it converts to HTML and would then need this
// reader's table and numbering logic anyway, at several times the size and time.
import { layOut, type Block } from './render.ts';
import type { DocStructure, GridCell, Location, SourceFailure } from './types.ts';
import type { LineIndex } from '../text.ts';
import { formatNumber } from './numbering.ts';
import { readXml, type XmlTag } from './xml.ts';
import { readEntry, ZipError, zipEntries, type ZipEntry } from './zip.ts';

export interface DocxSource {
  text: string;
  index: LineIndex;
  structure: DocStructure;
  locate(offset: number): Location | undefined;
}

/** Limits on what a .docx may expand to (issue: a zip bomb is one finding, in bounded time and memory). */
export const DOCX_LIMITS = { bytes: 50 * 1024 * 1024, entries: 10_000 };

const local = (name: string) => name.slice(name.indexOf(':') + 1);
/** An attribute by its local name (`w:val`, or `val` under whatever prefix the writer chose). */
const val = (tag: XmlTag, name = 'val') => {
  const attributes = tag.attributes;
  const common = attributes[`w:${name}`];
  if (common !== undefined) return common;
  for (const k in attributes) if (local(k) === name) return attributes[k];
  return undefined;
};

/** Elements whose whole content is not body text. */
const SKIP = new Set(['txbxContent', 'drawing', 'pict', 'AlternateContent', 'instrText', 'del', 'delText', 'object', 'footnoteReference', 'endnoteReference', 'commentReference']);

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
}

interface Numbering {
  /** numId → abstractNumId and start overrides. */
  nums: Map<string, { abstract: string; overrides: Map<number, number> }>;
  abstracts: Map<string, Map<number, Level>>;
}

interface Style {
  outline?: number;
  basedOn?: string;
  name?: string;
  num?: { id: string; level: number };
}


function readStyles(xml: string | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!xml) return styles;
  let current: Style | undefined;
  let numId: string | undefined;
  let ilvl = 0;
  readXml(xml, {
    open(tag) {
      const n = local(tag.name);
      if (n === 'style') {
        current = {};
        const id = val(tag, 'styleId');
        if (id) styles.set(id, current);
      } else if (!current) return;
      else if (n === 'name') current.name = val(tag);
      else if (n === 'basedOn') current.basedOn = val(tag);
      else if (n === 'outlineLvl') current.outline = Number(val(tag));
      else if (n === 'numId') numId = val(tag);
      else if (n === 'ilvl') ilvl = Number(val(tag)) || 0;
    },
    close(name) {
      if (local(name) === 'numPr' && current && numId) current.num = { id: numId, level: ilvl };
      if (local(name) === 'style') {
        current = undefined;
        numId = undefined;
        ilvl = 0;
      }
    },
  });
  return styles;
}

function readNumbering(xml: string | undefined): Numbering {
  const numbering: Numbering = { nums: new Map(), abstracts: new Map() };
  if (!xml) return numbering;
  let abstract: Map<number, Level> | undefined;
  let level: Level | undefined;
  let num: { abstract: string; overrides: Map<number, number> } | undefined;
  let overrideLevel = 0;
  readXml(xml, {
    open(tag) {
      const n = local(tag.name);
      if (n === 'abstractNum') {
        abstract = new Map();
        numbering.abstracts.set(val(tag, 'abstractNumId') ?? '', abstract);
      } else if (n === 'num') {
        num = { abstract: '', overrides: new Map() };
        numbering.nums.set(val(tag, 'numId') ?? '', num);
      } else if (n === 'lvl' && abstract) {
        level = { start: 1, format: 'decimal', text: '', suffix: 'tab' };
        abstract.set(Number(val(tag, 'ilvl')) || 0, level);
      } else if (n === 'lvlOverride') overrideLevel = Number(val(tag, 'ilvl')) || 0;
      else if (n === 'abstractNumId' && num) num.abstract = val(tag) ?? '';
      else if (n === 'startOverride' && num) num.overrides.set(overrideLevel, Number(val(tag)) || 1);
      else if (level) {
        if (n === 'start') level.start = Number(val(tag)) || 0;
        else if (n === 'numFmt') level.format = val(tag) ?? 'decimal';
        else if (n === 'lvlText') level.text = val(tag) ?? '';
        else if (n === 'suff') level.suffix = val(tag) ?? 'tab';
      }
    },
    close(name) {
      const n = local(name);
      if (n === 'lvl') level = undefined;
      else if (n === 'abstractNum') abstract = undefined;
      else if (n === 'num') num = undefined;
    },
  });
  return numbering;
}

/** Counters of every list, and the text a numbered paragraph starts with. */
class ListCounters {
  private counters = new Map<string, number[]>();
  private started = new Set<string>();

  constructor(private readonly numbering: Numbering) {}

  label(numId: string, ilvl: number): string {
    const num = this.numbering.nums.get(numId);
    if (!num) return '';
    const levels = this.numbering.abstracts.get(num.abstract);
    const level = levels?.get(ilvl);
    if (!levels || !level || level.format === 'bullet' || level.format === 'none') return '';
    // Counters belong to the abstract list; a w:num with a start override restarts it once.
    const key = num.abstract;
    let counts = this.counters.get(key);
    if (!counts || (num.overrides.size && !this.started.has(numId))) {
      counts = [];
      this.counters.set(key, counts);
    }
    this.started.add(numId);
    const startOf = (l: number) => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
    counts.length = ilvl + 1; // deeper levels restart
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counts![l] ?? startOf(l);
      return formatNumber(value, levels.get(l)?.format ?? 'decimal');
    });
    // A TAB after the number is layout: nothing after CJK punctuation ("一、"), one space after "1.".
    if (level.suffix === 'nothing') return text;
    return /[\u3000-\u303f\uff00-\uffef]$/.test(text) ? text : `${text} `;
  }
}

interface Paragraph {
  text: string;
  style?: string;
  outline?: number;
  num?: { id: string; level: number };
}

interface Cell {
  paragraphs: string[];
  span: number;
  vMerge?: 'restart' | 'continue';
}

interface Table {
  rows: { cells: Cell[]; before: number }[];
}

type Item = { kind: 'p'; p: Paragraph; n: number } | { kind: 'table'; table: Table; n: number };

/** The body of word/document.xml as paragraphs and tables, in order. */
function readBody(xml: string): Item[] {
  const items: Item[] = [];
  let paragraphs = 0;
  let tables = 0;
  let skip = 0; // depth inside an element that is not body text
  let p: Paragraph | undefined;
  let inRun = false;
  let runHidden = false;
  let inText = false;
  let inPPr = false;
  let pendingNum: { id?: string; level: number } | undefined;
  const tableStack: { table: Table; cell?: Cell }[] = [];
  const open = (tag: XmlTag) => {
    const n = local(tag.name);
    if (skip) {
      if (SKIP.has(n)) skip++;
      return;
    }
    if (SKIP.has(n)) {
      skip = 1;
      return;
    }
    switch (n) {
      case 'p':
        p = { text: '' };
        break;
      case 'pPr':
        inPPr = true;
        break;
      case 'pStyle':
        if (p && inPPr) p.style = val(tag);
        break;
      case 'outlineLvl':
        if (p && inPPr) p.outline = Number(val(tag));
        break;
      case 'numPr':
        if (inPPr) pendingNum = { level: 0 };
        break;
      case 'ilvl':
        if (pendingNum) pendingNum.level = Number(val(tag)) || 0;
        break;
      case 'numId':
        if (pendingNum) pendingNum.id = val(tag);
        break;
      case 'r':
        inRun = true;
        runHidden = false;
        break;
      case 'vanish':
      case 'webHidden':
        if (inRun && val(tag) !== '0' && val(tag) !== 'false') runHidden = true;
        break;
      case 't':
        inText = inRun && !runHidden;
        break;
      case 'tab':
        if (p && inRun && !runHidden && !inPPr) p.text += '\t';
        break;
      case 'br':
      case 'cr': {
        const type = val(tag, 'type');
        if (p && inRun && !runHidden && type !== 'page' && type !== 'column') p.text += '\n';
        break;
      }
      case 'noBreakHyphen':
        if (p && inRun) p.text += '-';
        break;
      case 'tbl':
        tableStack.push({ table: { rows: [] } });
        break;
      case 'tr':
        tableStack[tableStack.length - 1]?.table.rows.push({ cells: [], before: 0 });
        break;
      case 'gridBefore': {
        const rows = tableStack[tableStack.length - 1]?.table.rows;
        if (rows?.length) rows[rows.length - 1].before = Number(val(tag)) || 0;
        break;
      }
      case 'tc': {
        const top = tableStack[tableStack.length - 1];
        const row = top?.table.rows[top.table.rows.length - 1];
        if (top && row) {
          top.cell = { paragraphs: [], span: 1 };
          row.cells.push(top.cell);
        }
        break;
      }
      case 'gridSpan': {
        const cell = tableStack[tableStack.length - 1]?.cell;
        if (cell) cell.span = Math.max(1, Math.min(1000, Number(val(tag)) || 1));
        break;
      }
      case 'vMerge': {
        const cell = tableStack[tableStack.length - 1]?.cell;
        if (cell) cell.vMerge = val(tag) === 'restart' ? 'restart' : 'continue';
        break;
      }
    }
  };
  const close = (name: string) => {
    const n = local(name);
    if (skip) {
      if (SKIP.has(n)) skip--;
      return;
    }
    switch (n) {
      case 'pPr':
        inPPr = false;
        break;
      case 'numPr':
        if (p && pendingNum?.id) p.num = { id: pendingNum.id, level: pendingNum.level };
        pendingNum = undefined;
        break;
      case 'r':
        inRun = false;
        break;
      case 't':
        inText = false;
        break;
      case 'p': {
        if (!p) break;
        const top = tableStack[tableStack.length - 1];
        if (top?.cell) top.cell.paragraphs.push(p.text);
        else if (!tableStack.length) items.push({ kind: 'p', p, n: ++paragraphs });
        p = undefined;
        break;
      }
      case 'tc': {
        const top = tableStack[tableStack.length - 1];
        if (top) top.cell = undefined;
        break;
      }
      case 'tbl': {
        const done = tableStack.pop();
        if (!done) break;
        const outer = tableStack[tableStack.length - 1];
        if (outer?.cell) {
          // A table inside a cell: its text is the cell's (nested tables are layout, not report tables).
          for (const row of done.table.rows) outer.cell.paragraphs.push(row.cells.map((c) => c.paragraphs.join('')).join(' '));
        } else if (!outer) items.push({ kind: 'table', table: done.table, n: ++tables });
        break;
      }
    }
  };
  readXml(xml, {
    open,
    close,
    text(t) {
      if (!skip && inText && p) p.text += t;
    },
  });
  return items;
}

/** The outline level of a paragraph (0 = heading 1), from itself or its style chain. */
function outlineOf(p: Paragraph, styles: Map<string, Style>): number | undefined {
  if (p.outline !== undefined && p.outline < 9) return p.outline;
  let id = p.style;
  for (let guard = 0; id && guard < 20; guard++) {
    const s = styles.get(id);
    if (!s) break;
    if (s.outline !== undefined && s.outline < 9) return s.outline;
    const m = /^(?:heading|标题)\s*([1-9])$/i.exec(s.name ?? '');
    if (m) return Number(m[1]) - 1;
    id = s.basedOn;
  }
  return undefined;
}

function numOf(p: Paragraph, styles: Map<string, Style>): { id: string; level: number } | undefined {
  if (p.num) return p.num.id === '0' ? undefined : p.num;
  let id = p.style;
  for (let guard = 0; id && guard < 20; guard++) {
    const s = styles.get(id);
    if (!s) break;
    if (s.num) return s.num.id === '0' ? undefined : s.num;
    id = s.basedOn;
  }
  return undefined;
}

/** Paragraph text as one line: line breaks inside it join like the lines of a wrapped cell. */
const joinLines = (parts: string[]) =>
  parts.reduce((acc, part) => {
    // ASCII spaces at the ends are layout; U+3000 and NBSP padding are the author's and stay.
    const t = part.replace(/^[ \t]+|[ \t]+$/g, '');
    if (!t.trim()) return acc;
    if (!acc) return t;
    const cjk = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;
    return cjk.test(acc[acc.length - 1]) && cjk.test(t[0]) ? acc + t : `${acc} ${t}`;
  }, '');

type LineLocation = { paragraph: number } | { table: number; row: number; cells: { start: number; end: number; cell: number }[] };

/** Reads a .docx given as bytes. */
export function readDocx(bytes: Uint8Array): DocxSource | { failure: SourceFailure } {
  let body: Item[];
  let styles: Map<string, Style>;
  let numbering: Numbering;
  try {
    const entries = zipEntries(bytes, DOCX_LIMITS.entries);
    const byName = new Map(entries.map((e) => [e.name, e]));
    const main = byName.get('word/document.xml');
    if (!main) return { failure: 'zip-not-docx' };
    const declared = entries.reduce((sum, e) => sum + e.size, 0);
    if (declared > DOCX_LIMITS.bytes) return { failure: 'docx-too-large' };
    const budget = { left: DOCX_LIMITS.bytes };
    const decoder = new TextDecoder('utf-8');
    const text = (e: ZipEntry | undefined) => (e ? decoder.decode(readEntry(bytes, e, budget)) : undefined);
    body = readBody(text(main)!);
    styles = readStyles(text(byName.get('word/styles.xml')));
    numbering = readNumbering(text(byName.get('word/numbering.xml')));
  } catch (e) {
    if (e instanceof ZipError && e.kind === 'too-large') return { failure: 'docx-too-large' };
    return { failure: 'docx-damaged' };
  }
  const counters = new ListCounters(numbering);
  const blocks: Block[] = [];
  const locations: LineLocation[] = [];
  for (const item of body) {
    if (item.kind === 'p') {
      const num = numOf(item.p, styles);
      const label = num ? counters.label(num.id, num.level) : '';
      // A line break inside a paragraph starts a new line, as it does on the page.
      const lines = (label + item.p.text).split('\n').map((l) => l.replace(/[ \u00a0]+$/, '')).filter((l) => l.trim());
      const outline = outlineOf(item.p, styles);
      lines.forEach((l, i) => {
        blocks.push(outline !== undefined && i === 0 ? { kind: 'heading', level: outline + 1, text: l.trim() } : { kind: 'line', text: l.trim() });
        locations.push({ paragraph: item.n });
      });
      continue;
    }
    tableBlocks(item.table, item.n, blocks, locations);
  }
  const out = layOut(blocks, 'docx');
  // Each block's location, by line.
  const byLine: (LineLocation | undefined)[] = [];
  let k = 0;
  out.lineBlocks.forEach((b, line) => {
    if (b) byLine[line] = locations[k++];
  });
  const locate = (offset: number): Location | undefined => {
    const line = out.index.lineAt(offset);
    const loc = byLine[line];
    if (!loc) return undefined;
    const lineText = out.index.lines[line].text;
    if ('paragraph' in loc) return { kind: 'docx', paragraph: loc.paragraph, text: lineText };
    const lineStart = out.index.lines[line].start;
    const at = loc.cells.find((c) => lineStart + c.start <= offset && offset <= lineStart + c.end) ?? loc.cells[0];
    return { kind: 'docx', table: loc.table, row: loc.row, cell: at?.cell ?? 1, text: at ? lineText.slice(at.start, at.end) : lineText };
  };
  return { text: out.text, index: out.index, structure: out.structure, locate };
}

/** A Word table as grid rows: gridSpan → a span and covered slots to its right; vMerge continue → covered. */
function tableBlocks(table: Table, n: number, blocks: Block[], locations: LineLocation[]): void {
  const rows = table.rows.filter((r) => r.cells.length);
  // The restart cell of each vertical merge, by grid column, to count its row span.
  const openMerge = new Map<number, GridCell>();
  rows.forEach((row, r) => {
    const slots: { at: number; cell: GridCell }[] = [];
    const cells: { start: number; end: number; cell: number }[] = [];
    let text = '';
    const put = (cell: GridCell) => {
      if (slots.length) text += '\t';
      slots.push({ at: text.length, cell });
      text += cell.text;
    };
    let col = 0;
    // Grid columns a row leaves out before its first cell (w:gridBefore) hold no cell at all.
    for (let b = 0; b < row.before; b++, col++) put({ start: 0, end: 0, text: '', covered: 'left' });
    row.cells.forEach((c, ci) => {
      if (c.vMerge === 'continue') {
        const origin = openMerge.get(col);
        if (origin) origin.rowSpan = (origin.rowSpan ?? 1) + 1;
        for (let s = 0; s < c.span; s++) put({ start: 0, end: 0, text: '', covered: 'above' });
      } else {
        const textOf = joinLines(c.paragraphs.flatMap((x) => x.split('\n')));
        const cell: GridCell = { start: 0, end: 0, text: textOf };
        if (c.span > 1) cell.colSpan = c.span;
        const at = text.length + (slots.length ? 1 : 0);
        put(cell);
        cells.push({ start: at, end: at + textOf.length, cell: ci + 1 });
        if (c.vMerge === 'restart') openMerge.set(col, cell);
        else openMerge.delete(col);
        for (let s = 1; s < c.span; s++) put({ start: 0, end: 0, text: '', covered: 'left' });
      }
      col += c.span;
    });
    blocks.push({ kind: 'row', text, slots, grid: n });
    locations.push({ table: n, row: r + 1, cells });
  });
}
