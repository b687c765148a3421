// Bytes → text: BOMs first, then (for HTML) the charset the page declares, then strict UTF-8, then
// GB18030 (GB2312 and GBK are its subsets; government sites and Windows drafts use them) judged by
// its share of CJK characters. Pure: WHATWG TextDecoder only.

export type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be' | 'gb18030';

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; reason: 'binary' | 'undecodable' };

/** CJK ideographs and punctuation, full-width forms, and the punctuation Chinese text uses (— ‘ ’ “ ” … ·). */
function isCjk(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) || c === 0x2014 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2026 || c === 0x00b7;
}

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
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) continue;
    nonAscii++;
    // A surrogate pair is one character, and none of these.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    else if (isCjk(c)) cjk++;
  }
  return nonAscii === 0 || cjk / nonAscii >= 0.9;
}

const decoders = new Map<string, TextDecoder>();

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  let decoder = decoders.get(label);
  if (!decoder) decoders.set(label, (decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true })));
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The charset an HTML page declares in its first 1,024 bytes (`<meta charset=…>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">`), mapped to one of ours, or undefined.
 * A simplified form of the HTML standard's prescan: enough for the pages agencies publish.
 */
export function declaredCharset(bytes: Uint8Array): 'utf-8' | 'gb18030' | undefined {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (!m) return undefined;
  const label = m[1].toLowerCase();
  if (label === 'utf-8' || label === 'utf8') return 'utf-8';
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|gb_2312-80|chinese|csgb2312|iso-ir-58|euc-cn)$/.test(label)) return 'gb18030';
  return undefined;
}

/**
 * Detects the encoding: BOMs first; then a charset from the caller (an HTTP header, an HTML page's
 * own declaration) when the bytes decode under it; then strict UTF-8; then GB18030.
 */
export function decode(buf: Uint8Array, declared?: 'utf-8' | 'gb18030'): Decoded {
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
  // A declared GB charset is tried first: GB18030 bytes are rarely valid UTF-8, but short ASCII-heavy
  // pages can be both. A declaration that the bytes contradict is ignored (sites mislabel pages).
  if (declared === 'gb18030') {
    const gb = tryDecode('gb18030', buf);
    if (gb !== undefined && controlShare(gb) < 0.01 && plausibleChinese(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  }
  const utf8 = tryDecode('utf-8', buf);
  if (utf8 !== undefined) return controlShare(utf8) < 0.01 ? { ok: true, text: utf8, encoding: 'utf8' } : { ok: false, reason: 'binary' };
  const gb = tryDecode('gb18030', buf);
  if (gb !== undefined && controlShare(gb) < 0.01 && plausibleChinese(gb)) return { ok: true, text: gb, encoding: 'gb18030' };
  return { ok: false, reason: 'undecodable' };
}
