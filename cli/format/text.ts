// Compiler-style text: `path:line:col: severity RULE message` (1-based), then a summary.
import type { FormatInput } from './common.ts';
import { describeLocation, tr } from './common.ts';

export function* formatText(input: FormatInput): Generator<string> {
  const { results, summary, lang } = input;
  const perRule = new Map<string, number>();
  let withErrors = 0;
  for (const r of results) {
    let lines = '';
    for (const f of r.findings) {
      perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      const msg = f.message.replace(/\r?\n/g, ' ');
      // A Word document or PDF has no lines of its own: the place is named after the message.
      lines += f.location
        ? `${r.path}: ${f.severity} ${f.rule} ${msg}${tr(lang, `（${describeLocation(f.location, lang)}）`, ` (${describeLocation(f.location, lang)})`)}\n`
        : `${r.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule} ${msg}\n`;
    }
    if (r.findings.some((f) => f.severity === 'error')) withErrors++;
    if (lines) yield lines;
  }
  let out = results.some((r) => r.findings.length) ? '\n' : '';
  out += tr(
    lang,
    `检查文件 ${summary.files} 个，其中 ${withErrors} 个报告有错误；错误 ${summary.errors} 个，警告 ${summary.warnings} 个，提示 ${summary.infos} 个；无法读取 ${summary.unreadable} 个\n`,
    `${summary.files} file(s) checked, ${withErrors} report(s) with errors; ${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} info(s); ${summary.unreadable} unreadable\n`,
  );
  if (input.fixedFiles) out += tr(lang, `已修复并写回 ${input.fixedFiles} 个文件（仅安全修复）\n`, `${input.fixedFiles} file(s) fixed in place (safe fixes only)\n`);
  const rules = [...perRule.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (rules.length) {
    const width = Math.max(...rules.map(([id]) => id.length));
    for (const [id, n] of rules) out += `  ${id.padEnd(width)}  ${n}\n`;
  }
  yield out;
}
