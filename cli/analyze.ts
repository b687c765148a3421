// One file, start to end: read, decode, check (and --fix), and reduce the result to plain data
// in the CLI JSON shape. Runs in a worker thread or, for small runs, in the main thread.
import { readFileSync } from 'node:fs';
import { check, LineIndex, type Finding } from '../engine/index.ts';
import type { Lang } from '../engine/finding.ts';
import type { Report, TableStatus } from '../engine/model.ts';
import { render, type Rule } from '../engine/rules/api.ts';
import { xyearDigest } from '../engine/xyear.ts';
import { encode, writeAtomic, type Encoding } from './files.ts';
import { fixText, fullyParsed } from './fix.ts';
import { FILE_EMPTY, FILE_NOT_A_REPORT, FILE_UNREADABLE } from './rules.ts';
import type { FileResult, GridTable, OutFinding, Task } from './types.ts';

const NO_TABLES = { T2: 'missing', T3: 'missing', T4: 'missing' } as const;

/** Converts engine findings (offsets) to the JSON contract's shape (LSP positions). */
export function toOutFindings(findings: Finding[], index: LineIndex, withRelated = true): OutFinding[] {
  const range = (s: { start: number; end: number }) => ({ start: index.positionAt(s.start), end: index.positionAt(s.end) });
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    range: range(f.range),
    cell: f.cell,
    written: f.written,
    computed: f.computed,
    fix: f.fix ? { title: f.fix.title, kind: f.fix.kind, edits: f.fix.edits.map((e) => ({ range: range(e), newText: e.newText })) } : null,
    ...(f.location ? { location: f.location } : {}),
    ...(withRelated && f.related.length ? { related: f.related.map((r) => ({ cell: r.cell, range: range(r.range), value: r.value, label: r.label })) } : {}),
  }));
}

function fileFinding(rule: Rule, lang: Lang, message = 'default', args?: Record<string, string>): OutFinding {
  const zero = { line: 0, character: 0 };
  return {
    rule: rule.id, severity: rule.severity, message: render(rule.messages[message] ?? rule.messages.default, args, lang),
    range: { start: zero, end: zero }, cell: null, written: null, computed: null, fix: null,
  };
}

/** Severity for a CLI-level rule under the user's configuration ('off' drops it). */
function levelOf(rule: Rule, config: unknown): OutFinding['severity'] | 'off' {
  const rules = config && typeof config === 'object' && !Array.isArray(config) ? (config as { rules?: unknown }).rules : undefined;
  const v = rules && typeof rules === 'object' ? (rules as Record<string, unknown>)[rule.id] : undefined;
  return v === 'off' || v === 'error' || v === 'warning' || v === 'info' ? v : rule.severity;
}

function withLevel(f: OutFinding, rule: Rule, config: unknown): OutFinding[] {
  const level = levelOf(rule, config);
  return level === 'off' ? [] : [{ ...f, severity: level }];
}

function notAReport(report: Report): boolean {
  return report.sections.length === 0 && !report.title && (['T2', 'T3', 'T4'] as const).every((t) => report.tables[t].status === 'missing');
}

function grid(report: Report): { T3: GridTable; T4: GridTable } {
  const table = (t: 'T3' | 'T4'): GridTable => {
    const cells: GridTable['cells'] = {};
    for (const [id, c] of report.tables[t].cells) cells[id] = { raw: c.raw, value: c.state === 'number' && c.value !== undefined ? c.value : null };
    return { version: report.tables[t].version, status: report.tables[t].status, cells };
  };
  return { T3: table('T3'), T4: table('T4') };
}

