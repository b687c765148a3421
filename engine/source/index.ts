// The source stage: a document becomes the engine's input — its text as lines, the block marks of
// that text, and the tables the source itself knows as grids (source/types.ts).
import { LineIndex } from '../text.ts';
import { scanMarkdown } from './markdown.ts';
import { scanPlainText } from './text.ts';
import type { DocStructure } from './types.ts';

export type SourceKind = 'markdown' | 'text';

export interface SourceOptions {
  fileName?: string;
  languageId?: string;
}

export interface SourceDoc {
  kind: SourceKind;
  /** The text every later stage reads; for Markdown and plain text, the document itself. */
  text: string;
  index: LineIndex;
  structure: DocStructure;
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

export function readSource(text: string, opts: SourceOptions = {}): SourceDoc {
  const index = new LineIndex(text);
  const markdown = isMarkdown(opts);
  const structure = markdown && text.length <= MARKDOWN_TREE_LIMIT ? scanMarkdown(index) : scanPlainText(index);
  return { kind: markdown ? 'markdown' : 'text', text, index, structure };
}

export type * from './types.ts';
