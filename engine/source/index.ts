// The source stage: a document becomes the engine's input — its text as lines, the block marks of
// that text, and the tables the source itself knows as grids (source/types.ts). Markdown and plain
// text are their own text; an HTML page, a Word document or a PDF is rendered into one, and keeps
// the way back from each character of it to where it was in the original.
import { LineIndex } from '../text.ts';
import { decode, declaredCharset } from './decode.ts';
import { readDocx } from './docx.ts';
import { readHtml, HTML_LIMIT } from './html.ts';
import { addGrid, FENCE } from './blocks.ts';
import { scanMarkdown } from './markdown.ts';
import { markdownView } from './md-view.ts';
import { scanPlainText } from './text.ts';
import type { DocStructure, Location, SourceFailure } from './types.ts';

export type SourceKind = 'markdown' | 'text' | 'html' | 'docx' | 'pdf';

export interface SourceOptions {
  fileName?: string;
  /** An editor's language id ('markdown', 'plaintext', 'html', …); it decides before the file name. */
  languageId?: string;
  /** A media type from an HTTP response ('text/html; charset=gbk', 'application/pdf'). */
  mediaType?: string;
}

// Defined in source/types.ts, which the readers (docx.ts) import without importing this module back.
export type { Location, SourceFailure } from './types.ts';

export interface SourceDoc {
  kind: SourceKind;
  /** The text every later stage reads; for Markdown and plain text, the document itself. */
  text: string;
  index: LineIndex;
  structure: DocStructure;
  /**
   * For a source rendered from another text (HTML): that text, and for each character of `text` the
   * offset it came from. Findings are given in the original's offsets.
   */
  original?: { text: string; offsets: Int32Array };
  /** For sources without a text of their own (Word, PDF): the place of an offset of `text`. */
  locate?(offset: number): Location | undefined;
  /** Links to documents in the body of an HTML page (a report published as an attachment). */
  attachments?: string[];
  /** Set when nothing could be read; `text` is then empty. */
  failure?: SourceFailure;
  /** The encoding bytes were decoded from, when the input was bytes of text. */
  encoding?: string;
}

/**
 * Above this size a Markdown document is scanned line by line. remark + remark-gfm cost about
 * 8 µs and 750 bytes of heap per character (bench/engine.bench.ts: a 1.2 MB GFM document took
 * 9.6 s and 885 MiB), far beyond any real report (3–30 KB); the line scanner reads the same
 * headings, lists, fences and GFM tables.
 */
export const MARKDOWN_TREE_LIMIT = 200_000;

export function isMarkdown(opts: SourceOptions): boolean {
  if (opts.languageId) return opts.languageId === 'markdown';
  return /\.(md|markdown|mdown|mkd)$/i.test(opts.fileName ?? '');
}

const HTML_NAME = /\.(html?|shtml|xhtml)$/i;
/** Markup at the start of a text: a saved page whatever its name says. */
const HTML_START = /^\s*(?:<!--[^]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>])/i;

/** Whether a text is an HTML page, by the editor's language, the media type, the name, then the markup itself. */
export function isHtml(text: string, opts: SourceOptions): boolean {
  if (opts.languageId) return opts.languageId === 'html';
  if (opts.mediaType && /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(opts.mediaType)) return true;
  if (HTML_NAME.test(opts.fileName ?? '')) return true;
  return HTML_START.test(text.length > 4096 ? text.slice(0, 4096) : text);
}

function empty(kind: SourceKind, failure?: SourceFailure): SourceDoc {
  const index = new LineIndex('');
  return { kind, text: '', index, structure: { headings: new Map(), bullets: new Map(), code: new Set(), grids: [], gridLines: new Map(), comments: [] }, failure };
}

