// TPL-* rules (docs/spec/rules.md §3): a failing and a passing example per rule, written by hand from the
// seeds, with messages (zh, and en once per rule), ranges and the fix contract.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, check } from '../../../engine/index.ts';
import type { Finding } from '../../../engine/finding.ts';
import { assertFixResolves, findings, lineOf, replaceLine, seed } from '../harness.ts';

const s000 = seed(0).text; // 2021, department, title + period
const s001 = seed(1).text; // no title, year from the period, subdistrict
const s002 = seed(2).text; // 2020 (2019 template), county-level government, signed 2021年3月4日
const s003 = seed(3).text; // 2023, ATX title on line 3, no period
const s004 = seed(4).text; // 2021, zone, no period, s6 "无"
const at = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);
const line = (text: string, n: number) => text.split('\n')[n - 1];
const retitle = (text: string, title: string) => replaceLine(text, 1, title);
const s000Title = line(s000, 1);

test('TPL-YEAR-UNKNOWN: no year in title, period or prose', () => {
  for (const n of [0, 1, 2, 3, 4]) assert.deepEqual(findings(seed(n).text, 'TPL-YEAR-UNKNOWN'), [], `seed ${n}`);
  // 001 line 2 carries both the period and "特编制曲阳街道2021年度…报告": drop them.
  const text = replaceLine(s001, 2, '根据《中华人民共和国政府信息公开条例》规定,特编制本报告。');
  const [f] = findings(text, 'TPL-YEAR-UNKNOWN');
  assert.equal(f.message, '无法确定报告年度（标题和统计期限中均无年份），按表格判断模板');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(text, f.range.start), 1);
  assert.equal(at(text, f), '一、总体情况');
  assert.equal(findings(text, 'TPL-YEAR-UNKNOWN', { lang: 'en' })[0].message, 'Report year not found (no year in the title or period statement); template taken from the tables');
  // The template then comes from the tables, so the table rules still run.
  assert.equal(check(text).report.template, '2021');
});

test('TPL-UNSUPPORTED-YEAR: a 2018 report gets this and only the text-hygiene rules', () => {
  assert.deepEqual(findings(s000, 'TPL-UNSUPPORTED-YEAR'), []);
  const text = retitle(s000, s000Title.replace('2021年', '2018年'));
  const all = check(text, { fileName: 'report.txt' }).findings;
  const f = all.find((x) => x.rule === 'TPL-UNSUPPORTED-YEAR')!;
  assert.equal(f.message, '2018年度报告早于现行格式，未做表格检查');
  assert.equal(f.severity, 'info');
  assert.equal(lineOf(text, f.range.start), 1);
  assert.equal(at(text, f), line(text, 1));
  // The period still says 2021, 000's table cell has padding: neither is reported for 2018.
  assert.deepEqual(all.map((x) => x.rule).filter((r) => r !== 'TPL-UNSUPPORTED-YEAR' && !['TEXT-EXPORT-ARTIFACT', 'TEXT-BRACKETS'].includes(r)), []);
  assert.equal(findings(text, 'TPL-UNSUPPORTED-YEAR', { lang: 'en' })[0].message, 'A 2018 report predates the current formats; tables were not checked');
});

