// HTML pages (saved report pages, Word's "Web page" export, `<table>` blocks converters emit): the
// page is parsed by parse5 — the HTML standard's parser, the one under rehype-parse — and its report
// is rendered as lines: paragraphs and headings one per line, every leaf `<table>` as a source grid
// whose rows are lines of TAB-joined slots (rowspan/colspan expanded, covered slots marked). Site
// chrome is left out: the report is the deepest element holding every report marker of the page;
// inside it, navigation, breadcrumbs, metadata tables, share and print bars are dropped, and the
// title is looked for above it when the body does not start with one. Every character of the
// rendered text keeps the offset it came from, so findings point at the page's own line:column.
// parse5 is used directly (not through hast) because its tree is walked here without recursion:
// a page nested thousands of levels deep must not overflow the stack. Nothing is fetched or run.
import { LineIndex } from '../text.ts';
import { locateTexts, TextLocator } from './html-locate.ts';
import { ELEMENT, type PageNode, parseTree, TEXT } from './html-tree.ts';
import { formatNumber } from './numbering.ts';
import { layOut, type Block } from './render.ts';
import type { DocStructure, GridCell } from './types.ts';

type Node = PageNode;
type Element = PageNode;
type TextNode = PageNode;

export interface HtmlSource {
  /** The rendered text: the report's lines. */
  text: string;
  index: LineIndex;
  structure: DocStructure;
  /** For each character of `text`, the offset in the page it was read from (line breaks: the next character's). */
  origin: Int32Array;
  /** Links in the report's body to documents (.pdf, .doc, .docx, .wps…), in order: a report published as an attachment. */
  attachments: string[];
}

/** Elements whose content is never report text. */
const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio',
  'select', 'option', 'button', 'input', 'textarea', 'nav', 'header', 'footer', 'aside', 'map', 'area', 'img',
]);
/** Elements that start and end a line. */
const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'legend', 'font-block',
]);
const HEADING = /^h([1-6])$/;

