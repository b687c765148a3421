// A report on 2019 or later written outside the template: in the outline reports followed before
// 2019 (概述 / 主动公开 / 依申请公开 / 收费及减免 / 复议诉讼 / 问题 / 其他, no tables), or in a local
// format without the template's tables and most of its sections. That is one cause, told once by
// TPL-VERSION with what is missing; the rules whose findings would only repeat it piecemeal (each
// missing table and section, each heading's wording and ordinal, the template's wording inside a
// section) stay silent on such a report.
import type { Report, SectionKey, TableId } from '../model.ts';
import { SECTIONS } from '../template/index.ts';
import { TOP_ORDINAL } from '../structure/sections.ts';
import { normTitle, withoutInlineMarkup, type LineIndex } from '../text.ts';
import { oncePerReport } from './helpers.ts';

export interface Departure {
  /** 'outline': the pre-2019 outline; 'local': some other format. */
  kind: 'outline' | 'local';
  missingSections: SectionKey[];
  missingTables: TableId[];
}

/** A top-level heading of the old outline's 收费 part ("四、政府信息公开的收费及减免情况"). */
const FEE_HEADING = /^(?:政府信息公开)?(?:的|工作)?(?:收费|收取费用).{0,10}(?:减免|情况)/;

/** Sections missing, out of six, that make a report without tables one in a local format. */
const LOCAL_MISSING = 3;

export const departure = oncePerReport(
  (ctx: { report: Report; index: LineIndex }) => ctx.report,
  ({ report, index }: { report: Report; index: LineIndex }): Departure | undefined => {
    if (report.year === undefined || report.year < 2019) return undefined;
    const tables: TableId[] = ['T2', 'T3', 'T4'];
    if (!tables.every((t) => report.tables[t].status === 'missing')) return undefined;
    const present = new Set(report.sections.map((s) => s.key));
    const missingSections = SECTIONS.map((s) => s.key).filter((k) => !present.has(k));
    const title = (k: SectionKey) => normTitle(report.sections.find((s) => s.key === k)?.heading.title.text ?? '');
    const outline = title('s1').includes('概述') || /^依申请公开/.test(title('s3')) || hasFeeHeading(report, index);
    if (!outline && missingSections.length < LOCAL_MISSING) return undefined;
    return { kind: outline ? 'outline' : 'local', missingSections, missingTables: tables };
  },
);

function hasFeeHeading(report: Report, index: LineIndex): boolean {
  const first = report.sections[0]?.heading.line ?? 0;
  for (let l = first; l < index.lines.length; l++) {
    const text = withoutInlineMarkup(index.lines[l].text).trim().replace(/^#{1,6}\s*/, '');
    if (text.length > 40) continue;
    const ord = TOP_ORDINAL.exec(text);
    if (ord && FEE_HEADING.test(normTitle(text.slice(ord[0].length)))) return true;
  }
  return false;
}
