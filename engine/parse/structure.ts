// Block structure of a document: headings, bullet list items, fenced code, GFM tables, HTML
// comments. Markdown goes through unified + remark-parse + remark-gfm; plain text through a line
// scanner. Both fill the same DocStructure, so everything downstream is shared. Table recovery
// and heading detection still read raw lines: remark sees TAB rows as code and `3. 其他⇥0` as a
// list, so the tree is used only for what it is right about.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { detached, LineIndex, type Line } from '../text.ts';

export interface HeadingMark {
  line: number;
  level: number;
  kind: 'atx' | 'setext';
  /** The `#` run of an ATX heading. */
  hashes?: { start: number; end: number };
  /** Heading content offsets (without `#`s and closing sequence). */
  contentStart: number;
  contentEnd: number;
}

export interface GfmCell {
  start: number;
  end: number;
  text: string;
}

export interface GfmTable {
  startLine: number;
  endLine: number; // inclusive
  delimiterLine: number;
  rows: { line: number; cells: GfmCell[] }[];
}

export interface DocStructure {
  headings: Map<number, HeadingMark>;
  /** Line → offset where the content after a bullet marker starts. */
  bullets: Map<number, number>;
  /** Lines inside fenced code blocks (fences included). */
  code: Set<number>;
  gfmTables: GfmTable[];
  gfmLines: Map<number, GfmTable>;
  comments: { start: number; end: number; text: string }[];
}

const ATX = /^( {0,3})(#{1,6})(?=[ \t]|$)[ \t]*(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const BULLET = /^( {0,3}[-*+])[ \t]+/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const isDelimiter = (t: string) => t.includes('|') && t.includes('-') && DELIMITER.test(t);

/**
 * The block a GFM table header on line `l` opens — the header, a delimiter row, then pipe lines up
 * to a blank one: its last line, or -1.
 */
function gfmBlockEnd(lines: Line[], l: number, loose = false): number {
  if (l + 1 >= lines.length) return -1;
  const header = lines[l].text;
  const delimiter = lines[l + 1].text;
  // Loose (the Markdown skeleton, where remark decides): a pipe in the header or in the delimiter
  // row will do. The line scanner wants both.
  const candidate = loose
    ? (header.includes('|') || delimiter.includes('|')) && delimiter.includes('-') && DELIMITER.test(delimiter) && header.trim() !== ''
    : header.includes('|') && isDelimiter(delimiter);
  if (!candidate) return -1;
  let last = l + 1;
  while (last + 1 < lines.length && lines[last + 1].text.includes('|') && lines[last + 1].text.trim()) last++;
  return last;
}
const COMMENT = /<!--([\s\S]*?)-->/g;

function emptyStructure(): DocStructure {
  return { headings: new Map(), bullets: new Map(), code: new Set(), gfmTables: [], gfmLines: new Map(), comments: [] };
}

/** Splits one GFM row into cells with offsets (escaped pipes stay inside a cell). */
export function splitGfmRow(text: string, base: number): GfmCell[] {
  const cells: GfmCell[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] === '|') i++;
  let cellStart = i;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && (text[a] === ' ' || text[a] === '\t')) a++;
    while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
    // An empty cell's range sits right after its leading delimiter and one space (docs/spec/rules.md §0).
    if (a === b) a = b = Math.min(from + (text[from] === ' ' ? 1 : 0), to);
    cells.push({ start: base + a, end: base + b, text: text.slice(a, b) });
  };
  for (; i < n; i++) {
    // A backslash escapes the next character: `\|` is an escaped pipe, `\\|` a backslash and a pipe.
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] === '|') {
      push(cellStart, i);
      cellStart = i + 1;
    }
  }
  const rest = text.slice(cellStart);
  if (rest.trim()) push(cellStart, n);
  return cells;
}

function addGfmTable(s: DocStructure, idx: LineIndex, header: number, delimiter: number, last: number): void {
  const rows: GfmTable['rows'] = [];
  for (let l = header; l <= last; l++) {
    if (l === delimiter) continue;
    const line = idx.lines[l];
    rows.push({ line: l, cells: splitGfmRow(line.text, line.start) });
  }
  const table: GfmTable = { startLine: header, endLine: last, delimiterLine: delimiter, rows };
  s.gfmTables.push(table);
  for (let l = header; l <= last; l++) s.gfmLines.set(l, table);
}

function scanComments(s: DocStructure, text: string): void {
  if (!text.includes('<!--')) return;
  for (const m of text.matchAll(COMMENT)) s.comments.push({ start: m.index!, end: m.index! + m[0].length, text: m[1] });
}

