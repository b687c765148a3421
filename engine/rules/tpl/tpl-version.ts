// TPL-VERSION: each table is bound with the version its own labels show (docs/spec/format.md §7); a table
// of the other version than the report year's means the wrong form was filled in. A report that cites
// the other version's notice (〔2019〕60号 in a 2021 report) says so in its own words.
import { SECTIONS, TABLE_NAMES, TEMPLATES, expectedVersion } from '../../template/index.ts';
import type { Span, TemplateVersion } from '../../model.ts';
import type { LineIndex } from '../../text.ts';
import { defineRule } from '../api.ts';
import { departure } from '../outline.ts';
import { line1 } from './shared.ts';

const TABLE_NUMBERS = { T2: { zh: '表二', en: 'table 2' }, T3: { zh: '表三', en: 'table 3' }, T4: { zh: '表四', en: 'table 4' } } as const;

const sectionDisplay = (key: string) => {
  const s = SECTIONS.find((x) => x.key === key)!;
  return { zh: `第${s.ordinal}部分“${s.title}”`, en: `section ${s.index} “${s.title}”` };
};

/**
 * "国办公开办函〔2019〕60号" as reports write it (〔〕, [], ［］, （）, 【】; spaces), built from the notice
 * of the version. Only with the issuer's 公开办函 before it: another office's 〔2019〕60号 is another document.
 */
const CITATIONS = new Map<TemplateVersion, RegExp>();
function citationPattern(version: TemplateVersion): RegExp {
  let re = CITATIONS.get(version);
  if (!re) {
    const [, issuer, year, no] = /^(.*?)〔(\d{4})〕(\d+)号$/.exec(TEMPLATES[version].notice)!;
    const tail = issuer.slice(-4); // 公开办函
    re = new RegExp(`(?:${issuer.slice(0, -4)})?${tail}\\s*[〔\\[［(（【]\\s*${year}\\s*[〕\\]］)）】]\\s*${no}\\s*号`);
    CITATIONS.set(version, re);
  }
  return re;
}

/** Sentences that cite the superseded notice to say it no longer applies. */
const REPLACED = /废止|停止执行|不再执行|不再使用|替代|代替|取代|原格式|旧版/;

/** The notice's number, or its name where a report cites it by name alone. */
function citedIn(line: string, version: TemplateVersion): { index: number; length: number } | undefined {
  const m = citationPattern(version).exec(line);
  if (m) return { index: m.index, length: m[0].length };
  const name = TEMPLATES[version].noticeName;
  const at = name ? line.indexOf(name) : -1;
  return at >= 0 ? { index: at, length: name!.length } : undefined;
}

/** The first citation of `version`'s notice outside code, unless its sentence says it was replaced. */
function citationOf(text: string, index: LineIndex, code: ReadonlySet<number>, version: TemplateVersion): Span | undefined {
  const name = TEMPLATES[version].noticeName;
  if (!citationPattern(version).test(text) && !(name && text.includes(name))) return undefined;
  for (const line of index.lines) {
    if (code.has(line.index)) continue;
    const m = citedIn(line.text, version);
    if (!m) continue;
    const from = Math.max(line.text.lastIndexOf('。', m.index) + 1, 0);
    const to = line.text.indexOf('。', m.index);
    if (REPLACED.test(line.text.slice(from, to < 0 ? line.text.length : to))) continue;
    return { start: line.start + m.index, end: line.start + m.index + m.length };
  }
  return undefined;
}

const VERSION_NAMES: Record<TemplateVersion, { zh: string; en: string }> = {
  '2021': { zh: '2021年版', en: '2021' },
  '2019': { zh: '2019年版（试行）', en: '2019' },
};

export default defineRule({
  id: 'TPL-VERSION',
  severity: 'error',
  versions: ['any'],
  summary: { zh: '表格应使用报告年度对应的模板版本', en: "Tables follow the template of the report's year" },
  messages: {
    default: {
      zh: '{year}年度报告应使用{expected}格式（{notice}），但{table}为{found}格式',
      en: 'A {year} report must use the {expected} template ({notice}), but {table} follows the {found} template',
    },
    outline: {
      zh: '{year}年度报告应使用{expected}格式（{notice}），但本报告按2019年以前的年度报告提纲编写，缺少{tables}',
      en: 'A {year} report must use the {expected} template ({notice}), but this report follows the outline used before 2019 and lacks {tables}',
    },
    local: {
      zh: '{year}年度报告应使用{expected}格式（{notice}），但本报告未按该格式编写，缺少{tables}',
      en: 'A {year} report must use the {expected} template ({notice}), but this report does not follow it and lacks {tables}',
    },
    sections: { zh: '，以及{sections}', en: ', and {sections}' },
    citation: {
      zh: '{year}年度报告应使用{expected}格式（{notice}），但正文引用的是{found}格式的通知（{cited}）',
      en: 'A {year} report must use the {expected} template ({notice}), but the text cites the notice of the {found} template ({cited})',
    },
  },
  check({ text, report, index, structure, emit }) {
    const expected = expectedVersion(report.year);
    if (!expected) return;
    const away = departure({ report, index });
    if (away) {
      const suffix = away.missingSections.length
        ? { message: 'sections', args: { sections: away.missingSections.map((k) => sectionDisplay(k)) } }
        : undefined;
      emit({
        range: report.title ? { start: report.title.start, end: report.title.end } : line1(index), message: away.kind, suffix,
        args: { year: report.year!, expected: VERSION_NAMES[expected], notice: TEMPLATES[expected].notice, tables: away.missingTables.map((t) => TABLE_NUMBERS[t]) },
      });
    }
    const other: TemplateVersion = expected === '2021' ? '2019' : '2021';
    const cited = citationOf(text, index, structure.code, other);
    if (cited) {
      emit({
        range: cited, message: 'citation',
        args: { year: report.year!, expected: VERSION_NAMES[expected], notice: TEMPLATES[expected].notice, found: VERSION_NAMES[other], cited: TEMPLATES[other].notice },
      });
    }
    for (const table of [report.tables.T2, report.tables.T3, report.tables.T4]) {
      if (table.status !== 'bound' && table.status !== 'partial') continue;
      if (!table.version || table.version === expected) continue;
      // "Table: its first line holding a cell" — from the first cell to the end of that line.
      const line = index.lines[index.lineAt(table.range.start)];
      const end = line.start + line.text.replace(/\s+$/, '').length;
      emit({
        range: { start: table.range.start, end: Math.max(table.range.start, end) },
        args: { year: report.year!, expected: VERSION_NAMES[expected], notice: TEMPLATES[expected].notice, table: TABLE_NAMES[table.id], found: VERSION_NAMES[table.version] },
      });
    }
  },
});
