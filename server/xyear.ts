// Cross-year checks live in the editor (docs/spec/rules.md §8, the CLI's checks of two years): the
// report being edited is compared with last year's report of the same agency when that one sits in
// the same folder — a file on disk in any format the engine reads, or a document open in the editor
// (its current text). The findings (上年结转 = 去年结转下年度, the chain of 现行有效件数, copied
// paragraphs and tables) join the document's own, with the previous report named in the message.
//
// Checking a file on disk may take a while (a PDF); it is never done inside a check. The first check
// of a report starts reading its folder's other reports in the background and is repeated once they
// are known; later checks find them in the cache (re-read when a file's size or mtime changes).
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, checkAsync, readConfig, type CheckOptions, type CheckResult, type Finding, type Lang } from '../engine/index.ts';
import { agencyKey, compareYears, isPreviousYear, xyearDigest, type XYearDigest } from '../engine/xyear.ts';
import { DEFAULT_MAX_BYTES, readBounded } from '../host/read.ts';

/** The files a previous year's report may be (what the workspace check reads too). */
const EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.govreport', '.html', '.htm', '.docx', '.pdf']);
/** Files of one folder looked at, at most (a folder of thousands is no pair of reports). */
const MAX_FILES = 200;
/** How long a folder's listing is trusted (each keystroke re-checks the document). */
const LISTING_MS = 2000;
/**
 * Files are read only after this long without a check: reading a Word file or a PDF holds the
 * server for a moment, which must not fall between a keystroke and its squiggle.
 */
const IDLE_MS = 1000;

interface Known {
  /** size:mtime of the file when it was read (a file on disk), or the document version (open). */
  stamp: string;
  /** Its cross-year digest, or null when it is no report naming an agency and a year. */
  digest: XYearDigest | null;
}

/** What pairs a checked report with another (isPreviousYear), when it names an agency and a year. */
function pairingKey(result: CheckResult): { agencyKey: string; year: number } | null {
  const key = agencyKey(result.report.agency?.name);
  return key !== null && typeof result.report.year === 'number' ? { agencyKey: key, year: result.report.year } : null;
}

