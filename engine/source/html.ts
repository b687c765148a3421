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
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { LineIndex } from '../text.ts';
import { locateTexts } from './html-locate.ts';
import { formatNumber } from './numbering.ts';
import { layOut, type Block } from './render.ts';
import type { DocStructure, GridCell } from './types.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type TextNode = DefaultTreeAdapterMap['textNode'];

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

const CJK_OR_FULL = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const isElement = (n: Node): n is Element => 'tagName' in n;
const isText = (n: Node): n is TextNode => n.nodeName === '#text';
const squash = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

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

function skipped(el: Element): boolean {
  return SKIP.has(el.tagName) || hidden(el);
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

/** A run of text with the page offset of each unit. */
class Run {
  /** The text, in pieces (slices of text nodes); one page offset per UTF-16 unit in `pos`. */
  private parts: string[] = [];
  pos: number[] = [];
  private lastChar: string | undefined;
  /** A break inside a cell (`<br>`, a paragraph): joins like whitespace, see `soft`. */
  softBreak = false;

  get length(): number {
    return this.pos.length;
  }

  last(): string | undefined {
    return this.lastChar;
  }

  /** Appends one character (one UTF-16 unit, or a character given whole with `at` for each unit). */
  push(ch: string, at: number): void {
    this.parts.push(ch);
    for (let k = 0; k < ch.length; k++) this.pos.push(at);
    this.lastChar = ch[ch.length - 1];
  }

  private pushSlice(text: string, offsets: At, from: number, to: number): void {
    this.parts.push(from === 0 && to === text.length ? text : text.slice(from, to));
    if (typeof offsets === 'number') for (let k = from; k < to; k++) this.pos.push(offsets + k);
    else for (let k = from; k < to; k++) this.pos.push(offsets[k]);
    this.lastChar = text[to - 1];
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
        if (this.softBreak) this.soft(text[i], unitAt(offsets, i));
        this.pushSlice(text, offsets, i, j);
        i = j;
        continue;
      }
      let newline = false;
      while (j < n && isAsciiSpace(text.charCodeAt(j))) {
        if (text[j] === '\n' || text[j] === '\r') newline = true;
        j++;
      }
      const prev = this.last();
      const next = text[j];
      const cjkBreak = newline && prev !== undefined && next !== undefined && CJK_OR_FULL.test(prev) && CJK_OR_FULL.test(next);
      if (prev !== undefined && prev !== ' ' && !cjkBreak && !this.softBreak) this.push(' ', unitAt(offsets, i));
      i = j;
    }
  }

  /** A soft break before `next`: nothing between CJK characters, one space otherwise. */
  private soft(next: string, at: number): void {
    this.softBreak = false;
    const prev = this.last();
    if (prev === undefined || prev === ' ') return;
    if (!(CJK_OR_FULL.test(prev) && CJK_OR_FULL.test(next))) this.push(' ', at);
  }

  /** The run without spaces at its ends (ASCII ones: NBSP and U+3000 are the author's). */
  trimmed(): { text: string; pos: number[] } {
    const text = this.parts.join('');
    let a = 0;
    let b = text.length;
    while (a < b && text.charCodeAt(a) === 32) a++;
    while (b > a && text.charCodeAt(b - 1) === 32) b--;
    return a === 0 && b === text.length ? { text, pos: this.pos } : { text: text.slice(a, b), pos: this.pos.slice(a, b) };
  }
}

interface CellOut {
  text: string;
  pos: number[];
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
 * all rendered text nodes in document order, and for each element the run of text nodes it holds.
 * The reader asks for an element's text at every level it descends (the report's element, chrome
 * blocks, title candidates); walking each subtree again made a page nested thousands of levels deep
 * cost the square of its depth. Squashing removes characters one by one, so the squashed text of
 * an element is a slice of the squashed whole.
 */
class PageText {
  private squashed = '';
  /** Per text node k (document order), cumulative counts before it: raw units, squashed units, squashed units inside a link. */
  private readonly raw: number[] = [0];
  private readonly sq: number[] = [0];
  private readonly link: number[] = [0];
  /** Element → [first text node, end) of its rendered text. */
  private readonly spans = new Map<Element, [number, number]>();
  /** Elements holding a <table> anywhere below them (rendered or not). */
  private readonly tableAbove = new Set<Element>();
  /** Elements below an <a>: their link share is not a difference of the running counts. */
  private readonly underLink = new Set<Element>();

