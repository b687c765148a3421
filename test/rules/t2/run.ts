// Findings of one T2-* rule. Through check() once the rule is in the registry (RULES); until then
// the rule object itself runs on the parsed report the way check() would run it (same applies
// test, same message rendering), so the tests do not change when it is registered.
import { check, parseReport, RULES, type CheckOptions } from '../../../engine/index.ts';
import type { Finding, Fix } from '../../../engine/finding.ts';
import { cellRefOf } from '../../../engine/finding.ts';
import { render, type Emission } from '../../../engine/rules/api.ts';
import { T2_RULES } from '../../../engine/rules/t2/index.ts';

export const registered = (id: string) => RULES.some((r) => r.id === id);

export function t2Findings(text: string, id: string, opts: CheckOptions = {}): Finding[] {
  const options = { fileName: 'report.txt', ...opts };
  if (registered(id)) return check(text, options).findings.filter((f) => f.rule === id);
  const rule = T2_RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const lang = opts.lang ?? 'zh';
  const { report, index, structure, prose } = parseReport(text, options);
  // engine/check.ts `applies`
  if (report.year !== undefined && report.year < 2019) return [];
  if (!rule.versions.includes('any') && (report.template === null || !rule.versions.includes(report.template))) return [];
  const out: Emission[] = [];
  rule.check({ text, report, index, structure, prose, emit: (e) => out.push(e) });
  return out
    .map((e): Finding => {
      let message = render(rule.messages[e.message ?? 'default'], e.args, lang);
      if (e.suffix) message += render(rule.messages[e.suffix.message], e.suffix.args, lang);
      const fixes: Fix[] = (e.fixes ?? []).map((f) => ({ title: render(rule.messages[f.title], f.args, lang), kind: rule.fixes?.[f.title] ?? 'unsafe', edits: f.edits }));
      return {
        rule: rule.id, severity: rule.severity, message, range: e.range, cell: e.cell ? cellRefOf(e.cell.id) : null,
        written: e.written ?? null, computed: e.computed ?? null,
        related: (e.related ?? []).map((r) => ({ cell: r.cell ? cellRefOf(r.cell.id) : null, range: r.range, value: r.value ?? null, label: r.label[lang] })),
        fix: fixes[0] ?? null, fixes,
      };
    })
    .sort((a, b) => a.range.start - b.range.start);
}