/** What marks the report itself among a page's blocks: the section titles and the tables' anchors. */
const MARKERS = ['总体情况', '主动公开政府信息', '收到和处理政府信息公开申请', '行政复议', '存在的主要问题', '其他需要报告的事项', '本年新收', '结转下年度', '第二十条第'];
const TITLE = /(信息公开|政务公开).{0,16}报告/;
/** Lines of site chrome: share and print bars, font-size switches, page metadata. */
const CHROME_LINE = /^(?:【[^】]{1,10}】\s*)+$|^(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|返回顶部|分享到|扫一扫|字号|字体|视力保护色|\[?\s*[大中小]\s*\]?)(?:[\s:：|｜\[\]【】]|$)|^(?:发布(?:时间|日期)|来源|信息来源|浏览(?:次数|量)|点击(?:数|量|率)|访问量|阅读(?:次数|量)|作者|编辑|责任编辑|文章来源|【字体[:：])\s*[:：]/;
/** A table of page metadata (the 信息公开目录's 索引号/发布机构/… box), not a report table. */
const METADATA = /索引号|发布机构|发文机关|公开日期|成文日期|发布日期|主题分类|公开方式|公开范围|有效性|文\s*号/;
const DOCUMENT_LINK = /\.(?:pdf|docx?|wps|ofd)(?:[?#].*)?$/i;

/** A UTF-16 unit of CJK text or of the full-width forms: a line break between two of them is no space. */
const isCjkOrFull = (c: number) => (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
// One class for every node (html-tree.ts): these tell the kinds apart, without narrowing the type.
const isElement = (n: Node): boolean => n.kind === ELEMENT;
const isText = (n: Node): boolean => n.kind === TEXT;

/** What JavaScript's `\s` matches (U+3000 and NBSP among them). */
const isJsSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x1680 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;

/** The text without any whitespace (`\s`, U+3000, NBSP): what markers and titles are matched against. */
function squash(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && !isJsSpace(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  while (i < n) {
    while (i < n && isJsSpace(s.charCodeAt(i))) i++;
    const from = i;
    while (i < n && !isJsSpace(s.charCodeAt(i))) i++;
    if (i > from) out += s.slice(from, i);
  }
  return out;
}

const HIDING = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

/** Hidden by its attributes (`hidden`, a style that hides it). Asked of most elements several times: one pass over the attributes. */
function hidden(el: Element): boolean {
  const attrs = el.attrs;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    if (a.name === 'hidden') return true;
    if (a.name === 'style' && HIDING.test(a.value)) return true;
  }
  return false;
}

/**
 * PageNode.flags of an element: a <table> somewhere below it (rendered or not); inside an <a>;
 * whether `skipped` is known, and its answer (asked at every level the reader passes it).
 */
const TABLE_BELOW = 1;
const UNDER_LINK = 2;
const SKIP_KNOWN = 4;
const SKIPPED = 8;

/** Whether an element's content is never report text: its tag, or hidden by its attributes. */
function skipped(el: Element): boolean {
  if (!(el.flags & SKIP_KNOWN)) el.flags |= SKIP_KNOWN | (SKIP.has(el.tagName) || hidden(el) ? SKIPPED : 0);
  return (el.flags & SKIPPED) !== 0;
}

/**
 * The offsets in `raw` (a text node's source, entities and CRLFs as written) of each UTF-16 unit of
 * `decoded` (parse5's value for it). Aligned greedily: equal units map one to one, an entity maps
 * all it decodes to to its `&`, a CR the parser dropped is skipped.
 */
function align(raw: string, decoded: string, base: number): Int32Array {
  const out = new Int32Array(decoded.length);
  if (raw === decoded) {
    for (let i = 0; i < out.length; i++) out[i] = base + i;
    return out;
  }
  let p = 0;
  for (let i = 0; i < decoded.length; i++) {
    while (p < raw.length && raw[p] === '\r' && decoded[i] !== '\r') p++;
    // "&amp;" decodes to the '&' it starts with: a reference is a reference even where its first character matches.
    const ampRef = raw[p] === '&' && decoded[i] === '&' && /^&(?:amp;?|#0*38;?|#[xX]0*26;?)/.test(raw.slice(p, p + 10));
    if (p < raw.length && raw[p] === decoded[i] && !ampRef) {
      out[i] = base + p++;
      continue;
    }
    out[i] = base + Math.min(p, Math.max(0, raw.length - 1));
    if (raw[p] === '&') {
      // The reference's end: after its `;`, else (a legacy reference, "&copy2020") after the letters of its name.
      const ref = /^&(?:#[xX][\da-fA-F]+;?|#\d+;?|[A-Za-z][A-Za-z\d]*;|[A-Za-z]+)/.exec(raw.slice(p, p + 41));
      const end = p + (ref ? ref[0].length : 1);
      // A character outside the BMP decodes to two units: both map to the entity.
      if (i + 1 < decoded.length && decoded.charCodeAt(i) >= 0xd800 && decoded.charCodeAt(i) <= 0xdbff) out[++i] = base + p;
      p = end;
    } else p++;
  }
  return out;
}

/** TAB, LF, FF, CR, space: the whitespace HTML collapses. */
const isAsciiSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;

/** Where a text node's units are in the page: each unit's offset, or (written as is) the first unit's. */
type At = number | Int32Array;
const unitAt = (at: At, i: number) => (typeof at === 'number' ? at + i : at[i]);

/** `buf` (its first `length` units in use) if it has room for `units` more, else a larger copy of it. */
function withRoom(buf: Int32Array<ArrayBuffer>, length: number, units: number): Int32Array<ArrayBuffer> {
  if (length + units <= buf.length) return buf;
  const grown = new Int32Array(Math.max(buf.length * 2, length + units));
  grown.set(buf.subarray(0, length));
  return grown;
}

/**
 * A run of text with the page offset of each unit. The reader keeps one per kind of run (the
 * current line, the current cell) and starts it again after each: its offsets are written into a
 * buffer it keeps, not into a new array of numbers per run.
 */
class Run {
  /** The text, in pieces (slices of text nodes). */
  private parts: string[] = [];
  /** One page offset per UTF-16 unit, the first `length` of them. */
  private pos = new Int32Array(256);
  length = 0;
  /** The last unit appended, -1 when none. */
  private lastCode = -1;
  /** A break inside a cell (`<br>`, a paragraph): joins like whitespace, see `soft`. */
  softBreak = false;

  /** Empties the run. */
  reset(): void {
    this.parts.length = 0;
    this.length = 0;
    this.lastCode = -1;
    this.softBreak = false;
  }

  private room(units: number): void {
    this.pos = withRoom(this.pos, this.length, units);
  }

  /** Appends one character (one UTF-16 unit, or a character given whole with `at` for each unit). */
  push(ch: string, at: number): void {
    this.parts.push(ch);
    this.room(ch.length);
    for (let k = 0; k < ch.length; k++) this.pos[this.length++] = at;
    this.lastCode = ch.charCodeAt(ch.length - 1);
  }

  private pushSlice(text: string, offsets: At, from: number, to: number): void {
    this.parts.push(from === 0 && to === text.length ? text : text.slice(from, to));
    this.room(to - from);
    const pos = this.pos;
    let n = this.length;
    if (typeof offsets === 'number') for (let k = from; k < to; k++) pos[n++] = offsets + k;
    else for (let k = from; k < to; k++) pos[n++] = offsets[k];
    this.length = n;
    this.lastCode = text.charCodeAt(to - 1);
  }

  /**
   * Appends a text node's text with whitespace collapsed as the page shows it: a run of ASCII
   * whitespace is one space, none at the start of a line, and none where a line break in the source
   * falls between two CJK characters (CSS Text: such a segment break is removed).
   */
  appendText(text: string, offsets: At): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      let j = i;
      while (j < n && !isAsciiSpace(text.charCodeAt(j))) j++;
      if (j > i) {
        if (this.softBreak) this.soft(text.charCodeAt(i), unitAt(offsets, i));
        this.pushSlice(text, offsets, i, j);
        i = j;
        continue;
      }
      let newline = false;
      for (let c = text.charCodeAt(j); j < n && isAsciiSpace(c); c = text.charCodeAt(++j)) if (c === 10 || c === 13) newline = true;
      const prev = this.lastCode;
      const cjkBreak = newline && prev >= 0 && j < n && isCjkOrFull(prev) && isCjkOrFull(text.charCodeAt(j));
      if (prev >= 0 && prev !== 32 && !cjkBreak && !this.softBreak) this.push(' ', unitAt(offsets, i));
      i = j;
    }
  }

  /** A soft break before the unit `next`: nothing between CJK characters, one space otherwise. */
  private soft(next: number, at: number): void {
    this.softBreak = false;
    const prev = this.lastCode;
    if (prev < 0 || prev === 32) return;
    if (!(isCjkOrFull(prev) && isCjkOrFull(next))) this.push(' ', at);
  }

  /** The run without spaces at its ends (ASCII ones: NBSP and U+3000 are the author's), its offsets copied out. */
  trimmed(): { text: string; pos: Int32Array } {
    const text = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    let a = 0;
    let b = text.length;
    while (a < b && text.charCodeAt(a) === 32) a++;
    while (b > a && text.charCodeAt(b - 1) === 32) b--;
    return { text: a === 0 && b === text.length ? text : text.slice(a, b), pos: this.pos.slice(a, b) };
  }
}

interface CellOut {
  text: string;
  pos: Int32Array;
  colSpan: number;
  rowSpan: number;
}

const MAX_SPAN = 1000;

/**
 * Pages above this many characters are not read: the largest real report pages are a few hundred
 * KB, and parse5's tree costs about 100 bytes per character (a 100 MB page would need gigabytes).
 */
export const HTML_LIMIT = 20_000_000;

/**
 * The text of every rendered element under <body>, from one walk of the tree: the squashed text of
 * all rendered text nodes in document order, and for each element the run of text nodes it holds
 * (PageNode.first/end). The reader asks for an element's text at every level it descends (the
 * report's element, chrome blocks, title candidates); walking each subtree again made a page nested
 * thousands of levels deep cost the square of its depth. Squashing removes characters one by one,
 * so the squashed text of an element is a slice of the squashed whole.
 */
class PageText {
  private squashed = '';
  /** Per text node k (document order), cumulative counts before it: raw units, squashed units, squashed units inside a link. */
  private readonly raw: number[] = [0];
  private readonly sq: number[] = [0];
  private readonly link: number[] = [0];

  /** False when the locator met a text node the source does not hold there (the page is then read with parse5's locations). */
  located = true;

  /**
   * `locator`: the walk starts at the document (`top`) and places every text node of the page in
   * the source on the way, the body's and the others', in document order (one walk for both).
   */
  constructor(top: Node, body: Element, locator: TextLocator | null) {
    const parts: string[] = [];
    // An explicit stack (no recursion: a page may nest thousands of levels): each entry a node and
    // its flags; EXIT entries close an element's span once its subtree is done.
    const RENDERED = 1;
    const IN_LINK = 2;
    const EXIT = 4;
    const nodes: Node[] = [locator ? top : body];
    const flags: number[] = [0];
    const { raw, sq, link } = this;
    let k = 0;
    while (nodes.length) {
      const n = nodes.pop()!;
      const f = flags.pop()!;
      if (f & EXIT) {
        if (n.first >= 0) n.end = k;
        const parent = n.parentNode;
        if (n !== body && parent && (n.tagName === 'table' || n.flags & TABLE_BELOW)) parent.flags |= TABLE_BELOW;
        continue;
      }
      if (isText(n)) {
        if (locator && !locator.place(n)) {
          this.located = false;
          return;
        }
        if (!(f & RENDERED)) continue;
        const t = squash(n.value);
        parts.push(t);
        raw.push(raw[k] + n.value.length);
        sq.push(sq[k] + t.length);
        link.push(link[k] + (f & IN_LINK ? t.length : 0));
        k++;
        continue;
      }
      if (!isElement(n)) {
        // The document itself, walked from the top: its children (comments and the doctype have none).
        for (let i = n.childNodes.length - 1; i >= 0; i--) {
          nodes.push(n.childNodes[i]);
          flags.push(0);
        }
        continue;
      }
      if (locator && n.content !== undefined) {
        this.located = false; // a <template>: its text lives in another tree
        return;
      }
      const rendered = n === body || (f & RENDERED && !skipped(n)) ? RENDERED : 0;
      if (rendered) n.first = n.end = k;
      if (f & IN_LINK) n.flags |= UNDER_LINK;
      const inLink = f & IN_LINK || n.tagName === 'a' ? IN_LINK : 0;
      nodes.push(n);
      flags.push(EXIT);
      const kids = n.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) {
        nodes.push(kids[i]);
        flags.push(rendered | inLink);
      }
    }
    this.squashed = parts.join('');
  }

  /**
   * The text content of an element (rendered subtrees only), squashed. With a limit, the text of
   * its first text nodes up to the one that brings the raw text to the limit.
   */
  textOf(el: Element, limit = Infinity): string {
    if (el.first < 0) return textOfWalk(el, limit);
    const a = el.first;
    const b = el.end;
    let end = b;
    if (limit !== Infinity && this.raw[b] - this.raw[a] >= limit) {
      // The first node k with raw[k + 1] - raw[a] >= limit.
      let lo = a;
      let hi = b - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.raw[mid + 1] - this.raw[a] >= limit) hi = mid;
        else lo = mid + 1;
      }
      end = lo + 1;
    }
    return this.squashed.slice(this.sq[a], this.sq[end]);
  }

  /** Characters of text inside links, and in all, of an element. */
  linkShare(el: Element): { link: number; all: number } {
    if (el.first < 0 || el.flags & UNDER_LINK) return linkShareWalk(el);
    const a = el.first;
    const b = el.end;
    return { link: this.link[b] - this.link[a], all: this.sq[b] - this.sq[a] };
  }

  /** A leaf table (no table inside it) is a data table; one holding tables is page layout. */
  hasNestedTable(table: Element): boolean {
    return table.first >= 0 ? (table.flags & TABLE_BELOW) !== 0 : hasNestedTableWalk(table);
  }
}

