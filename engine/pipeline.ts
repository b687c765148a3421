// The engine's one pipeline: source → structure → grid → bind → rules. Each stage reads only what
// the stages before it produced, and none calls back into an earlier one:
//   source     the document as lines, block marks and source grids (source/)
//   structure  sections, title, period, year, agency (structure/)
//   grid       each table's region read into grid items (grid/)
//   bind       grids bound to the template's keys (bind/)
//   rules      every applicable rule, under the user's configuration and inline directives
import { bindTables } from './bind/index.ts';
import { readConfig, type Config } from './config.ts';
import { directives, suppressed } from './directives.ts';
import type { Edit, Finding, Fix, Lang, Severity } from './finding.ts';
import { cellRefOf } from './finding.ts';
import { readTableGrids } from './grid/index.ts';
import type { Report, Span } from './model.ts';
import { readProse, type Prose } from './prose.ts';
import { render, type Emission, type Rule } from './rules/api.ts';
import { RULES } from './rules/index.ts';
import { readBytes, readText, sniff, type SourceDoc, type SourceOptions } from './source/index.ts';
import { readPdf } from './source/pdf.ts';
import { CAPPED_MESSAGE, CONFIG_INVALID, FILE_UNREADABLE, noticeFinding } from './notices.ts';
import { effectiveComments } from './source/inline.ts';
import type { DocStructure } from './source/types.ts';
import { readStructure } from './structure/index.ts';
import { expectedVersion } from './template/index.ts';
import { LineIndex } from './text.ts';

export type ParseOptions = SourceOptions;

/** A document: its text (Markdown, plain text, an HTML page) or its bytes (any of those, a .docx, a PDF). */
export type Input = string | Uint8Array;

export interface Parsed {
  report: Report;
  /** The lines the stages read: the document's own text, or the text a source rendered it into. */
  index: LineIndex;
  structure: DocStructure;
  source: SourceDoc;
  /** The report's prose: its lines and sentences, each read on first use (engine/prose.ts). */
  prose: Prose;
}

function readInput(input: Input, opts: ParseOptions): SourceDoc {
  if (typeof input === 'string') return readText(input, opts);
  const doc = readBytes(input, opts);
  if (doc === 'pdf') throw new TypeError('a PDF is read asynchronously: use parseReportAsync / checkAsync');
  return doc;
}

async function readInputAsync(input: Input, opts: ParseOptions): Promise<SourceDoc> {
  if (typeof input !== 'string' && sniff(input) === 'pdf') return readPdf(input);
  return readInput(input, opts);
}

/** Every stage after the source: structure, grid, bind. */
function model(source: SourceDoc): Parsed {
  const { index } = source;
  // Only comments Markdown makes comments (not in code) silence rules or hide text.
  const structure = source.structure.comments.length
    ? { ...source.structure, comments: effectiveComments(index, source.structure, source.kind === 'markdown') }
    : source.structure;
  const front = readStructure(index, structure);
  const expected = expectedVersion(front.year);
  const tables = bindTables(readTableGrids(index, structure, front.sections), front.sections, expected);
  const template = front.year !== undefined ? expected : tables.T3.version ?? tables.T2.version;
  const report: Report = {
    year: front.year, yearSource: front.yearSource, agency: front.agency, template, title: front.title,
    period: front.period, sections: front.sections, tables, signDate: front.signDate,
    language: source.kind === 'markdown' ? 'markdown' : 'plaintext', source: source.kind,
  };
  return { report, index, structure, source, prose: readProse({ report, index, structure }) };
}

/** The report model of a document: every stage but the rules. A PDF needs `parseReportAsync`. */
export function parseReport(input: Input, opts: ParseOptions = {}): Parsed {
  return model(readInput(input, opts));
}

export async function parseReportAsync(input: Input, opts: ParseOptions = {}): Promise<Parsed> {
  return model(await readInputAsync(input, opts));
}

export interface CheckOptions extends ParseOptions {
  lang?: Lang;
  /** User configuration (.govreportrc.json contents, already JSON-parsed; validated here). */
  config?: unknown;
  /**
   * Findings listed per rule and document (default 100); past it one finding of that rule says how
   * many more there are. A text of 100,000 stray brackets would otherwise carry 100,000 findings
   * through every host (memory, output, an editor's diagnostics) for no reader's benefit.
   */
  maxFindingsPerRule?: number;
}

export const MAX_FINDINGS_PER_RULE = 100;

export interface CheckResult {
  report: Report;
  /**
   * Ranges are offsets into the document's own text (Markdown, plain text, the HTML page); for a
   * Word document or a PDF, into the text it was rendered into, with `location` naming the place.
   */
  findings: Finding[];
  parsed: Parsed;
  /** The lines finding ranges refer to, for converting them to line:column. */
  positions: LineIndex;
}

function applies(rule: Rule, report: Report): boolean {
  if (report.year !== undefined && report.year < 2019) return rule.always === true;
  if (rule.versions.includes('any')) return true;
  return report.template !== null && rule.versions.includes(report.template);
}

