// The engine's one pipeline: source → structure → grid → bind → rules. Each stage reads only what
// the stages before it produced, and none calls back into an earlier one:
//   source     the document as lines, block marks and source grids (source/)
//   structure  sections, title, period, year, agency (structure/)
//   grid       each table's region read into grid items (grid/)
//   bind       grids bound to the template's keys (bind/)
//   rules      every applicable rule, under the user's configuration and inline directives
import { bindTables } from './bind/index.ts';
import { CONFIG_INVALID, readConfig, type Config } from './config.ts';
import { directives, suppressed } from './directives.ts';
import type { Finding, Fix, Lang, Severity } from './finding.ts';
import { cellRefOf } from './finding.ts';
import { readTableGrids } from './grid/index.ts';
import type { Report } from './model.ts';
import { render, type Emission, type Rule } from './rules/api.ts';
import { RULES } from './rules/index.ts';
import { readSource, type SourceDoc, type SourceOptions } from './source/index.ts';
import type { DocStructure } from './source/types.ts';
import { readStructure } from './structure/index.ts';
import { expectedVersion } from './template/index.ts';
import type { LineIndex } from './text.ts';

export type ParseOptions = SourceOptions;

export interface Parsed {
  report: Report;
  index: LineIndex;
  structure: DocStructure;
  source: SourceDoc;
}

/** The report model of a document: every stage but the rules. */
export function parseReport(text: string, opts: ParseOptions = {}): Parsed {
  const source = readSource(text, opts);
  const { index, structure } = source;
  const front = readStructure(index, structure);
  const expected = expectedVersion(front.year);
  const tables = bindTables(readTableGrids(index, structure, front.sections), front.sections, expected);
  const template = front.year !== undefined ? expected : tables.T3.version ?? tables.T2.version;
  const report: Report = {
    year: front.year, yearSource: front.yearSource, agency: front.agency, template, title: front.title,
    period: front.period, sections: front.sections, tables, signDate: front.signDate,
    language: source.kind === 'markdown' ? 'markdown' : 'plaintext',
  };
  return { report, index, structure, source };
}

export interface CheckOptions extends ParseOptions {
  lang?: Lang;
  /** User configuration (.govreportrc.json contents, already JSON-parsed; validated here). */
  config?: unknown;
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
  parsed: Parsed;
}

function applies(rule: Rule, report: Report): boolean {
  if (report.year !== undefined && report.year < 2019) return rule.always === true || rule.id === 'TPL-UNSUPPORTED-YEAR';
  if (rule.versions.includes('any')) return true;
  return report.template !== null && rule.versions.includes(report.template);
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const lang: Lang = options.lang ?? 'zh';
  const parsed = parseReport(text, options);
  const { report, index, structure } = parsed;
  const { config, error } = readConfig(options.config);
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

  for (const rule of RULES) {
    const severity = severityOf(rule);
    if (severity === 'off' || !applies(rule, report)) continue;
    rule.check({
      text, report, index, structure,
      emit: (e) => {
        if (!suppressed(ds, rule.id, index.lineAt(e.range.start))) findings.push(toFinding(rule, e, severity));
      },
    });
  }
  if (error) findings.push(toFinding(CONFIG_INVALID, { range: { start: 0, end: 0 }, args: { reason: error } }, 'warning'));
  findings.sort((a, b) => a.range.start - b.range.start || a.rule.localeCompare(b.rule));
  return { report, findings, parsed };
}

export type { Config };
