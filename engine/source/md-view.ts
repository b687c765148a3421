// Converter-made Markdown read as its reader sees it. Converters (pandoc, PDF-to-Markdown tools)
// hard-wrap paragraphs, even inside an inline HTML tag, and write complex tables as HTML `<table>`
// blocks. Markdown joins the lines of a paragraph and renders the table, so the engine reads a view
// of the document in which (1) the hard-wrapped lines of a prose paragraph are one line, and (2) an
// HTML table block is its rows, one line of TAB-joined slots each, with its grid, and (3) a paragraph
// a PDF's page break cut — its first part, the page number ("— 5 —"), the running header (the
// report's title), its second part — is one paragraph again. Each character of
// the view keeps the offset it came from, so findings and exact fixes land on the document itself.
// A document with neither is its own view (no copy is made).
import { LineIndex, withoutInlineMarkup } from '../text.ts';
import { readHtml } from './html.ts';
import type { SourceGrid } from './types.ts';

export interface MarkdownView {
  text: string;
  /** For each unit of `text`, its offset in the document. */
  offsets: Int32Array;
  /** Grids of the HTML table blocks, in the view's lines. */
  grids: SourceGrid[];
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
/** Lines that open or are a block of their own (never a paragraph's continuation). */
const BLOCK_START = /^\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#|>|\||`{3}|~{3}|<(?:!--|table|html|body|div|p\b)|[-=_*]{3,}\s*$)/i;
const HTML_TABLE_START = /^\s{0,3}<(?:html|body|table)\b/i;

/** A page number as converters leave it between pages: "— 5 —", "- 3 -", "第 3 页", "第3页 共12页", "3/12". */
const PAGE_NUMBER = /^\s*(?:[-—–－‒―]{1,2}\s*\d{1,4}\s*[-—–－‒―]{1,2}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;
/** How a sentence, a clause or a heading can end: a paragraph ending so is whole. */
const ENDS_WHOLE = /[。！？；：!?;:」』”’）)】]\s*$/;
const ORDINAL_START = /^\s*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、])/;

function prose(line: string): boolean {
  return line.trim() !== '' && !line.includes('\t') && !line.includes('|') && !BLOCK_START.test(line);
}

/** Whether a line ends inside an inline HTML tag (`… <span` + `lang="zh-CN">…` on the next line). */
function endsInsideTag(line: string): boolean {
  const lt = line.lastIndexOf('<');
  return lt >= 0 && line.indexOf('>', lt) < 0 && /^<\/?[a-zA-Z]/.test(line.slice(lt));
}

function displayWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += CJK.test(ch) ? 2 : 1;
  return width;
}

/**
 * The column a converter wrapped the document's paragraphs at, if it did: most prose lines that
 * another prose line follows end within a few columns of one width (pandoc: 72, a CJK character
 * counting two). A draft whose lines are its paragraphs has no such width, and nothing is joined.
 */
function wrapWidth(lines: LineIndex['lines'], code: Set<number>): number | undefined {
  const widths: number[] = [];
  for (let l = 0; l + 1 < lines.length; l++) {
    if (code.has(l) || !prose(lines[l].text) || !prose(lines[l + 1].text) || !CJK.test(lines[l].text)) continue;
    widths.push(displayWidth(lines[l].text.trimEnd()));
  }
  if (widths.length < 4) return undefined;
  const counts = new Map<number, number>();
  for (const w of widths) if (w >= 20) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 0;
  let bestNear = 0;
  for (const w of counts.keys()) {
    const near = widths.filter((x) => x <= w && x >= w - 4).length;
    if (near > bestNear) [best, bestNear] = [w, near];
  }
  return bestNear >= 4 && bestNear >= widths.length * 0.6 ? best : undefined;
}

/**
 * After a paragraph's last line `l`, a page break the converter left inside the paragraph: blank
 * lines, a page number, the running header (the document's first line, its title) and blank lines,
 * then the paragraph's next part — a prose line that opens nothing (no ordinal, no heading) after a
 * line that ends nothing (no 。；： or closing bracket). Returns the next part's line.
 */