/** Checks a document. A PDF needs `checkAsync`. */
export function check(input: Input, options: CheckOptions = {}): CheckResult {
  return checkParsed(parseReport(input, options), options);
}

/** Checks a document of any kind, PDF included. */
export async function checkAsync(input: Input, options: CheckOptions = {}): Promise<CheckResult> {
  return checkParsed(await parseReportAsync(input, options), options);
}

function checkParsed(parsed: Parsed, options: CheckOptions): CheckResult {
  const lang: Lang = options.lang ?? 'zh';
  const { report, index, structure, source, prose } = parsed;
  const text = source.text;
  const { config, error, unknown } = readConfig(options.config);
  const limit = Math.max(1, options.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE);
  const ds = directives(structure, index);
  const findings: Finding[] = [];
  const severityOf = (rule: Rule): Severity | 'off' => config.rules[rule.id] ?? rule.severity;

  const toFinding = (rule: Rule, e: Emission, severity: Severity): Finding => {
    const template = rule.messages[e.message ?? 'default'] ?? rule.messages.default;
    let message = render(template, e.args, lang);
    if (e.suffix) message += render(rule.messages[e.suffix.message], e.suffix.args, lang);
    const fixes: Fix[] = (e.fixes ?? []).map((f) => ({
      title: render(rule.messages[f.title] ?? { zh: f.title, en: f.title }, f.args, lang),
      // An undeclared title cannot be vouched safe: it is offered, never applied unasked.
      kind: rule.fixes?.[f.title] ?? 'unsafe',
      edits: f.edits,
    }));
    return {
      rule: rule.id, severity, message, range: e.range,
      cell: e.cell ? cellRefOf(e.cell.id) : null,
      written: e.written ?? null, computed: e.computed ?? null,
      related: (e.related ?? []).map((r) => ({ cell: r.cell ? cellRefOf(r.cell.id) : null, range: r.range, value: r.value ?? null, label: r.label[lang] })),
      fix: fixes[0] ?? null, fixes,
    };
  };

  if (source.failure) {
    const severity = config.rules[FILE_UNREADABLE.id] ?? FILE_UNREADABLE.severity;
    if (severity !== 'off') findings.push(noticeFinding(FILE_UNREADABLE, { start: 0, end: 0 }, lang, { message: source.failure, severity }));
  }
  for (const rule of source.failure ? [] : RULES) {
    const severity = severityOf(rule);
    if (severity === 'off' || !applies(rule, report)) continue;
    let listed = 0;
    let more = 0;
    let firstMore: Span | undefined;
    rule.check({
      text, report, index, structure, prose,
      emit: (e) => {
        if (suppressed(ds, rule.id, index.lineAt(e.range.start))) return;
        if (listed < limit) {
          listed++;
          findings.push(toFinding(rule, e, severity));
        } else if (more++ === 0) firstMore = e.range;
      },
    });
    if (more) {
      findings.push({
        rule: rule.id, severity, message: render(CAPPED_MESSAGE, { n: more, limit }, lang), range: firstMore!,
        cell: null, written: null, computed: null, related: [], fix: null, fixes: [],
      });
    }
  }
  const start = { start: 0, end: 0 };
  if (error) findings.push(noticeFinding(CONFIG_INVALID, start, lang, { args: { reason: error } }));
  for (const u of unknown) {
    findings.push(noticeFinding(CONFIG_INVALID, start, lang, u.closest ? { message: 'unknownRule', args: { id: u.id, closest: u.closest } } : { message: 'unknownRuleNoGuess', args: { id: u.id } }));
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.rule.localeCompare(b.rule));
  return { report, findings: findings.map((f) => placed(f, source)), parsed, positions: source.original ? new LineIndex(source.original.text) : index };
}

/**
 * A finding in the coordinates of the document it came from: through the rendered text's offsets
 * back into an HTML page (its fixes kept only where each edit replaces characters the page holds
 * one for one), or with the location in a Word document or PDF (no fixes: nothing there is text).
 */
function placed(f: Finding, source: SourceDoc): Finding {
  if (source.original) {
    const { offsets, text } = source.original;
    const at = (o: number) => (o < offsets.length ? offsets[o] : text.length);
    const span = (s: Span): Span => (s.end > s.start ? { start: at(s.start), end: at(s.end - 1) + 1 } : { start: at(s.start), end: at(s.start) });
    const exact = (e: Edit) => {
      if (e.end <= e.start || /[<>&]/.test(e.newText)) return false;
      for (let o = e.start + 1; o < e.end; o++) if (offsets[o] !== offsets[o - 1] + 1) return false;
      return text.slice(at(e.start), at(e.end - 1) + 1) === source.text.slice(e.start, e.end);
    };
    const fixes = f.fixes.filter((x) => x.edits.every(exact)).map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...span(e), newText: e.newText })) }));
    return { ...f, range: span(f.range), related: f.related.map((r) => ({ ...r, range: span(r.range) })), fixes, fix: fixes[0] ?? null };
  }
  if (source.locate) {
    const location = source.locate(f.range.start);
    return { ...f, fixes: [], fix: null, ...(location ? { location } : {}) };
  }
  return f;
}

export type { Config };
