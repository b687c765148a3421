// Markdown: headings, lists, fenced code and GFM tables as remark (unified + remark-parse +
// remark-gfm) sees them, over a skeleton of the structural lines. Table recovery and heading
// detection still read raw lines: remark sees TAB rows as code and `3. 其他⇥0` as a list, so the
// tree is used only for what it is right about.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { detached, LineIndex, type Line } from '../text.ts';
import { addGfmTable, atxMark, ATX, BULLET, DELIMITER, FENCE, gfmBlockEnd, scanComments, SETEXT, splitGfmRow } from './blocks.ts';
import { scanPlainText } from './text.ts';
import { emptyStructure, type DocStructure } from './types.ts';

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

