// Fix all: the one policy of "apply every safe fix" that every host calls (the CLI's --fix, the
// editor's source.fixAll and govreport.fixAll), so a file fixed on the command line and the same
// text fixed in the editor come out byte for byte the same.
//
// The policy: only a document that is its own text (Markdown, plain text; not a page, a Word file
// or a PDF, whose offsets are in a rendering), and only when every table it has was read whole —
// a fix computed from a half-read table could be computed from the wrong cells. Then round after
// round (each re-checks the text, so a fix that overlapped another gets its turn): the first safe
// fix of each finding, taken whole or not at all, none overlapping another; a round that would
// leave a table unreadable is not made. Line breaks a fix writes follow the text's own (CRLF).
import type { Edit, Finding } from './finding.ts';
import { applyEdits, EditLog } from './fix.ts';
import type { Report } from './model.ts';
import { check, type CheckOptions, type CheckResult } from './pipeline.ts';

/**
 * At most this many rounds (each is a full check). Chains are real: a Word export's nested
 * `<span>` leftovers become safe to delete one after another, as each deletion leaves the next
 * one standing alone (TEXT-EXPORT-ARTIFACT); a converted page needs up to about 20 rounds.
 */
const MAX_ROUNDS = 32;

/** Why fix-all left a text alone although it had safe fixes. */
export type FixAllRefusal =
  /** A table was found but not read whole (partial or unparseable). */
  | 'unparsed-table'
  /** The document is not its own text (an HTML page, a Word document, a PDF). */
  | 'not-text';

export interface FixAllResult {
  /** The text with the fixes applied (the input when none was). */
  text: string;
  /** The same change as edits of the input text, sorted and non-overlapping. */
  edits: Edit[];
  /** Fixes' edits applied over all rounds. */
  applied: number;
  /** The check of `text`. */
  result: CheckResult;
  refused?: FixAllRefusal;
}

/** Whether every table a report has was read whole: none partial, none unparseable (missing is fine). */
export function fullyRead(report: Report): boolean {
  return Object.values(report.tables).every((t) => t.status !== 'unparseable' && t.status !== 'partial');
}

/** Whether two edits touch the same text; two insertions at one point do too (their order would be a guess). */
export const overlap = (a: Edit, b: Edit): boolean =>
  (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));

/** A finding's fix as fix-all takes it: its edits, and a name that stays the same from round to round. */
interface Taken {
  key: string;
  edits: Edit[];
}

/**
 * The fixes of one round over `text`: each finding's first safe fix, whole, when its edits lie in
 * the text, overlap no fix taken before it nor each other, and its key is not in `refused`; line
 * breaks as CRLF in a CRLF text.
 */
function roundFixes(findings: readonly Finding[], text: string, refused: ReadonlySet<string> = new Set()): Taken[] {
  const crlf = text.includes('\r\n');
  const taken: Taken[] = [];
  const chosen: Edit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.kind === 'safe');
    if (!fix || !fix.edits.length) continue;
    const key = `${f.rule}\u0000${f.message}\u0000${fix.title}`;
    if (refused.has(key)) continue;
    const edits = fix.edits.map((e) => ({ start: e.start, end: e.end, newText: crlf ? e.newText.replace(/\r?\n/g, '\r\n') : e.newText }));
    if (edits.some((e) => e.start < 0 || e.start > e.end || e.end > text.length)) continue;
    if (edits.some((e, i) => edits.some((o, j) => j < i && overlap(e, o)))) continue;
    if (edits.some((e) => chosen.some((c) => overlap(e, c)))) continue;
    chosen.push(...edits);
    taken.push({ key, edits });
  }
  return taken;
}

/** The edits of one round of fix-all over `text` (see roundFixes). */
export function safeEdits(findings: readonly Finding[], text: string): Edit[] {
  return roundFixes(findings, text).flatMap((t) => t.edits);
}

/**
 * Applies every safe fix of `text` by the policy above. `first` is the check of `text` under the
 * same options, when the host has it already (saves one check).
 */
export function fixAll(text: string, options: CheckOptions = {}, first?: CheckResult): FixAllResult {
  const start = first ?? check(text, options);
  const none = (refused?: FixAllRefusal): FixAllResult => ({ text, edits: [], applied: 0, result: start, ...(refused ? { refused } : {}) });
  if (!start.findings.some((f) => f.fixes.some((x) => x.kind === 'safe'))) return none();
  const kind = start.parsed.source.kind;
  if (kind !== 'markdown' && kind !== 'text') return none('not-text');
  if (!fullyRead(start.report)) return none('unparsed-table');
  const attempt = (from: string, fixes: Taken[]) => {
    const next = applyEdits(from, fixes.flatMap((t) => t.edits));
    return { text: next, checked: check(next, options) };
  };
  const log = new EditLog(text);
  const refused = new Set<string>();
  let current = text;
  let result = start;
  let applied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let fixes = roundFixes(result.findings, current, refused);
    let made = fixes.length ? attempt(current, fixes) : null;
    if (made && !fullyRead(made.checked.report)) {
      // Some fix of the round leaves a table unreadable: try each alone, refuse those that do
      // (sections are each rule's own: a safe fix keeps the heading it touches, STRUCT-ORDINAL's too)
      // (now and in later rounds), make the rest.
      for (const t of fixes) if (!fullyRead(attempt(current, [t]).checked.report)) refused.add(t.key);
      fixes = fixes.filter((t) => !refused.has(t.key));
      made = fixes.length ? attempt(current, fixes) : null;
      if (made && !fullyRead(made.checked.report)) made = null; // fixes that only break together
    }
    if (!made || made.text === current) break;
    const edits = fixes.flatMap((t) => t.edits);
    for (const e of [...edits].sort((a, b) => b.start - a.start)) log.add(e);
    current = made.text;
    result = made.checked;
    applied += edits.length;
  }
  return { text: current, edits: log.all, applied, result };
}