  constructor(body: Element) {
    const parts: string[] = [];
    // An explicit stack (no recursion: a page may nest thousands of levels): each entry a node and
    // its flags; EXIT entries close an element's span once its subtree is done.
    const RENDERED = 1;
    const IN_LINK = 2;
    const EXIT = 4;
    const nodes: Node[] = [body];
    const flags: number[] = [RENDERED];
    let k = 0;
    while (nodes.length) {
      const n = nodes.pop()!;
      const f = flags.pop()!;
      if (f & EXIT) {
        const el = n as Element;
        const span = this.spans.get(el);
        if (span) span[1] = k;
        const parent = el.parentNode as Element | null;
        if (el !== body && parent && (el.tagName === 'table' || this.tableAbove.has(el))) this.tableAbove.add(parent);
        continue;
      }
      if (isText(n)) {
        if (!(f & RENDERED)) continue;
        const t = squash(n.value);
        parts.push(t);
        this.raw.push(this.raw[k] + n.value.length);
        this.sq.push(this.sq[k] + t.length);
        this.link.push(this.link[k] + (f & IN_LINK ? t.length : 0));
        k++;
        continue;
      }
      if (!isElement(n)) continue;
      const rendered = f & RENDERED && (n === body || !skipped(n)) ? RENDERED : 0;
      if (rendered) this.spans.set(n, [k, k]);
      if (f & IN_LINK) this.underLink.add(n);
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
    const span = this.spans.get(el);
    if (!span) return textOfWalk(el, limit);
    const [a, b] = span;
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
    const span = this.spans.get(el);
    if (!span || this.underLink.has(el)) return linkShareWalk(el);
    const [a, b] = span;
    return { link: this.link[b] - this.link[a], all: this.sq[b] - this.sq[a] };
  }

  /** A leaf table (no table inside it) is a data table; one holding tables is page layout. */
  hasNestedTable(table: Element): boolean {
    return this.spans.has(table) ? this.tableAbove.has(table) : hasNestedTableWalk(table);
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
  const stack: [Node, boolean][] = [[el, false]];
  while (stack.length) {
    const [n, inLink] = stack.pop()!;
    if (isText(n)) {
      const len = squash(n.value).length;
      all += len;
      if (inLink) link += len;
    } else if (isElement(n) && !(n !== el && skipped(n))) {
      const a = inLink || n.tagName === 'a';
      for (const c of n.childNodes) stack.push([c, a]);
    }
  }
  return { link, all };
}

const markersOf = (text: string) => MARKERS.filter((m) => text.includes(m));

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
  if (markersOf(text).length) return false;
  if (CHROME_LINE.test(text)) return true;
  if (el.tagName === 'table' && METADATA.test(text)) return true;
  const { link, all } = page.linkShare(el);
  return all > 0 && link / all > 0.6;
}

class Renderer {
  blocks: Block[] = [];
  attachments: string[] = [];
  private line = new Run();
  private lineKind: { kind: 'line' | 'heading'; level?: number } = { kind: 'line' };
  private grids = 0;

  constructor(
    private readonly offsets: Locate,
    private readonly page: PageText,
  ) {}

  /** Ends the current line (if it holds text). */
  flush(): void {
    const { text, pos } = this.line.trimmed();
    if (text) this.blocks.push({ kind: this.lineKind.kind, level: this.lineKind.level, text, pos });
    this.line = new Run();
    this.lineKind = { kind: 'line' };
  }

  /** Renders the element's subtree as lines (iteratively: `exit` entries close blocks). */
  render(root: Element, skipChrome: boolean): void {
    type Entry = { node: Node; exit?: Element };
    const stack: Entry[] = [{ node: root }];
    while (stack.length) {
      const { node, exit } = stack.pop()!;
      if (exit) {
        if (BLOCK.has(exit.tagName) || HEADING.test(exit.tagName)) this.flush();
        continue;
      }
      if (isText(node)) {
        this.line.appendText(node.value, this.offsets(node));
        continue;
      }
      if (!isElement(node)) continue;
      const el = node;
      if (skipped(el)) continue;
      if (el.tagName === 'br') {
        this.flush();
        continue;
      }
      if (el.tagName === 'a') this.noteLink(el);
      if (el !== root && skipChrome && (BLOCK.has(el.tagName) || el.tagName === 'table') && isChrome(el, this.page)) {
        // Chrome is not rendered, but a link to the report's document in it (an attachment line
        // is mostly a link) is still the page's attachment.
        this.noteLinksIn(el);
        continue;
      }
      if (el.tagName === 'table' && !this.page.hasNestedTable(el)) {
        this.flush();
        this.table(el);
        continue;
      }
      const heading = HEADING.exec(el.tagName);
      if (BLOCK.has(el.tagName) || heading) {
        this.flush();
        if (heading) this.lineKind = { kind: 'heading', level: Number(heading[1]) };
      }
      if (el.tagName === 'li') this.listMarker(el);
      stack.push({ node: el, exit: el });
      for (let i = el.childNodes.length - 1; i >= 0; i--) stack.push({ node: el.childNodes[i] });
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
    const ol = li.parentNode && isElement(li.parentNode as Node) ? (li.parentNode as Element) : undefined;
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
      const kids = 'childNodes' in n ? n.childNodes : [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
    return 0;
  }

  private noteLink(el: Element): void {
    const href = attr(el, 'href');
    if (href && DOCUMENT_LINK.test(href.trim()) && !this.attachments.includes(href.trim())) this.attachments.push(href.trim());
  }

  /** A cell's content as one run: blocks and `<br>` inside it are soft breaks. */
  private cellText(td: Element): { text: string; pos: number[] } {
    const run = new Run();
    const stack: Node[] = [...td.childNodes].reverse();
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
    const stack: Node[] = [...table.childNodes].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (!isElement(n) || skipped(n)) continue;
      if (n.tagName === 'tr') {
        const cells: CellOut[] = [];
        for (const c of n.childNodes) {
          if (!isElement(c) || (c.tagName !== 'td' && c.tagName !== 'th') || hidden(c)) continue;
          const span = (name: string) => Math.min(MAX_SPAN, Math.max(1, Number.parseInt(attr(c, name) ?? '1', 10) || 1));
          cells.push({ ...this.cellText(c), colSpan: span('colspan'), rowSpan: span('rowspan') });
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
    // occupied[r][c]: a slot taken by a cell that started above or to the left.
    const occupied: ('above' | undefined)[][] = rows.map(() => []);
    for (let r = 0; r < rows.length; r++) {
      const slots: { at: number; cell: GridCell }[] = [];
      let text = '';
      const pos: number[] = [];
      let c = 0;
      const put = (cell: GridCell, t: string, p: number[]) => {
        if (slots.length) {
          text += '\t';
          pos.push(p[0] ?? pos[pos.length - 1] ?? 0);
        }
        slots.push({ at: text.length, cell });
        text += t;
        for (const x of p) pos.push(x);
      };
      const cover = (by: 'left' | 'above') => put({ start: 0, end: 0, text: '', covered: by }, '', []);
      for (const cell of rows[r]) {
        while (occupied[r][c]) {
          cover('above');
          c++;
        }
        put({ start: 0, end: 0, text: cell.text, ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}), ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}) }, cell.text, cell.pos);
        for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
          for (let dc = 0; dc < cell.colSpan; dc++) if (dr > 0) occupied[r + dr][c + dc] = 'above';
        }
        for (let dc = 1; dc < cell.colSpan; dc++) cover('left');
        c += cell.colSpan;
      }
      // Slots covered from above at the row's end.
      while (occupied[r][c]) {
        cover('above');
        c++;
      }
      this.blocks.push({ kind: 'row', text, pos, slots, grid });
    }
  }
}

