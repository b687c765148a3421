// Title and report year as a published page gives them: the title under site chrome and
// breadcrumbs, wrapped over two lines, and the year from the title, the period or the preamble.
import assert from 'node:assert/strict';
import test from 'node:test';
import { check, nothingOfAReport, parseReport, readsAsReport } from '../../engine/index.ts';

const BODY = ['', '一、总体情况', '本机关全年主动公开政府信息12条。', ''].join('\n');
const parse = (head: string, name = 'r.txt') => parseReport(head + '\n' + BODY, { fileName: name }).report;

test('a breadcrumb naming the report is never the title; the headline under it is', () => {
  const r = parse(['首页 > 政务公开 > 政府信息公开年度报告', '某县交通运输局2023年政府信息公开工作年度报告', '发布时间：2024-01-20  来源：县交通运输局  浏览次数：35'].join('\n'));
  assert.equal(r.title?.text, '某县交通运输局2023年政府信息公开工作年度报告');
  assert.equal(r.year, 2023);
  assert.equal(r.agency?.name, '某县交通运输局');
  const crumbOnly = parse(['当前位置：首页 > 政务公开 > 2023年政府信息公开工作年度报告', '', '本机关现将有关情况报告如下。'].join('\n'));
  assert.equal(crumbOnly.title, undefined);
});

test('a site tag and the metadata on the headline line are not part of the title', () => {
  const r = parse('【图文】某县教育局2022年政府信息公开工作年度报告    发布日期：2023-01-18');
  assert.equal(r.title?.text, '某县教育局2022年政府信息公开工作年度报告');
  assert.equal(r.agency?.name, '某县教育局');
  const suffix = parse('某县教育局2022年政府信息公开工作年度报告（全文）');
  assert.equal(suffix.year, 2022);
  assert.equal(suffix.agency?.name, '某县教育局');
});

test('a title wrapped over two lines is one title, in either place of the break', () => {
  const agencyAbove = parse(['某市某区人民政府办公室', '2023年政府信息公开工作年度报告'].join('\n'));
  assert.equal(agencyAbove.title?.text, '某市某区人民政府办公室2023年政府信息公开工作年度报告');
  assert.equal(agencyAbove.title?.line, 0);
  assert.equal(agencyAbove.title?.lastLine, 1);
  assert.equal(agencyAbove.agency?.name, '某市某区人民政府办公室');
  const endBelow = parse(['某市某区人民政府2023年政府信息公开', '工作年度报告'].join('\n'));
  assert.equal(endBelow.title?.text, '某市某区人民政府2023年政府信息公开工作年度报告');
  assert.equal(endBelow.year, 2023);
  // The wrapped title's lines are not prose, and no TPL-TITLE is raised.
  const f = check(['某市某区人民政府2023年政府信息公开', '工作年度报告', BODY].join('\n'), { fileName: 'r.txt' }).findings;
  assert.ok(!f.some((x) => x.rule === 'TPL-TITLE'));
});

test('a sentence line before the title is not joined to it', () => {
  const r = parse(['欢迎访问本网站，本站由县政府办主办。', '2023年政府信息公开工作年度报告'].join('\n'));
  assert.equal(r.title?.text, '2023年政府信息公开工作年度报告');
  assert.equal(r.agency, undefined);
});

test('a title with its year in Chinese digits', () => {
  const r = parse('某县民政局二〇二三年政府信息公开工作年度报告');
  assert.equal(r.year, 2023);
  assert.equal(r.agency?.name, '某县民政局');
});

test('the year from the preamble when the title has none', () => {
  const r = parse(['某县民政局政府信息公开工作年度报告', '', '根据《中华人民共和国政府信息公开条例》规定，现将本机关2023年度政府信息公开工作情况报告如下。'].join('\n'));
  assert.equal(r.year, 2023);
  assert.equal(r.yearSource, 'prose');
  assert.equal(r.agency?.name, '某县民政局');
  const noName = parse('根据《中华人民共和国政府信息公开条例》规定，现将本机关2023年度政府信息公开工作情况报告如下。');
  assert.equal(noName.year, 2023);
  assert.equal(noName.agency, undefined, '本机关 is not a name');
});

test('the year from a period stated as 统计周期', () => {
  const r = parse(['某县民政局政府信息公开工作年度报告', '', '本报告所列数据统计周期为2023年1月1日至12月31日。'].join('\n'));
  assert.equal(r.year, 2023);
  assert.equal(r.yearSource, 'period');
});

test('TPL-YEAR-UNKNOWN only when neither title, period nor preamble has a year', () => {
  const rules = (head: string) => check(head + '\n' + BODY, { fileName: 'r.txt' }).findings.map((f) => f.rule);
  assert.ok(rules('某县民政局政府信息公开工作年度报告').includes('TPL-YEAR-UNKNOWN'));
  assert.ok(!rules('某县民政局政府信息公开工作年度报告\n现将本机关2023年度政府信息公开工作情况报告如下。').includes('TPL-YEAR-UNKNOWN'));
});

