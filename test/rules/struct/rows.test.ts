// STRUCT-ROW-MISSING, -VALUES (with the split-digit hint), -DUPLICATE, -UNKNOWN and -INFERRED,
// on seed 003 (TSV: one line per row) edited by hand.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../../engine/index.ts';
import { findings, lineOf, replaceLine, seed } from '../harness.ts';

const base = () => seed(3).text;
const lines = () => base().split('\n');
const withLines = (edit: (l: string[]) => void) => {
  const l = lines();
  edit(l);
  return l.join('\n');
};

describe('STRUCT-ROW-MISSING', () => {
  it('reports a deleted row with an empty range before the next bound row', () => {
    const text = withLines((l) => l.splice(54, 1)); // line 55: 2. 重复申请
    const [f, ...rest] = findings(text, 'STRUCT-ROW-MISSING');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'error');
    assert.equal(f.message, '政府信息公开申请情况表缺少“（五）2.重复申请”行');
    assert.equal(f.range.start, f.range.end);
    assert.equal(lineOf(text, f.range.start), 55);
    assert.ok(text.slice(f.range.start).startsWith('3. 要求提供公开出版物'));
    const [en] = findings(text, 'STRUCT-ROW-MISSING', { lang: 'en' });
    assert.equal(en.message, 'The applications table lacks the row “(5)2 Duplicate applications”');
  });

  it('stays silent on complete tables', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-ROW-MISSING'), [], `seed ${n}`);
  });
});

describe('STRUCT-ROW-VALUES', () => {
  it('reports a short row on its label and leaves it unbound', () => {
    const text = replaceLine(base(), 46, '\t\t4. 保护第三方合法权益\t0\t0\t0\t0\t0\t0');
    const [f, ...rest] = findings(text, 'STRUCT-ROW-VALUES');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '“（三）4.保护第三方合法权益”行有 6 个数值，应为 7 个；本行不参与计算');
    assert.equal(text.slice(f.range.start, f.range.end), '4. 保护第三方合法权益');
    assert.equal(check(text, { fileName: 'report.txt' }).report.tables.T3.cells.has('t3.r3_4.np'), false);
    const [en] = findings(text, 'STRUCT-ROW-VALUES', { lang: 'en' });
    assert.equal(en.message, 'Row “(3)4 Third-party rights” has 6 values, expected 7; it is left out of all checks');
  });

  it('adds the split-digit hint when merging one adjacent pair makes the row total hold', () => {
    // 12 written as "1 2": eight values; only 1+2 → 12 gives 12 = 12+0+…+0.
    const text = replaceLine(base(), 41, '三、本年度办理结果\t(一) 予以公开\t1\t2\t0\t0\t0\t0\t0\t12\t');
    const [f] = findings(text, 'STRUCT-ROW-VALUES');
    assert.equal(f.message, '“（一）予以公开”行有 8 个数值，应为 7 个；本行不参与计算；“1”“2”可能是被拆开的“12”');
    assert.equal(lineOf(text, f.range.start), 41);
    const [en] = findings(text, 'STRUCT-ROW-VALUES', { lang: 'en' });
    assert.equal(en.message, 'Row “(1) Disclosed” has 8 values, expected 7; it is left out of all checks; “1” “2” may be “12” split in two');
  });

  it('gives no hint when no merge (or more than one) makes the total hold', () => {
    const text = replaceLine(base(), 41, '三、本年度办理结果\t(一) 予以公开\t1\t2\t0\t0\t0\t0\t0\t5\t');
    const [f] = findings(text, 'STRUCT-ROW-VALUES');
    assert.equal(f.message, '“（一）予以公开”行有 8 个数值，应为 7 个；本行不参与计算');
  });

  it('stays silent on the seeds (003 line 43 sits one tab right and still binds)', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-ROW-VALUES'), [], `seed ${n}`);
  });
});

describe('STRUCT-ROW-DUPLICATE', () => {
  it('reports the later occurrence and the line of the first', () => {
    const text = withLines((l) => l.splice(55, 0, '\t\t2. 重复申请\t1\t0\t0\t0\t0\t0\t1'));
    const [f, ...rest] = findings(text, 'STRUCT-ROW-DUPLICATE');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '“（五）2.重复申请”行重复出现（首次在第 55 行）');
    assert.equal(lineOf(text, f.range.start), 56);
    assert.equal(text.slice(f.range.start, f.range.end), '2. 重复申请');
    // Values differ: neither occurrence binds.
    assert.equal(check(text, { fileName: 'report.txt' }).report.tables.T3.cells.has('t3.r5_2.np'), false);
    const [en] = findings(text, 'STRUCT-ROW-DUPLICATE', { lang: 'en' });
    assert.equal(en.message, 'Row “(5)2 Duplicate applications” appears twice (first at line 55)');
  });

  it('stays silent on the seeds', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-ROW-DUPLICATE'), [], `seed ${n}`);
  });
});

describe('STRUCT-ROW-UNKNOWN', () => {
  it('seed 002: 其他主动公开文件 (its long note elided in the message)', () => {
    const text = seed(2).text;
    const [f, ...rest] = findings(text, 'STRUCT-ROW-UNKNOWN');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '“其他主动公开文件（…）”不是模板中的行，未参与检查');
    assert.equal(lineOf(text, f.range.start), 36);
    assert.ok(text.slice(f.range.start, f.range.end).startsWith('其他主动公开文件（含以本单位'));
    const [en] = findings(text, 'STRUCT-ROW-UNKNOWN', { lang: 'en' });
    assert.equal(en.message, '“其他主动公开文件（…）” is not a template row and is not checked');
  });

  it('a short unknown label is shown whole', () => {
    const text = withLines((l) => l.splice(22, 0, '其他文件\t5\t0\t5'));
    const [f] = findings(text, 'STRUCT-ROW-UNKNOWN');
    assert.equal(f.message, '“其他文件”不是模板中的行，未参与检查');
    assert.equal(text.slice(f.range.start, f.range.end), '其他文件');
    assert.equal(lineOf(text, f.range.start), 23);
  });

  it('stays silent without extra rows', () => {
    for (const n of [0, 1, 3, 4]) assert.deepEqual(findings(seed(n).text, 'STRUCT-ROW-UNKNOWN'), [], `seed ${n}`);
  });
});

describe('STRUCT-ROW-INFERRED', () => {
  it('binds an unlabelled row between two bound rows by position', () => {
    const text = replaceLine(base(), 55, '\t\t\t0\t0\t0\t0\t0\t0\t0');
    const [f, ...rest] = findings(text, 'STRUCT-ROW-INFERRED');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '此行缺少行标签，已按位置识别为“（五）2.重复申请”');
    assert.equal(lineOf(text, f.range.start), 55);
    assert.equal(f.range.start, text.split('\n').slice(0, 54).join('\n').length + 1 + 3, 'the first value cell');
    assert.equal(text.slice(f.range.start, f.range.end), '0');
    assert.deepEqual(findings(text, 'STRUCT-ROW-MISSING'), []);
    const [en] = findings(text, 'STRUCT-ROW-INFERRED', { lang: 'en' });
    assert.equal(en.message, 'This row has no label; bound by position as “(5)2 Duplicate applications”');
  });

  it('labelled rows are never inferred', () => {
    for (let n = 0; n < 5; n++) assert.deepEqual(findings(seed(n).text, 'STRUCT-ROW-INFERRED'), [], `seed ${n}`);
  });
});
