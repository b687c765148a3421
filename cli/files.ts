// Report files: which names are reports, how their bytes decode (encoding detection) and how a
// fixed text encodes back in the same encoding. Which files a run checks: cli/inputs.ts; reading
// with bounds: host/read.ts; writing back: cli/write.ts.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export const REPORT_EXTENSIONS = /\.(md|markdown|txt)$/i;

// ─── Decoding ───────────────────────────────────────────────────────────────────────────────

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; reason: 'binary' | 'undecodable' };

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]/;

/** Share of characters outside printable text (C0 controls except TAB/LF/CR/FF, U+FFFD). */
function controlShare(text: string): number {
  if (!text.length) return 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / text.length;
}

/** Whether a GB18030 decoding looks like Chinese text: most non-ASCII characters are CJK. */
function plausibleChinese(text: string): boolean {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 128) continue;
    nonAscii++;
    if (CJK.test(ch)) cjk++;
  }
  return nonAscii === 0 || cjk / nonAscii >= 0.9;
}

const decoders = new Map<string, TextDecoder>();

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  // UTF-8, nearly every file: validated and decoded by Node's own routines, no ICU converter.
  if (label === 'utf-8') return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') : undefined;
  let decoder = decoders.get(label);
  if (!decoder) decoders.set(label, (decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Detects the encoding: BOMs first, then strict UTF-8, then GB18030 judged by its share of CJK. */
export function decode(buf: Uint8Array): Decoded {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    const text = tryDecode('utf-16le', buf.subarray(2));
    return text !== undefined && controlShare(text) < 0.01 ? { ok: true, text, encoding: 'utf16le' } : { ok: false, reason: 'undecodable' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    const text = tryDecode('utf-16be', buf.subarray(2));
    return text !== undefined && controlShare(text) < 0.01 ? { ok: true, text, encoding: 'utf16be' } : { ok: false, reason: 'undecodable' };
  }
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = tryDecode('utf-8', buf.subarray(3));
    return text !== undefined && !text.includes('\u0000') ? { ok: true, text, encoding: 'utf8bom' } : { ok: false, reason: text === undefined ? 'undecodable' : 'binary' };
  }
  if (buf.includes(0)) return { ok: false, reason: 'binary' };
  const utf8 = tryDecode('utf-8', buf);
  if (utf8 !== undefined) return controlShare(utf8) < 0.01 ? { ok: true, text: utf8, encoding: 'utf8' } : { ok: false, reason: 'binary' };
  const gb = tryDecode('gb18030', buf);
  if (gb !== undefined && controlShare(gb) < 0.01 && plausibleChinese(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, reason: 'undecodable' };
}

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