function hasNestedTableWalk(table: Element): boolean {
  const stack: Node[] = [...table.childNodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.tagName === 'table') return true;
    for (const c of n.childNodes) stack.push(c);
  }
  return false;
}

/** textOf for an element outside <body> (a page without one): walks its subtree. */
function textOfWalk(el: Element, limit = Infinity): string {
  let out = '';
  const stack: Node[] = [el];
  while (stack.length && out.length < limit) {
    const n = stack.pop()!;
    if (isText(n)) out += n.value;
    else if (isElement(n) && !(n !== el && skipped(n))) for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
  }
  return squash(out);
}

function linkShareWalk(el: Element): { link: number; all: number } {
  let link = 0;
  let all = 0;
  const nodes: Node[] = [el];
  const inLinks: boolean[] = [false];
  while (nodes.length) {
    const n = nodes.pop()!;
    const inLink = inLinks.pop()!;
    if (isText(n)) {
      const len = squash(n.value).length;
      all += len;
      if (inLink) link += len;
    } else if (isElement(n) && !(n !== el && skipped(n))) {
      const a = inLink || n.tagName === 'a';
      for (const c of n.childNodes) {
        nodes.push(c);
        inLinks.push(a);
      }
    }
  }
  return { link, all };
}

const markersOf = (text: string) => MARKERS.filter((m) => text.includes(m));