function pageBreakAfter(lines: LineIndex['lines'], l: number, code: Set<number>, header: string | undefined): number | undefined {
  // Read through inline markup: "**五、存在的主要问题及改进情况**" is a heading, whole.
  const first = withoutInlineMarkup(lines[l].text).trim();
  if (code.has(l) || !prose(lines[l].text) || !first || ENDS_WHOLE.test(first) || ORDINAL_START.test(first)) return undefined;
  let k = l + 1;
  const blanks = () => { while (k < lines.length && !lines[k].text.trim()) k++; };
  blanks();
  if (k >= lines.length || !PAGE_NUMBER.test(lines[k].text)) return undefined;
  k++;
  blanks();
  if (k < lines.length && header !== undefined && lines[k].text.trim() === header) {
    k++;
    blanks();
  }
  if (k >= lines.length || code.has(k) || !prose(lines[k].text) || PAGE_NUMBER.test(lines[k].text)) return undefined;
  if (ORDINAL_START.test(withoutInlineMarkup(lines[k].text))) return undefined;
  return k;
}

/** The view of a Markdown document, or undefined when it is its own view. */
export function markdownView(text: string, index: LineIndex, code: Set<number>): MarkdownView | undefined {
  const lines = index.lines;
  const width = wrapWidth(lines, code);
  const header = lines.find((x) => x.text.trim())?.text.trim().replace(/^#+\s*/, '');
  const breakAfter = (l: number) => pageBreakAfter(lines, l, code, header);
  const needsJoin = (l: number) => l + 1 < lines.length && !code.has(l) && !code.has(l + 1)
    && prose(lines[l].text) && prose(lines[l + 1].text) && !/^\s*[-=]+\s*$/.test(lines[l + 1].text)
    && (endsInsideTag(lines[l].text) || (width !== undefined && displayWidth(lines[l].text.trimEnd()) >= width - 6 && !/^\s*[\d\s,.，．]+$/.test(lines[l + 1].text)));
  const hasTable = /<table\b/i.test(text);
  let any = hasTable;
  for (let l = 0; !any && l < lines.length; l++) any = needsJoin(l) || breakAfter(l) !== undefined;
  if (!any) return undefined;

  let out = '';
  const offsets: number[] = [];
  const grids: SourceGrid[] = [];
  let viewLine = 0;
  const put = (s: string, at: number | number[]) => {
    for (let i = 0; i < s.length; i++) offsets.push(typeof at === 'number' ? at + i : at[i] ?? at[at.length - 1] ?? 0);
    out += s;
  };
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    // An HTML table block: from its first line to the line that closes its last table.
    if (hasTable && !code.has(l) && HTML_TABLE_START.test(line.text)) {
      let last = l;
      let depth = 0;
      for (let k = l; k < lines.length; k++) {
        depth += (lines[k].text.match(/<table\b/gi)?.length ?? 0) - (lines[k].text.match(/<\/table\s*>/gi)?.length ?? 0);
        last = k;
        if (depth <= 0 && /<\/table\s*>/i.test(lines[k].text)) break;
        if (!lines[k].text.trim()) break; // an HTML block ends at a blank line
      }
      const from = line.start;
      const html = readHtml(text.slice(from, lines[last].end));
      const first = viewLine;
      put(html.text, Array.from(html.origin, (o) => o + from));
      for (const g of html.structure.grids) {
        grids.push({ ...g, startLine: g.startLine + first, endLine: g.endLine + first, rows: g.rows.map((r) => ({ line: r.line + first, cells: r.cells.map((c) => ({ ...c, start: c.start + out.length - html.text.length, end: c.end + out.length - html.text.length })) })) });
      }
      viewLine += html.index.lines.length - 1;
      if (last + 1 < lines.length) {
        put('\n', lines[last].end);
        viewLine++;
      }
      l = last;
      continue;
    }
    put(line.text, line.start);
    let l2 = l;
    // Hard-wrapped lines of one paragraph: joined, as Markdown joins them (nothing between two CJK
    // characters, a space otherwise).
    // A page break inside the paragraph: its parts joined the same way, the page number and the
    // running header between them left out.
    for (;;) {
      const next = needsJoin(l2) ? l2 + 1 : breakAfter(l2);
      if (next === undefined) break;
      const line2 = lines[next];
      const body = line2.text.trimStart();
      const prev = out[out.length - 1] ?? '';
      const sep = endsInsideTag(lines[l2].text) || !(CJK.test(prev) && CJK.test(body[0] ?? '')) ? ' ' : '';
      if (sep && prev !== ' ') put(sep, line2.start);
      put(body, line2.start + line2.text.length - body.length);
      l2 = next;
    }
    l = l2;
    if (l + 1 < lines.length) {
      put(text.slice(lines[l].end, lines[l + 1].start) === '\r\n' ? '\n' : '\n', lines[l].end);
      viewLine++;
    }
  }
  return { text: out, offsets: Int32Array.from(offsets), grids };
}
