// Which files a run checks: operands (files, directories, globs, `!negations`) → files, sorted by
// display path, each file once (by real path). Patterns are picomatch's (the matcher under
// fast-glob, tinyglobby and micromatch: `*`, `**`, `?`, `[…]`, `{a,b}`, extglobs; names starting
// with a dot match only a pattern that spells the dot). `.govreportignore` in the working
// directory holds gitignore-syntax lines (the `ignore` package, as eslint and prettier use it).
// The directory walk is ours rather than a crawler's: it must report a directory it cannot read
// (crawlers drop those silently), follow symlinks without looping, and skip dot-entries,
// node_modules and the temporary files a killed --fix may leave.
import { existsSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { readBounded } from '../host/read.ts';
import { REPORT_EXTENSIONS } from './files.ts';

const SKIP_DIRS = new Set(['node_modules']);
/** writeAtomic's temporary files: only left behind when the process was killed mid-write; never reports. */
const TEMP_FILE = /^\..+\.govreport-\d+-[a-z0-9]*\.tmp$/;
export const IGNORE_FILE = '.govreportignore';

export interface Target {
  /** Display path: relative to the working directory when inside it, with `/` separators. */
  path: string;
  abs: string;
  /**
   * The folder the operand named (a directory operand, a glob's base, a file's own directory): a
   * configuration found above it is "outside" the checked tree.
   */
  root: string;
  /** Whether configuration discovery stops at `root` (a folder named; not a file's own directory). */
  stopAtRoot: boolean;
}

export interface Expansion {
  targets: Target[];
  /** Operands that matched nothing or could not be read (usage / I/O failure). */
  missing: string[];
  /** Directories the walk could not list: each is reported, never skipped in silence. */
  unreadableDirs: { path: string; abs: string; code: string }[];
  /** The ignore file that applied, if any. */
  ignoreFile: string | null;
}

export interface ExpandOptions {
  /** An ignore file to use instead of `.govreportignore` in the working directory; null for none. */
  ignorePath?: string | null;
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const p = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
  return sep === '/' ? p : p.split(sep).join('/');
}

const posix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

interface Walk {
  seen: Set<string>;
  out: string[];
  /** The real path of each file listed that is no symbolic link: its directory's real path and its name. */
  reals?: Map<string, string>;
  /** Directories that could not be listed. */
  failed: { abs: string; code: string }[];
  /** Any file, or only report extensions. */
  all: boolean;
  /** Enter and list names starting with a dot. */
  dot: boolean;
  skip: (abs: string, isDir: boolean) => boolean;
}

/** Walks a directory for files; follows symlinks, never the same real directory twice. */
function walk(dir: string, w: Walk): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    w.failed.push({ abs: dir, code: (e as NodeJS.ErrnoException).code ?? String(e) });
    return;
  }
  if (w.seen.has(real)) return;
  w.seen.add(real);
  let entries: Dirent[];
  try {
    // With their types: no lstat per name (only a link is followed, with stat).
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    w.failed.push({ abs: dir, code: (e as NodeJS.ErrnoException).code ?? String(e) });
    return;
  }
  for (const entry of entries) {
    const name = entry.name;
    if (!w.dot && name.startsWith('.')) continue;
    const p = join(dir, name);
    let st: Stats | Dirent = entry;
    if (entry.isSymbolicLink()) {
      try {
        st = statSync(p);
      } catch {
        continue; // dangling link
      }
    } else if (w.reals && !entry.isDirectory()) w.reals.set(p, join(real, name));
    if (st.isDirectory()) {
      if (!SKIP_DIRS.has(name) && name !== '.git' && !w.skip(p, true)) walk(p, w);
    } else if (!TEMP_FILE.test(name) && (w.all || REPORT_EXTENSIONS.test(name)) && !w.skip(p, false)) {
      // FIFOs, devices and sockets are listed too: reading refuses them with a finding, never blocks.
      w.out.push(p);
    }
  }
}