function hasMarker(text: string): boolean {
  for (let i = 0; i < MARKERS.length; i++) if (text.includes(MARKERS[i])) return true;
  return false;
}

/**
 * The report's element: from <body> down, the child holding every marker its parent holds, as long
 * as there is one. Where the page holds fewer than two markers it is no report page: all of <body>.
 */
function contentRoot(body: Element, page: PageText): Element {
  let root = body;
  let need = markersOf(page.textOf(body));
  if (need.length < 2) return body;
  for (;;) {
    let next: Element | undefined;
    for (const c of root.childNodes) {
      if (!isElement(c) || skipped(c)) continue;
      const t = page.textOf(c);
      if (need.every((m) => t.includes(m))) {
        next = c;
        break;
      }
    }
    if (!next) return root;
    root = next;
    need = markersOf(page.textOf(root));
  }
}

/** A block of chrome inside the report's element: mostly links, or a metadata table, without report markers. */
function isChrome(el: Element, page: PageText): boolean {
  const text = page.textOf(el, 4000);
  if (!text) return false;
  if (hasMarker(text)) return false;
  if (CHROME_LINE.test(text)) return true;
  if (el.tagName === 'table' && METADATA.test(text)) return true;
  const { link, all } = page.linkShare(el);
  return all > 0 && link / all > 0.6;
}

