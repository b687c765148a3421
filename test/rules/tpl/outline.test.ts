// Reports outside the template (the outline before 2019, a local format) are still reports: one
// TPL-VERSION saying which format the year requires and what is missing, not a flood of findings
// per table, section, heading wording and ordinal. Fixtures under test/fixtures/kinds/, findings by hand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { check, nothingOfAReport } from '../../../engine/index.ts';
import { seed } from '../harness.ts';

const KINDS = fileURLToPath(new URL('../../fixtures/kinds/', import.meta.url));
const read = (name: string) => readFileSync(KINDS + name, 'utf8');
const run = (name: string, text = read(name)) => {
  const r = check(text, { fileName: name });
  const index = r.positions;
  return { r, list: r.findings.map((f) => `${f.rule} ${index.positionAt(f.range.start).line + 1} ${f.message}`) };
};

const OUTLINE = (year: number) => `TPL-VERSION ${year === 2021 ? 2 : 1} ${year}年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但本报告按2019年以前的年度报告提纲编写，缺少表二、表三、表四`;

test('the pre-2019 outline in a 2021 report (plain text under site chrome) and a 2022 one (Markdown): one finding', () => {
  const txt = run('outline-2021.txt');
  assert.deepEqual(txt.list, [OUTLINE(2021)]);
  assert.equal(txt.r.report.title?.text, '某县自然资源局2021年政府信息公开工作年度报告');
  assert.ok(!nothingOfAReport(txt.r.report));
  const md = run('outline-2022.md');
  assert.deepEqual(md.list, [OUTLINE(2022)]);
  assert.equal(check(read('outline-2022.md'), { fileName: 'r.md', lang: 'en' }).findings[0].message,
    'A 2022 report must use the 2021 template (国办公开办函〔2021〕30号), but this report follows the outline used before 2019 and lacks table 2, table 3, table 4');
});

test('a local format with its title wrapped under the agency: what is missing, sections and tables in one finding', () => {
  const { r, list } = run('local-2023.txt');
  assert.equal(r.report.title?.text, '某镇人民政府2023年政府信息公开工作年度报告');
  assert.deepEqual(list, [
    'TPL-GOV-EXTRAS 1 人民政府年度报告应包括工作考核、社会评议、责任追究结果情况（《条例》第五十条第（四）项），正文未见',
    'TPL-PERIOD 1 未说明统计期限（应为2023年1月1日至2023年12月31日）',
    'TPL-VERSION 1 2023年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但本报告未按该格式编写，缺少表二、表三、表四，以及第一部分“总体情况”、第二部分“主动公开政府信息情况”、第三部分“收到和处理政府信息公开申请情况”、第四部分“政府信息公开行政复议、行政诉讼情况”、第六部分“其他需要报告的事项”',
  ]);
});

test('the same local format as converter-made Markdown (bold title lines, ## sections): the same three findings', () => {
  const txt = run('local-2023.txt');
  const { r, list } = run('local-2023.md');
  assert.equal(r.report.title?.text, '某镇人民政府2023年政府信息公开工作年度报告');
  assert.deepEqual(list, txt.list);
});

test('a report on 2017 in the outline of its time: the format its year requires, no table check', () => {
  const { r, list } = run('outline-2017.txt');
  assert.ok(!nothingOfAReport(r.report));
  assert.deepEqual(list, ['TPL-UNSUPPORTED-YEAR 1 2017年度报告早于现行格式，未做表格检查']);
});

test('clean twins: template reports never get the outline finding', () => {
  for (const n of [0, 1, 2, 3, 4]) {
    const f = check(seed(n).text, { fileName: 'r.txt' }).findings.filter((x) => x.rule === 'TPL-VERSION');
    assert.deepEqual(f, [], `seed ${n}`);
  }
  // The template's six sections with their tables lost (pictures on the page): the tables are
  // missing from a template report, each where it belongs, and nothing is said about an outline.
  const headings = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
  const text = ['某县民政局2023年政府信息公开工作年度报告', '', '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '',
    ...headings.flatMap((h) => [h, '详见下图。'])].join('\n');
  const rules = check(text, { fileName: 'r.txt' }).findings.map((f) => `${f.rule}${f.message.includes('提纲') ? '/outline' : ''}`);
  assert.deepEqual(rules.filter((r) => r.startsWith('STRUCT-TABLE-MISSING')), ['STRUCT-TABLE-MISSING', 'STRUCT-TABLE-MISSING', 'STRUCT-TABLE-MISSING']);
  assert.ok(!rules.some((r) => r.startsWith('TPL-VERSION')));
});
