// STRUCT-SECTION-MISSING, -DUPLICATE, -ORDER and STRUCT-ORDINAL on seeds edited by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, check } from '../../../engine/index.ts';
import { assertFixResolves, findings, lineOf, replaceLine, seed } from '../harness.ts';

const dropLines = (text: string, from: number, to: number) => {
  const lines = text.split('\n');
  lines.splice(from - 1, to - from + 1);
  return lines.join('\n');
};

describe('STRUCT-SECTION-MISSING', () => {
  it('reports a missing s6 at the end of the text and inserts the plain heading', () => {
    // Seed 002 (2019 format) without 六、其他需要报告的事项 and its body 无。 (lines 419–420).
    const text = dropLines(seed(2).text, 419, 420);
    const [f, ...rest] = findings(text, 'STRUCT-SECTION-MISSING');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, '缺少第六部分“其他需要报告的事项”');
    assert.deepEqual(f.range, { start: text.length, end: text.length });
    assert.equal(f.fix!.kind, 'unsafe');
    assert.equal(f.fix!.edits[0].newText, '六、其他需要报告的事项\n');
    const fixed = assertFixResolves(text, f);
    assert.ok(check(fixed, { fileName: 'report.txt' }).report.sections.some((s) => s.key === 's6'));
    const [en] = findings(text, 'STRUCT-SECTION-MISSING', { lang: 'en' });
    assert.equal(en.message, 'Section 6 “其他需要报告的事项” is missing');
  });

  it('places the range at the next present heading and writes an ATX heading in an ATX document', () => {
    // Seed 003 with 五、 removed (line 72): the insertion goes before 六 (line 82) at the target level 2.
    const base = seed(3).text;
    const text = replaceLine(base, 72, '');
    const [f] = findings(text, 'STRUCT-SECTION-MISSING');
    assert.equal(f.message, '缺少第五部分“存在的主要问题及改进情况”');
    assert.equal(f.range.start, f.range.end);
    assert.equal(lineOf(text, f.range.start), 82);
    assert.ok(text.slice(f.range.start).startsWith('#### 六、'));
    assert.equal(f.fix!.edits[0].newText, '## 五、存在的主要问题及改进情况\n');
    const fixed = applyEdits(text, f.fix!.edits);
    assert.deepEqual(findings(fixed, 'STRUCT-SECTION-MISSING'), []);
  });

  it('inserts s3 with an empty GFM skeleton of table 3 that binds', () => {
    // Seed 000 without the whole of 三 (heading line 63 to the line before 四 at 352).
    const text = dropLines(seed(0).text, 63, 351);
    const [f] = findings(text, 'STRUCT-SECTION-MISSING');
    assert.equal(f.message, '缺少第三部分“收到和处理政府信息公开申请情况”');
    assert.equal(lineOf(text, f.range.start), 63);
    const insert = f.fix!.edits[0].newText;
    assert.ok(insert.startsWith('三、收到和处理政府信息公开申请情况\n\n| '));
    assert.match(insert, /\| 一、本年新收政府信息公开申请数量 \|( \|)+\n/);
    const fixed = applyEdits(text, f.fix!.edits);
    const after = check(fixed, { fileName: 'report.txt' });
    assert.equal(after.report.sections.find((s) => s.key === 's3')?.heading.line, 62);
    const t3 = after.report.tables.T3;
    assert.equal(t3.status, 'bound');
    assert.equal(t3.section, 's3');
    assert.equal(t3.version, '2021');
    // Every value cell is blank: the only new findings are the blanks themselves.
    assert.ok([...t3.cells.values()].every((c) => c.state === 'blank'));
    const fresh = after.findings.filter((x) => !check(text, { fileName: 'report.txt' }).findings.some((y) => y.rule === x.rule && y.message === x.message));
    assert.deepEqual([...new Set(fresh.map((x) => x.rule))], ['CELL-EMPTY']);
    assert.ok(!after.findings.some((x) => x.rule.startsWith('STRUCT-')));
  });

  it('inserts s2 with the four 2021 blocks of table 2 as GFM skeletons that bind', () => {
    // Seed 000 without the whole of 二 (heading line 15 to the line before 三 at 63).
    const text = dropLines(seed(0).text, 15, 62);
    const [f] = findings(text, 'STRUCT-SECTION-MISSING');
    assert.equal(f.message, '缺少第二部分“主动公开政府信息情况”');
    const insert = f.fix!.edits[0].newText;
    assert.deepEqual(insert.match(/第二十条第（.）项/g), ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项']);
    assert.match(insert, /\| 信息内容 \| 本年收费金额（单位：万元） \|/);
    const fixed = applyEdits(text, f.fix!.edits);
    const after = check(fixed, { fileName: 'report.txt' });
    const t2 = after.report.tables.T2;
    assert.equal(t2.status, 'bound');
    assert.equal(t2.version, '2021');
    assert.equal(t2.section, 's2');
    assert.equal(t2.cells.size, 10);
    assert.ok([...t2.cells.values()].every((c) => c.state === 'blank'));
    assert.ok(!after.findings.some((x) => x.rule.startsWith('STRUCT-')));
  });

  it('does not fire when all six sections are present (every seed)', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-SECTION-MISSING'), [], `seed ${n}`);
  });
});