function loadIgnore(cwd: string, options: ExpandOptions): { ig: Ignore | null; file: string | null } {
  const file = options.ignorePath === null ? null : resolve(cwd, options.ignorePath ?? IGNORE_FILE);
  if (!file || !existsSync(file)) return { ig: null, file: null };
  const read = readBounded(file, 1 << 20);
  if (!read.ok) return { ig: null, file: null };
  return { ig: ignore().add(read.bytes.toString('utf8')), file };
}

/** Operands (files, directories, globs, `!globs`) → the files to check. */
export function expandOperands(operands: string[], cwd = process.cwd(), options: ExpandOptions = {}): Expansion {
  const found: { abs: string; root: string; explicit: boolean }[] = [];
  // explicit: a file named itself, whose directory is no boundary of the configuration search
  const missing: string[] = [];
  const failed: { abs: string; code: string }[] = [];
  const { ig, file: ignoreFile } = loadIgnore(cwd, options);
  const ignored = (abs: string, isDir: boolean): boolean => {
    if (!ig) return false;
    const rel = relative(cwd, abs);
    if (!rel || rel.startsWith('..') || isAbsolute(rel)) return false; // the ignore file speaks of its own tree
    return ig.ignores(posix(rel) + (isDir ? '/' : ''));
  };
  const negations = operands.filter((o) => o.startsWith('!') && o.length > 1).map((o) => picomatch(posix(o.slice(1)), { dot: true }));
  const excluded = (abs: string) => negations.some((m) => m(posix(displayPath(abs, cwd))) || m(posix(abs)));

  const reals = new Map<string, string>();
  for (const op of operands) {
    if (op.startsWith('!') && op.length > 1) continue;
    const abs = resolve(cwd, op);
    let st: Stats | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st) {
      if (st.isDirectory()) {
        const out: string[] = [];
        walk(abs, { seen: new Set(), out, failed, all: false, dot: false, skip: ignored, reals });
        for (const f of out) found.push({ abs: f, root: abs, explicit: false });
      } else found.push({ abs, root: resolve(abs, '..'), explicit: true });
      continue;
    }
    const scan = picomatch.scan(posix(op));
    if (!scan.isGlob) {
      missing.push(op);
      continue;
    }
    const base = resolve(cwd, scan.base || '.');
    let baseIsDir = false;
    try {
      baseIsDir = statSync(base).isDirectory();
    } catch {
      baseIsDir = false;
    }
    let matched = 0;
    if (baseIsDir) {
      const match = picomatch(scan.glob, { dot: false });
      // A pattern that spells a leading dot (`**/.*`, `.github/**`) must be able to reach those names.
      const dot = /(^|\/)\./.test(scan.glob);
      const out: string[] = [];
      walk(base, { seen: new Set(), out, failed, all: true, dot, skip: ignored, reals });
      for (const f of out) {
        if (match(posix(relative(base, f)))) {
          found.push({ abs: f, root: base, explicit: false });
          matched++;
        }
      }
    }
    if (!matched) missing.push(op);
  }

  const byReal = new Map<string, Target>();
  for (const f of found) {
    if (excluded(f.abs)) continue;
    let real = reals.get(f.abs) ?? f.abs;
    if (!reals.has(f.abs)) {
      try {
        real = realpathSync(f.abs);
      } catch {
        /* unreadable: keep the path, reading reports it */
      }
    }
    const t = { path: displayPath(f.abs, cwd), abs: f.abs, root: f.root, stopAtRoot: !f.explicit };
    const had = byReal.get(real);
    if (!had || t.path < had.path) byReal.set(real, t);
  }
  const targets = [...byReal.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unreadableDirs = failed.map((d) => ({ path: displayPath(d.abs, cwd), abs: d.abs, code: d.code }));
  return { targets, missing, unreadableDirs, ignoreFile };
}
