// Engine findings → LSP diagnostics. Offsets become positions through the engine's own LineIndex
// of the very text that was checked (UTF-16, as LSP counts), in this one place.
import { pathToFileURL } from 'node:url';
import { dirname, resolve } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { rulePagePath, type Finding, type Lang, type LineIndex, type Severity, type Span } from '../engine/index.ts';
import { SOURCE } from './protocol.ts';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toRange(index: LineIndex, span: Span): Range {
  return { start: index.positionAt(span.start), end: index.positionAt(span.end) };
}

/**
 * Where rule pages are: docs/rules/ of the installed extension, found from the server bundle's own
 * path (process.argv[1] is out/server.cjs whether spawned with --stdio or forked over IPC).
 */
export function defaultDocsBase(): string {
  const script = process.argv[1] ? resolve(process.argv[1]) : resolve('out/server.cjs');
  return pathToFileURL(resolve(dirname(script), '..', 'docs', 'rules')).href + '/';
}

/**
 * `lang` picks the rule page in the language of the message (docs/rules/<ID>.md or en/<ID>.md).
 * `related: false` leaves the related cells out (the hover shows them; see relatedInHover).
 */
export function toDiagnostic(f: Finding, index: LineIndex, uri: string, docsBase: string, lang: Lang = 'zh', related = true): Diagnostic {
  const d: Diagnostic = {
    range: toRange(index, f.range),
    severity: SEVERITY[f.severity],
    code: f.rule,
    codeDescription: { href: `${docsBase}${rulePagePath(f.rule, lang)}` },
    source: SOURCE,
    message: f.message,
  };
  if (related && f.related.length) {
    d.relatedInformation = f.related.map((r) => ({
      location: { uri, range: toRange(index, r.range) },
      message: r.value === null ? r.label : `${r.label} = ${r.value}`,
    }));
  }
  return d;
}

/** The one diagnostic a too-large document gets instead of a check. */
export function tooLargeDiagnostic(length: number, limit: number, lang: 'zh' | 'en'): Diagnostic {
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'DOC-TOO-LARGE',
    source: SOURCE,
    message: lang === 'zh'
      ? `文档过大（${mb(length)} MB，上限 ${mb(limit)} MB），GovReport 未检查`
      : `The document is too large to check (${mb(length)} MB; the limit is ${mb(limit)} MB)`,
  };
}