/** The page's title element text, when the body does not open with the title. */
function titleAbove(body: Element, root: Element, locate: Locate, page: PageText): { text: string; pos: number[] } | undefined {
  // The last short block before the report's element whose text is a report title, not inside a link
  // (breadcrumbs and "上一篇/下一篇" are links).
  let found: Element | undefined;
  const stack: [Node, boolean][] = [[body, false]];
  while (stack.length) {
    const [n, inLink] = stack.pop()!;
    if (n === root) break;
    if (!isElement(n) || skipped(n)) continue;
    const link = inLink || n.tagName === 'a';
    if (!link && (BLOCK.has(n.tagName) || HEADING.test(n.tagName) || n.tagName === 'span' || n.tagName === 'strong' || n.tagName === 'font')) {
      const t = page.textOf(n, 200);
      if (t.length <= 60 && TITLE.test(t) && !/[>＞»]/.test(t) && !n.childNodes.some((c) => isElement(c) && BLOCK.has(c.tagName) && TITLE.test(page.textOf(c, 200)))) found = n;
    }
    for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push([n.childNodes[i], link]);
  }
  if (!found) return undefined;
  const sub = new Renderer(locate, page);
  sub.render(found, false);
  const line = sub.blocks.find((b) => b.kind !== 'row');
  return line && { text: line.text, pos: line.pos ?? [] };
}

function findElement(root: Node, tag: string): Element | undefined {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n) && n.tagName === tag) return n;
    const kids = 'childNodes' in n ? n.childNodes : [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return undefined;
}

/** The text of <title>, cut to the part naming the report ("…年度报告_某某区人民政府" → "…年度报告"). */
function pageTitle(doc: Node, locate: Locate): { text: string; pos: number[] } | undefined {
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

/**
 * The page's tree and the way from its text nodes to their places. The tree is parsed without
 * location info and its text matched to the source (html-locate.ts); a page whose tree does not
 * follow its source is parsed again with parse5's locations. `locations` forces the second way
 * (tests compare the two).
 */
function parsePage(html: string, locations: boolean): { doc: Node; locate: Locate } {
  const plain = locations ? undefined : parse(html);
  const found = plain && locateTexts(html, plain);
  if (plain && found) {
    const locate: Locate = (n) => found.get(n) ?? new Int32Array(n.value.length);
    return { doc: plain, locate };
  }
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const locate: Locate = (n) => {
    const loc = n.sourceCodeLocation;
    if (!loc) return new Int32Array(n.value.length);
    return align(html.slice(loc.startOffset, loc.endOffset), n.value, loc.startOffset);
  };
  return { doc, locate };
}

/** Reads an HTML page (already decoded) into the engine's source shape. */
export function readHtml(html: string, opts: { locations?: boolean } = {}): HtmlSource {
  const { doc, locate } = parsePage(html, opts.locations === true);
  const body = findElement(doc, 'body') ?? ((doc as DefaultTreeAdapterMap['document']).childNodes.find(isElement) as Element | undefined);
  let blocks: Block[] = [];
  let attachments: string[] = [];
  if (body) {
    const page = new PageText(body);
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