/** One row of a table being laid out as a line: its slots' text joined by TABs, and each unit's page offset. */
class RowText {
  private parts: string[] = [];
  private pos = new Int32Array(256);
  private length = 0;
  slots: { at: number; cell: GridCell }[] = [];

  /** A slot of the row: its cell, its text and the page offsets of that text. */
  put(cell: GridCell, text: string, pos: Int32Array | undefined): void {
    const units = (pos?.length ?? 0) + 1;
    this.pos = withRoom(this.pos, this.length, units);
    if (this.slots.length) {
      this.parts.push('\t');
      // The TAB is where the next slot's text is (or, before an empty slot, where the last text was).
      this.pos[this.length] = pos?.length ? pos[0] : this.length ? this.pos[this.length - 1] : 0;
      this.length++;
    }
    this.slots.push({ at: this.length, cell });
    if (text) this.parts.push(text);
    if (pos) {
      this.pos.set(pos, this.length);
      this.length += pos.length;
    }
  }

  /** The row as a block of the document's text; the builder is then empty again. */
  take(grid: number): Block {
    const block: Block = { kind: 'row', text: this.parts.join(''), pos: this.pos.slice(0, this.length), slots: this.slots, grid };
    this.parts = [];
    this.length = 0;
    this.slots = [];
    return block;
  }
}

class Renderer {
  blocks: Block[] = [];
  attachments: string[] = [];
  private line = new Run();
  private cell = new Run();
  private row = new RowText();
  private lineKind: 'line' | 'heading' = 'line';
  private lineLevel: number | undefined;
  private grids = 0;

  constructor(
    private readonly offsets: Locate,
    private readonly page: PageText,
  ) {}

  /** Ends the current line (if it holds text). */
  flush(): void {
    if (this.line.length) {
      const { text, pos } = this.line.trimmed();
      if (text) this.blocks.push({ kind: this.lineKind, level: this.lineLevel, text, pos });
      this.line.reset();
    }
    this.line.softBreak = false;
    this.lineKind = 'line';
    this.lineLevel = undefined;
  }

