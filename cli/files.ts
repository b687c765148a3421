// Report files: which names a directory walk takes as reports, and how a fixed text encodes back
// in the encoding it was read in (the engine decodes: engine/source/decode.ts). Which files a run
// checks: cli/inputs.ts; reading with bounds: host/read.ts; writing back: cli/write.ts.
import iconv from 'iconv-lite';
import type { Encoding } from '../engine/index.ts';

/** Markdown, plain text, HTML pages, Word documents, PDFs, and the old Word/WPS formats (they get a finding asking for .docx). */
export const REPORT_EXTENSIONS = /\.(md|markdown|txt|html?|shtml|xhtml|docx|doc|wps|pdf)$/i;

export type { Encoding };

/** Text → bytes in the given encoding (BOMs as they were). */
export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      le.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}
