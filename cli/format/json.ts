// The JSON contract of design.md: one object {version, tool, summary, reports}. Written report by
// report so a large run never builds one giant string.
import type { FormatInput } from './common.ts';
import type { FileResult } from '../types.ts';

export function reportObject(r: FileResult) {
  return {
    path: r.path,
    agency: r.agency,
    year: r.year,
    template: r.template,
    tables: { T2: r.tables.T2, T3: r.tables.T3, T4: r.tables.T4 },
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      range: f.range,
      cell: f.cell,
      written: f.written,
      computed: f.computed,
      fix: f.fix,
      ...(f.related && f.related.length ? { related: f.related } : {}),
    })),
  };
}

/** One report: its fields one per line, each finding on a line of its own (greppable, compact). */
function reportText(r: FileResult): string {
  const o = reportObject(r);
  const pad = '      ';
  const findings = o.findings.length ? `[\n${o.findings.map((f) => `${pad}  ${JSON.stringify(f)}`).join(',\n')}\n${pad}]` : '[]';
  return `{\n${pad}"path": ${JSON.stringify(o.path)},\n${pad}"agency": ${JSON.stringify(o.agency)},\n${pad}"year": ${JSON.stringify(o.year)},\n` +
    `${pad}"template": ${JSON.stringify(o.template)},\n${pad}"tables": ${JSON.stringify(o.tables)},\n${pad}"findings": ${findings}\n    }`;
}

export function* formatJson(input: FormatInput): Generator<string> {
  const head = {
    version: 1,
    tool: { name: 'govreport', version: input.version },
    summary: input.summary,
  };
  const top = JSON.stringify(head, null, 2);
  yield `${top.slice(0, -2)},\n  "reports": [`;
  let first = true;
  let chunk = '';
  for (const r of input.results) {
    chunk += `${first ? '' : ','}\n    ${reportText(r)}`;
    first = false;
    // Small chunks: a string under ~64 KB dies young, a larger one lands in large-object space until a full GC.
    if (chunk.length > 1 << 15) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}${first ? '' : '\n  '}]\n}\n`;
}