  /** Renders the element's subtree as lines (iteratively: exit entries close blocks). */
  render(root: Element, skipChrome: boolean): void {
    const nodes: Node[] = [root];
    const exits: boolean[] = [false];
    while (nodes.length) {
      const node = nodes.pop()!;
      if (exits.pop()) {
        if (BLOCK.has(node.tagName)) this.flush();
        continue;
      }
      if (isText(node)) {
        this.line.appendText(node.value, this.offsets(node));
        continue;
      }
      if (!isElement(node)) continue;
      const el = node;
      const tag = el.tagName;
      if (skipped(el)) continue;
      if (tag === 'br') {
        this.flush();
        continue;
      }
      if (tag === 'a') this.noteLink(el);
      const block = BLOCK.has(tag);
      if (el !== root && skipChrome && block && isChrome(el, this.page)) {
        // Chrome is not rendered, but a link to the report's document in it (an attachment line
        // is mostly a link) is still the page's attachment.
        this.noteLinksIn(el);
        continue;
      }
      if (tag === 'table' && !this.page.hasNestedTable(el)) {
        this.flush();
        this.table(el);
        continue;
      }
      if (block) {
        this.flush();
        const heading = tag.length === 2 && tag.charCodeAt(0) === 104 ? HEADING.exec(tag) : null;
        if (heading) {
          this.lineKind = 'heading';
          this.lineLevel = Number(heading[1]);
        }
      }
      if (tag === 'li') this.listMarker(el);
      nodes.push(el);
      exits.push(true);
      const kids = el.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) {
        nodes.push(kids[i]);
        exits.push(false);
      }
    }
    this.flush();
  }

  private noteLinksIn(el: Element): void {
    const stack: Node[] = [el];
    while (stack.length) {
      const n = stack.pop()!;
      if (!isElement(n)) continue;
      if (n.tagName === 'a') this.noteLink(n);
      for (const c of n.childNodes) stack.push(c);
    }
  }

  /** Counters of the ordered lists met so far. */
  private lists = new Map<Element, number>();

  /**
   * The marker a browser shows before an item of an ordered list ("1. ", "一、" for CJK list
   * styles), as text of the item's line: Word's "save as web page" turns its numbered headings and
   * paragraphs into such lists.
   */
  private listMarker(li: Element): void {
    const ol = li.parentNode && isElement(li.parentNode) ? li.parentNode : undefined;
    if (!ol || ol.tagName !== 'ol') return;
    const given = Number.parseInt(attr(li, 'value') ?? '', 10);
    const previous = this.lists.get(ol);
    const n = Number.isFinite(given) ? given : previous !== undefined ? previous + 1 : Number.parseInt(attr(ol, 'start') ?? '1', 10) || 1;
    this.lists.set(ol, n);
    const style = `${attr(ol, 'style') ?? ''};${attr(li, 'style') ?? ''}`;
    const css = /list-style(?:-type)?\s*:\s*([\w-]+)/i.exec(style)?.[1]?.toLowerCase();
    if (css === 'none') return;
    const type = attr(ol, 'type');
    const chinese = css !== undefined && /cjk-ideographic|chinese|cjk-decimal/.test(css);
    const format = chinese ? 'chineseCounting' : type === 'a' ? 'lowerLetter' : type === 'A' ? 'upperLetter' : type === 'i' ? 'lowerRoman' : type === 'I' ? 'upperRoman' : 'decimal';
    const marker = chinese ? `${formatNumber(n, format)}、` : `${formatNumber(n, format)}. `;
    const at = this.firstTextAt(li);
    for (const ch of marker) this.line.push(ch, at);
  }

  /** The page offset of an element's first text (where a marker the browser draws before it points). */
  private firstTextAt(el: Element): number {
    const stack: Node[] = [el];
    while (stack.length) {
      const n = stack.pop()!;
      if (isText(n) && n.value.length) return unitAt(this.offsets(n), 0);
      const kids = n.childNodes;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
    return 0;
  }

  private noteLink(el: Element): void {
    const href = attr(el, 'href');
    if (href && DOCUMENT_LINK.test(href.trim()) && !this.attachments.includes(href.trim())) this.attachments.push(href.trim());
  }

  /** A cell's content as one run: blocks and `<br>` inside it are soft breaks. */
  private cellText(td: Element): { text: string; pos: Int32Array } {
    const run = this.cell;
    run.reset();
    const stack: Node[] = [];
    for (let i = td.childNodes.length - 1; i >= 0; i--) stack.push(td.childNodes[i]);
    while (stack.length) {
      const n = stack.pop()!;
      if (isText(n)) {
        run.appendText(n.value, this.offsets(n));
        continue;
      }
      if (!isElement(n) || skipped(n)) continue;
      if (n.tagName === 'a') this.noteLink(n);
      if (n.tagName === 'br' || BLOCK.has(n.tagName)) run.softBreak = run.length > 0;
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
    }
    return run.trimmed();
  }

  /** The rows of a leaf table: its own `<tr>`s (through thead/tbody/tfoot), each with its cells. */
  private rowsOf(table: Element): CellOut[][] {
    const rows: CellOut[][] = [];
    const stack: Node[] = [];
    for (let i = table.childNodes.length - 1; i >= 0; i--) stack.push(table.childNodes[i]);
    while (stack.length) {
      const n = stack.pop()!;
      if (!isElement(n) || skipped(n)) continue;
      if (n.tagName === 'tr') {
        const cells: CellOut[] = [];
        for (const c of n.childNodes) {
          if ((c.tagName !== 'td' && c.tagName !== 'th') || skipped(c)) continue;
          const { text, pos } = this.cellText(c);
          cells.push({ text, pos, colSpan: span(c, 'colspan'), rowSpan: span(c, 'rowspan') });
        }
        rows.push(cells);
        continue;
      }
      if (n.tagName === 'caption') continue;
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]);
    }
    return rows;
  }

  /** A leaf table as grid rows: slots placed by the HTML table model (spans occupy later slots). */
  private table(table: Element): void {
    const rows = this.rowsOf(table).filter((r) => r.length);
    if (!rows.length) return;
    const grid = this.grids++;
    const row = this.row;
    // occupied[r][c]: a slot taken by a cell that started above or to the left.
    const occupied: ('above' | undefined)[][] = rows.map(() => []);
    const cover = (by: 'left' | 'above') => row.put({ start: 0, end: 0, text: '', covered: by }, '', undefined);
    for (let r = 0; r < rows.length; r++) {
      let c = 0;
      for (const cell of rows[r]) {
        while (occupied[r][c]) {
          cover('above');
          c++;
        }
        const slot: GridCell = { start: 0, end: 0, text: cell.text };
        if (cell.colSpan > 1) slot.colSpan = cell.colSpan;
        if (cell.rowSpan > 1) slot.rowSpan = cell.rowSpan;
        row.put(slot, cell.text, cell.pos);
        for (let dr = 1; dr < cell.rowSpan && r + dr < rows.length; dr++) {
          for (let dc = 0; dc < cell.colSpan; dc++) occupied[r + dr][c + dc] = 'above';
        }
        for (let dc = 1; dc < cell.colSpan; dc++) cover('left');
        c += cell.colSpan;
      }
      // Slots covered from above at the row's end.
      while (occupied[r][c]) {
        cover('above');
        c++;
      }
      this.blocks.push(row.take(grid));
    }
  }
}

