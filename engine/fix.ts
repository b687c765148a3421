// Applying fixes: edits are data, applied from the last to the first; "recompute totals" runs
// the total fixes in the order of docs/spec/rules.md §5, re-checking after each step, never making
// one that raises another rule's finding, and returns its edits in the coordinates of the original
// text so a host can send them as one edit.
import { check, type CheckOptions } from './pipeline.ts';
import type { Edit, Finding } from './finding.ts';
import { RECOMPUTE_ORDER, SUMS, sumDecl } from './template/index.ts';

/** Applies non-overlapping edits (given in the coordinates of `text`). Overlapping ones are skipped. */
export function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit || e.start < 0 || e.end > text.length || e.start > e.end) continue;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

/**
 * Edits already applied, in the coordinates of the original text, however they were made: each
 * added edit is in the coordinates of the text as it stands after the ones before it. An edit
 * that touches or overlaps earlier ones is merged with them into one edit of the original.
 */
export class EditLog {
  /** Sorted by start, non-overlapping, in original coordinates. */
  private edits: Edit[] = [];

  constructor(private readonly original: string) {}

  /** Records an edit given in current coordinates. */
  add(e: Edit): void {
    let shift = 0; // current − original, for the text before the edit looked at
    let first = -1;
    let last = -1;
    let shiftBefore = 0;
    for (let i = 0; i < this.edits.length; i++) {
      const a = this.edits[i];
      const curStart = a.start + shift;
      const curEnd = curStart + a.newText.length;
      if (curEnd < e.start) {
        shift += a.newText.length - (a.end - a.start);
        continue;
      }
      if (curStart > e.end) break;
      if (first < 0) {
        first = i;
        shiftBefore = shift;
      }
      last = i;
      shift += a.newText.length - (a.end - a.start);
    }
    if (first < 0) {
      const at = { start: e.start - shift, end: e.end - shift, newText: e.newText };
      const i = this.edits.findIndex((a) => a.start > at.start);
      this.edits.splice(i < 0 ? this.edits.length : i, 0, at);
      return;
    }
    // The merged edit spans the touched logged edits and the new one; its text is the current
    // text of that span with the new edit applied.
    const a = this.edits[first];
    const z = this.edits[last];
    const curFirst = a.start + shiftBefore;
    const curLastEnd = z.end + shift;
    const start = Math.min(e.start, curFirst) - shiftBefore;
    const end = z.end + Math.max(0, e.end - curLastEnd);
    const span = this.edits.slice(first, last + 1).map((x) => ({ ...x, start: x.start - start, end: x.end - start }));
    const current = applyEdits(this.original.slice(start, end), span);
    const from = e.start - (start + shiftBefore);
    const merged = current.slice(0, from) + e.newText + current.slice(from + (e.end - e.start));
    this.edits.splice(first, last - first + 1, { start, end, newText: merged });
  }

  get all(): Edit[] {
    return this.edits.map((e) => ({ ...e }));
  }
}

// The steps are the declared sums in the template's recompute order; a sum's line is a column for
// sums along columns and a row for sums along rows.
const STEPS = RECOMPUTE_ORDER.map(({ kind, lines }) => {
  const decl = sumDecl(kind);
  const onLine = (f: Finding) => !lines || (f.cell !== null && lines(decl.along === 'column' ? f.cell.col : f.cell.row));
  return { rule: decl.rule, applies: (f: Finding) => f.rule === decl.rule && onLine(f) };
});
const TOTAL_RULES = new Set(SUMS.map((d) => d.rule));

export interface RecomputeResult {
  text: string;
  /** Edits against the original text. */
  edits: Edit[];
  /** Total findings left (fix blocked or not assessable). */
  remaining: Finding[];
  /**
   * Totals left alone because rewriting them would have raised another rule's finding (the
   * balance, the prose, a cell): the evidence points at a part, not at the total. Each with the
   * findings its fix would have raised.
   */
  held: { finding: Finding; wouldRaise: Finding[] }[];
}

/** Where a finding stands: its rule and cell, or for a finding of no cell its rule alone. */
const place = (f: Finding) => (f.cell ? `${f.rule} ${f.cell.table}.${f.cell.row}.${f.cell.col}` : f.rule);

/**
 * Findings of `after` at places `before` had fewer findings at, but for the sums a later step can
 * settle (a total whose own fix is offered: （七）总计's row after its column sums are rewritten).
 */
function raised(before: Finding[], after: Finding[]): Finding[] {
  const had = new Map<string, number>();
  for (const f of before) had.set(place(f), (had.get(place(f)) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of after) {
    const n = had.get(place(f)) ?? 0;
    if (n > 0) had.set(place(f), n - 1);
    else if (!TOTAL_RULES.has(f.rule) || !f.fix) out.push(f);
  }
  return out;
}

/**
 * Rewrites the declared totals from their parts, step by step in the template's order, each fix
 * on its own and re-checked (one change can settle the next). A fix that would raise a finding of
 * another rule — 一+二 ≠ 七+四, prose that stops agreeing, a cell rule — is not made: then the part,
 * not the total, is what the evidence calls wrong, and the total is reported as held.
 */
export function recomputeTotals(text: string, options: CheckOptions = {}): RecomputeResult {
  const log = new EditLog(text);
  let current = text;
  const held: RecomputeResult['held'] = [];
  const isHeld = (f: Finding) => held.some((h) => place(h.finding) === place(f));
  for (const step of STEPS) {
    for (let guard = 0; guard < 64; guard++) {
      const { findings } = check(current, options);
      const next = findings.find((f) => f.fix && step.applies(f) && !isHeld(f));
      if (!next) break;
      const candidate = applyEdits(current, next.fix!.edits);
      const wouldRaise = raised(findings, check(candidate, options).findings);
      if (wouldRaise.length) {
        held.push({ finding: next, wouldRaise });
        continue;
      }
      for (const e of [...next.fix!.edits].sort((a, b) => b.start - a.start)) log.add(e);
      current = candidate;
    }
  }
  const remaining = check(current, options).findings.filter((f) => TOTAL_RULES.has(f.rule));
  return { text: current, edits: log.all, remaining, held };
}