export function analyze(task: Task): FileResult {
  const base: FileResult = {
    path: task.path, encoding: null, ioError: false, unreadable: false,
    agency: null, year: null, template: null, source: null, tables: { ...NO_TABLES }, findings: [],
  };
  let buf: Buffer;
  try {
    buf = readFileSync(task.abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    return {
      ...base, ioError: true, unreadable: true,
      findings: withLevel(fileFinding(FILE_UNREADABLE, task.lang, 'default', { reason: code }), FILE_UNREADABLE, task.config),
      fix: task.fix ? { applied: 0, written: false, skipped: 'unreadable' } : undefined,
    };
  }
  // The engine reads the bytes: it sniffs the kind (a page, a Word document, a draft), decodes text.
  const options = { fileName: task.path, lang: task.lang, config: task.config };
  let result = check(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), options);
  const source = result.parsed.source;
  const kind = source.kind;
  if (source.failure) {
    return {
      ...base, source: kind, unreadable: true, findings: toOutFindings(result.findings, result.positions, task.related),
      fix: task.fix ? { applied: 0, written: false, skipped: 'unreadable' } : undefined,
    };
  }
  const encoding = (source.encoding ?? null) as Encoding | null;
  // The document's own text (a draft, a page's markup); a Word document has none.
  let text = source.original?.text ?? source.text;
  if (!source.text.trim()) return { ...base, source: kind, encoding, findings: withLevel(fileFinding(FILE_EMPTY, task.lang), FILE_EMPTY, task.config) };
  if (notAReport(result.report)) {
    return { ...base, source: kind, encoding, findings: withLevel(fileFinding(FILE_NOT_A_REPORT, task.lang), FILE_NOT_A_REPORT, task.config) };
  }

  let fix: FileResult['fix'];
  if (task.fix) {
    const hasSafe = result.findings.some((f) => f.fixes.some((x) => x.kind === 'safe'));
    if (!hasSafe) fix = { applied: 0, written: false };
    else if (!encoding) fix = { applied: 0, written: false, skipped: 'unreadable' };
    else if (!fullyParsed(result.report)) fix = { applied: 0, written: false, skipped: 'unparsed-table' };
    else if (Buffer.compare(encode(text, encoding), buf) !== 0) fix = { applied: 0, written: false, skipped: 'encoding' };
    else {
      const fixed = fixText(text, options);
      const after = fixed.text !== text ? check(fixed.text, options) : result;
      if (fixed.text === text) fix = { applied: 0, written: false };
      else if (!fullyParsed(after.report)) fix = { applied: 0, written: false, skipped: 'unparsed-table' };
      else {
        try {
          writeAtomic(task.abs, encode(fixed.text, encoding));
          fix = { applied: fixed.applied, written: true };
          text = fixed.text;
          result = after;
        } catch (e) {
          fix = { applied: 0, written: false, skipped: 'write-failed', error: (e as Error).message };
        }
      }
    }
  }

  const { report, parsed } = { report: result.report, parsed: result.parsed };
  return {
    ...base,
    encoding,
    agency: report.agency?.name ?? null,
    year: report.year ?? null,
    template: report.template,
    source: kind,
    tables: { T2: report.tables.T2.status as TableStatus, T3: report.tables.T3.status, T4: report.tables.T4.status },
    findings: toOutFindings(result.findings, result.positions, task.related),
    fix,
    // a report without agency or year can never be paired: no digest to carry around
    digest: task.xyear && report.agency?.name && report.year !== undefined ? xyearDigest(parsed.source.text, parsed, task.sentences === true) : undefined,
    grid: task.grid ? grid(report) : undefined,
  };
}

/** analyze() that never throws: an engine crash becomes an I/O-class failure of that one file. */
export function safeAnalyze(task: Task): FileResult {
  try {
    return analyze(task);
  } catch (e) {
    const reason = `internal error: ${(e as Error)?.message ?? String(e)}`;
    process.stderr.write(`govreport: ${task.path}: ${(e as Error)?.stack ?? e}\n`);
    return {
      path: task.path, encoding: null, ioError: true, unreadable: true, agency: null, year: null, template: null, source: null,
      tables: { ...NO_TABLES }, findings: [fileFinding(FILE_UNREADABLE, task.lang, 'default', { reason })],
    };
  }
}
