// Which documents validate=auto checks: reports yes, other Markdown no.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeReport } from '../../server/detect.ts';
import { ROOT } from './lsp.ts';

it('recognises every seed report', () => {
  const dir = join(ROOT, 'test/fixtures/seeds');
  const seeds = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  assert.ok(seeds.length >= 5);
  for (const f of seeds) assert.equal(looksLikeReport(readFileSync(join(dir, f), 'utf8')), true, f);
});

it('recognises a title line alone, in plain text or as a Markdown heading', () => {
  assert.equal(looksLikeReport('某某县人民政府2022年政府信息公开工作年度报告\n\n正文'), true);
  assert.equal(looksLikeReport('\n# 某某局2023年政务公开工作年度报告\n'), true);
  assert.equal(looksLikeReport('某某市2021年政府信息公开工作年度报告（修订）'), false);
});

it('recognises two template section headings without a title', () => {
  assert.equal(looksLikeReport('一、总体情况\n正文\n二、主动公开政府信息情况\n表格'), true);
  assert.equal(looksLikeReport('## 三、收到和处理政府信息公开申请情况\n\n## 四、政府信息公开行政复议、行政诉讼情况\n'), true);
});

it('leaves other documents alone', () => {
  assert.equal(looksLikeReport(''), false);
  assert.equal(looksLikeReport('# README\n\nSome project.\n'), false);
  // One generic heading is not enough.
  assert.equal(looksLikeReport('# 会议纪要\n\n## 一、总体情况\n\n本周完成了 3 项工作。\n'), false);
  // Mentioning the report in prose (not as a title line within the first lines) is not enough.
  const prose = `${'笔记。\n'.repeat(40)}我们阅读了某区2021年政府信息公开工作年度报告\n`;
  assert.equal(looksLikeReport(prose), false);
  assert.equal(looksLikeReport('关于政府信息公开的几点思考：为什么年度报告很重要，以及如何写好一份报告'), false);
});

it('reads a title or headings through a converter\'s inline markup', () => {
  const dir = join(ROOT, 'test/fixtures/converted');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) assert.equal(looksLikeReport(readFileSync(join(dir, f), 'utf8')), true, f);
  assert.equal(looksLikeReport('**2020年某区政府信息公开工作年度报告**\n'), true);
  assert.equal(looksLikeReport('## **一、总体情况**\n\n## **二、主动公开政府信息情况**\n'), true);
});

it('never takes a documentation page for a report: examples in fenced code, a title without a year', () => {
  const page = '# T3-BALANCE\n\n**政府信息公开工作年度报告**\n\n## 不通过的例子\n\n```markdown\n# 青山市交通运输局2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n## 二、主动公开政府信息情况\n```\n';
  assert.equal(looksLikeReport(page), false);
  assert.equal(looksLikeReport('~~~~\n一、总体情况\n二、主动公开政府信息情况\n~~~~\n'), false);
  // Every rule page and README of the repository (the report skeletons of the rule sources are reports).
  for (const dir of ['docs/rules', 'docs/rules/en', 'docs/spec', 'docs']) {
    for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.md'))) assert.equal(looksLikeReport(readFileSync(join(ROOT, dir, f), 'utf8')), false, `${dir}/${f}`);
  }
  for (const f of ['README.md', 'CONTRIBUTING.md', 'server/README.md', 'test/fixtures/README.md']) assert.equal(looksLikeReport(readFileSync(join(ROOT, f), 'utf8')), false, f);
});

it('recognises a report in the outline before 2019, a wrapped title and a preamble naming the report', () => {
  assert.equal(looksLikeReport('一、概述\n正文\n二、主动公开政府信息情况\n正文\n三、依申请公开政府信息情况\n'), true);
  assert.equal(looksLikeReport('某市某区人民政府2023年政府信息公开\n工作年度报告\n\n正文'), true);
  assert.equal(looksLikeReport('根据《中华人民共和国政府信息公开条例》，现将本机关2023年度政府信息公开工作情况报告如下。\n'), true);
  // One outline heading alone is not enough, nor a wrapped line that is not a title.
  assert.equal(looksLikeReport('一、概述\n本周完成了 3 项工作。\n'), false);
  assert.equal(looksLikeReport('我们讨论了2023年政府信息公开\n工作年度报告的写法，\n'), false);
});
