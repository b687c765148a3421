// The structure stage: what the document's lines say it is — its six sections, title, statistics
// period, year (from the title, the period or the prose) and agency, and the signing date.
import type { Agency, Period, Report, Section, Span, Title } from '../model.ts';
import type { DocStructure } from '../source/types.ts';
import { asciiDigits, plainText, type LineIndex } from '../text.ts';
import { agencyKind, findPeriod, findSections, findSignDate, fromProse } from './sections.ts';
import { agencyFromTitle, findTitle } from './title.ts';

export interface ReportFront {
  sections: Section[];
  title?: Title;
  period?: Period;
  year?: number;
  yearSource: Report['yearSource'];
  agency?: Agency;
  signDate?: Span & { year: number; month: number; day: number; text: string };
}

/**
 * The statistics period, read through inline markup when the prose carries some (converter output),
 * and with full-width digits read as digits (one character for one, so the offsets stay true).
 */
function periodOf(raw: string): ReturnType<typeof findPeriod> {
  const text = asciiDigits(raw);
  const direct = findPeriod(text);
  if (direct) return direct;
  const plain = plainText(text);
  const found = plain && findPeriod(plain.text);
  if (!plain || !found) return undefined;
  const span = (s: Span): Span => ({ start: plain.offsets[s.start], end: plain.offsets[s.end - 1] + 1 });
  return { ...found, node: span(found.node), startYearSpan: span(found.startYearSpan) };
}

export function readStructure(index: LineIndex, structure: DocStructure): ReportFront {
  const text = index.text;
  const sections = findSections(index, structure);
  const s1 = sections.find((s) => s.key === 's1') ?? sections[0];
  const title = findTitle(index, structure, s1 ? s1.heading.start : Math.min(text.length, 5000));
  const period = periodOf(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const proseScope = text.slice(0, sections.find((s) => s.key === 's2')?.heading.start ?? Math.min(text.length, 20_000));
  const prose = fromProse(proseScope);

  let year: number | undefined;
  let yearSource: Report['yearSource'] = null;
  if (title?.year) {
    year = title.year;
    yearSource = 'title';
  } else if (period) {
    year = period.startYear;
    yearSource = 'period';
  } else if (prose) {
    year = prose.year;
    yearSource = 'prose';
  }
  const agencyName = (title && agencyFromTitle(title)) ?? prose?.agency;
  return {
    sections, title, year, yearSource,
    period: period ? { startYear: period.startYear, endYear: period.endYear, node: period.node, startYearSpan: period.startYearSpan } : undefined,
    agency: agencyName ? agencyKind(agencyName) : undefined,
    signDate: findSignDate(index),
  };
}
