// --fix: the safe fixes of a text, applied until none is left (each round re-checks the text, so
// a fix that overlapped another one gets its turn). Pure over text; the caller writes the file.
import { applyEdits, check, type CheckOptions, type Edit, type Finding } from '../engine/index.ts';
import type { Report } from '../engine/model.ts';

/** Whether a report was parsed well enough to let --fix touch it: no table unparseable or partial. */
export function fullyParsed(report: Report): boolean {
  return (['T2', 'T3', 'T4'] as const).every((t) => report.tables[t].status !== 'unparseable' && report.tables[t].status !== 'partial');
}

/** Non-overlapping safe edits of the findings: a fix is taken whole or not at all. */
export function safeEdits(findings: Finding[], crlf: boolean): Edit[] {
  const chosen: Edit[] = [];
  const overlaps = (e: Edit) => chosen.some((c) => e.start < c.end && c.start < e.end || (e.start === e.end && e.start === c.start) || (c.start === c.end && c.start === e.start));
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.kind === 'safe');
    if (!fix || !fix.edits.length) continue;
    const edits = fix.edits.map((e) => ({ start: e.start, end: e.end, newText: crlf ? e.newText.replace(/\r?\n/g, '\r\n') : e.newText }));
    if (edits.some(overlaps)) continue;
    // edits of one fix must not overlap each other either
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    if (sorted.some((e, i) => i > 0 && e.start < sorted[i - 1].end)) continue;
    chosen.push(...edits);
  }
  return chosen;
}

export interface FixTextResult {
  text: string;
  /** Number of edits applied over all rounds. */
  applied: number;
}

/** Applies safe fixes round after round (at most 8) until the text offers none that changes it. */
export function fixText(text: string, options: CheckOptions): FixTextResult {
  const crlf = text.includes('\r\n');
  let current = text;
  let previous = { text, applied: 0 };
  let applied = 0;
  for (let round = 0; round < 8; round++) {
    const { findings, report } = check(current, options);
    if (round > 0 && !fullyParsed(report)) return previous; // a fix must never make a table unreadable
    const edits = safeEdits(findings, crlf);
    if (!edits.length) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    previous = { text: current, applied };
    current = next;
    applied += edits.length;
  }
  return { text: current, applied };
}
