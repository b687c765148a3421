// TPL-YEAR-STALE: a paragraph opening with another year as the year of the work, and every guard
// of issue 16 (comparisons, ranges, plans, document names and numbers, carry-over, dates, the
// period statement, tables, section 五). Written by hand on seed 000 (2021, plain text: the
// paragraph under "（二）依申请公开" opens with "2021年度，我办办理…", line 8).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findings, lineOf, replaceLine, seed } from '../harness.ts';

const RULE = 'TPL-YEAR-STALE';
const s000 = seed(0).text;
const s003 = seed(3).text; // 2023, Markdown headings, TAB tables
const line8 = s000.split('\n')[7];
const at = (text: string, f: { range: { start: number; end: number } }) => text.slice(f.range.start, f.range.end);
/** Seed 000 with line 8 (a paragraph of section 一) replaced. */
const with8 = (l: string) => replaceLine(s000, 8, l);

test('TPL-YEAR-STALE: the seeds open their paragraphs with their own year', () => {
  for (const n of [0, 1, 2, 3, 4]) assert.deepEqual(findings(seed(n).text, RULE), [], `seed ${n}`);
  assert.ok(line8.startsWith('2021年度，我办办理上年度结转'));
});

test('TPL-YEAR-STALE: a paragraph kept from last year’s report, on the year, a warning', () => {
  const text = with8(line8.replace('2021年度，', '2020年度，'));
  const [f, ...more] = findings(text, RULE);
  assert.deepEqual(more, []);
  assert.equal(f.message, '本段以“2020年”开头，而报告年度为2021年；是否沿用了往年报告的内容？');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(text, f.range.start), 8);
  assert.equal(at(text, f), '2020');
  assert.equal(f.fix, null);
  assert.equal(findings(text, RULE, { lang: 'en' })[0].message, 'This paragraph opens with “2020年”, but the report is for 2021; was it kept from an earlier report?');
});

test('TPL-YEAR-STALE: the shapes of a year of the work at a paragraph’s opening', () => {
  for (const opening of ['2020年，我办', '2020年我办', '2020年全区主动公开', '（一）2020年，我办', '一是2020年，我办', '依申请公开：2020年，我办', '二〇二〇年，我办', '- 2020年，我办', '**2020年**，我办']) {
    const text = with8(`${opening}收到政府信息公开申请7件，均已按时办结。`);
    assert.equal(findings(text, RULE).length, 1, opening);
  }
  // A later year stated as done, not as a plan: also another year's paragraph.
  assert.equal(findings(with8('2022年，我办收到政府信息公开申请7件，均已按时办结。'), RULE).length, 1);
});

test('TPL-YEAR-STALE: guards — comparisons, ranges, plans, names and numbers, carry-over, dates', () => {
  const guarded = [
    '与2020年相比，本年度收到申请数量有所增加。',
    '较2020年，本年度收到申请增加2件。',
    '比2020年增加2件。',
    '2020年同期收到申请5件。',
    '2020年，我办收到申请5件；2021年收到7件，增长40%。', // names the report's year: a comparison
    '2020年，我办收到申请5件，相比之下本年度有所增加。',
    '2021—2025年，我办按照规划推进政务公开。',
    '2019-2021年，我办累计收到申请20件。',
    '2020年至2021年，我办持续推进政务公开。',
    '2020年以来，我办持续推进政务公开。',
    '2022年，我办将继续深化政务公开工作。',
    '2022年计划新增专题栏目3个。',
    '《2020年政务公开工作要点》已按要求公开。',
    '2020年第3号公告已按要求公开。',
    '〔2020〕15号文件已按要求公开。',
    '2020年度结转的申请1件已办结。',
    '2020年12月，我办印发政务公开工作方案。',
    '2020年度政府信息公开工作年度报告已于2021年1月发布。',
  ];
  for (const l of guarded) assert.deepEqual(findings(with8(l), RULE), [], l);
});

test('TPL-YEAR-STALE: only a paragraph’s opening; not a sentence inside one, a wrapped line, a heading', () => {
  assert.deepEqual(findings(with8('我办积极推进依申请公开。2020年，我办收到申请7件。'), RULE), []);
  // A hard-wrapped paragraph: the line goes on from the one before, which ends mid-sentence.
  assert.deepEqual(findings(with8('我办积极推进依申请公开，与上级部门\n2020年，我办收到申请7件。'), RULE), []);
  assert.deepEqual(findings(replaceLine(s000, 7, '（二）2020年依申请公开'), RULE), []);
});

test('TPL-YEAR-STALE: section 五 (plans), tables and the period statement are not read', () => {
  const s5 = s003.replace('改进情况:一是聚焦工作要求', '2022年，我单位存在的问题:一是聚焦工作要求');
  assert.notEqual(s5, s003);
  assert.deepEqual(findings(s5, RULE), []);
  const s2 = s003.replace('## 二、主动公开政府信息情况\n', '## 二、主动公开政府信息情况\n\n2022年，全区主动公开政府信息1500余条。\n');
  assert.equal(findings(s2, RULE).length, 1);
  // A stale statistics period is TPL-YEAR-CONSISTENCY's (an error), not this warning's.
  const period = s000.replace('统计期限自2021年1月1日起至2021年12月31日止', '统计期限自2020年1月1日起至2020年12月31日止');
  assert.deepEqual(findings(period, RULE), []);
  assert.equal(findings(period, 'TPL-YEAR-CONSISTENCY').length, 1);
});

test('TPL-YEAR-STALE: without a report year there is nothing to compare with', () => {
  const text = with8('2020年，我办收到申请7件。').replace(/2021年/g, '');
  assert.deepEqual(findings(text, RULE), []);
});
