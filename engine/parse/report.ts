// Text → report model: structure, sections, title/year/agency/period, tables.
import { bindTables } from '../bind/index.ts';
import type { Report, Title } from '../model.ts';
import { expectedVersion } from '../template/index.ts';
import { LineIndex } from '../text.ts';
import { agencyFromTitle, agencyKind, findPeriod, findSections, findSignDate, findTitle, fromProse } from './sections.ts';
import { effectiveComments } from './inline.ts';
import { scanMarkdown, scanPlainText, type DocStructure } from './structure.ts';

export interface ParseOptions {
  fileName?: string;
  languageId?: string;
}

export interface Parsed {
  report: Report;
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

export function isMarkdown(opts: ParseOptions): boolean {
  if (opts.languageId) return opts.languageId === 'markdown';
  return /\.(md|markdown|mdown|mkd)$/i.test(opts.fileName ?? '');
}

export function parseReport(text: string, opts: ParseOptions = {}): Parsed {
  const index = new LineIndex(text);
  const markdown = isMarkdown(opts);
  const scanned = markdown && text.length <= MARKDOWN_TREE_LIMIT ? scanMarkdown(index) : scanPlainText(index);
  // Only comments Markdown makes comments (not in code) silence rules or hide text.
  const structure = scanned.comments.length ? { ...scanned, comments: effectiveComments(index, scanned, markdown) } : scanned;
  const sections = findSections(index, structure);
  const s1 = sections.find((s) => s.key === 's1') ?? sections[0];
  const title: Title | undefined = findTitle(index, structure, s1 ? s1.heading.start : Math.min(text.length, 5000));
  const period = findPeriod(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const proseScope = text.slice(0, sections.find((s) => s.key === 's2')?.heading.start ?? Math.min(text.length, 20_000));
  const prose = fromProse(proseScope);

  let year: number | undefined;
  let yearSource: Report['yearSource'] = null;
  if (title?.year) {
    year = title.year;
    yearSource = 'title';
  } else if (period) {
    year = period.startYear;
    yearSource = 'period';
  } else if (prose) {
    year = prose.year;
    yearSource = 'prose';
  }
  const agencyName = (title && agencyFromTitle(title)) ?? prose?.agency;
  const expected = expectedVersion(year);
  const tables = bindTables(index, structure, sections, expected);
  const template = year !== undefined ? expected : tables.T3.version ?? tables.T2.version;
  const report: Report = {
    year, yearSource, agency: agencyName ? agencyKind(agencyName) : undefined, template, title,
    period: period ? { startYear: period.startYear, endYear: period.endYear, node: period.node, startYearSpan: period.startYearSpan } : undefined,
    sections, tables, signDate: findSignDate(index), language: markdown ? 'markdown' : 'plaintext',
  };
  return { report, index, structure };
}