/** Reads a document given as text (Markdown, plain text or an HTML page). */
export function readText(text: string, opts: SourceOptions = {}): SourceDoc {
  if (isHtml(text, opts)) {
    if (text.length > HTML_LIMIT) return empty('html', 'html-too-large');
    const html = readHtml(text);
    return { kind: 'html', text: html.text, index: html.index, structure: html.structure, original: { text, offsets: html.origin }, attachments: html.attachments };
  }
  const index = new LineIndex(text);
  const markdown = isMarkdown(opts);
  const scan = (idx: LineIndex) => (markdown && idx.text.length <= MARKDOWN_TREE_LIMIT ? scanMarkdown(idx) : scanPlainText(idx));
  if (markdown) {
    // Converter-made Markdown: hard-wrapped paragraphs and HTML tables read as Markdown renders them.
    const view = markdownView(text, index, fencedLines(index));
    if (view) {
      const viewIndex = new LineIndex(view.text);
      const structure = scan(viewIndex);
      for (const grid of view.grids) addGrid(structure, grid);
      return { kind: 'markdown', text: view.text, index: viewIndex, structure, original: { text, offsets: view.offsets } };
    }
  }
  return { kind: markdown ? 'markdown' : 'text', text, index, structure: scan(index) };
}

/** Lines inside fenced code blocks (fences included): nothing there is prose or a table. */
function fencedLines(index: LineIndex): Set<number> {
  const code = new Set<number>();
  let fence: string | null = null;
  for (const line of index.lines) {
    const f = FENCE.exec(line.text);
    if (fence !== null) {
      code.add(line.index);
      if (line.text.trimStart().startsWith(fence)) fence = null;
    } else if (f) {
      fence = f[1];
      code.add(line.index);
    }
  }
  return code;
}

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const PDF = [...'%PDF-'].map((c) => c.charCodeAt(0));
const RTF = [...'{\\rtf'].map((c) => c.charCodeAt(0));

/** What the bytes are, by their magic numbers: a container format, or text. */
export function sniff(bytes: Uint8Array): 'pdf' | 'zip' | 'ole' | 'rtf' | 'text' {
  // "%PDF-" may follow a little junk (the standard allows 1,024 bytes before it).
  const head = bytes.subarray(0, 1024);
  for (let at = head.indexOf(0x25); at >= 0 && at + PDF.length <= head.length; at = head.indexOf(0x25, at + 1)) if (startsWith(head, PDF, at)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, RTF)) return 'rtf';
  return 'text';
}

/** The charset an HTTP media type names, when it is one we read. */
function mediaCharset(mediaType: string | undefined): 'utf-8' | 'gb18030' | undefined {
  const m = mediaType && /charset\s*=\s*"?([\w-]+)/i.exec(mediaType);
  if (!m) return undefined;
  const label = m[1].toLowerCase();
  if (label === 'utf-8' || label === 'utf8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(label)) return 'gb18030';
  return undefined;
}

/**
 * Reads a document given as bytes: a Word document, an HTML page or a text file. PDF is read by
 * `readPdf` (source/pdf.ts), which is asynchronous; here it is reported as such to the caller.
 */
export function readBytes(bytes: Uint8Array, opts: SourceOptions = {}): SourceDoc | 'pdf' {
  const kind = sniff(bytes);
  if (kind === 'pdf') return 'pdf';
  if (kind === 'ole' || kind === 'rtf') return empty('docx', 'legacy-office');
  if (kind === 'zip') return readDocxBytes(bytes);
  const markup = HTML_NAME.test(opts.fileName ?? '') || /html/i.test(opts.mediaType ?? '') || HTML_START.test(String.fromCharCode(...bytes.subarray(0, 512)));
  // Every encoding read here takes at most 4 bytes per UTF-16 unit: a page past 4 × HTML_LIMIT bytes
  // is past the limit whatever it decodes to, and is refused before decoding (a 100 MB page would
  // otherwise cost its text, 200 MB, first).
  if (markup && bytes.length > 4 * HTML_LIMIT) return empty('html', 'html-too-large');
  const decoded = decode(bytes, mediaCharset(opts.mediaType) ?? (markup ? declaredCharset(bytes) : undefined));
  if (!decoded.ok) return empty(markup ? 'html' : 'text', decoded.reason);
  const doc = readText(decoded.text, opts);
  doc.encoding = decoded.encoding;
  return doc;
}

function readDocxBytes(bytes: Uint8Array): SourceDoc {
  const docx = readDocx(bytes);
  if ('failure' in docx) return empty('docx', docx.failure);
  return { kind: 'docx', text: docx.text, index: docx.index, structure: docx.structure, locate: docx.locate };
}

export type * from './types.ts';
