// One input, start to end: read (bounded), check through the engine's byte entry (and --fix), and
// reduce the result to plain data in the CLI JSON shape. Runs in a worker thread or, for small
// runs, in the main thread.
import { checkAsync, fixAll, LineIndex, type Encoding, type Finding } from '../engine/index.ts';
import { readConfig } from '../engine/config.ts';
import type { Lang } from '../engine/finding.ts';
import type { Report, TableStatus } from '../engine/model.ts';
import { nothingOfAReport } from '../engine/detect.ts';
import { FILE_EMPTY, FILE_FIX_SKIPPED, FILE_INTERNAL, FILE_NOT_A_REPORT, FILE_UNREADABLE, noticeMessage, type Notice } from '../engine/notices.ts';
import type { Arg } from '../engine/rules/api.ts';
import { agencyKey, xyearDigest } from '../engine/xyear.ts';
import { DEFAULT_MAX_BYTES, formatBytes, readBounded, type ReadStamp } from '../host/read.ts';
import { fault } from './fault.ts';
import { encode } from './files.ts';
import type { FileResult, FixOutcome, GridTable, OutFinding, Task } from './types.ts';
import { sha256, writeFixed } from './write.ts';

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

function fileFinding(notice: Notice, lang: Lang, message = 'default', args?: Record<string, Arg>): OutFinding {
  const zero = { line: 0, character: 0 };
  return {
    rule: notice.id, severity: notice.severity, message: noticeMessage(notice, lang, message, args),
    range: { start: zero, end: zero }, cell: null, written: null, computed: null, fix: null,
  };
}

/** A notice at the start of the file, at the level the user's configuration gives it ('off' drops it). */
function withLevel(f: OutFinding, config: unknown): OutFinding[] {
  const level = readConfig(config).config.rules[f.rule] ?? f.severity;
  return level === 'off' ? [] : [{ ...f, severity: level }];
}


function grid(report: Report): { T3: GridTable; T4: GridTable } {
  const table = (t: 'T3' | 'T4'): GridTable => {
    const cells: GridTable['cells'] = {};
    for (const [id, c] of report.tables[t].cells) cells[id] = { raw: c.raw, value: c.state === 'number' && c.value !== undefined ? c.value : null };
    return { version: report.tables[t].version, status: report.tables[t].status, cells };
  };
  return { T3: table('T3'), T4: table('T4') };
}

const SKIP_MESSAGE: Record<NonNullable<FixOutcome['skipped']>, string> = {
  'unparsed-table': 'unparsedTable', unreadable: 'default', encoding: 'encoding', 'write-failed': 'writeFailed', readonly: 'readonly', changed: 'changed',
};

function emptyResult(task: Task): FileResult {
  return {
    path: task.path, url: task.url, encoding: null, ioError: false, unreadable: false,
    agency: null, year: null, template: null, tables: { ...NO_TABLES }, findings: [],
  };
}

/** One input file, read (bounded) and checked. */
export async function analyze(task: Task): Promise<FileResult> {
  fault('analyze', task.path);
  const base = emptyResult(task);
  const unreadable = (message: string, args: Record<string, Arg> | undefined, ioError: boolean): FileResult => ({
    ...base, ioError, unreadable: true,
    findings: withLevel(fileFinding(FILE_UNREADABLE, task.lang, message, args), task.config),
    fix: task.fix ? { applied: 0, written: false, skipped: 'unreadable' } : undefined,
  });
  if (task.bytes) return checkInput(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task, null);
  const max = task.maxBytes ?? DEFAULT_MAX_BYTES;
  const read = readBounded(task.abs, max);
  if (!read.ok) {
    if (read.reason === 'io') return unreadable('default', { reason: read.code }, true);
    if (read.reason === 'special') return unreadable('special', { kind: read.kind }, true);
    return unreadable('tooLarge', { size: formatBytes(read.size), limit: formatBytes(max) }, false);
  }
  return checkInput(read.bytes, task, read.stamp);
}

/**
 * Every input — a file, standard input, a fetched page — goes through here: its bytes, name and
 * media type into the engine's byte entry (which tells Markdown, text, HTML, Word and PDF apart and
 * decodes them), and the result reduced to plain data. `stamp` is the file as it was read; without
 * one (not a file) --fix writes nothing.
 */