function atxMark(lineNo: number, text: string, start: number): HeadingMark | undefined {
  const m = ATX.exec(text);
  if (!m) return undefined;
  const hashStart = start + m[1].length;
  const contentStart = m[3] ? start + text.indexOf(m[3], m[1].length + m[2].length) : hashStart + m[2].length;
  return {
    line: lineNo, level: m[2].length, kind: 'atx',
    hashes: { start: hashStart, end: hashStart + m[2].length },
    contentStart, contentEnd: contentStart + m[3].length,
  };
}

/** Line scanner for plain text: the Markdown constructs drafts carry even in .txt files. */
export function scanPlainText(idx: LineIndex): DocStructure {
  const s = emptyStructure();
  const lines = idx.lines;
  let fence: string | null = null;
  for (let l = 0; l < lines.length; l++) {
    const { text, start } = lines[l];
    if (fence !== null) {
      s.code.add(l);
      if (text.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    const f = FENCE.exec(text);
    if (f) {
      fence = f[1];
      s.code.add(l);
      continue;
    }
    if (text.length > 2000 && !text.includes('\t')) continue; // no construct of interest is that long
    const atx = atxMark(l, text, start);
    if (atx) {
      s.headings.set(l, atx);
      continue;
    }
    const b = BULLET.exec(text);
    if (b) s.bullets.set(l, start + b[0].length);
    // GFM table: a header row with a pipe followed by a delimiter row.
    const last = gfmBlockEnd(lines, l);
    if (last >= 0) {
      addGfmTable(s, idx, l, l + 1, last);
      l = last;
      continue;
    }
    // Setext underline under a paragraph line.
    if (l > 0 && SETEXT.test(text) && lines[l - 1].text.trim() && !s.headings.has(l - 1) && !s.bullets.has(l - 1) && !lines[l - 1].text.includes('\t')) {
      const prev = lines[l - 1];
      const content = prev.text.trim();
      const contentStart = prev.start + prev.text.indexOf(content);
      s.headings.set(l - 1, { line: l - 1, level: text.trim()[0] === '=' ? 1 : 2, kind: 'setext', contentStart, contentEnd: contentStart + content.length });
    }
  }
  scanComments(s, idx.text);
  return s;
}

interface MdNode {
  type: string;
  depth?: number;
  lang?: string | null;
  children?: MdNode[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}

const gfmProcessor = unified().use(remarkParse).use(remarkGfm);
const commonmarkProcessor = unified().use(remarkParse);

/**
 * The text remark reads: the lines that can carry the block structure we take from it — headings,
 * list and quote markers, fences, HTML (and any line that can close an HTML block), Setext
 * underlines and the paragraph each underlines, GFM table blocks, and the document's last line —
 * in order, with one blank line wherever lines were left out. Prose and non-GFM table rows are
 * nearly all of a report; micromark need not tokenize them, and remark-gfm, which over a whole
 * report costs six times remark-parse (its table construct tries every TAB row and long CJK line),
 * then reads only what can be a table. A left-out line reads as a blank line, and a run of blank
 * lines has the structure of one; but micromark pays for every line it reads (400 empty lines cost
 * more than the few dozen kept ones), so the run is one. Words that cannot change the structure
 * are shaped away (heading text, table cells: see atxShape, emitTableBlock), so that documents
 * share skeletons. test/fuzz/skeleton.test.ts holds the skeleton to remark-gfm's reading of the
 * whole document, and names what it knowingly reads otherwise. `toOriginal` maps an offset of the
 * skeleton back to the document; `tableBlocks` lists the GFM blocks' line ranges.
 */
interface Skeleton {
  text: string;
  toOriginal(offset: number): number;
  tableBlocks: { first: number; last: number }[];
}
const BODY_ROW = /^ {0,3}\|/;
const CELL_TEXT = /\\.|[^|\\ \t]/g;
const STRUCTURAL = /^[ \t]{0,3}(?:#|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|<)/;
function structuralSkeleton(idx: LineIndex): Skeleton {
  const lines = idx.lines;
  let text = '';
  const origin: number[] = []; // per skeleton line: the document line it copies, −1 for a blank one
  const tableBlocks: Skeleton['tableBlocks'] = [];
  const emit = (line: number, content: string) => {
    origin.push(line);
    text += `${content}\n`;
  };
  const gap = () => {
    text += '\n';
    origin.push(-1);
  };
  // The paragraph a Setext underline makes a heading: every line of it, up to the blank line
  // above (a heading's text may wrap). A line already marked has the rest of its run marked.
  const underlined = new Uint8Array(lines.length);
  for (let u = 1; u < lines.length; u++) {
    if (!SETEXT.test(lines[u].text) || lines[u].text.includes('\t')) continue;
    for (let k = u - 1; k >= 0 && !underlined[k] && lines[k].text.trim(); k--) underlined[k] = 1;
  }
  let gapNext = false;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l].text;
    if (!line.trim()) continue;
    // Loose: a header or a delimiter row without pipes may still make a table; remark decides.
    const last = gfmBlockEnd(lines, l, true);
    if (last >= 0) {
      tableBlocks.push({ first: l, last });
      // Right after a kept line the block stays adjacent: it may continue a quote or list item lazily.
      if (origin.length && (origin[origin.length - 1] !== l - 1 || gapNext)) gap();
      emitTableBlock(lines, l, last, emit);
      gapNext = true;
      l = last;
      continue;
    }
    // Fences and ATX headings always stay (a fence keeps its code's extent; `#\t标题` is a heading);
    // so does any line with a `>`, which may close an HTML block (`-->`, `?>`, `</pre>`…) that
    // would otherwise run to the end of the skeleton.
    const keep = FENCE.test(line) || ATX.test(line) || line.includes('>')
      || underlined[l] === 1 || (!line.includes('\t') && (STRUCTURAL.test(line) || SETEXT.test(line)));
    if (!keep) continue;
    if (origin.length && (origin[origin.length - 1] !== l - 1 || gapNext)) gap();
    gapNext = false;
    emit(l, atxShape(line) ?? line);
  }
  // The last line always: a fence or HTML block left open runs to the end of the document, not to
  // the last line kept. A line not kept above is paragraph text, whatever its words.
  const end = lines.length - 1;
  if (end >= 0 && origin[origin.length - 1] !== end) {
    if (origin.length && (origin[origin.length - 1] !== end - 1 || gapNext)) gap();
    emit(end, lines[end].text.trim() ? 'x' : '');
  }
  const skeletonIndex = new LineIndex(text);
  const toOriginal = (offset: number): number => {
    const at = skeletonIndex.lineAt(offset);
    // A blank line (a gap, or the empty one after the last line break) follows a kept line:
    // it stands for the end of that line.
    if (!(origin[at] >= 0)) return at > 0 ? lines[origin[at - 1]].end : 0;
    const line = lines[origin[at]];
    return line.start + Math.min(offset - skeletonIndex.lines[at].start, line.end - line.start);
  };
  return { text, toOriginal, tableBlocks };
}

/**
 * An ATX heading line as remark needs to see it: its level, not its words (headings are read from
 * the raw line). Documents then share skeletons, and a skeleton is parsed once (see `parseSkeleton`).
 */
function atxShape(line: string): string | undefined {
  const m = ATX_SHAPE.exec(line);
  return m ? `${m[1]}${m[2] ? ' x' : ''}` : undefined;
}
const ATX_SHAPE = /^( {0,3}#{1,6})(?:[ \t]+(\S.*))?$/;

/**
 * A GFM block (lines first..last: header, delimiter, rows) as remark needs to see it. Cells are
 * read from the raw lines; remark only says whether and where a table is, and remark-gfm costs
 * about 100 µs per row of cells. Whether a header and a delimiter row make a table depends on
 * their cell counts: when both lines start with a pipe and the counts agree, remark gets a
 * one-cell header and delimiter. A row that starts with a pipe cannot start another block, so it
 * cannot end the table: a run of them is one lone pipe (a row all the same) standing for the run's
 * last line. Anywhere else in the block (no table at the header, or after a row that may have
 * ended it) a new table may start at any line: there every line keeps its cells, a pipe-led one
 * with every character but pipes, escapes and spaces made an x, a delimiter-like one as written.
 */
function emitTableBlock(lines: Line[], first: number, last: number, emit: (line: number, content: string) => void): void {
  const header = lines[first].text;
  const delimiter = lines[first + 1].text;
  const indent = (t: string) => t.slice(0, t.length - t.trimStart().length);
  const asWritten = (l: number) => {
    const t = lines[l].text;
    emit(l, BODY_ROW.test(t) && !DELIMITER.test(t) ? t.replace(CELL_TEXT, (m) => (m.length === 2 ? m : 'x')) : t);
  };
  let l = first;
  if (BODY_ROW.test(header) && BODY_ROW.test(delimiter) && splitGfmRow(header, 0).length === splitGfmRow(delimiter, 0).length) {
    emit(first, `${indent(header)}|x|`);
    emit(first + 1, `${indent(delimiter)}|-|`);
    for (l = first + 2; l <= last && BODY_ROW.test(lines[l].text); l++) {
      if (l === last || !BODY_ROW.test(lines[l + 1].text)) emit(l, '|');
    }
  }
  for (; l <= last; l++) asWritten(l);
}

/**
 * remark's tree of a skeleton. remark-gfm only where a table can be (the one GFM construct read from
 * the tree). Parsing is a pure function of the text, and with words shaped away many documents have
 * the same skeleton, while a remark call costs 0.1–0.5 ms whatever its length: short skeletons'
 * trees are kept (read-only) and reused.
 */
function parseSkeleton(skeleton: Skeleton): MdNode {
  const gfm = skeleton.tableBlocks.length > 0;
  if (skeleton.text.length > SKELETON_MEMO_CHARS) return (gfm ? gfmProcessor : commonmarkProcessor).parse(skeleton.text) as MdNode;
  // A flat copy: the skeleton is built from slices of the document, which a kept key or a kept
  // tree's text would otherwise hold in memory after the document is gone.
  const text = detached(skeleton.text);
  const key = `${gfm ? 'g' : 'c'}${text}`;
  const known = skeletonTrees.get(key);
  if (known) return known;
  const tree = (gfm ? gfmProcessor : commonmarkProcessor).parse(text) as MdNode;
  if (skeletonTrees.size >= SKELETON_MEMO_ENTRIES) skeletonTrees.clear();
  skeletonTrees.set(key, tree);
  return tree;
}
const SKELETON_MEMO_CHARS = 1000;
const SKELETON_MEMO_ENTRIES = 128;
const skeletonTrees = new Map<string, MdNode>();

/** A line opening dozens of nested blocks (`> > > …`, `- - - …`): no report looks like that. */
const DEEP_NESTING = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))[ \t]*(?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]*){31}/m;

