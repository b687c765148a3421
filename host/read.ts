// Reading an input file (a report, a configuration) with bounds: what is not a regular file (a FIFO, a device, a socket) is
// refused before it is opened, so the run never blocks on a pipe or reads /dev/zero forever; a
// file over the size limit is refused unread. The file is opened non-blocking (a regular file
// reads as usual; a file swapped for a FIFO between the check and the open cannot block) and
// checked again on its descriptor.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Default size limit of one input, in bytes (`--max-file-size`, GOVREPORT_MAX_FILE_MB). */
export const DEFAULT_MAX_BYTES = 64 * 2 ** 20;

/** What the file was when it was read: compared again before --fix writes it back. */
export interface ReadStamp {
  size: number;
  mtimeMs: number;
  ino: number;
  dev: number;
}

export type ReadOutcome =
  | { ok: true; bytes: Buffer; stamp: ReadStamp }
  | { ok: false; reason: 'special'; kind: string }
  | { ok: false; reason: 'tooLarge'; size: number }
  | { ok: false; reason: 'io'; code: string };

export function kindOf(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isFIFO()) return 'FIFO';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isSocket()) return 'socket';
  if (st.isDirectory()) return 'directory';
  return 'special file';
}

export function stampOf(st: Stats): ReadStamp {
  return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, dev: st.dev };
}

const ioCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Reads a whole regular file of at most `maxBytes` bytes. Never blocks on a special file. */
export function readBounded(file: string, maxBytes: number): ReadOutcome {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    return { ok: false, reason: 'io', code: ioCode(e) };
  }
  const kind = kindOf(st);
  if (kind) return { ok: false, reason: 'special', kind };
  if (st.size > maxBytes) return { ok: false, reason: 'tooLarge', size: st.size };
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, reason: 'io', code: ioCode(e) };
  }
  try {
    const fst = fstatSync(fd);
    const again = kindOf(fst);
    if (again) return { ok: false, reason: 'special', kind: again };
    if (fst.size > maxBytes) return { ok: false, reason: 'tooLarge', size: fst.size };
    // One byte more than allowed: a file that grew past the limit since fstat is seen to.
    let buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(fst.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        if (length > maxBytes) return { ok: false, reason: 'tooLarge', size: length };
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, length);
        buf = bigger;
      }
      const n = readSync(fd, buf, length, buf.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { ok: false, reason: 'tooLarge', size: length };
    return { ok: true, bytes: buf.subarray(0, length), stamp: stampOf(fst) };
  } catch (e) {
    return { ok: false, reason: 'io', code: ioCode(e) };
  } finally {
    closeSync(fd);
  }
}

/** Bytes as people read sizes: 64 MiB, 1.5 KiB. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? v : Math.round(v * 10) / 10} ${units[u]}`;
}

/** `64M`, `512k`, `1G`, `1000` (bytes) → bytes, or undefined. */
export function parseSize(s: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?$/i.exec(s.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b')[0].toLowerCase();
  const mult = unit === 'k' ? 2 ** 10 : unit === 'm' ? 2 ** 20 : unit === 'g' ? 2 ** 30 : 1;
  const v = Math.floor(Number(m[1]) * mult);
  return v > 0 ? v : undefined;
}