test('TPL-VERSION: 2019-form tables in a 2021 report, per table', () => {
  assert.deepEqual(findings(s002, 'TPL-VERSION'), []); // 2020 ↔ 2019
  for (const n of [0, 1, 3, 4]) assert.deepEqual(findings(seed(n).text, 'TPL-VERSION'), [], `seed ${n}`);
  const text = retitle(s002, '2021年开发区· 铁山区政府信息公开工作年度报告');
  const fs = findings(text, 'TPL-VERSION');
  // Line 3 cites the 2019 notice, right for the 2020 report the seed is, wrong once retitled 2021.
  assert.deepEqual(fs.map((f) => [lineOf(text, f.range.start), at(text, f)]), [[3, '国办公开办函〔2019〕60号'], [17, '第二十条第（一）项'], [107, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）']]);
  assert.equal(fs[1].message, '2021年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但主动公开政府信息情况表为2019年版（试行）格式');
  assert.equal(fs[2].message, '2021年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但政府信息公开申请情况表为2019年版（试行）格式');
  assert.equal(fs[1].severity, 'error');
  assert.equal(findings(text, 'TPL-VERSION', { lang: 'en' })[1].message, 'A 2021 report must use the 2021 template (国办公开办函〔2021〕30号), but the proactive-disclosure table follows the 2019 template');
  // The other way round: 2021-form tables in a 2020 report.
  const old = findings(retitle(s000, s000Title.replace('2021年', '2020年')), 'TPL-VERSION');
  assert.equal(old.length, 2);
  assert.equal(old[0].message, '2020年度报告应使用2019年版（试行）格式（国办公开办函〔2019〕60号），但主动公开政府信息情况表为2021年版格式');
});

test('TPL-TITLE: no title line (001), inserted from the prose', () => {
  assert.deepEqual(findings(s000, 'TPL-TITLE'), []);
  const [f] = findings(s001, 'TPL-TITLE');
  assert.equal(f.message, '缺少标题行（<机关名称><年份>年政府信息公开工作年度报告）');
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.range, { start: 0, end: 0 });
  assert.equal(f.fix?.kind, 'unsafe');
  assert.equal(f.fix?.title, '插入标题“曲阳街道2021年政府信息公开工作年度报告”');
  const fixed = assertFixResolves(s001, f);
  assert.equal(fixed, `曲阳街道2021年政府信息公开工作年度报告\n${s001}`);
  assert.equal(check(fixed).report.yearSource, 'title');
  const en = findings(s001, 'TPL-TITLE', { lang: 'en' })[0];
  assert.equal(en.message, 'Title line missing (<agency><year>年政府信息公开工作年度报告)');
  // Without a year anywhere, nothing to write the title from.
  const noYear = replaceLine(s001, 2, '根据《中华人民共和国政府信息公开条例》规定,特编制本报告。');
  assert.equal(findings(noYear, 'TPL-TITLE')[0].fix, null);
});

test('TPL-TITLE: a title without its year gets the year from the period', () => {
  const text = retitle(s000, s000Title.replace('2021年', ''));
  const [f] = findings(text, 'TPL-TITLE');
  assert.equal(f.message, '标题缺少年份');
  assert.equal(lineOf(text, f.range.start), 1);
  assert.equal(at(text, f), '烈山区人民政府办公室（区政府外事办公室）政府信息公开工作年度报告');
  assert.equal(f.fix?.title, '在标题中补入“2021年”');
  assert.equal(assertFixResolves(text, f), s000);
  assert.equal(findings(text, 'TPL-TITLE', { lang: 'en' })[0].message, 'The title has no year');
});

test('TPL-TITLE: the inserted title follows a Markdown document’s style', () => {
  // 003 without its title: ATX sections (levels 2,2,3,4,4,4) separated by blank lines → an ATX
  // title one level above the sections' usual level 4, and a blank line.
  const text = s003.replace('# 淮阳区人民政府办公室 2023 年政府信息公开工作年度报告\n\n', '').replace('## 一、总体情况\n\n', '## 一、总体情况\n\n根据《条例》规定，特编制淮阳区人民政府办公室2023年度政府信息公开工作年度报告。\n\n');
  const [f] = findings(text, 'TPL-TITLE');
  assert.ok(f.fix, 'a fix is offered');
  assert.equal(f.fix.edits[0].newText, '### 淮阳区人民政府办公室2023年政府信息公开工作年度报告\n\n');
  assertFixResolves(text, f);
  // Sections all on level 2 → "# title".
  const flat = text.replace(/^#{3,4} /gm, '## ');
  assert.equal(findings(flat, 'TPL-TITLE')[0].fix?.edits[0].newText, '# 淮阳区人民政府办公室2023年政府信息公开工作年度报告\n\n');
});

test('TPL-PERIOD: no statistics period (003), inserted after the title', () => {
  assert.deepEqual(findings(s000, 'TPL-PERIOD'), []);
  assert.deepEqual(findings(s001, 'TPL-PERIOD'), []);
  const [f] = findings(s003, 'TPL-PERIOD');
  assert.equal(f.message, '未说明统计期限（应为2023年1月1日至2023年12月31日）');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(s003, f.range.start), 3);
  assert.equal(at(s003, f), '淮阳区人民政府办公室 2023 年政府信息公开工作年度报告');
  assert.equal(f.fix?.kind, 'unsafe');
  const fixed = assertFixResolves(s003, f);
  assert.deepEqual(fixed.split('\n').slice(2, 7), ['# 淮阳区人民政府办公室 2023 年政府信息公开工作年度报告', '', '本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。', '', '## 一、总体情况']);
  assert.equal(check(fixed).report.period?.startYear, 2023);
  assert.equal(findings(s003, 'TPL-PERIOD', { lang: 'en' })[0].message, 'No statistics-period statement (2023-01-01 to 2023-12-31)');
  // A plain-text document without blank lines after the title gets no blank line either.
  const tight = replaceLine(s000, 2, 'STOP').replace('\nSTOP\n', '\n').replace(/本报告是根据[^\n]*\n/, '本报告由烈山区人民政府办公室编制。\n');
  const [g] = findings(tight, 'TPL-PERIOD');
  assert.deepEqual(assertFixResolves(tight, g).split('\n').slice(0, 3), [s000Title, '本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。', '本报告由烈山区人民政府办公室编制。']);
});

test('TPL-PERIOD: without a title the statement goes to the top', () => {
  // 001 keeps its year in the prose ("特编制曲阳街道2021年度…报告") once the period sentence is gone.
  const text = s001.replace('所列政府信息公开数据统计期限自2021年1月1日至2021年12月31日。', '');
  assert.equal(check(text).report.yearSource, 'prose');
  const [f] = findings(text, 'TPL-PERIOD');
  assert.equal(f.message, '未说明统计期限（应为2021年1月1日至2021年12月31日）');
  assert.equal(lineOf(text, f.range.start), 1);
  assert.equal(at(text, f), '一、总体情况');
  assert.equal(f.fix?.title, '在文首插入统计期限说明');
  assert.equal(assertFixResolves(text, f), `本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n${text}`);
});

test('TPL-YEAR-CONSISTENCY: title and period years differ; a period not of one calendar year', () => {
  for (const n of [0, 1, 2, 3, 4]) assert.deepEqual(findings(seed(n).text, 'TPL-YEAR-CONSISTENCY'), [], `seed ${n}`);
  const text = s000.replace('统计期限自2021年1月1日起至2021年12月31日止', '统计期限自2020年1月1日起至2020年12月31日止');
  const [f] = findings(text, 'TPL-YEAR-CONSISTENCY');
  assert.equal(f.message, '标题年份 2021 与统计期限年份 2020 不一致');
  assert.equal(f.severity, 'error');
  assert.equal(lineOf(text, f.range.start), 3);
  assert.equal(at(text, f), '2020');
  assert.equal(text.slice(f.range.start, f.range.start + 9), '2020年1月1日');
  assert.equal(findings(text, 'TPL-YEAR-CONSISTENCY', { lang: 'en' })[0].message, 'Title year 2021 differs from the period year 2020');
  const half = s000.replace('统计期限自2021年1月1日起至2021年12月31日止', '统计期限自2021年1月1日起至2021年6月30日止');
  const [g] = findings(half, 'TPL-YEAR-CONSISTENCY');
  assert.equal(g.message, '统计期限应为同一年的1月1日至12月31日');
  assert.equal(findings(half, 'TPL-YEAR-CONSISTENCY', { lang: 'en' })[0].message, 'The period must be 1 Jan–31 Dec of one year');
  const span = s000.replace('统计期限自2021年1月1日起至2021年12月31日止', '统计期限自2021年1月1日起至2022年12月31日止');
  assert.equal(findings(span, 'TPL-YEAR-CONSISTENCY')[0].message, '统计期限应为同一年的1月1日至12月31日');
});

test('TPL-S1-ASPECTS: 004 lacks 政府信息管理 only', () => {
  for (const n of [0, 1, 3]) assert.deepEqual(findings(seed(n).text, 'TPL-S1-ASPECTS'), [], `seed ${n}`);
  const [f] = findings(s004, 'TPL-S1-ASPECTS');
  assert.equal(f.message, '“总体情况”未涉及：政府信息管理（格式要求包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障）');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(s004, f.range.start), 3);
  assert.equal(at(s004, f), '#### 一、总体情况');
  assert.equal(findings(s004, 'TPL-S1-ASPECTS', { lang: 'en' })[0].message, 'The overview does not cover: information management (required: proactive disclosure, disclosure on application, information management, platforms, supervision)');
  // Adding a sentence on 公开属性 to s1 settles it; removing 平台 adds a second aspect.
  const fixed = replaceLine(s004, 4, `${line(s004, 4)}严格落实公文公开属性源头认定。`);
  assert.deepEqual(findings(fixed, 'TPL-S1-ASPECTS'), []);
  const less = s004.replace(/平台/g, '渠道');
  assert.match(findings(less, 'TPL-S1-ASPECTS')[0].message, /^“总体情况”未涉及：政府信息管理、政府信息公开平台建设（/);
  // The 2019 template has no such list (002).
  assert.deepEqual(findings(s002.replace(/平台/g, '渠道'), 'TPL-S1-ASPECTS'), []);
});

test('TPL-GOV-EXTRAS: a government report without 考核, 评议, 追究 (002)', () => {
  const [f] = findings(s002, 'TPL-GOV-EXTRAS');
  assert.equal(f.message, '人民政府年度报告应包括工作考核、社会评议、责任追究结果情况（《条例》第五十条第（四）项），正文未见');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(s002, f.range.start), 4);
  assert.equal(at(s002, f), '一、总体情况');
  assert.equal(findings(s002, 'TPL-GOV-EXTRAS', { lang: 'en' })[0].message, "A people's government report must include work appraisal, public evaluation, accountability results (art. 50(4)); none found");
  const partly = replaceLine(s002, 5, `${line(s002, 5)}年度政务公开工作考核结果已通报。`);
  assert.equal(findings(partly, 'TPL-GOV-EXTRAS')[0].message, '人民政府年度报告应包括社会评议、责任追究结果情况（《条例》第五十条第（四）项），正文未见');
  const all = replaceLine(s002, 5, `${line(s002, 5)}年度考核、社会评议均已完成，未发生问责情况。`);
  assert.deepEqual(findings(all, 'TPL-GOV-EXTRAS'), []);
  // Departments, subdistricts, zones: no such duty (000, 001, 003, 004).
  for (const n of [0, 1, 3, 4]) assert.deepEqual(findings(seed(n).text, 'TPL-GOV-EXTRAS'), [], `seed ${n}`);
});

