// `govreport/detect`: whether an open document reads as an annual report (server/detect.ts, the
// test govreport.validate=auto uses), so the client can give a .txt report the GovReport language.
import { looksLikeReport } from '../detect.ts';
import type { RequestContext } from './context.ts';
import { DETECT_REQUEST, type DetectParams } from './protocol.ts';

export function registerDetect({ connection, documents }: RequestContext): void {
  connection.onRequest(DETECT_REQUEST, (params: DetectParams) => {
    const doc = documents.get(params.uri);
    return { report: doc ? looksLikeReport(doc.getText()) : false };
  });
}
