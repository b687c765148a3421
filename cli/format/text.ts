// Compiler-style text: `path:line:col: severity RULE message` (1-based), then a summary. Report
// content and file names are escaped: a control character (a terminal escape sequence, a line
// break that would forge a line for another file) or a bidirectional override is printed as
// \xNN / \u{NNNN}, never sent to the reviewer's terminal as it is.
import type { FormatInput } from './common.ts';
import { describeLocation, tr } from './common.ts';

// C0 and C1 controls, DEL, the line and paragraph separators, and the bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** A string safe to print on one terminal line. */
export function escapeForTerminal(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}

/** Colour: --color / --no-color, else NO_COLOR (any value) off, FORCE_COLOR on, else when the stream is a terminal. */
export function useColor(mode: 'auto' | 'always' | 'never', stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

const SGR = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' } as const;

export function* formatText(input: FormatInput): Generator<string> {
  const { results, summary, lang } = input;
  const paint = (style: keyof typeof SGR, s: string) => (input.color ? `${SGR[style]}${s}${SGR.reset}` : s);
  const perRule = new Map<string, number>();
  let withErrors = 0;
  for (const r of results) {
    let lines = '';
    const path = escapeForTerminal(r.path);
    for (const f of r.findings) {
      perRule.set(f.rule, (perRule.get(f.rule) ?? 0) + 1);
      // A Word document or PDF has no lines of its own: the place is named after the message.
      const where = paint('dim', f.location ? `${path}:` : `${path}:${f.range.start.line + 1}:${f.range.start.character + 1}:`);
      const place = f.location ? tr(lang, `（${describeLocation(f.location, lang)}）`, ` (${describeLocation(f.location, lang)})`) : '';
      lines += `${where} ${paint(f.severity, f.severity)} ${escapeForTerminal(f.rule)} ${escapeForTerminal(f.message)}${escapeForTerminal(place)}\n`;
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
  if (summary.fetchFailed !== undefined) out += tr(lang, `网址无法获取 ${summary.fetchFailed} 个\n`, `${summary.fetchFailed} URL(s) could not be fetched\n`);
  if (input.fixedFiles) out += tr(lang, `已修复并写回 ${input.fixedFiles} 个文件（仅安全修复）\n`, `${input.fixedFiles} file(s) fixed in place (safe fixes only)\n`);
  for (const c of input.configsAbove ?? []) {
    out += tr(lang, `使用了当前目录之外的配置文件：${escapeForTerminal(c)}\n`, `configuration used from outside the current directory: ${escapeForTerminal(c)}\n`);
  }
  const rules = [...perRule.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (rules.length) {
    const width = Math.max(...rules.map(([id]) => id.length));
    for (const [id, n] of rules) out += `  ${escapeForTerminal(id).padEnd(width)}  ${n}\n`;
  }
  yield out;
}