/** The cross-year digest of a checked report, when it names an agency and a year (else it pairs with nothing). */
const digestOf = (result: CheckResult): XYearDigest | null =>
  pairingKey(result) ? xyearDigest(result.parsed.source.text, result.parsed, true) : null;

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class PreviousYears {
  private known = new Map<string, Known>();
  private listings = new Map<string, { at: number; files: { path: string; stamp: string }[] }>();
  private queue: { path: string; stamp: string }[] = [];
  private reading = false;
  /** Documents compared with a previous report: uri → that report's path (re-checked when it changes). */
  private pairedWith = new Map<string, string>();
  /** Documents waiting for their folder to be read: folder → uris. */
  private waiting = new Map<string, Set<string>>();
  /** Date.now() of the last check (reading waits for a pause). */
  private lastCheck = 0;

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    /** Asks for a document to be checked again (its previous report became known or changed). */
    private readonly recheck: (uri: string) => void,
    private readonly maxBytes = DEFAULT_MAX_BYTES,
  ) {}

  /**
   * The cross-year findings of the document just checked (`result`, offsets into its text), against
   * last year's report beside it, if that one is known already. Markdown and plain text only: their
   * findings' offsets are the document's own.
   */
  findings(uri: string, result: CheckResult, options: CheckOptions, lang: Lang): Finding[] {
    this.lastCheck = Date.now();
    const path = pathOf(uri);
    if (!path) return [];
    // A report that is another's previous year has just changed: that one is compared again.
    for (const [other, prev] of this.pairedWith) if (prev === path && other !== uri) this.recheck(other);
    const source = result.report.source;
    // Pairing needs only the agency and the year: the digest (hashing every prose sentence, about
    // 10 ms of a 1 MB report's keystroke) is made only once a previous report is found.
    const key = source === 'markdown' || source === 'text' ? pairingKey(result) : null;
    if (!key) {
      this.pairedWith.delete(uri);
      return [];
    }
    const dir = dirname(path);
    let pending = false;
    let prev: { path: string; digest: XYearDigest } | undefined;
    for (const f of this.candidates(dir, path)) {
      const k = this.lookup(f.path, f.stamp);
      if (k === undefined) {
        pending = true;
        continue;
      }
      if (k?.digest && isPreviousYear(k.digest, key)) {
        prev = { path: f.path, digest: k.digest };
        break;
      }
    }
    if (pending) this.wait(dir, uri);
    if (!prev) {
      this.pairedWith.delete(uri);
      return [];
    }
    this.pairedWith.set(uri, prev.path);
    const cur = digestOf(result)!;
    const levels = readConfig(options.config).config.rules;
    return compareYears(prev.digest, cur, { lang, levels, previousName: basename(prev.path) });
  }

  /** A document closed: it is no longer compared with anything. */
  forget(uri: string): void {
    this.pairedWith.delete(uri);
  }

  /** The other report files of the folder (sorted by name: the first of two same-year reports wins, as in the CLI). */
  private candidates(dir: string, self: string): { path: string; stamp: string }[] {
    const now = Date.now();
    let listing = this.listings.get(dir);
    if (!listing || now - listing.at > LISTING_MS) {
      let names: string[] = [];
      try {
        names = readdirSync(dir).filter((n) => !n.startsWith('.') && EXTENSIONS.has(extname(n).toLowerCase())).sort().slice(0, MAX_FILES);
      } catch {
        names = [];
      }
      const files: { path: string; stamp: string }[] = [];
      for (const n of names) {
        const p = join(dir, n);
        try {
          const st = statSync(p);
          if (st.isFile() && st.size <= this.maxBytes) files.push({ path: p, stamp: `${st.size}:${st.mtimeMs}` });
        } catch {
          // gone meanwhile
        }
      }
      listing = { at: now, files };
      this.listings.set(dir, listing);
    }
    const open = new Map<string, TextDocument>();
    for (const d of this.documents.all()) {
      const p = pathOf(d.uri);
      if (p && dirname(p) === dir) open.set(p, d);
    }
    const out = listing.files.filter((f) => f.path !== self && !open.has(f.path));
    // An open document counts as its current text, saved or not.
    for (const [p, d] of open) if (p !== self) out.push({ path: p, stamp: `v${d.version}` });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** What is known of a file at this stamp; undefined when it still has to be read. */
  private lookup(path: string, stamp: string): Known | null | undefined {
    const k = this.known.get(path);
    if (k && k.stamp === stamp) return k;
    if (stamp.startsWith('v')) {
      // An open document: its text is at hand, and a check of it takes milliseconds.
      const doc = this.documents.all().find((d) => pathOf(d.uri) === path);
      if (!doc) return null;
      const result = check(doc.getText(), { fileName: path, languageId: doc.languageId === 'markdown' || doc.languageId === 'html' ? doc.languageId : 'plaintext' });
      const known = { stamp, digest: digestOf(result) };
      this.known.set(path, known);
      return known;
    }
    if (!this.queue.some((q) => q.path === path && q.stamp === stamp)) this.queue.push({ path, stamp });
    void this.readQueue();
    return undefined;
  }

  private wait(dir: string, uri: string): void {
    const set = this.waiting.get(dir) ?? new Set<string>();
    set.add(uri);
    this.waiting.set(dir, set);
  }

  /** Reads the queued files one at a time, then re-checks the documents that waited for their folder. */
  private async readQueue(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      while (this.queue.length) {
        for (let idle = Date.now() - this.lastCheck; idle < IDLE_MS; idle = Date.now() - this.lastCheck) {
          await new Promise((r) => setTimeout(r, IDLE_MS - idle + 10));
        }
        // Known under the stamp it was listed with: a file changed meanwhile is read again when the
        // listing shows its new stamp.
        const { path, stamp } = this.queue.shift()!;
        let known: Known = { stamp, digest: null };
        try {
          const read = readBounded(path, this.maxBytes);
          if (read.ok) {
            const result = await checkAsync(new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length), { fileName: path });
            if (!result.parsed.source.failure) known = { stamp, digest: digestOf(result) };
          }
        } catch {
          // unreadable: known as no report, until it changes
        }
        this.known.set(path, known);
        // Let the editor's own requests in between two files.
        await new Promise((r) => setImmediate(r));
      }
    } finally {
      this.reading = false;
    }
    const waiting = [...this.waiting.values()].flatMap((s) => [...s]);
    this.waiting.clear();
    for (const uri of waiting) if (this.documents.get(uri)) this.recheck(uri);
  }
}
