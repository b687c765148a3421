// check(text, options) → { report, findings }: parse, run every applicable rule, apply the user's
// configuration and inline directives, render messages in the requested language.
import type { Finding, Fix, Lang, Severity } from './finding.ts';
import { cellRefOf } from './finding.ts';
import type { Report } from './model.ts';
import { parseReport, type ParseOptions, type Parsed } from './parse/report.ts';
import { render, type Emission, type Rule } from './rules/api.ts';
import { RULES } from './rules/index.ts';
import { readConfig, type Config } from './config.ts';
import { CAPPED_MESSAGE, CONFIG_INVALID, noticeFinding } from './notices.ts';

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
  findings: Finding[];
  parsed: Parsed;
}

interface Directive {
  line: number; // 0-based line the directive stands on
  kind: 'disable' | 'enable' | 'disable-next-line';
  rules: string[] | 'all';
}

const DIRECTIVE = /govreport-(disable-next-line|disable|enable)\b([^]*)/;

function directives(parsed: Parsed): Directive[] {
  const out: Directive[] = [];
  for (const c of parsed.structure.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    out.push({ line: parsed.index.lineAt(c.end), kind: m[1] as Directive['kind'], rules: ids.length ? ids : 'all' });
  }
  return out;
}

function suppressed(ds: Directive[], rule: string, line: number): boolean {
  let off = false;
  for (const d of ds) {
    const hits = d.rules === 'all' || d.rules.includes(rule);
    if (!hits) continue;
    if (d.kind === 'disable-next-line' && d.line + 1 === line) return true;
    if (d.line > line) continue;
    if (d.kind === 'disable') off = true;
    if (d.kind === 'enable') off = false;
  }
  return off;
}

function applies(rule: Rule, report: Report): boolean {
  if (report.year !== undefined && report.year < 2019) return rule.always === true;
  if (rule.versions.includes('any')) return true;
  return report.template !== null && rule.versions.includes(report.template);
}

export function check(text: string, options: CheckOptions = {}): CheckResult {
  const lang: Lang = options.lang ?? 'zh';
  const parsed = parseReport(text, options);
  const { report, index, structure } = parsed;
  const { config, error, unknown } = readConfig(options.config);
  const limit = Math.max(1, options.maxFindingsPerRule ?? MAX_FINDINGS_PER_RULE);
  const ds = directives(parsed);
  const findings: Finding[] = [];
  const severityOf = (rule: Rule): Severity | 'off' => config.rules[rule.id] ?? rule.severity;

  const toFinding = (rule: Rule, e: Emission, severity: Severity): Finding => {
    const template = rule.messages[e.message ?? 'default'] ?? rule.messages.default;
    let message = render(template, e.args, lang);
    if (e.suffix) message += render(rule.messages[e.suffix.message], e.suffix.args, lang);
    const fixes: Fix[] = (e.fixes ?? []).map((f) => ({
      title: render(rule.messages[f.title] ?? { zh: f.title, en: f.title }, f.args, lang),
      kind: f.kind,
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
    let listed = 0;
    let more = 0;
    let firstMore: Emission['range'] | undefined;
    rule.check({
      text, report, index, structure,
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
  return { report, findings, parsed };
}

export type { Config };
