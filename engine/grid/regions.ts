// Where each table is (docs/spec/layouts.md §1 step 1): T2 in s2, T3 in s3, T4 in s4, else the
// section (or the text before the first one) holding the table's anchors; a region shared with the
// next table is cut where that table's header begins.
import type { Section, SectionKey, TableId } from '../model.ts';
import type { LineIndex } from '../text.ts';

/** Lines [from, to) of the document's text. */
export interface Region {
  from: number;
  to: number;
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const ANCHORS: Record<TableId, (t: string) => boolean> = {
  T2: (t) => t.includes('第二十条第'),
  T3: (t) => t.includes('本年新收') && t.includes('结转下年度'),
  T4: (t) => t.includes('未经复议直接起诉') || (t.includes('行政复议') && t.includes('复议后起诉')),
};
/**
 * Whether a text could hold a table's anchors, before it is squashed: squashing only removes
 * characters, so each anchor's first character is in the text as written. Spares squashing a whole
 * long document that holds no table (a copy of its text per table).
 */
const MAY_HOLD: Record<TableId, (raw: string) => boolean> = {
  T2: (t) => t.includes('第'),
  T3: (t) => t.includes('本') && t.includes('结'),
  T4: (t) => t.includes('未') || (t.includes('行') && t.includes('复')),
};
const HOME: Record<TableId, SectionKey> = { T2: 's2', T3: 's3', T4: 's4' };

/**
 * The first line of `r` whose squashed text holds one of `words`. Squashing only removes
 * characters, and no word holds a space: a line that holds a word as written holds it squashed,
 * and a line without a word's first character cannot hold it squashed. Only the lines left
 * between are squashed (a copy of each), rather than every line of the region.
 */
function firstLine(idx: LineIndex, r: Region, words: readonly string[]): number {
  for (let l = r.from; l < r.to; l++) {
    const t = idx.lines[l].text;
    if (words.some((w) => t.includes(w))) return l;
    if (!words.some((w) => t.includes(w[0]))) continue;
    const squashed = squash(t);
    if (words.some((w) => squashed.includes(w))) return l;
  }
  return -1;
}

function regionOf(idx: LineIndex, sections: Section[], id: TableId): Region | undefined {
  const lineRegion = (s: Section): Region => ({ from: s.heading.line + 1, to: s.body.end >= idx.text.length ? idx.lines.length : idx.lineAt(s.body.end) });
  const holds = (r: Region) => {
    const raw = idx.text.slice(idx.lines[r.from]?.start ?? 0, idx.lines[r.to - 1]?.end ?? 0);
    // The anchors only ask whether words are present, so holding them as written is holding them
    // squashed: the copy is made only for a text whose anchors may be spaced apart.
    return MAY_HOLD[id](raw) && (ANCHORS[id](raw) || ANCHORS[id](squash(raw)));
  };
  const own = sections.find((s) => s.key === HOME[id]);
  if (own) {
    const r = lineRegion(own);
    if (r.from < r.to && holds(r)) return r;
  }
  // Anywhere else: the section (or the whole text) holding the anchors.
  const candidates: Region[] = sections.map(lineRegion);
  if (sections.length) candidates.unshift({ from: 0, to: sections[0].heading.line });
  else candidates.push({ from: 0, to: idx.lines.length });
  return candidates.find((r) => r.from < r.to && holds(r));
}

/** Cuts a region where the next table's header begins, so tables sharing a section stay apart. */
function cut(idx: LineIndex, r: Region, id: TableId): Region {
  if (id === 'T4') return r;
  if (id === 'T2') {
    const t3 = firstLine(idx, r, ['勾稽关系', '申请人情况', '本年新收']);
    return t3 > r.from ? { from: r.from, to: t3 } : r;
  }
  const fwd = firstLine(idx, r, ['结转下年度']);
  if (fwd < 0) return r;
  const t4 = firstLine(idx, { from: fwd + 1, to: r.to }, ['行政复议', '行政诉讼']);
  return t4 > 0 ? { from: r.from, to: t4 } : r;
}

/** Each table's region, or undefined when its anchors are nowhere. */
export function tableRegion(idx: LineIndex, sections: Section[], id: TableId): Region | undefined {
  const region = regionOf(idx, sections, id);
  return region && cut(idx, region, id);
}
