// `govreport/importDraft`: a report file's bytes (Word, HTML page, PDF, text) → the Markdown draft
// the engine writes of it (engine/render/draft.ts). The client writes the file; the server never
// touches the file system for this.
import { checkAsync, FILE_UNREADABLE, toMarkdownDraft } from '../../engine/index.ts';
import { resolveLang } from '../settings.ts';
import type { RequestContext } from './context.ts';
import { IMPORT_DRAFT_REQUEST, type ImportDraftParams, type ImportDraftResult } from './protocol.ts';

/** Bytes past this are not read (an import is of one report, not of an archive). */
const IMPORT_LIMIT = 100 * 2 ** 20;

export async function importDraft(params: ImportDraftParams, lang: 'zh' | 'en'): Promise<ImportDraftResult> {
  const bytes = Buffer.from(params.data, 'base64');
  if (bytes.length > IMPORT_LIMIT) {
    return { ok: false, message: lang === 'zh' ? `文件过大（${(bytes.length / 2 ** 20).toFixed(1)} MB），不导入` : `The file is too large to import (${(bytes.length / 2 ** 20).toFixed(1)} MB)` };
  }
  // The check (not only the parse) gives the FILE-UNREADABLE message of a file that cannot be read.
  const result = await checkAsync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), { fileName: params.fileName, lang });
  if (result.parsed.source.failure) {
    const why = result.findings.find((f) => f.rule === FILE_UNREADABLE.id)?.message ?? result.parsed.source.failure;
    return { ok: false, message: why };
  }
  const t = result.report.tables;
  return { ok: true, markdown: toMarkdownDraft(result.parsed), tables: { T2: t.T2.status, T3: t.T3.status, T4: t.T4.status } };
}

export function registerImportDraft({ connection, env }: RequestContext): void {
  connection.onRequest(IMPORT_DRAFT_REQUEST, (params: ImportDraftParams) => importDraft(params, resolveLang(env.settings, env.locale)));
}