/** Markdown: headings, lists, fenced code and tables as remark sees them. */
export function scanMarkdown(idx: LineIndex): DocStructure {
  // remark's time grows with the nesting depth (seconds at a few thousand levels) and its
  // recursion can overflow: such a text is read line by line like plain text.
  if (DEEP_NESTING.test(idx.text)) return scanPlainText(idx);
  let tree: MdNode;
  const skeleton = structuralSkeleton(idx);
  const blockAt = (line: number) => skeleton.tableBlocks.find((b) => b.first <= line && line <= b.last);
  try {
    tree = parseSkeleton(skeleton);
  } catch {
    // remark recurses over the tree (remark-gfm's autolink pass overflows the stack on a few
    // thousand nested list items): such a text is read line by line like plain text.
    return scanPlainText(idx);
  }
  const s = emptyStructure();
  const lineOf = (offset: number) => idx.lineAt(offset);
  const visit = (node: MdNode) => {
    const at = node.position;
    const pos = at && at.start.offset !== undefined && at.end.offset !== undefined
      ? { start: { offset: skeleton.toOriginal(at.start.offset) }, end: { offset: skeleton.toOriginal(at.end.offset) } }
      : undefined;
    if (pos) {
      const first = lineOf(pos.start.offset);
      const last = lineOf(Math.max(pos.start.offset, pos.end.offset - 1));
      switch (node.type) {
        case 'heading': {
          const line = idx.lines[first];
          // From the node's own start: a heading can sit inside a list item or quote (`- # 三、…`).
          const atx = atxMark(first, idx.text.slice(pos.start.offset, line.end), pos.start.offset);
          if (atx) s.headings.set(first, atx);
          else {
            const content = line.text.trim();
            const contentStart = line.start + line.text.indexOf(content);
            s.headings.set(first, { line: first, level: node.depth ?? 1, kind: 'setext', contentStart, contentEnd: contentStart + content.length });
          }
          return;
        }
        case 'table': {
          // Only a table of the document itself, whose header row starts its line: in a list item
          // or a quote the raw lines the cells are read from hold the markers.
          const line = idx.lines[first];
          const indent = line.text.length - line.text.trimStart().length;
          if (!topLevel.has(node) || !blockAt(first) || pos.start.offset - line.start !== indent) return;
          addGfmTable(s, idx, first, first + 1, last);
          return;
        }
        case 'listItem': {
          // Inside a GFM block a marker is a table row's text, not a list.
          if (blockAt(first)) break;
          const line = idx.lines[first];
          const b = BULLET.exec(line.text.slice(pos.start.offset - line.start));
          if (b) s.bullets.set(first, pos.start.offset + b[0].length);
          break;
        }
        case 'code': {
          const fenced = FENCE.test(idx.lines[first].text);
          if (fenced) for (let l = first; l <= last; l++) s.code.add(l);
          return;
        }
      }
    }
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  };
  const topLevel = new Set(tree.children ?? []);
  // An explicit stack, in document order: a deeply nested tree must not overflow the call stack.
  const stack: MdNode[] = [tree];
  while (stack.length) visit(stack.pop()!);
  scanComments(s, idx.text);
  return s;
}