test('TPL-GOV-POINTS: a 2021 government report whose section 6 omits the usual points', () => {
  // 000 as if by 烈山区人民政府 (a government): s6 (line 413) only states the fee.
  const gov = retitle(s000, '烈山区人民政府2021年政府信息公开工作年度报告');
  assert.equal(check(gov).report.agency?.kind, 'government');
  const [f] = findings(gov, 'TPL-GOV-POINTS');
  assert.equal(f.message, '人民政府年度报告通常还应在第六部分报告政务公开工作要点、人大代表建议和政协提案办理结果公开、政务公开工作创新');
  assert.equal(f.severity, 'info');
  assert.equal(lineOf(gov, f.range.start), 413);
  assert.equal(at(gov, f), '六、其他需要报告的事项');
  assert.equal(findings(gov, 'TPL-GOV-POINTS', { lang: 'en' })[0].message, "A people's government report usually also reports the annual work points, the disclosure of NPC suggestions and CPPCC proposals, innovations in section 6");
  const done = `${gov}\n本年度政务公开工作要点全部落实；人大代表建议、政协提案办理结果均已公开；创新开展政策解读。`;
  assert.deepEqual(findings(done, 'TPL-GOV-POINTS'), []);
  assert.deepEqual(findings(s000, 'TPL-GOV-POINTS'), []); // a department
  assert.deepEqual(findings(s002, 'TPL-GOV-POINTS'), []); // 2019 template
});

