// What every formatter receives, and small helpers they share.
import type { Lang } from '../../engine/finding.ts';
import type { Rule } from '../../engine/rules/api.ts';
import type { FileResult } from '../types.ts';

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
}

export interface FormatInput {
  results: FileResult[];
  summary: Summary;
  lang: Lang;
  version: string;
  /** Every rule the run can report (for SARIF's rule table and help texts). */
  rules: Rule[];
  /** Working directory (SARIF's %SRCROOT%). */
  cwd: string;
  /** Files whose safe fixes were written (--fix), for the text summary. */
  fixedFiles: number;
}

export function summarize(results: FileResult[]): Summary {
  const s: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0, unreadable: 0 };
  for (const r of results) {
    if (r.unreadable) s.unreadable++;
    // A stored result carries its counts; counting would unpack every finding of the run.
    const counted = (r as { counts?: { errors: number; warnings: number; infos: number } }).counts;
    if (counted) {
      s.errors += counted.errors;
      s.warnings += counted.warnings;
      s.infos += counted.infos;
      continue;
    }
    for (const f of r.findings) {
      if (f.severity === 'error') s.errors++;
      else if (f.severity === 'warning') s.warnings++;
      else s.infos++;
    }
  }
  return s;
}

export const tr = (lang: Lang, zh: string, en: string) => (lang === 'zh' ? zh : en);
