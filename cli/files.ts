// Files: which ones to check (paths, directories, globs), how to read them (encoding detection)
// and how to write them back in the same encoding, atomically.
import { closeSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync, existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import iconv from 'iconv-lite';
import { unparsableConfig } from '../engine/config.ts';

/** What a directory walk checks: drafts, saved pages, Word documents (and the old Word and WPS formats, which get a finding). */
export const REPORT_EXTENSIONS = /\.(md|markdown|txt|html?|shtml|xhtml|docx|doc|wps)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);
/** writeAtomic's temporary files: only left behind when the process was killed mid-write; never reports. */
const TEMP_FILE = /^\..+\.govreport-\d+-[a-z0-9]*\.tmp$/;

export interface Target {
  /** Display path: relative to the working directory when inside it, with `/` separators. */
  path: string;
  abs: string;
}

export interface Expansion {
  targets: Target[];
  /** Operands that matched nothing or could not be read (usage / I/O failure). */
  missing: string[];
}

const GLOB_CHARS = /[*?[{]/;

/** `{a,b}` alternatives expanded (nested braces too). */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      if (!commas.length) return expandBraces(pattern.slice(0, open) + '\u0000' + pattern.slice(open + 1)).map((p) => p.replace('\u0000', '{'));
      const parts: string[] = [];
      let at = open + 1;
      for (const k of commas) {
        parts.push(pattern.slice(at, k));
        at = k + 1;
      }
      parts.push(pattern.slice(at, i));
      const head = pattern.slice(0, open);
      const tail = pattern.slice(i + 1);
      return parts.flatMap((p) => expandBraces(head + p + tail));
    } else if (c === ',' && depth === 1) commas.push(i);
  }
  return [pattern];
}

/** Glob (after brace expansion) → RegExp over `/`-separated relative paths. `**` spans directories. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        const atSegmentStart = i === 0 || glob[i - 1] === '/';
        if (atSegmentStart && slashAfter) {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const p = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Walks a directory for report files; follows symlinks, never the same real directory twice. */
function walk(dir: string, seen: Set<string>, out: string[], all: boolean): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = lstatSync(p);
      if (st.isSymbolicLink()) st = statSync(p);
    } catch {
      continue; // dangling link
    }
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name)) walk(p, seen, out, all);
    } else if (st.isFile() && !TEMP_FILE.test(name) && (all || REPORT_EXTENSIONS.test(name))) out.push(p);
  }
}

/** Operands (files, directories, globs) → the files to check, sorted by display path, deduplicated by real path. */
export function expandOperands(operands: string[], cwd = process.cwd()): Expansion {
  const files: string[] = [];
  const missing: string[] = [];
  for (const op of operands) {
    const abs = resolve(cwd, op);
    if (existsSync(abs)) {
      const st = statSync(abs);
      if (st.isDirectory()) walk(abs, new Set(), files, false);
      else files.push(abs);
      continue;
    }
    if (!GLOB_CHARS.test(op)) {
      missing.push(op);
      continue;
    }
    let matched = 0;
    for (const pattern of expandBraces(op.split(sep).join('/'))) {
      const segments = pattern.split('/');
      const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
      const baseRel = segments.slice(0, firstGlob).join('/');
      const base = resolve(cwd, baseRel || '.');
      const rest = segments.slice(firstGlob).join('/');
      const re = globToRegExp(rest);
      if (!existsSync(base) || !statSync(base).isDirectory()) continue;
      const found: string[] = [];
      walk(base, new Set(), found, true);
      for (const f of found) {
        const rel = relative(base, f).split(sep).join('/');
        if (re.test(rel)) {
          files.push(f);
          matched++;
        }
      }
    }
    if (!matched) missing.push(op);
  }
  return finish();

  function finish(): Expansion {
    const byReal = new Map<string, Target>();
    for (const f of files) {
      let real = f;
      try {
        real = realpathSync(f);
      } catch {
        /* unreadable: keep the path, reading reports it */
      }
      const t = { path: displayPath(f, cwd), abs: f };
      const had = byReal.get(real);
      if (!had || t.path < had.path) byReal.set(real, t);
    }
    const targets = [...byReal.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { targets, missing };
  }
}

// ─── Decoding ───────────────────────────────────────────────────────────────────────────────

// Detection lives in the engine (engine/source/decode.ts); the CLI writes text back in the encoding it came in.
export { decode, type Decoded, type Encoding } from '../engine/source/decode.ts';
import type { Encoding } from '../engine/source/decode.ts';

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

/** Writes a file atomically: a temporary file in the same directory, fsync, rename over the old one. */
export function writeAtomic(file: string, data: Uint8Array): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.govreport-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const fd = openSync(tmp, 'wx', mode ?? 0o644);
  try {
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw e;
  }
  closeSync(fd);
  if (mode !== undefined) chmodSync(tmp, mode);
  try {
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
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

// ─── Configuration lookup ───────────────────────────────────────────────────────────────────

export const CONFIG_NAME = '.govreportrc.json';

/** A configuration file's contents: the parsed JSON, or (when it does not parse) the engine's marker for CONFIG-INVALID. */
export function readConfigFile(file: string): unknown {
  const raw = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  try {
    return JSON.parse(raw);
  } catch (e) {
    const detail = (e as Error).message;
    return unparsableConfig({ zh: `JSON 语法错误：${detail}`, en: `JSON syntax error: ${detail}` });
  }
}

/** Finds `.govreportrc.json` upward from a file's directory (cached per directory). */
export class ConfigFinder {
  private cache = new Map<string, string | null>();

  find(file: string): string | null {
    const chain: string[] = [];
    let dir = dirname(resolve(file));
    let found: string | null = null;
    for (;;) {
      const hit = this.cache.get(dir);
      if (hit !== undefined) {
        found = hit;
        break;
      }
      chain.push(dir);
      const candidate = join(dir, CONFIG_NAME);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    for (const d of chain) this.cache.set(d, found);
    return found;
  }
}
