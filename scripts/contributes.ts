// `npm run contributes` (also run by `npm run docs`): writes what package.json and the snippets
// file contribute that the engine already knows, so it cannot drift from the engine:
//  - the `govreport.rules` setting's schema: one property per rule id (and per notice the
//    configuration can change), its levels and summary, so the settings UI and settings.json offer
//    the ids and flag a misspelt one;
//  - the snippets of the GFM tables and the report skeletons (2021 format; 2019 trial format for
//    the 2019 and 2020 reports), drawn from the engine's official grid (engine/render/shape.ts) and
//    aligned by display width (a CJK character counts two), with one `0` tab stop per value cell.
//    The TAB-row snippets and the period sentence are hand-written and kept as they are.
// `--check` writes nothing and exits 1 when a file is stale (test/client/contributes.test.ts runs
// the same check).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flatten, officialShape, toGfm, type Shape, type TableId, type TemplateVersion } from '../engine/index.ts';
import { catalogue } from './rule-docs/catalogue.ts';

const ROOT = join(import.meta.dirname, '..');
export const PACKAGE = join(ROOT, 'package.json');
export const SNIPPETS = join(ROOT, 'snippets', 'govreport.code-snippets');
const LEVELS = ['off', 'error', 'warning', 'info'];

/** The `govreport.rules` setting: its description stays what package.json says (a %nls% key). */
export function rulesSetting(description: string): Record<string, unknown> {
  const entries = catalogue().filter((d) => !d.notice || d.notice.configurable);
  const ids = entries.map((d) => d.rule.id);
  return {
    type: 'object',
    default: {},
    description,
    properties: Object.fromEntries(entries.map((d) => [d.rule.id, {
      type: 'string',
      enum: LEVELS,
      description: `${d.rule.summary.zh}（默认：${d.rule.severity}） / ${d.rule.summary.en} (default: ${d.rule.severity})`,
    }])),
    propertyNames: { enum: ids },
    additionalProperties: false,
  };
}

export function packageJson(current: string): string {
  const pkg = JSON.parse(current);
  const props = pkg.contributes.configuration.properties;
  props['govreport.rules'] = rulesSetting(props['govreport.rules'].description);
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

// ── snippets ────────────────────────────────────────────────────────────────────────────────────

/** Stands for a value slot while the table is aligned; one column wide, as the `0` it becomes. */
const SLOT = '\u0001';
const escapeSnippet = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);

/** The table as aligned GFM lines, its value slots numbered tab stops from `next.n` on. */
function gfmTable(id: TableId, version: TemplateVersion, next: { n: number }): string[] {
  const shape: Shape = officialShape(id, version).map((row) => row.map((c) => (c.role === 'value' ? { ...c, text: SLOT } : c)));
  return toGfm(flatten(shape)).split('\n').map((line) => escapeSnippet(line).replace(/\u0001/g, () => `\${${next.n++}:0}`));
}

const TABLE_NAMES: Record<TableId, string> = { T2: '表二 主动公开', T3: '表三 依申请公开', T4: '表四 行政复议行政诉讼' };
const VERSION_NOTE: Record<TemplateVersion, string> = {
  '2021': '2021 年版格式（国办公开办函〔2021〕30号），适用于 2021 年度起的报告',
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号），适用于 2019、2020 年度报告',
};
const TABLE_NOTE: Record<TableId, Record<TemplateVersion, string>> = {
  T2: { '2021': '第二十条第（一）（五）（六）（八）项', '2019': '第二十条第（一）（五）（六）（八）（九）项' },
  T3: { '2021': '25 行数据', '2019': '23 行数据，（六）其他处理为一行' },
  T4: { '2021': '15 个数据单元格', '2019': '15 个数据单元格' },
};

