// `govreport/detect`: whether an open document reads as an annual report — for a text document the
// test govreport.validate=auto uses (server/detect.ts), so the client can give a .txt report the
// GovReport language; for an HTML page what the check found (engine readsAsReport).
import { looksLikeReport, readsAsReport } from '../detect.ts';
import type { RequestContext } from './context.ts';
import { DETECT_REQUEST, type DetectParams } from './protocol.ts';

export function registerDetect({ connection, documents, checker }: RequestContext): void {
  connection.onRequest(DETECT_REQUEST, async (params: DetectParams) => {
    const doc = documents.get(params.uri);
    if (!doc) return { report: false };
    if (doc.languageId !== 'html') return { report: looksLikeReport(doc.getText()) };
    const r = await checker.current(doc);
    return { report: r !== null && r.skipped === undefined && r.result !== null && readsAsReport(r.result.report) };
  });
}
