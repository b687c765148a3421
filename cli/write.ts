// Writing a fixed report back (--fix) without damage: through a symlink to its target, keeping
// hard links, owner and mode, never over a read-only file, and never over a file someone else
// changed since it was read. The usual way is atomic: a temporary file in the target's directory,
// fsync, rename over the old one, so a kill at any moment leaves the old bytes or the new ones.
// A rename makes a new inode, though: a file with other hard links, or owned by someone this
// process cannot give a file to, is rewritten in place instead (its inode, links, owner, mode and
// ACLs stay; a kill in the middle can leave it partly written, the price of keeping the links).
import { createHash } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ReadStamp } from '../host/read.ts';

export type WriteOutcome =
  | { written: true; how: 'atomic' | 'in-place'; target: string }
  | { written: false; reason: 'readonly' | 'changed' };

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/**
 * Writes a file atomically: a temporary file in the same directory, fsync, rename over the old one.
 * `owner` (uid, gid) is given to the temporary file before the rename; `before` runs just before
 * the rename (the last moment to refuse: it may throw).
 */
export function writeAtomic(file: string, data: Uint8Array, options: { mode?: number; owner?: { uid: number; gid: number }; before?: () => void } = {}): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.govreport-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let mode = options.mode;
  if (mode === undefined) {
    try {
      mode = statSync(file).mode & 0o7777;
    } catch {
      mode = undefined;
    }
  }
  const fd = openSync(tmp, 'wx', mode ?? 0o644);
  const drop = () => {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  };
  try {
    writeAll(fd, data);
    if (options.owner) fchownSync(fd, options.owner.uid, options.owner.gid);
    // after the owner: chown clears set-uid/set-gid bits
    if (mode !== undefined) fchmodSync(fd, mode);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    drop();
    throw e;
  }
  closeSync(fd);
  try {
    options.before?.();
    renameSync(tmp, file);
  } catch (e) {
    drop();
    throw e;
  }
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* some file systems cannot fsync a directory */
  }
}

class Changed extends Error {}

/**
 * Writes `data` over `file` (a path as given; a symlink is followed to its target) if the file is
 * still what was read (`stamp`, `originalHash`). Throws on an I/O failure.
 */
export function writeFixed(file: string, data: Uint8Array, stamp: ReadStamp, originalHash: string): WriteOutcome {
  const target = realpathSync(file);
  const st = statSync(target);
  // Read-only for its owner, group and others: someone meant it not to change (root could write it anyway).
  if ((st.mode & 0o222) === 0) return { written: false, reason: 'readonly' };
  const unchanged = (now = statSync(target)) =>
    now.size === stamp.size && now.mtimeMs === stamp.mtimeMs && now.ino === stamp.ino && now.dev === stamp.dev
    && sha256(readFileSync(target)) === originalHash;
  if (!unchanged(st)) return { written: false, reason: 'changed' };

  const uid = process.getuid?.() ?? st.uid;
  const root = uid === 0;
  const sameOwner = st.uid === uid && (st.gid === (process.getegid?.() ?? st.gid));
  if (st.nlink <= 1 && (root || sameOwner)) {
    try {
      writeAtomic(target, data, {
        mode: st.mode & 0o7777,
        owner: sameOwner ? undefined : { uid: st.uid, gid: st.gid },
        before: () => {
          if (!unchanged()) throw new Changed();
        },
      });
    } catch (e) {
      if (e instanceof Changed) return { written: false, reason: 'changed' };
      throw e;
    }
    return { written: true, how: 'atomic', target };
  }
  // In place: the same inode, so its links, owner and mode stay as they are.
  const fd = openSync(target, 'r+');
  try {
    const now = fstatSync(fd);
    if (now.ino !== st.ino || !unchanged(now)) return { written: false, reason: 'changed' };
    writeAll(fd, data);
    ftruncateSync(fd, data.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { written: true, how: 'in-place', target };
}