/** A cell's colspan or rowspan: a whole number from 1 to MAX_SPAN (1 when absent or not a number). */
function span(cell: Element, name: string): number {
  return Math.min(MAX_SPAN, Math.max(1, Number.parseInt(attr(cell, name) ?? '1', 10) || 1));
}

/** The page's title element text, when the body does not open with the title. */
function titleAbove(body: Element, root: Element, locate: Locate, page: PageText): { text: string; pos: Int32Array } | undefined {
  // The last short block before the report's element whose text is a report title, not inside a link
  // (breadcrumbs and "上一篇/下一篇" are links).
  let found: Element | undefined;
  const nodes: Node[] = [body];
  const inLinks: boolean[] = [false];
  while (nodes.length) {
    const n = nodes.pop()!;
    const inLink = inLinks.pop()!;
    if (n === root) break;
    if (!isElement(n) || skipped(n)) continue;
    const link = inLink || n.tagName === 'a';
    if (!link && (BLOCK.has(n.tagName) || n.tagName === 'span' || n.tagName === 'strong' || n.tagName === 'font')) {
      const t = page.textOf(n, 200);
      if (t.length <= 60 && TITLE.test(t) && !/[>＞»]/.test(t) && !n.childNodes.some((c) => isElement(c) && BLOCK.has(c.tagName) && TITLE.test(page.textOf(c, 200)))) found = n;
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) {
      nodes.push(n.childNodes[i]);
      inLinks.push(link);
    }
  }
  if (!found) return undefined;
  const sub = new Renderer(locate, page);
  sub.render(found, false);
  const line = sub.blocks.find((b) => b.kind !== 'row');
  return line && { text: line.text, pos: line.pos ?? new Int32Array(0) };
}