test('TPL-S5-CONTENT: section 5 empty, or naming only problems', () => {
  for (const n of [0, 1, 2, 3, 4]) assert.deepEqual(findings(seed(n).text, 'TPL-S5-CONTENT'), [], `seed ${n}`);
  // 000: s5 heading line 410, body lines 411–412.
  const empty = replaceLine(replaceLine(s000, 411, '无。'), 412, '');
  const [f] = findings(empty, 'TPL-S5-CONTENT');
  assert.equal(f.message, '第五部分应说明存在的主要问题及改进情况');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(empty, f.range.start), 410);
  assert.equal(at(empty, f), '五、存在的主要问题及改进情况');
  assert.equal(findings(empty, 'TPL-S5-CONTENT', { lang: 'en' })[0].message, 'Section 5 must state the main problems and improvements');
  const problemsOnly = replaceLine(empty, 411, '一是工作人员业务水平不高；二是政策解读形式单一。存在的问题较多。');
  assert.equal(findings(problemsOnly, 'TPL-S5-CONTENT')[0].message, '第五部分缺少改进措施');
  assert.equal(findings(problemsOnly, 'TPL-S5-CONTENT', { lang: 'en' })[0].message, 'Section 5 lacks improvements');
  const plansOnly = replaceLine(empty, 411, '下一步将加强培训，提升工作水平。');
  assert.equal(findings(plansOnly, 'TPL-S5-CONTENT')[0].message, '第五部分缺少问题');
});

