// STRUCT-HEADING-WORDING and STRUCT-HEADING-LEVEL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixResolves, findings, lineOf, replaceLine, seed } from '../harness.ts';

describe('STRUCT-HEADING-WORDING', () => {
  it('reports a reworded title and replaces it by the template wording', () => {
    const text = replaceLine(seed(0).text, 15, '二、主动公开政府信息的情况');
    const [f, ...rest] = findings(text, 'STRUCT-HEADING-WORDING');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '标题“主动公开政府信息的情况”与模板“主动公开政府信息情况”不一致');
    assert.equal(lineOf(text, f.range.start), 15);
    assert.equal(text.slice(f.range.start, f.range.end), '主动公开政府信息的情况');
    assert.equal(f.fix!.kind, 'unsafe');
    const fixed = assertFixResolves(text, f);
    assert.equal(fixed.split('\n')[14], '二、主动公开政府信息情况');
    const [en] = findings(text, 'STRUCT-HEADING-WORDING', { lang: 'en' });
    assert.equal(en.message, 'Heading “主动公开政府信息的情况” differs from the template “主动公开政府信息情况”');
  });

  it('accepts the 2019 alternative s5 wording in a 2019 report, not in a 2021 one', () => {
    const alt = '五、政府信息公开工作存在的主要问题及改进情况';
    assert.deepEqual(findings(replaceLine(seed(2).text, 414, alt), 'STRUCT-HEADING-WORDING').map((f) => lineOf(seed(2).text, f.range.start)), [106, 368]);
    const in2021 = replaceLine(seed(0).text, 410, alt);
    const [f] = findings(in2021, 'STRUCT-HEADING-WORDING');
    assert.equal(f.message, '标题“政府信息公开工作存在的主要问题及改进情况”与模板“存在的主要问题及改进情况”不一致');
  });

  it('ignores punctuation width and spacing', () => {
    // U+FF64 (half-width ideographic comma) for 、 and a full-width space inside the title.
    const text = replaceLine(seed(0).text, 352, '四、政府信息公开行政复议\uFF64行政诉讼\u3000情况');
    assert.deepEqual(findings(text, 'STRUCT-HEADING-WORDING'), []);
    assert.deepEqual(findings(seed(0).text, 'STRUCT-HEADING-WORDING'), []);
  });
});

describe('STRUCT-HEADING-LEVEL', () => {
  it('seed 003: levels 2,2,3,4,4,4 under a level-1 title → target 2, safe fix rewrites the # run', () => {
    const text = seed(3).text;
    const fs = findings(text, 'STRUCT-HEADING-LEVEL');
    assert.deepEqual(fs.map((f) => [lineOf(text, f.range.start), text.slice(f.range.start, f.range.end)]), [[34, '###'], [65, '####'], [72, '####'], [82, '####']]);
    assert.equal(fs[0].severity, 'info');
    assert.equal(fs[0].message, '第三部分标题为 3 级，六个部分应统一为 2 级');
    assert.equal(fs[1].message, '第四部分标题为 4 级，六个部分应统一为 2 级');
    assert.equal(fs[0].fix!.kind, 'safe');
    const fixed = assertFixResolves(text, fs[0]);
    assert.equal(fixed.split('\n')[33], '## 三、收到和处理政府信息公开申请情况');
    const en = findings(text, 'STRUCT-HEADING-LEVEL', { lang: 'en' });
    assert.equal(en[0].message, 'Section 3 heading is level 3; all six sections should be level 2');
  });

  it('seed 004: levels 4,4,1,2,2,2 → target 2 (1 → 2 as well)', () => {
    const text = seed(4).text;
    const fs = findings(text, 'STRUCT-HEADING-LEVEL');
    assert.deepEqual(fs.map((f) => [lineOf(text, f.range.start), text.slice(f.range.start, f.range.end)]), [[3, '####'], [11, '####'], [28, '#']]);
    assert.equal(fs[2].message, '第三部分标题为 1 级，六个部分应统一为 2 级');
    assertFixResolves(text, fs[2]);
  });

  it('counts a plain-line section heading as a level of its own and inserts the # run', () => {
    const text = replaceLine(replaceLine(replaceLine(replaceLine(seed(3).text, 34, '## 三、收到和处理政府信息公开申请情况'), 65, '## 四、政府信息公开行政复议、行政诉讼情况'), 72, '五、存在的主要问题及改进情况'), 82, '## 六、其他需要报告的事项');
    const [f, ...rest] = findings(text, 'STRUCT-HEADING-LEVEL');
    assert.equal(rest.length, 0);
    assert.equal(f.message, '第五部分标题为 普通文本行，六个部分应统一为 2 级');
    assert.equal(lineOf(text, f.range.start), 72);
    assert.equal(f.range.start, f.range.end);
    const fixed = assertFixResolves(text, f);
    assert.equal(fixed.split('\n')[71], '## 五、存在的主要问题及改进情况');
    const [en] = findings(text, 'STRUCT-HEADING-LEVEL', { lang: 'en' });
    assert.equal(en.message, 'Section 5 heading is a plain line; all six sections should be level 2');
  });

  it('rewrites a Setext heading (level 1 in a .md file) as an ATX heading of the target level', () => {
    const text = replaceLine(seed(3).text, 34, '三、收到和处理政府信息公开申请情况\n====');
    const opts = { fileName: 'report.md' };
    const fs = findings(text, 'STRUCT-HEADING-LEVEL', opts);
    assert.equal(fs[0].message, '第三部分标题为 1 级，六个部分应统一为 2 级');
    assert.equal(lineOf(text, fs[0].range.start), 34);
    const fixed = assertFixResolves(text, fs[0], opts);
    assert.deepEqual(fixed.split('\n').slice(33, 35), ['## 三、收到和处理政府信息公开申请情况', '']);
  });

  it('never flags headings on one level, whatever the title level, nor plain-text reports', () => {
    // Seed 003 with every section at level 3 under the level-1 title.
    let text = seed(3).text;
    for (const n of [5, 17, 34, 65, 72, 82]) text = replaceLine(text, n, text.split('\n')[n - 1].replace(/^#+/, '###'));
    assert.deepEqual(findings(text, 'STRUCT-HEADING-LEVEL'), []);
    for (const n of [0, 1, 2]) assert.deepEqual(findings(seed(n).text, 'STRUCT-HEADING-LEVEL'), [], `seed ${n}`);
  });
});