export async function checkInput(buf: Buffer, task: Task, stamp: ReadStamp | null): Promise<FileResult> {
  const base = emptyResult(task);
  const options = { fileName: task.url ? task.fileName : task.path, mediaType: task.mediaType, lang: task.lang, config: task.config };
  let result = await checkAsync(buf, options);
  const source = result.parsed.source;
  base.source = source.kind;
  if (source.attachments?.length) base.attachments = source.attachments;
  if (source.failure) {
    return {
      ...base, unreadable: true, findings: toOutFindings(result.findings, result.positions, false),
      fix: task.fix ? { applied: 0, written: false, skipped: 'unreadable' } : undefined,
    };
  }
  const encoding = (source.encoding ?? null) as Encoding | null;
  let text = source.text;
  if (!text.trim()) return { ...base, encoding, findings: withLevel(fileFinding(FILE_EMPTY, task.lang), task.config) };
  if (nothingOfAReport(result.report)) {
    return { ...base, encoding, findings: withLevel(fileFinding(FILE_NOT_A_REPORT, task.lang), task.config) };
  }

  let fix: FileResult['fix'];
  if (task.fix && stamp && encoding !== null) {
    // The engine's fix-all policy (engine/fix-all.ts), the editor's too; the CLI adds what bytes
    // need: the text must encode back to the very bytes read, and the write must be safe.
    // The document's own text: converter-made Markdown is read through a view (engine/source/md-view.ts).
    const own = source.original?.text ?? text;
    const fixed = fixAll(own, options, result);
    if (fixed.refused === 'unparsed-table') fix = { applied: 0, written: false, skipped: 'unparsed-table' };
    else if (fixed.text === own) fix = { applied: 0, written: false };
    else if (Buffer.compare(encode(own, encoding), buf) !== 0) fix = { applied: 0, written: false, skipped: 'encoding' };
    else {
      try {
        const outcome = writeFixed(task.abs, encode(fixed.text, encoding), stamp, sha256(buf));
        if (outcome.written) {
          fix = { applied: fixed.applied, written: true };
          text = fixed.result.parsed.source.text;
          result = fixed.result;
        } else fix = { applied: 0, written: false, skipped: outcome.reason };
      } catch (e) {
        fix = { applied: 0, written: false, skipped: 'write-failed', error: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
      }
    }
  } else if (task.fix && stamp) fix = { applied: 0, written: false };

  const { report, parsed } = { report: result.report, parsed: result.parsed };
  const findings = toOutFindings(result.findings, result.positions, task.related);
  if (fix?.skipped) findings.unshift(...withLevel(fileFinding(FILE_FIX_SKIPPED, task.lang, SKIP_MESSAGE[fix.skipped], { reason: fix.error ?? '' }), task.config));
  return {
    ...base,
    encoding,
    agency: report.agency?.name ?? null,
    year: report.year ?? null,
    template: report.template,
    tables: { T2: report.tables.T2.status as TableStatus, T3: report.tables.T3.status, T4: report.tables.T4.status },
    findings,
    fix,
    // A report without agency or year can never be paired. The digest itself is made only when the
    // run has found the report a pair (main.ts crossYear reads it again with `sentences`): most
    // reports of a run have none, and hashing every table's cells cost ~3 % of a run.
    pairing: task.xyear && report.agency?.name && report.year !== undefined ? { agencyKey: agencyKey(report.agency.name), year: report.year } : undefined,
    digest: task.sentences && report.agency?.name && report.year !== undefined ? xyearDigest(text, parsed, true) : undefined,
    grid: task.grid ? grid(report) : undefined,
  };
}

/** A result for a file whose check failed inside the program: FILE-INTERNAL, and exit code 2. */
export function internalFailure(task: Task, e: unknown): FileResult {
  const reason = `${(e as Error)?.name ?? 'Error'}: ${(e as Error)?.message ?? String(e)}`;
  return {
    ...emptyResult(task), ioError: true, unreadable: true,
    findings: [fileFinding(FILE_INTERNAL, task.lang, 'default', { reason })],
  };
}

/** analyze() that never throws: an engine crash becomes FILE-INTERNAL for that one file. */
export async function safeAnalyze(task: Task): Promise<FileResult> {
  try {
    return await analyze(task);
  } catch (e) {
    const detail = process.env.GOVREPORT_DEBUG ? (e as Error)?.stack : (e as Error)?.message;
    process.stderr.write(`govreport: ${task.path}: internal error: ${detail ?? e}\n`);
    return internalFailure(task, e);
  }
}
