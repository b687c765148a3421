// STRUCT-NUMBERING-RESTART and STRUCT-NUMBERING-HIERARCHY.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertFixResolves, findings, lineOf, replaceLine, seed } from '../harness.ts';

describe('STRUCT-NUMBERING-RESTART', () => {
  it('seed 004: one finding for the run 一、二、三 of list items in s1, related the others', () => {
    const text = seed(4).text;
    const [f, ...rest] = findings(text, 'STRUCT-NUMBERING-RESTART');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, '第一部分内又使用一级序号“一、”，与部分标题同级；应改用“（一）”“（二）”…');
    assert.equal(lineOf(text, f.range.start), 7);
    assert.equal(text.slice(f.range.start, f.range.end), '一、');
    assert.deepEqual(f.related.map((r) => [lineOf(text, r.range.start), text.slice(r.range.start, r.range.end)]), [[8, '二、'], [9, '三、']]);
    assert.equal(f.fix!.kind, 'unsafe');
    const fixed = assertFixResolves(text, f);
    assert.deepEqual(fixed.split('\n').slice(6, 9).map((l) => l.slice(0, 5)), ['- （一）', '- （二）', '- （三）']);
    const [en] = findings(text, 'STRUCT-NUMBERING-RESTART', { lang: 'en' });
    assert.equal(en.message, 'Section 1 restarts top-level numbering at “一、”; use （一）（二）… inside a section');
  });

  it('finds plain body lines too, one finding per run', () => {
    // Seed 000, s5 body (lines 411–412) renumbered 一、 二、 — a run of two plain lines.
    let text = replaceLine(seed(0).text, 411, '一、镇办和部门工作人员总体业务水平不高。');
    text = replaceLine(text, 412, '二、区政府办将加强培训。');
    const [f, ...rest] = findings(text, 'STRUCT-NUMBERING-RESTART');
    assert.equal(rest.length, 0);
    assert.equal(f.message, '第五部分内又使用一级序号“一、”，与部分标题同级；应改用“（一）”“（二）”…');
    assert.equal(lineOf(text, f.range.start), 411);
    assert.equal(f.related.length, 1);
    const fixed = assertFixResolves(text, f);
    assert.equal(fixed.split('\n')[411], '（二）区政府办将加强培训。');
  });

  it('does not take table rows or sub-level ordinals for a restart', () => {
    // 000/003 have 一、本年新收… and 四、结转下年度… as T3 rows and （一）… sub-headings in s1.
    for (const n of [0, 1, 2, 3]) assert.deepEqual(findings(seed(n).text, 'STRUCT-NUMBERING-RESTART'), [], `seed ${n}`);
  });
});

describe('STRUCT-NUMBERING-HIERARCHY', () => {
  it('seed 001: (一) after (1)…(6) in s1', () => {
    const text = seed(1).text;
    const [f, ...rest] = findings(text, 'STRUCT-NUMBERING-HIERARCHY');
    assert.equal(rest.length, 0);
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '序号层级颠倒：“(一)加强重点领域信息公开”出现在“(6)2021年政务公开工作要点的落实情况”之下；层级应依次为“一、”“（一）”“1.”“（1）”');
    assert.equal(lineOf(text, f.range.start), 18);
    assert.equal(text.slice(f.range.start, f.range.end), '(一)');
    assert.equal(lineOf(text, f.related[0].range.start), 16);
    assert.equal(f.fix, null);
    const [en] = findings(text, 'STRUCT-NUMBERING-HIERARCHY', { lang: 'en' });
    assert.equal(en.message, 'Numbering levels inverted: “(一)加强重点领域信息公开” under “(6)2021年政务公开工作要点的落实情况”; use 一、 → （一） → 1. → （1）');
  });

  it('reports a 1. series under (1) paragraphs, not the continuing items of a series', () => {
    // Seed 000 s1: （一）…（五） sub-headings; （1）（2） for the first two, then a 1. series.
    let text = replaceLine(seed(0).text, 5, '（1）主动公开');
    text = replaceLine(text, 7, '（2）依申请公开');
    text = replaceLine(text, 9, '1.政府信息管理');
    text = replaceLine(text, 11, '2.政府信息公开平台建设');
    const [f, ...rest] = findings(text, 'STRUCT-NUMBERING-HIERARCHY');
    assert.equal(rest.length, 0);
    assert.equal(lineOf(text, f.range.start), 9);
    assert.equal(text.slice(f.range.start, f.range.end), '1.');
    assert.equal(f.message, '序号层级颠倒：“1.政府信息管理”出现在“（2）依申请公开”之下；层级应依次为“一、”“（一）”“1.”“（1）”');
  });

  it('accepts the official nesting (seeds 000, 002, 003) and a new section starting over', () => {
    for (const n of [0, 2, 3, 4]) assert.deepEqual(findings(seed(n).text, 'STRUCT-NUMBERING-HIERARCHY'), [], `seed ${n}`);
  });
});