function findElement(root: Node, tag: string): Element | undefined {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.tagName === tag) return n;
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return undefined;
}

/** The text of <title>, cut to the part naming the report ("…年度报告_某某区人民政府" → "…年度报告"). */
function pageTitle(doc: Node, locate: Locate): { text: string; pos: Int32Array } | undefined {
  const el = findElement(doc, 'title');
  const node = el?.childNodes.find(isText);
  if (!node) return undefined;
  const offsets = locate(node);
  const run = new Run();
  run.appendText(node.value, offsets);
  const { text, pos } = run.trimmed();
  let from = 0;
  for (const part of text.split(/[_|｜—–-]/)) {
    const at = text.indexOf(part, from);
    from = at + part.length;
    const t = part.trim();
    if (TITLE.test(t) && t.length <= 60) {
      const a = at + part.indexOf(t);
      return { text: t, pos: pos.slice(a, a + t.length) };
    }
  }
  return undefined;
}

/** The page offsets of the UTF-16 units of a text node's value. */
type Locate = (n: TextNode) => At;

/** A text node's place as the locator set it (html-locate.ts); text it did not reach (none, when it succeeds) at 0. */
const located: Locate = (n) => (n.at >= 0 ? n.at : (n.units ??= new Int32Array(n.value.length)));

/** The element whose content is the page: <body>, else (a frameset page) the root element. */
const bodyOf = (doc: Node) => findElement(doc, 'body') ?? doc.childNodes.find(isElement);

/**
 * The page's tree, its text, and the way from its text nodes to their places. The tree is parsed
 * without location info and its text matched to the source as the page text is read
 * (html-locate.ts); a page whose tree does not follow its source is parsed again with parse5's
 * locations. `locations` forces the second way (tests compare the two).
 */
function readPage(html: string, locations: boolean): { doc: Node; body: Element | undefined; page: PageText | undefined; locate: Locate } {
  if (!locations) {
    const doc = parseTree(html);
    const body = bodyOf(doc);
    if (!body) {
      if (locateTexts(html, doc)) return { doc, body, page: undefined, locate: located };
    } else {
      const page = new PageText(doc, body, new TextLocator(html));
      if (page.located) return { doc, body, page, locate: located };
    }
  }
  const doc = parseTree(html, true);
  const body = bodyOf(doc);
  const locate: Locate = (n) => {
    if (n.units) return n.units;
    const loc = n.sourceCodeLocation;
    n.units = loc ? align(html.slice(loc.startOffset, loc.endOffset), n.value, loc.startOffset) : new Int32Array(n.value.length);
    return n.units;
  };
  return { doc, body, page: body && new PageText(doc, body, null), locate };
}

/** Reads an HTML page (already decoded) into the engine's source shape. */
export function readHtml(html: string, opts: { locations?: boolean } = {}): HtmlSource {
  const { doc, body, page, locate } = readPage(html, opts.locations === true);
  let blocks: Block[] = [];
  let attachments: string[] = [];
  if (body && page) {
    const renderer = new Renderer(locate, page);
    const root = contentRoot(body, page);
    renderer.render(root, true);
    // The title: the report's first lines, else a title block above the report, else <title>.
    const opens = renderer.blocks.slice(0, 5).some((b) => b.kind !== 'row' && TITLE.test(squash(b.text)) && squash(b.text).length <= 60);
    if (!opens) {
      const title = (root !== body ? titleAbove(body, root, locate, page) : undefined) ?? pageTitle(doc, locate);
      if (title) renderer.blocks.unshift({ kind: 'heading', text: title.text, pos: title.pos });
    }
    blocks = renderer.blocks;
    attachments = renderer.attachments;
  }
  const out = layOut(blocks, 'html');
  return { text: out.text, index: out.index, structure: out.structure, origin: out.origin, attachments };
}