describe('STRUCT-SECTION-DUPLICATE', () => {
  it('reports a second heading of the same part on that heading', () => {
    const base = seed(3).text;
    const text = base.replace(/\n$/, '') + '\n\n## 六、其他需要报告的事项\n\n无。\n';
    const [f, ...rest] = findings(text, 'STRUCT-SECTION-DUPLICATE');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '第六部分“其他需要报告的事项”重复出现（首次在第 82 行）');
    assert.equal(text.slice(f.range.start, f.range.end), '## 六、其他需要报告的事项');
    assert.equal(f.fix, null);
    const [en] = findings(text, 'STRUCT-SECTION-DUPLICATE', { lang: 'en' });
    assert.equal(en.message, 'Section 6 appears again (first at line 82)');
  });

  it('does not count a list item carrying another ordinal (docs/spec/format.md §2.2 tie-break)', () => {
    // "- 三、主动公开政府信息情况" inside s1 matches s2's matcher but carries 三, while s2 has a
    // heading with its own 二: the list item is body text of s1, not a second s2 heading.
    const text = replaceLine(seed(4).text, 8, '- 三、主动公开政府信息情况');
    assert.deepEqual(findings(text, 'STRUCT-SECTION-DUPLICATE'), []);
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-SECTION-DUPLICATE'), [], `seed ${n}`);
  });
});

describe('STRUCT-SECTION-ORDER', () => {
  it('reports a part that follows one with a higher index', () => {
    // Seed 000: move 五 (lines 410–412) after 六 (413–414).
    const lines = seed(0).text.split('\n');
    const five = lines.splice(409, 3);
    lines.splice(411, 0, ...five);
    const text = lines.join('\n');
    const [f, ...rest] = findings(text, 'STRUCT-SECTION-ORDER');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '第五部分出现在第六部分之后，与模板顺序不符');
    assert.equal(lineOf(text, f.range.start), 412);
    assert.equal(text.slice(f.range.start, f.range.end), '五、存在的主要问题及改进情况');
    const [en] = findings(text, 'STRUCT-SECTION-ORDER', { lang: 'en' });
    assert.equal(en.message, 'Section 5 comes after section 6; the template order is 一 to 六');
  });

  it('does not fire on the seeds, which keep the template order', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-SECTION-ORDER'), [], `seed ${n}`);
  });
});