test('TPL-S6-FEE: section 6 of 004 is "无"', () => {
  for (const n of [0, 1, 3]) assert.deepEqual(findings(seed(n).text, 'TPL-S6-FEE'), [], `seed ${n}`);
  const [f] = findings(s004, 'TPL-S6-FEE');
  assert.equal(f.message, '第六部分未说明信息处理费收取情况（模板：“收取信息处理费情况在此处报告”）');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(s004, f.range.start), 79);
  assert.equal(at(s004, f), '无');
  assert.equal(findings(s004, 'TPL-S6-FEE', { lang: 'en' })[0].message, 'Section 6 does not state whether information-processing fees were charged');
  const stated = (s: string) => replaceLine(s004, 79, s);
  for (const s of ['本年度未收取任何费用。', '未产生信息公开处理费。', '无收费情况。']) assert.deepEqual(findings(stated(s), 'TPL-S6-FEE'), [], s);
  // 收取 and 费 in different sentences do not count.
  assert.equal(findings(stated('本年度依法收取申请材料。经费保障到位。'), 'TPL-S6-FEE').length, 1);
  // An empty section 6 points at its heading.
  const bare = replaceLine(s004, 79, '');
  assert.equal(at(bare, findings(bare, 'TPL-S6-FEE')[0]), '## 六、其他需要报告的事项');
  // The 2019 template has no fee statement (002 s6 is "无。").
  assert.deepEqual(findings(s002, 'TPL-S6-FEE'), []);
});

test('TPL-DEADLINE: signed after 31 March (government) or 31 January (department)', () => {
  assert.deepEqual(findings(s002, 'TPL-DEADLINE'), []); // 2021-03-04 ≤ 2021-03-31
  const dateLine = s002.split('\n').findIndex((l) => l.includes('2021年3月4日')) + 1;
  const late = replaceLine(s002, dateLine, line(s002, dateLine).replace('2021年3月4日', '2021年4月2日'));
  const [f] = findings(late, 'TPL-DEADLINE');
  assert.equal(f.message, '落款日期 2021年4月2日 晚于法定期限 2021年3月31日（《条例》第四十九条）');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(late, f.range.start), dateLine);
  assert.equal(at(late, f), '2021年4月2日');
  assert.equal(findings(late, 'TPL-DEADLINE', { lang: 'en' })[0].message, 'Signing date 2021-04-02 is after the statutory deadline 2021-03-31 (art. 49)');
  assert.deepEqual(findings(replaceLine(s002, dateLine, '2021年3月31日'), 'TPL-DEADLINE'), []);
  // A department (000) has until 31 January; Chinese numerals are read too.
  const dept = `${s000}\n\n烈山区人民政府办公室\n二〇二二年二月一日`;
  const [g] = findings(dept, 'TPL-DEADLINE');
  assert.equal(g.message, '落款日期 2022年2月1日 晚于法定期限 2022年1月31日（《条例》第四十九条）');
  assert.equal(at(dept, g), '二〇二二年二月一日');
  assert.deepEqual(findings(`${s000}\n\n2022年1月31日`, 'TPL-DEADLINE'), []);
  // Townships, subdistricts, zones: local deadlines, not checked.
  assert.deepEqual(findings(`${s004}\n\n2022年5月1日`, 'TPL-DEADLINE'), []);
  const town = retitle(late, '2020年铁山镇政府信息公开工作年度报告');
  assert.equal(check(town).report.agency?.township, true);
  assert.deepEqual(findings(town, 'TPL-DEADLINE'), []);
});

