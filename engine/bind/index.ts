// Table regions (docs/spec/layouts.md §1 step 1) and binding of T2, T3, T4.
import type { Section, SectionKey, Table, TemplateVersion } from '../model.ts';
import { readGrid } from '../parse/grid.ts';
import type { DocStructure } from '../parse/structure.ts';
import type { LineIndex } from '../text.ts';
import { emptyTable } from './common.ts';
import { bindT2 } from './t2.ts';
import { bindT3 } from './t3.ts';
import { bindT4 } from './t4.ts';

type Region = { from: number; to: number }; // lines [from, to)

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
const ANCHORS = {
  T2: (t: string) => t.includes('第二十条第'),
  T3: (t: string) => t.includes('本年新收') && t.includes('结转下年度'),
  T4: (t: string) => t.includes('未经复议直接起诉') || (t.includes('行政复议') && t.includes('复议后起诉')),
};

function firstLine(idx: LineIndex, r: Region, test: (t: string) => boolean): number {
  for (let l = r.from; l < r.to; l++) if (test(squash(idx.lines[l].text))) return l;
  return -1;
}

function regionOf(idx: LineIndex, sections: Section[], key: SectionKey, id: 'T2' | 'T3' | 'T4'): Region | undefined {
  const lineRegion = (s: Section): Region => ({ from: s.heading.line + 1, to: s.body.end >= idx.text.length ? idx.lines.length : idx.lineAt(s.body.end) });
  const regionText = (r: Region) => squash(idx.text.slice(idx.lines[r.from]?.start ?? 0, idx.lines[r.to - 1]?.end ?? 0));
  const own = sections.find((s) => s.key === key);
  if (own) {
    const r = lineRegion(own);
    if (r.from < r.to && ANCHORS[id](regionText(r))) return r;
  }
  // Anywhere else: the section (or the whole text) holding the anchors.
  const candidates: Region[] = sections.map(lineRegion);
  if (sections.length) candidates.unshift({ from: 0, to: sections[0].heading.line });
  else candidates.push({ from: 0, to: idx.lines.length });
  return candidates.find((r) => r.from < r.to && ANCHORS[id](regionText(r)));
}

/** Cuts a region where the next table's header begins, so tables sharing a section stay apart. */
function cut(idx: LineIndex, r: Region, id: 'T2' | 'T3'): Region {
  if (id === 'T2') {
    const t3 = firstLine(idx, r, (t) => t.includes('勾稽关系') || t.includes('申请人情况') || t.includes('本年新收'));
    return t3 > r.from ? { from: r.from, to: t3 } : r;
  }
  const fwd = firstLine(idx, r, (t) => t.includes('结转下年度'));
  if (fwd < 0) return r;
  const t4 = firstLine(idx, { from: fwd + 1, to: r.to }, (t) => t.includes('行政复议') || t.includes('行政诉讼'));
  return t4 > 0 ? { from: r.from, to: t4 } : r;
}

export function bindTables(idx: LineIndex, s: DocStructure, sections: Section[], expected: TemplateVersion | null): { T2: Table; T3: Table; T4: Table } {
  const bind = (id: 'T2' | 'T3' | 'T4', key: SectionKey): Table => {
    const region = regionOf(idx, sections, key, id);
    if (!region) return emptyTable(id);
    const r = id === 'T4' ? region : cut(idx, region, id);
    const items = readGrid(idx, s, r.from, r.to);
    const table = id === 'T2' ? bindT2(items, expected) : id === 'T3' ? bindT3(items, expected) : bindT4(items);
    const holder = sections.find((sec) => sec.body.start <= table.range.start && table.range.start < sec.body.end);
    if (table.status !== 'missing') table.section = holder?.key;
    table.unknownRows = table.unknownRows.filter((u) => u.start >= table.range.start && u.end <= table.range.end);
    return table;
  };
  return { T2: bind('T2', 's2'), T3: bind('T3', 's3'), T4: bind('T4', 's4') };
}
