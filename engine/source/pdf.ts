// PDF reports: read in a later step (issue 15). Until then a PDF is reported as unreadable, never
// checked as text.
import type { SourceDoc } from './index.ts';
import { LineIndex } from '../text.ts';
import { emptyStructure } from './types.ts';

export async function readPdf(_bytes: Uint8Array): Promise<SourceDoc> {
  return { kind: 'pdf', text: '', index: new LineIndex(''), structure: emptyStructure(), failure: 'pdf-damaged' };
}
