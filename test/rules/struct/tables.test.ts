// STRUCT-TABLE-MISSING, -PLACEMENT, -UNPARSEABLE and -HEADER.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, check } from '../../../engine/index.ts';
import { findings, lineOf, replaceLine, seed } from '../harness.ts';

const dropLines = (text: string, from: number, to: number) => {
  const lines = text.split('\n');
  lines.splice(from - 1, to - from + 1);
  return lines.join('\n');
};
const rulesOn = (text: string, table: 'T2' | 'T3' | 'T4') => {
  const r = check(text, { fileName: 'report.txt' });
  const t = r.report.tables[table];
  return r.findings.filter((f) => f.range.start >= t.range.start && f.range.start <= t.range.end).map((f) => f.rule);
};

describe('STRUCT-TABLE-MISSING', () => {
  it('reports a table that is nowhere, on its section heading, and inserts an empty skeleton after it', () => {
    // Seed 003 without table 4 (lines 67–70).
    const text = dropLines(seed(3).text, 67, 70);
    const [f, ...rest] = findings(text, 'STRUCT-TABLE-MISSING');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, '第四部分缺少行政复议、行政诉讼情况表');
    assert.equal(text.slice(f.range.start, f.range.end), '#### 四、政府信息公开行政复议、行政诉讼情况');
    assert.equal(f.fix!.kind, 'unsafe');
    const insert = f.fix!.edits[0].newText;
    assert.match(insert, /^\n\n\| 行政复议 \|/);
    assert.ok(insert.endsWith('|\n'), 'a blank line separates the table from the text after it');
    assert.equal(insert.match(/结果维持/g)?.length, 3);
    const fixed = applyEdits(text, f.fix!.edits);
    const after = check(fixed, { fileName: 'report.txt' });
    assert.deepEqual(after.findings.filter((x) => x.rule === 'STRUCT-TABLE-MISSING'), []);
    assert.notEqual(after.report.tables.T4.status, 'missing');
    assert.equal(after.report.tables.T4.section, 's4');
    const [en] = findings(text, 'STRUCT-TABLE-MISSING', { lang: 'en' });
    assert.equal(en.message, 'Section 4 has no review and litigation table');
  });

  it('reports a missing T2 block (no caption, no rows) once, without a fix and without row findings', () => {
    // Seed 003 without the （五） block (lines 23–25).
    const text = dropLines(seed(3).text, 23, 25);
    const [f, ...rest] = findings(text, 'STRUCT-TABLE-MISSING');
    assert.equal(rest.length, 0);
    assert.equal(f.message, '第二部分缺少第二十条第（五）项表格');
    assert.equal(lineOf(text, f.range.start), 19);
    assert.equal(text.slice(f.range.start, f.range.end), '第二十条第（一）项');
    assert.equal(f.fix, null);
    assert.deepEqual(findings(text, 'STRUCT-ROW-MISSING'), []);
    assert.deepEqual(findings(text, 'STRUCT-TABLE-HEADER'), []);
    const [en] = findings(text, 'STRUCT-TABLE-MISSING', { lang: 'en' });
    assert.equal(en.message, 'Section 2 has no art. 20 (5) block');
  });

  it('stays silent when every table and block is there', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-TABLE-MISSING'), [], `seed ${n}`);
  });
});

describe('STRUCT-TABLE-PLACEMENT', () => {
  it('reports table 4 standing under 三 (heading moved below the table)', () => {
    // Seed 003: the 四 heading (line 65) moved after table 4 (line 70).
    const lines = seed(3).text.split('\n');
    const [h] = lines.splice(64, 1);
    lines.splice(69, 0, h);
    const text = lines.join('\n');
    const [f, ...rest] = findings(text, 'STRUCT-TABLE-PLACEMENT');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '行政复议、行政诉讼情况表位于第三部分，应在第四部分');
    assert.equal(lineOf(text, f.range.start), 66);
    assert.ok(text.slice(f.range.start, f.range.end).startsWith('行政复议\t'));
    const [en] = findings(text, 'STRUCT-TABLE-PLACEMENT', { lang: 'en' });
    assert.equal(en.message, 'The review and litigation table is in section 3; it belongs in section 4');
  });

  it('stays silent for tables in their own sections', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-TABLE-PLACEMENT'), [], `seed ${n}`);
  });
});

