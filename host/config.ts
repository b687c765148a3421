// Configuration discovery, shared by the CLI and the language server: which `.govreportrc.json`
// applies to a report. The nearest one above the report wins (files are never merged). The search
// stops at a boundary: a repository root (a directory holding `.git`), a directory the host names
// (the folder given on the command line, an editor's workspace folder), or a file with
// `"root": true` (which, since the nearest file wins, is where any search that reaches it ends). A
// file in a shared parent (a temporary directory, a home directory, a mounted share) is thus never
// picked up from inside a repository or a named folder. Parsing and validation are the engine's
// (engine/config.ts); this module only needs the file system.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_NAME, parseConfigText, unparsableConfig } from '../engine/config.ts';
import { formatBytes, readBounded } from './read.ts';

export { CONFIG_NAME };

/** A configuration file: its parsed value, or why it cannot be used. */
export type RcFile =
  | { path: string; ok: true; value: unknown }
  | { path: string; ok: false; error: string; kind?: 'syntax' | 'read' };

/** No real configuration is this large; a larger file is refused unread. */
const MAX_CONFIG_BYTES = 1 << 20;

/** Reads and parses one configuration file (bounded; a FIFO or device is refused, never opened). */
export function readRcFile(path: string): RcFile {
  const read = readBounded(path, MAX_CONFIG_BYTES);
  if (!read.ok) {
    const error = read.reason === 'special' ? `not a regular file (${read.kind})`
      : read.reason === 'tooLarge' ? `larger than ${formatBytes(MAX_CONFIG_BYTES)}` : read.code;
    return { path, ok: false, error, kind: 'read' };
  }
  const parsed = parseConfigText(read.bytes.toString('utf8'));
  return parsed.ok ? { path, ok: true, value: parsed.value } : { path, ok: false, error: parsed.error, kind: 'syntax' };
}

/** What check() takes as `config` for a file: its value, or the engine's marker for CONFIG-INVALID. */
export function configValue(rc: RcFile | null): unknown {
  if (!rc) return undefined;
  if (rc.ok) return rc.value;
  if (rc.kind === 'read') return unparsableConfig({ zh: `无法读取：${rc.error}；${rc.path}`, en: `cannot be read: ${rc.error}; ${rc.path}` });
  return unparsableConfig({ zh: `JSON 语法错误：${rc.error}；${rc.path}`, en: `JSON syntax error: ${rc.error}; ${rc.path}` });
}

/** A repository root: `.git` is a directory, or a file in a worktree or submodule. */
export function isRepositoryRoot(dir: string): boolean {
  return existsSync(join(dir, '.git'));
}

interface Cached {
  mtimeMs: number;
  size: number;
  file: RcFile;
}

export interface Discovery {
  /** The file that applies, or null. */
  file: RcFile | null;
  /** The directories looked in, nearest first. */
  searched: string[];
  /** Why the search ended: a file was found, a boundary, or the file-system root. */
  stop: 'found' | 'repository' | 'folder' | 'filesystem';
}

/**
 * Finds the configuration for a file. Each file is re-read when its size or mtime changes (an
 * editor sees an edited file at once, even from clients that send no file-watch events). With
 * `stable` (a CLI run, where nothing is expected to change) a directory's answer is remembered.
 */
export class ConfigFiles {
  private files = new Map<string, Cached>();
  private dirs = new Map<string, Discovery>();

  constructor(private readonly options: { stable?: boolean } = {}) {}

  /** The nearest configuration above `filePath`, searching no higher than the first boundary. */
  find(filePath: string, stops: Iterable<string> = []): RcFile | null {
    return this.discover(filePath, stops).file;
  }

  discover(filePath: string, stops: Iterable<string> = []): Discovery {
    const stopAt = new Set([...stops].map((s) => resolve(s)));
    const key = (dir: string) => `${dir}\u0000${[...stopAt].sort().join('\u0000')}`;
    let dir = dirname(resolve(filePath));
    const searched: string[] = [];
    let result: Discovery | undefined;
    for (;;) {
      if (this.options.stable) {
        const known = this.dirs.get(key(dir));
        if (known) {
          result = { ...known, searched: [...searched, ...known.searched] };
          break;
        }
      }
      searched.push(dir);
      const file = this.read(join(dir, CONFIG_NAME));
      if (file) {
        result = { file, searched, stop: 'found' };
        break;
      }
      if (isRepositoryRoot(dir)) {
        result = { file: null, searched, stop: 'repository' };
        break;
      }
      if (stopAt.has(dir)) {
        result = { file: null, searched, stop: 'folder' };
        break;
      }
      const up = dirname(dir);
      if (up === dir) {
        result = { file: null, searched, stop: 'filesystem' };
        break;
      }
      dir = up;
    }
    if (this.options.stable) {
      // Every directory on the way has the same answer from there on.
      for (let i = 0; i < searched.length; i++) {
        if (!this.dirs.has(key(searched[i]))) this.dirs.set(key(searched[i]), { ...result, searched: searched.slice(i) });
      }
    }
    return result;
  }

  private read(path: string): RcFile | null {
    let st;
    try {
      st = statSync(path, { throwIfNoEntry: false });
    } catch {
      return null;
    }
    // A directory of that name is no configuration; a FIFO or device is reported, never opened.
    if (!st || st.isDirectory()) {
      this.files.delete(path);
      return null;
    }
    const hit = this.files.get(path);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.file;
    const file = readRcFile(path);
    this.files.set(path, { mtimeMs: st.mtimeMs, size: st.size, file });
    return file;
  }

  clear(): void {
    this.files.clear();
    this.dirs.clear();
  }
}
