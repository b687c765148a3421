// Reading named entries of a ZIP archive (a .docx is one) within a budget: the central directory is
// read here, each entry is inflated by fflate's streaming inflater, and the bytes it yields are
// counted as they come, so a zip bomb stops at the budget whatever sizes its headers claim.
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipError extends Error {
  constructor(readonly kind: 'damaged' | 'too-large', message: string) {
    super(message);
  }
}

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/** The central directory's entries. Throws ZipError on a damaged archive or one of more than `maxEntries`. */
export function zipEntries(zip: Uint8Array, maxEntries: number): ZipEntry[] {
  // The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment may be long).
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (u32(zip, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('damaged', 'no end of central directory');
  const count = u16(zip, eocd + 10);
  const dirOffset = u32(zip, eocd + 16);
  if (count > maxEntries) throw new ZipError('too-large', `${count} entries`);
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || u32(zip, at) !== 0x02014b50) throw new ZipError('damaged', 'bad central directory entry');
    const nameLength = u16(zip, at + 28);
    const extra = u16(zip, at + 30);
    const comment = u16(zip, at + 32);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, method: u16(zip, at + 10), compressedSize: u32(zip, at + 20), size: u32(zip, at + 24), localOffset: u32(zip, at + 42) });
    at += 46 + nameLength + extra + comment;
    if (entries.length > maxEntries) throw new ZipError('too-large', `more than ${maxEntries} entries`);
  }
  return entries;
}

/** An entry's bytes, inflated. `budget.left` is what may still be produced; it is decreased. */
export function readEntry(zip: Uint8Array, entry: ZipEntry, budget: { left: number }): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > zip.length || u32(zip, at) !== 0x04034b50) throw new ZipError('damaged', `bad local header for ${entry.name}`);
  const start = at + 30 + u16(zip, at + 26) + u16(zip, at + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw new ZipError('damaged', `${entry.name} is truncated`);
  const data = zip.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > budget.left) throw new ZipError('too-large', `${entry.name} is too large`);
    budget.left -= data.length;
    return data;
  }
  if (entry.method !== 8) throw new ZipError('damaged', `${entry.name}: compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > budget.left) throw new ZipError('too-large', `${entry.name} expands past the limit`);
    chunks.push(chunk);
  });
  try {
    inflater.push(data, true);
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError('damaged', `${entry.name}: ${(e as Error).message}`);
  }
  budget.left -= total;
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