describe('STRUCT-TABLE-UNPARSEABLE', () => {
  it('cells run together: one finding and nothing else on the table', () => {
    const text = replaceLine(seed(3).text, 39, '一、本年新收政府信息公开申请数量1030000103');
    const [f, ...rest] = findings(text, 'STRUCT-TABLE-UNPARSEABLE');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '政府信息公开申请情况表无法可靠识别（单元格粘连），未对其做任何计算检查');
    assert.equal(lineOf(text, f.range.start), 36);
    assert.deepEqual(rulesOn(text, 'T3'), ['STRUCT-TABLE-UNPARSEABLE']);
    const [en] = findings(text, 'STRUCT-TABLE-UNPARSEABLE', { lang: 'en' });
    assert.equal(en.message, 'The applications table could not be read reliably (cells run together); no arithmetic checks were run on it');
  });

  it('fewer than half of the rows, and T4 without 15 values', () => {
    const few = dropLines(seed(3).text, 43, 58);
    assert.deepEqual(findings(few, 'STRUCT-TABLE-UNPARSEABLE').map((f) => f.message), ['政府信息公开申请情况表无法可靠识别（识别出的行不足一半），未对其做任何计算检查']);
    assert.deepEqual(rulesOn(few, 'T3'), ['STRUCT-TABLE-UNPARSEABLE']);
    const t4 = replaceLine(seed(3).text, 70, '1\t0\t0\t2\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0');
    const [f] = findings(t4, 'STRUCT-TABLE-UNPARSEABLE');
    assert.equal(f.message, '行政复议、行政诉讼情况表无法可靠识别（数值个数不是 15），未对其做任何计算检查');
    assert.equal(t4.slice(f.range.start, f.range.end).split('\t')[0], '行政复议');
    assert.deepEqual(rulesOn(t4, 'T4'), ['STRUCT-TABLE-UNPARSEABLE']);
  });

  it('stays silent for the seeds, whose tables all bind', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-TABLE-UNPARSEABLE'), [], `seed ${n}`);
  });
});

describe('STRUCT-TABLE-HEADER', () => {
  it('seed 001: T4 header cells truncated to 结果/其他/尚未', () => {
    const text = seed(1).text;
    const [f, ...rest] = findings(text, 'STRUCT-TABLE-HEADER');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '行政复议、行政诉讼情况表的表头不完整（缺少结果维持、结果纠正、其他结果、尚未审结），已按模板列顺序识别');
    assert.equal(lineOf(text, f.range.start), 358);
    assert.equal(text.slice(f.range.start, f.range.end), '行政复议 |');
    const [en] = findings(text, 'STRUCT-TABLE-HEADER', { lang: 'en' });
    assert.equal(en.message, 'The review and litigation table header is incomplete (结果维持, 结果纠正, 其他结果, 尚未审结 missing); columns were bound in template order');
  });

  it('a T3 header cell removed by hand', () => {
    // Seed 003 line 38 without 科研机构.
    const text = replaceLine(seed(3).text, 38, '\t\t\t商业企业\t\t社会公益组织\t法律服务机构\t其他\t\t');
    const [f] = findings(text, 'STRUCT-TABLE-HEADER');
    assert.equal(f.message, '政府信息公开申请情况表的表头不完整（缺少科研机构），已按模板列顺序识别');
    assert.equal(lineOf(text, f.range.start), 36);
  });

  it('complete headers are not flagged (000, 002, 003; 001 and 004 in seeds.test.ts)', () => {
    for (const n of [0, 2, 3]) assert.deepEqual(findings(seed(n).text, 'STRUCT-TABLE-HEADER'), [], `seed ${n}`);
  });
});