test("TPL-TITLE's added year goes into the title as written, after a site tag", () => {
  const text = ['【图文】某县民政局政府信息公开工作年度报告', '', '本报告所列数据统计期限为2023年1月1日至12月31日。', BODY].join('\n');
  const f = check(text, { fileName: 'r.txt' }).findings.find((x) => x.rule === 'TPL-TITLE');
  assert.ok(f?.fix);
  const at = f.fix.edits[0].start;
  assert.equal(text.slice(at - 5, at), '某县民政局');
});

test('breadcrumbs in the other ways sites write them are never the title', () => {
  for (const crumb of ['首页 / 政务公开 / 某县交通运输局2023年政府信息公开工作年度报告', '首页》政务公开》某县交通运输局2023年政府信息公开工作年度报告',
    '网站首页｜政务公开｜某县交通运输局2023年政府信息公开工作年度报告', '您当前所在位置：首页 >> 政务公开 >> 某县交通运输局2023年政府信息公开工作年度报告']) {
    assert.equal(parse([crumb, '', '本机关现将有关情况报告如下。'].join('\n')).title, undefined, crumb);
    const under = parse([crumb, '某县交通运输局2023年政府信息公开工作年度报告'].join('\n'));
    assert.equal(under.title?.text, '某县交通运输局2023年政府信息公开工作年度报告', crumb);
  }
  // A document's name in 《》 is not a breadcrumb's 》.
  assert.equal(parse('《某县交通运输局2023年政府信息公开工作年度报告》').title?.year, 2023);
});

test('a publishing date after the headline on its line is not part of the title', () => {
  for (const date of ['2024-01-29', '2024/01/29 16:35', '2024年1月29日']) {
    const r = parse(`某县交通运输局2023年政府信息公开工作年度报告　 ${date}`);
    assert.equal(r.title?.text, '某县交通运输局2023年政府信息公开工作年度报告', date);
    assert.equal(r.agency?.name, '某县交通运输局');
  }
});

test('a title wrapped after its year ("某县交通运输局2023年度" / "政府信息公开工作年度报告")', () => {
  const r = parse(['某县交通运输局2023年度', '政府信息公开工作年度报告'].join('\n'));
  assert.equal(r.title?.text, '某县交通运输局2023年度政府信息公开工作年度报告');
  assert.equal(r.title?.lastLine, 1);
  assert.equal(r.year, 2023);
  assert.equal(r.yearSource, 'title');
  assert.equal(r.agency?.name, '某县交通运输局');
});

test('the title’s year as sites type it: spaced words, full-width digits, 情况报告, 关于', () => {
  const cases: [string, string][] = [
    ['某县交通运输局 2023 年 政府信息公开工作 年度报告', '某县交通运输局'],
    ['某县交通运输局２０２３年政府信息公开工作年度报告', '某县交通运输局'],
    ['某县交通运输局2023年政府信息公开工作情况报告', '某县交通运输局'],
    ['某县交通运输局关于2023年政府信息公开工作年度报告', '某县交通运输局'],
  ];
  for (const [title, agency] of cases) {
    const r = parse(title);
    assert.equal(r.year, 2023, title);
    assert.equal(r.yearSource, 'title', title);
    assert.equal(r.agency?.name, agency, title);
    assert.ok(!check(`${title}\n${BODY}`, { fileName: 'r.txt' }).findings.some((f) => f.rule === 'TPL-TITLE' || f.rule === 'TPL-YEAR-UNKNOWN'), title);
  }
});

test('the year from a preamble in Chinese digits, and from a period in full-width digits', () => {
  const pre = parse(['某县民政局政府信息公开工作年度报告', '', '现将本机关二〇二三年度政府信息公开工作情况报告如下。'].join('\n'));
  assert.equal(pre.year, 2023);
  assert.equal(pre.yearSource, 'prose');
  const text = ['某县民政局政府信息公开工作年度报告', '', '本报告中所列数据的统计期限自２０２３年１月１日起至２０２３年１２月３１日止。'].join('\n');
  const per = parse(text);
  assert.equal(per.year, 2023);
  assert.equal(per.yearSource, 'period');
  const rules = check(`${text}\n${BODY}`, { fileName: 'r.txt' }).findings.map((f) => f.rule);
  assert.ok(!rules.includes('TPL-PERIOD') && !rules.includes('TPL-YEAR-CONSISTENCY') && !rules.includes('TPL-YEAR-UNKNOWN'), rules.join());
  // A full-width period of half a year is still not one calendar year.
  const half = check(`${text.replace('１２月３１日', '６月３０日')}\n${BODY}`, { fileName: 'r.txt' }).findings.filter((f) => f.rule === 'TPL-YEAR-CONSISTENCY');
  assert.equal(half.length, 1);
});

test('a page whose only sign of a report is its preamble or its period still reads as a report', () => {
  const body = '<p>现将本机关2023年度政府信息公开工作情况报告如下。</p><p>本机关全年主动公开政府信息12条。</p>';
  const r = check(`<html><body><div class="crumb">首页 &gt; 政务公开</div>${body}</body></html>`, { fileName: 'r.html' });
  assert.ok(readsAsReport(r.report));
  assert.ok(!nothingOfAReport(r.report));
  const news = check('<html><body><p>本站开展政务公开宣传活动。</p></body></html>', { fileName: 'n.html' });
  assert.ok(!readsAsReport(news.report));
});