function skeleton(version: TemplateVersion, year: string): string[] {
  const next = { n: 3 };
  const text = (s: string) => `\${${next.n++}:${s}}`;
  return [
    `# \${1:XX单位}\${2:${year}}年政府信息公开工作年度报告`,
    '',
    '本报告依据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求，由${1}编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自${2}年1月1日起至${2}年12月31日止。',
    '',
    '## 一、总体情况',
    '',
    text('（总体概述）'),
    '',
    ...['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'].flatMap((h) => [`### ${h}`, '', text('（文字描述）'), '']),
    '## 二、主动公开政府信息情况',
    '',
    ...gfmTable('T2', version, next),
    '',
    '## 三、收到和处理政府信息公开申请情况',
    '',
    ...gfmTable('T3', version, next),
    '',
    '## 四、政府信息公开行政复议、行政诉讼情况',
    '',
    ...gfmTable('T4', version, next),
    '',
    '## 五、存在的主要问题及改进情况',
    '',
    text('（文字描述）'),
    '',
    '## 六、其他需要报告的事项',
    '',
    text(version === '2021' ? '（文字描述，收取信息处理费情况在此处报告。）' : '（文字描述）'),
    '$0',
  ];
}

interface Snippet { prefix: string; body: string[]; description: string }

/** Generated snippets, in file order; the hand-written ones keep their place after them. */
function generated(): [string, Snippet][] {
  const out: [string, Snippet][] = [
    ['GovReport: 2021 年度报告全文骨架 (GFM)', {
      prefix: 'gr-skeleton-2021', body: skeleton('2021', '2021'),
      description: `政府信息公开工作年度报告全文骨架（${VERSION_NOTE['2021']}）：标题、统计期限、六个部分、三张表（对齐的 Markdown 表格）`,
    }],
    ['GovReport: 2019/2020 年度报告全文骨架 (GFM)', {
      prefix: 'gr-skeleton-2019', body: skeleton('2019', '2020'),
      description: `政府信息公开工作年度报告全文骨架（${VERSION_NOTE['2019']}）：标题、统计期限、六个部分、三张表（对齐的 Markdown 表格）`,
    }],
  ];
  for (const version of ['2021', '2019'] as const) {
    for (const id of ['T2', 'T3', 'T4'] as const) {
      // 表四 is one form in both versions: one snippet.
      if (id === 'T4' && version === '2019') continue;
      const key = id === 'T4' ? `GovReport: ${TABLE_NAMES[id]} (GFM)` : `GovReport: ${TABLE_NAMES[id]} ${version} (GFM)`;
      const prefix = id === 'T4' ? 'gr-t4-gfm' : `gr-${id.toLowerCase()}-${version}-gfm`;
      out.push([key, {
        prefix, body: [...gfmTable(id, version, { n: 1 }), '$0'],
        description: `${TABLE_NAMES[id]}（${id === 'T4' ? '两种格式相同' : VERSION_NOTE[version]}，${TABLE_NOTE[id][version]}），对齐的 Markdown 表格`,
      }]);
    }
  }
  return out;
}

export function snippetsFile(current: string): string {
  const existing = JSON.parse(current) as Record<string, Snippet>;
  const made = generated();
  const madePrefixes = new Set(made.map(([, s]) => s.prefix));
  const kept = Object.entries(existing).filter(([, s]) => !madePrefixes.has(s.prefix) && !s.prefix.endsWith('-gfm') && !s.prefix.startsWith('gr-skeleton'));
  return `${JSON.stringify(Object.fromEntries([...made, ...kept]), null, 2)}\n`;
}

/** Files whose generated parts are stale. */
export function stale(): string[] {
  const out: string[] = [];
  for (const [file, make] of [[PACKAGE, packageJson], [SNIPPETS, snippetsFile]] as const) {
    const now = readFileSync(file, 'utf8');
    if (make(now) !== now) out.push(file);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--check')) {
    const s = stale();
    if (s.length) {
      console.error(`stale (run npm run contributes): ${s.join(', ')}`);
      process.exit(1);
    }
  } else {
    for (const [file, make] of [[PACKAGE, packageJson], [SNIPPETS, snippetsFile]] as const) {
      const now = readFileSync(file, 'utf8');
      const next = make(now);
      if (next !== now) {
        writeFileSync(file, next);
        console.log(`wrote ${file}`);
      }
    }
  }
}