test('TPL-*: fixes leave the rest of the document as it was', () => {
  const [f] = findings(s004, 'TPL-PERIOD');
  const fixed = applyEdits(s004, f.fix!.edits);
  assert.equal(fixed.replace('\n\n本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。', ''), s004);
});

test('TPL-VERSION: a citation of the other version\'s notice, at the citation; a replaced one and another office\'s number are not', () => {
  const cite = (text: string, sentence: string) => replaceLine(text, 2, `${sentence}${line(text, 2)}`);
  const in2021 = cite(s000, '本报告按照国办公开办函〔2019〕60号要求编制。');
  const [f] = findings(in2021, 'TPL-VERSION');
  assert.equal(f.message, '2021年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但正文引用的是2019年版（试行）格式的通知（国办公开办函〔2019〕60号）');
  assert.equal(f.severity, 'error');
  assert.equal(at(in2021, f), '国办公开办函〔2019〕60号');
  // Other brackets, and the 2021 notice in a 2020 report.
  const in2020 = cite(s002, '本报告按照国办公开办函［2021］30号要求编制。');
  assert.equal(at(in2020, findings(in2020, 'TPL-VERSION')[0]), '国办公开办函［2021］30号');
  // Clean twins: the current notice; the old one said to be replaced; another office's 〔2019〕60号.
  for (const sentence of ['本报告按照国办公开办函〔2021〕30号要求编制。', '新格式替代了国办公开办函〔2019〕60号规定的格式。', '依据某县政办〔2019〕60号文件开展工作。']) {
    assert.deepEqual(findings(cite(s000, sentence), 'TPL-VERSION'), [], sentence);
  }
  assert.deepEqual(findings(cite(s002, '本报告按照国办公开办函〔2019〕60号要求编制。'), 'TPL-VERSION'), []);
});

test('TPL-VERSION: the superseded notice cited by its name alone, at the name', () => {
  const cite = (text: string, sentence: string) => replaceLine(text, 2, `${sentence}${line(text, 2)}`);
  const byName = cite(s000, '根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》要求，编制本报告。');
  const [f, ...more] = findings(byName, 'TPL-VERSION');
  assert.deepEqual(more, []);
  assert.equal(f.message, '2021年度报告应使用2021年版格式（国办公开办函〔2021〕30号），但正文引用的是2019年版（试行）格式的通知（国办公开办函〔2019〕60号）');
  assert.equal(at(byName, f), '关于政府信息公开工作年度报告有关事项的通知');
  // Its name and number together: the finding is on the number. Seed 002 (2020) cites both, rightly.
  const both = cite(s000, '根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求，编制本报告。');
  assert.equal(at(both, findings(both, 'TPL-VERSION')[0]), '国办公开办函〔2019〕60号');
  assert.ok(s002.includes('关于政府信息公开工作年度报告有关事项的通知'));
  assert.deepEqual(findings(s002, 'TPL-VERSION'), []);
  // Said to be replaced: no finding.
  assert.deepEqual(findings(cite(s000, '《关于政府信息公开工作年度报告有关事项的通知》规定的格式已停止执行。'), 'TPL-VERSION'), []);
});
