// TEXT-EXPORT-ARTIFACT: export leftovers in prose; the safe fix deletes them.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertFixResolves, findings, replaceLine } from '../harness.ts';
import { assertRange, lineStart, lineText, SEED } from './text-helpers.ts';

const RULE = 'TEXT-EXPORT-ARTIFACT';

describe('TEXT-EXPORT-ARTIFACT', () => {
  it('seed 000 line 10 columns 1–19: "[bookmark: _GoBack]", info, safe fix deletes it', () => {
    const fs = findings(SEED[0], RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.severity, 'info');
    assert.equal(f.message, '文中残留文档导出标记“[bookmark: _GoBack]”');
    assertRange(SEED[0], f, 10, '[bookmark: _GoBack]', 0);
    assert.equal(f.range.end - f.range.start, 19);
    assert.equal(f.cell, null);
    assert.equal(f.fix?.kind, 'safe');
    assert.deepEqual(f.fix?.edits, [{ start: lineStart(SEED[0], 10), end: lineStart(SEED[0], 10) + 19, newText: '' }]);
    const fixed = assertFixResolves(SEED[0], f);
    assert.ok(lineText(fixed, 10).startsWith('一是新增'));
    const [en] = findings(SEED[0], RULE, { lang: 'en' });
    assert.equal(en.message, 'Leftover export artefact “[bookmark: _GoBack]”');
    assert.equal(en.fix?.title, 'Delete “[bookmark: _GoBack]”');
  });

  it('HTML formatting tags and conditional comments', () => {
    const text = replaceLine(SEED[3], 9, '(二) 依申请公开：<span style="font-size:12pt">按照</span>要求<br/>办理<!--[if !supportLists]-->。');
    const fs = findings(text, RULE);
    assert.deepEqual(fs.map((f) => text.slice(f.range.start, f.range.end)), ['<span style="font-size:12pt">', '</span>', '<br/>', '<!--[if !supportLists]-->']);
    let fixed = text;
    for (const f of fs.reverse()) fixed = fixed.slice(0, f.fix!.edits[0].start) + fixed.slice(f.fix!.edits[0].end);
    assert.equal(lineText(fixed, 9), '(二) 依申请公开：按照要求办理。');
    assertFixResolves(text, fs[0]);
  });

  it('a deletion that would change how Markdown reads the line is the same deletion, offered as unsafe', () => {
    const text = '# 某局2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年度工作平稳。\n\n[bookmark: _GoBack]\n\n二是规范办理。\n\n本年度[bookmark: _Toc1]工作<![endif]-->平稳。\n';
    const fs = findings(text, RULE, { fileName: 'r.md' });
    const alone = fs.find((f) => text[f.range.end] === '\n' && text[f.range.start - 1] === '\n')!;
    assert.equal(alone.fix?.kind, 'unsafe', 'alone on its line: deleting it leaves a blank line');
    assert.equal(alone.fix?.title, '删除“[bookmark: _GoBack]”');
    const inline = fs.filter((f) => f !== alone);
    assert.equal(inline.length, 2);
    assert.ok(inline.every((f) => f.fix?.kind === 'safe'), 'inside a sentence: safe');
  });

  it('in Markdown, raw HTML is markup its reader never sees (pandoc’s <span lang>, <b>, comments); in plain text every tag is a leftover', () => {
    const line = '(二) 依申请公开：<span lang="EN-US">2021</span>年<b>按照</b>要求<!--[if !supportLists]-->办理<span lang=EN-US>12</span>件。';
    const md = `# 某局2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n${line}\n`;
    assert.deepEqual(findings(md, RULE, { fileName: 'r.md' }), [], 'rendered, these tags show nothing');
    const txt = replaceLine(SEED[3], 9, line);
    assert.deepEqual(findings(txt, RULE).map((f) => txt.slice(f.range.start, f.range.end)), ['<span lang="EN-US">', '</span>', '<b>', '</b>', '<!--[if !supportLists]-->', '<span lang=EN-US>', '</span>']);
    // What Markdown does not take for HTML shows as written: a tag with a non-ASCII attribute name, a bare `<![endif]-->`.
    const shown = `# 某局2021年政府信息公开工作年度报告\n\n## 一、总体情况\n\n本年度<b 宋体>工作<![endif]-->平稳。\n`;
    assert.deepEqual(findings(shown, RULE, { fileName: 'r.md' }).map((f) => f.message), ['文中残留文档导出标记“<b 宋体>”', '文中残留文档导出标记“<![endif]-->”']);
  });

  it('pandoc’s Markdown of a saved page (its <span lang> around runs, 101 of them before) has no leftover a reader sees', () => {
    const dir = new URL('../../fixtures/converted/', import.meta.url).pathname;
    const drafts = readdirSync(dir).filter((f) => /pandoc-html.*\.md$/.test(f));
    assert.ok(drafts.length >= 5);
    for (const f of drafts) {
      const text = readFileSync(`${dir}${f}`, 'utf8');
      assert.ok(text.includes('<span lang'), `${f} holds pandoc's spans`);
      assert.deepEqual(findings(text, RULE, { fileName: f }), [], f);
      assert.ok(findings(text, RULE, { fileName: f.replace(/\.md$/, '.txt') }).length > 0, `${f} as plain text: its tags show`);
    }
  });

  it('words that only look like tags are not artefacts', () => {
    assert.deepEqual(findings(replaceLine(SEED[3], 9, '数量<bookmark>与 a<b 及 <p2> 不是标记。'), RULE), []);
  });

  it('table cells are not prose (seed 004 <b>红木</b> is CELL-OCR-NOISE)', () => {
    assert.deepEqual(findings(SEED[4], RULE), []);
  });

  it('runs on reports before 2019 too (always)', () => {
    const lines = SEED[0].split('\n');
    let text = replaceLine(SEED[0], 1, lines[0].replace('2021', '2017'));
    text = replaceLine(text, 3, lines[2].replaceAll('2021', '2017'));
    text = replaceLine(text, 8, lines[7].replace('新收到7件', '新收到9件'));
    assert.equal(findings(text, RULE).length, 1);
    assert.deepEqual(findings(text, 'TEXT-NEW'), [], 'table comparisons do not run before 2019');
  });
});
