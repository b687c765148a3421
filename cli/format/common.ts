// What every formatter receives, and small helpers they share.
import type { Lang } from '../../engine/finding.ts';
import type { Notice } from '../../engine/notices.ts';
import type { Location } from '../../engine/source/index.ts';
import type { FileResult } from '../types.ts';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
  /** URLs that could not be fetched; present when the run fetched any. */
  fetchFailed?: number;
}

export interface FormatInput {
  results: FileResult[];
  summary: Summary;
  lang: Lang;
  version: string;
  /** Every rule the run can report (for SARIF's rule table and help texts). */
  rules: Notice[];
  /** Working directory (SARIF's %SRCROOT%). */
  cwd: string;
  /** Files whose safe fixes were written (--fix), for the text summary. */
  fixedFiles: number;
  /** Configuration files used that lie outside the working directory (the text summary names them). */
  configsAbove?: string[];
  /** Colour the text format (a terminal, not NO_COLOR). */
  color?: boolean;
}

/** Findings by severity. */
export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(findings: { severity: string }[]): SeverityCounts {
  const c = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

export function summarize(results: FileResult[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0, unreadable: 0 };
  if (results.some((r) => r.url)) s.fetchFailed = 0;
  for (const r of results) {
    if (r.unreadable) s.unreadable++;
    if (r.fetchFailed) s.fetchFailed = (s.fetchFailed ?? 0) + 1;
    // A stored result carries its counts; counting would unpack every finding of the run.
    const c = (r as { counts?: SeverityCounts }).counts ?? countSeverities(r.findings);
    s.errors += c.errors;
    s.warnings += c.warnings;
    s.infos += c.infos;
  }
  return s;
}

export const tr = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);

/** A place in a Word document or PDF as a reader names it ("表格 2 第 25 行第 3 格", "第 3 页"). */
export function describeLocation(loc: Location, lang: Lang): string {
  if (loc.kind === 'pdf') return tr(lang, `第 ${loc.page} 页`, `page ${loc.page}`);
  if ('paragraph' in loc) return tr(lang, `第 ${loc.paragraph} 段`, `paragraph ${loc.paragraph}`);
  return tr(lang, `表格 ${loc.table} 第 ${loc.row} 行第 ${loc.cell} 格`, `table ${loc.table}, row ${loc.row}, cell ${loc.cell}`);
}

/** The place as a path for tools (SARIF's logical location): "table[2]/row[25]/cell[3]", "paragraph[4]", "page[3]". */
export function locationName(loc: Location): string {
  if (loc.kind === 'pdf') return `page[${loc.page}]`;
  if ('paragraph' in loc) return `paragraph[${loc.paragraph}]`;
  return `table[${loc.table}]/row[${loc.row}]/cell[${loc.cell}]`;
}
