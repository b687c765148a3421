// JUnit XML: one test case per report, failing when the report has errors; warnings and infos go
// to the case's system-out.
import type { FormatInput } from './common.ts';
import { tr } from './common.ts';

// XML 1.0 cannot carry most C0 controls even escaped: drop them.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export function xml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function* formatJunit(input: FormatInput): Generator<string> {
  const { results, lang } = input;
  const failures = results.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="govreport" tests="${results.length}" failures="${failures}" errors="0">\n` +
    `  <testsuite name="govreport" tests="${results.length}" failures="${failures}" errors="0" skipped="0">\n`;
  for (const r of results) {
    const line = (f: (typeof r.findings)[number]) => `${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule} ${f.message}`;
    const errors = r.findings.filter((f) => f.severity === 'error');
    const others = r.findings.filter((f) => f.severity !== 'error');
    let s = `    <testcase classname="govreport" name="${xml(r.path)}" file="${xml(r.path)}">\n`;
    if (errors.length) {
      const msg = tr(lang, `${errors.length} 个错误`, `${errors.length} error(s)`);
      s += `      <failure message="${xml(msg)}" type="error">${xml(errors.map(line).join('\n'))}</failure>\n`;
    }
    if (others.length) s += `      <system-out>${xml(others.map(line).join('\n'))}</system-out>\n`;
    s += '    </testcase>\n';
    yield s;
  }
  yield '  </testsuite>\n</testsuites>\n';
}
