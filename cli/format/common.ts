// What every formatter receives, and small helpers they share.
import type { Lang } from '../../engine/finding.ts';
import type { Notice } from '../../engine/notices.ts';
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
