// `govreport/checkFiles`: the workspace check. The client finds the files (workspace.findFiles) and
// sends them in batches; each is checked — an open document as the editor holds it, any other file
// from disk (Markdown, text, HTML, Word, PDF: the engine's byte entry) — and its diagnostics are
// published, so the Problems panel lists every report of the workspace. Files that are no report
// get none, as under govreport.validate=auto in the editor.
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { checkAsync } from '../../engine/index.ts';
import { DEFAULT_MAX_BYTES, readBounded } from '../../host/read.ts';
import { looksLikeReport, readsAsReport } from '../detect.ts';
import { toDiagnostic } from '../diagnostics.ts';
import { configFor, resolveLang } from '../settings.ts';
import type { RequestContext } from './context.ts';
import { CHECK_FILES_REQUEST, type CheckFilesParams, type CheckFilesResult } from './protocol.ts';

export function registerCheckFiles({ connection, documents, checker, env }: RequestContext): void {
  connection.onRequest(CHECK_FILES_REQUEST, async (params: CheckFilesParams): Promise<CheckFilesResult> => {
    const out: CheckFilesResult = { files: 0, reports: 0, problems: 0 };
    const lang = resolveLang(env.settings, env.locale);
    for (const uri of params.uris) {
      out.files++;
      const open = documents.get(uri);
      if (open) {
        const r = checker.ensure(open);
        if (!r.skipped) {
          out.reports++;
          out.problems += r.findings.length;
        }
        continue;
      }
      if (env.settings.validate === 'never') continue;
      let path: string;
      try {
        path = fileURLToPath(uri);
      } catch {
        continue;
      }
      const read = readBounded(path, DEFAULT_MAX_BYTES);
      if (!read.ok) continue;
      const rc = env.rc.find(path, env.folders?.stops);
      const result = await checkAsync(new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length), { fileName: path, lang, config: configFor(env.settings, rc) });
      const { source } = result.parsed;
      const textual = source.kind === 'markdown' || source.kind === 'text';
      const isReport = !source.failure && (textual ? env.settings.validate === 'always' || looksLikeReport(source.text) : readsAsReport(result.report));
      // A Word file or PDF that cannot be read is worth saying so; a text file that is no report is not.
      const diagnostics: Diagnostic[] = isReport || (source.failure && !textual)
        ? result.findings.map((f) => toDiagnostic(f, result.positions, uri, env.docsBase, lang))
        : [];
      if (isReport) out.reports++;
      out.problems += diagnostics.length;
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    return out;
  });
}