describe('STRUCT-ORDINAL', () => {
  it('reports a wrong ordinal and sets the right numeral (safe)', () => {
    const text = replaceLine(seed(3).text, 72, '#### 四、存在的主要问题及改进情况');
    const [f, ...rest] = findings(text, 'STRUCT-ORDINAL');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '标题序号“四、”与内容不符，应为“五、”');
    assert.equal(lineOf(text, f.range.start), 72);
    assert.equal(text.slice(f.range.start, f.range.end), '四、');
    assert.equal(f.fix!.kind, 'safe');
    const fixed = assertFixResolves(text, f);
    assert.equal(fixed.split('\n')[71], '#### 五、存在的主要问题及改进情况');
    const [en] = findings(text, 'STRUCT-ORDINAL', { lang: 'en' });
    assert.equal(en.message, 'Heading number “四、” does not match; expected “五、”');
  });

  it('reports a missing ordinal and inserts it', () => {
    const text = replaceLine(seed(0).text, 413, '其他需要报告的事项');
    const [f] = findings(text, 'STRUCT-ORDINAL');
    assert.equal(f.message, '标题缺少序号，应为“六、其他需要报告的事项”');
    assert.equal(lineOf(text, f.range.start), 413);
    assert.equal(f.range.start, f.range.end);
    const fixed = assertFixResolves(text, f);
    assert.equal(fixed.split('\n')[412], '六、其他需要报告的事项');
    const [en] = findings(text, 'STRUCT-ORDINAL', { lang: 'en' });
    assert.equal(en.message, 'Heading has no number; expected “六、其他需要报告的事项”');
  });

  it('accepts the right ordinals in every seed', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-ORDINAL'), [], `seed ${n}`);
  });

  it('a converter\'s list number in the ordinal\'s place: the number goes, the ordinal goes inside the emphasis', () => {
    // "1.  **总体情况**" (pandoc's Markdown of Word's numbering): 一、 before the emphasis's content
    // would leave "1.  **一、总体情况**", which is no heading, and every section would be lost.
    const line = seed(0).text.split('\n').findIndex((l) => l.startsWith('一、')) + 1;
    const text = replaceLine(seed(0).text, line, '1.  **总体情况**');
    const [f, ...rest] = findings(text, 'STRUCT-ORDINAL', { fileName: 'r.md' });
    assert.equal(rest.length, 0);
    assert.equal(f.fix!.kind, 'safe');
    const fixed = assertFixResolves(text, f, { fileName: 'r.md' });
    assert.equal(fixed.split('\n')[line - 1], '**一、总体情况**');
  });

  it('the fix never loses a section, in whatever shape the heading is written', () => {
    // Each shape a heading is found in, without its ordinal or with another one; each seed takes
    // every shape, on a section chosen in turn (shape k, seed n: section (k + n) mod 6).
    const SHAPES: ((title: string, n: number) => string)[] = [
      (t) => t, (t) => `**${t}**`, (t) => `## ${t}`, (t, n) => `${n}. ${t}`, (t, n) => `${n}.  **${t}**`,
      (t, n) => `**${n}. ${t}**`, (t, n) => `## ${n}、${t}`, (t, n) => `${'一二三四五六七'[n % 6]}、${t}`, (t) => `- ${t}`,
    ];
    let fixedCount = 0;
    for (let n = 0; n < 5; n++) {
      const { text } = seed(n);
      const before = check(text, { fileName: 'r.md' }).report.sections;
      for (const [k, shape] of SHAPES.entries()) {
        const s = before[(k + n) % before.length];
        const edited = replaceLine(text, s.heading.line + 1, shape(s.heading.title.text, (k + n) % before.length + 1));
        const f = findings(edited, 'STRUCT-ORDINAL', { fileName: 'r.md' }).find((x) => lineOf(edited, x.range.start) === s.heading.line + 1);
        const what = `seed ${n}, ${JSON.stringify(edited.split('\n')[s.heading.line])}`;
        if (!f) {
          // Not read as that section's heading at all: nothing to fix (the shape is no heading).
          assert.ok(!check(edited, { fileName: 'r.md' }).report.sections.some((x) => x.key === s.key && x.heading.line === s.heading.line), what);
          continue;
        }
        for (const fix of f.fixes) {
          const after = check(applyEdits(edited, fix.edits), { fileName: 'r.md' });
          assert.deepEqual(after.report.sections.map((x) => [x.key, x.heading.line]), before.map((x) => [x.key, x.heading.line]), what);
          assert.ok(!after.findings.some((x) => x.rule === 'STRUCT-ORDINAL'), what);
          fixedCount++;
        }
      }
    }
    assert.ok(fixedCount >= 5 * (SHAPES.length - 1), `${fixedCount} fixes made`);
  });
});
