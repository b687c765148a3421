// CELL-* rules (docs/spec/rules.md §1): a failing and a passing example per rule, written by hand from the
// seeds, with messages (zh, and en once per rule), ranges and the fix contract.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyEdits, check, parseReport } from '../../../engine/index.ts';
import type { Finding } from '../../../engine/finding.ts';
import { render, type Emission } from '../../../engine/rules/api.ts';
import cellEmpty from '../../../engine/rules/cell/cell-empty.ts';
import { assertFixResolves, findings, lineOf, replaceLine, seed } from '../harness.ts';

const s000 = seed(0).text; // L2: one cell per TAB line
const s002 = seed(2).text; // L2, 2019 template, 988.2576万
const s003 = seed(3).text; // L4 TSV rows
const s004 = seed(4).text; // L5 OCR-noisy TSV, echo cells and noise
const TAB = '\t';
const line = (text: string, n: number) => text.split('\n')[n - 1];
const at = (text: string, f: Finding) => text.slice(f.range.start, f.range.end);

// 003's T2 as a GFM pipe table (L1), where a blank cell is unambiguous.
const gfmT2 = (reg: string[], norm = ['10', '0', '18']) => {
  const lines = s003.split('\n');
  const table = [
    '| 第二十条第（一）项 | | | |', '|---|---|---|---|', '| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
    `| 规章 | ${reg.join(' | ')} |`, `| 行政规范性文件 | ${norm.join(' | ')} |`,
    '| 第二十条第（五）项 | | | |', '| 信息内容 | 本年处理决定数量 | | |', '| 行政许可 | 0 | | |',
    '| 第二十条第（六）项 | | | |', '| 信息内容 | 本年处理决定数量 | | |', '| 行政处罚 | 0 | | |', '| 行政强制 | 0 | | |',
    '| 第二十条第（八）项 | | | |', '| 信息内容 | 本年收费金额（单位：万元） | | |', '| 行政事业性收费 | 0 | | |',
  ];
  return [...lines.slice(0, 18), ...table, ...lines.slice(32)].join('\n');
};

test('CELL-EMPTY: a blank cell of a GFM table, with fill-0 and fill-the-table fixes', () => {
  const clean = gfmT2(['0', '0', '0']);
  assert.deepEqual(findings(clean, 'CELL-EMPTY'), []);
  const text = gfmT2(['0', '', '0']);
  const fs = findings(text, 'CELL-EMPTY');
  assert.equal(fs.length, 1);
  const [f] = fs;
  assert.equal(f.message, '规章·本年废止件数 为空白；未发生的应填 0');
  assert.equal(f.severity, 'info');
  assert.deepEqual(f.cell, { table: 'T2', row: 'reg', col: 'repealed' });
  assert.equal(lineOf(text, f.range.start), 22);
  // Empty range right after the leading delimiter and its space.
  assert.equal(f.range.start, f.range.end);
  assert.equal(line(text, 22).slice(0, f.range.start - text.lastIndexOf('\n', f.range.start) - 1), '| 规章 | 0 | ');
  assert.deepEqual(f.fixes.map((x) => [x.title, x.kind]), [['填入 0', 'unsafe'], ['将本表所有空白单元格填为 0', 'unsafe']]);
  const one = assertFixResolves(text, f);
  assert.equal(line(one, 22), '| 规章 | 0 | 0 | 0 |');
  const en = findings(text, 'CELL-EMPTY', { lang: 'en' })[0];
  assert.equal(en.message, 'Rules · repealed this year is blank; enter 0 if there were none');
  assert.equal(en.fixes[1].title, 'Fill every blank cell of this table with 0');
});

test('CELL-EMPTY: several blanks of one table are one finding naming them, with one fix for all', () => {
  const text = gfmT2(['0', '', '0'], ['10', '', '18']);
  const fs = findings(text, 'CELL-EMPTY');
  assert.equal(fs.length, 1);
  const [f] = fs;
  assert.equal(f.message, '主动公开政府信息情况表有 2 个单元格为空白：规章·本年废止件数、行政规范性文件·本年废止件数；未发生的应填 0');
  assert.equal(f.cell, null);
  assert.equal(lineOf(text, f.range.start), 22);
  assert.deepEqual(f.fixes.map((x) => [x.title, x.kind]), [['将本表所有空白单元格填为 0', 'unsafe']]);
  const all = assertFixResolves(text, f);
  assert.ok(all === gfmT2(['0', '0', '0']), 'every blank of the table filled');
  const en = findings(text, 'CELL-EMPTY', { lang: 'en' })[0];
  assert.equal(en.message, 'The proactive-disclosure table has 2 blank cells: Rules · repealed this year, Normative documents · repealed this year; enter 0 where there were none');
  // Past six places the list stops and says how many there are.
  // 003 line 41, （一）予以公开: 自然人 5 and every other cell blank, 总计 too.
  const many = replaceLine(s003, 41, ['（一）予以公开', '', 5, '', '', '', '', '', '', ''].join(TAB));
  const ms = findings(many, 'CELL-EMPTY');
  assert.equal(ms.length, 1);
  assert.equal(ms[0].message, '政府信息公开申请情况表有 6 个单元格为空白：（一）予以公开·商业企业、（一）予以公开·科研机构、（一）予以公开·社会公益组织、（一）予以公开·法律服务机构、（一）予以公开·其他、（一）予以公开·总计；未发生的应填 0');
  const more = replaceLine(many, 42, ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '', 0, '', 0, 0, 0, 0, 0, ''].join(TAB));
  const [mm] = findings(more, 'CELL-EMPTY');
  assert.match(mm.message, /^政府信息公开申请情况表有 7 个单元格为空白：（一）予以公开·商业企业、.*、（一）予以公开·总计 等 7 处；未发生的应填 0$/);
  assert.equal(mm.fixes[0].edits.length, 7);
});

test('CELL-EMPTY: a blank TSV cell in table 3 and table 4', () => {
  // 003 line 41: （一）予以公开 with 商业企业 left blank.
  const t3 = replaceLine(s003, 41, ['（一）予以公开', '', 5, '', 0, 0, 0, 0, 5, ''].join(TAB));
  const [f] = findings(t3, 'CELL-EMPTY');
  assert.equal(f.message, '（一）予以公开·商业企业 为空白；未发生的应填 0');
  assert.equal(lineOf(t3, f.range.start), 41);
  assertFixResolves(t3, f);
  // 004 line 65: T4's fifteen values, 复议后起诉·尚未审结 blank.
  const t4 = replaceLine(s004, 65, ['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '', '0'].join(TAB));
  const [h] = findings(t4, 'CELL-EMPTY');
  assert.equal(h.message, '复议后起诉·尚未审结 为空白；未发生的应填 0');
  assert.deepEqual(h.cell, { table: 'T4', row: 'post', col: 'pend' });
  assertFixResolves(t4, h);
});

test('CELL-EMPTY: a wholly blank row is one finding on its label', () => {
  // The binder reports an all-blank GFM row as STRUCT-ROW-VALUES instead of binding three blank
  // cells (see the report), so the row form is exercised on the model of the filled table with
  // 规章's cells turned blank at the places the blank row has them.
  const parsed = parseReport(gfmT2(['0', '0', '0']), { fileName: 'report.txt' });
  const text = gfmT2(['', '', '']);
  const row = line(text, 22);
  assert.equal(row, '| 规章 |  |  |  |');
  const lineStart = text.indexOf(row);
  const pipes = [...row].flatMap((ch, i) => (ch === '|' ? [i] : []));
  ['made', 'repealed', 'valid'].forEach((col, k) => {
    const at = lineStart + pipes[k + 1] + 2; // right after "| " (docs/spec/rules.md §0)
    Object.assign(parsed.report.tables.T2.cells.get(`t2.reg.${col}`)!, { raw: '', state: 'blank', value: undefined, number: undefined, flags: [], start: at, end: at });
  });
  const out: Emission[] = [];
  cellEmpty.check({ text, report: parsed.report, index: parsed.index, structure: parsed.structure, prose: parsed.prose, emit: (e) => out.push(e) });
  assert.equal(out.length, 1);
  const [e] = out;
  assert.equal(render(cellEmpty.messages[e.message!], e.args, 'zh'), '规章 整行未填写');
  assert.equal(render(cellEmpty.messages[e.message!], e.args, 'en'), 'Rules has no values');
  assert.equal(text.slice(e.range.start, e.range.end), '规章');
  assert.equal(lineOf(text, e.range.start), 22);
  assert.deepEqual(e.fixes!.map((x) => [x.title, cellEmpty.fixes?.[x.title], x.edits.length]), [['fillRow', 'unsafe', 3], ['fillTable', 'unsafe', 3]]);
  assert.ok(applyEdits(text, e.fixes![0].edits) === gfmT2(['0', '0', '0']), 'the row filled with 0');
});

test('CELL-PLACEHOLDER: "/" and a padded "—", replaced by 0', () => {
  assert.deepEqual(findings(s000, 'CELL-PLACEHOLDER'), []);
  // 000 lines 25–27 hold 规章's three cells as "⇥0".
  const text = replaceLine(s000, 25, '\t/');
  const [f] = findings(text, 'CELL-PLACEHOLDER');
  assert.equal(f.message, '规章·本年制发件数 填写的“/”不是数字；未发生的应填 0');
  assert.equal(f.severity, 'warning');
  assert.equal(lineOf(text, f.range.start), 25);
  assert.equal(at(text, f), '/');
  assert.equal(f.fix?.kind, 'unsafe');
  assert.equal(assertFixResolves(text, f), s000);
  const padded = replaceLine(s000, 26, '\t　—　');
  const [g] = findings(padded, 'CELL-PLACEHOLDER');
  assert.equal(at(padded, g), '　—　');
  assert.equal(g.message, '规章·本年废止件数 填写的“　—　”不是数字；未发生的应填 0');
  assert.equal(assertFixResolves(padded, g), s000);
  const en = findings(text, 'CELL-PLACEHOLDER', { lang: 'en' })[0];
  assert.equal(en.message, 'Rules · made this year contains “/”, not a number; enter 0 if there were none');
});

test('CELL-NOT-NUMBER: 约5, a full-width comma, Chinese numerals, 万 in a count cell', () => {
  assert.deepEqual(findings(s000, 'CELL-NOT-NUMBER'), []);
  const cases: [string, string][] = [['约5', '规章·本年制发件数 的内容“约5”无法识别为数字'], ['五', '规章·本年制发件数 的内容“五”无法识别为数字'], ['988.2576万', '规章·本年制发件数 的内容“988.2576万”无法识别为数字']];
  for (const [raw, message] of cases) {
    const text = replaceLine(s000, 25, `\t${raw}`);
    const [f] = findings(text, 'CELL-NOT-NUMBER');
    assert.equal(f.message, message);
    assert.equal(f.severity, 'error');
    assert.equal(at(text, f), raw);
    assert.equal(f.fix, null);
  }
  const comma = replaceLine(s000, 32, '\t1，691');
  const [f] = findings(comma, 'CELL-NOT-NUMBER');
  assert.equal(lineOf(comma, f.range.start), 32);
  assert.equal(f.message, '行政规范性文件·现行有效件数 的内容“1，691”无法识别为数字');
  assert.equal(findings(comma, 'CELL-NOT-NUMBER', { lang: 'en' })[0].message, 'Normative documents · in force: “1，691” is not a readable number');
  // The unit is required in the 2019 purchase amount: 988.2576万 is a number there.
  assert.deepEqual(findings(s002, 'CELL-NOT-NUMBER'), []);
});

test('CELL-EXTRA-TEXT: padding (000 line 30), keeping only the number', () => {
  const [f] = findings(s000, 'CELL-EXTRA-TEXT');
  assert.equal(f.message, '行政规范性文件·本年制发件数 除数字 4 外还含有“全角空格×2”');
  assert.equal(f.severity, 'info');
  assert.equal(lineOf(s000, f.range.start), 30);
  assert.equal(at(s000, f), '4\u3000\u3000');
  assert.equal(f.fix?.kind, 'safe');
  const fixed = assertFixResolves(s000, f);
  assert.equal(line(fixed, 30), '\t4');
  assert.deepEqual(findings(fixed, 'CELL-EXTRA-TEXT'), []);
  assert.equal(findings(s000, 'CELL-EXTRA-TEXT', { lang: 'en' })[0].message, 'Normative documents · made this year contains “full-width space ×2” besides the number 4');
  const nbsp = replaceLine(fixed, 32, '\t\u00a063\u00a0');
  const [g] = findings(nbsp, 'CELL-EXTRA-TEXT');
  assert.equal(g.message, '行政规范性文件·现行有效件数 除数字 63 外还含有“不间断空格×2”');
  assert.equal(assertFixResolves(nbsp, g), fixed);
});

test('CELL-EXTRA-TEXT: a count unit and an echoed label (004 lines 22, 23, 26)', () => {
  const base = applyEdits(s000, findings(s000, 'CELL-EXTRA-TEXT')[0].fix!.edits);
  const unit = replaceLine(base, 32, '\t63件');
  const [f] = findings(unit, 'CELL-EXTRA-TEXT');
  assert.equal(f.message, '行政规范性文件·现行有效件数 除数字 63 外还含有“件”');
  assert.equal(assertFixResolves(unit, f), base);
  // One echoed label alone keeps the cell's own message and fix.
  const lone = replaceLine(replaceLine(s004, 22, line(s004, 22).replace('行政处罚 0', '0')), 23, line(s004, 23).replace('行政强制 0', '0'));
  const echo = findings(lone, 'CELL-EXTRA-TEXT');
  assert.deepEqual(echo.map((x) => [lineOf(lone, x.range.start), at(lone, x)]), [[26, '行政事业性收费 0']]);
  assert.equal(echo[0].message, '行政事业性收费·本年收费金额 除数字 0 外还含有“行政事业性收费”');
  const fixed = assertFixResolves(lone, echo[0]);
  assert.equal(line(fixed, 26), line(s004, 26).replace(`${TAB}行政事业性收费 0${TAB}`, `${TAB}0${TAB}`));
  // The three of 004 are one cause in one table: one finding, one fix for all three.
  const [all] = findings(s004, 'CELL-EXTRA-TEXT');
  assert.equal(all.fix?.edits.length, 3);
  assertFixResolves(s004, all);
});

test('CELL-EXTRA-TEXT: units the column needs or another rule owns are not extra', () => {
  // 2019 采购总金额 needs its unit (002 line 103, 988.2576万).
  assert.deepEqual(findings(s002, 'CELL-EXTRA-TEXT'), []);
  // 2021 fee cell: 万元 repeats the header and is extra; 元 is T2-FEE-UNIT's finding.
  const fee = (v: string) => replaceLine(s003, 32, ['行政事业性收费', v, '', ''].join(TAB));
  const [f] = findings(fee('1.5万元'), 'CELL-EXTRA-TEXT');
  assert.equal(f.message, '行政事业性收费·本年收费金额 除数字 1.5 外还含有“万元”');
  assert.equal(line(assertFixResolves(fee('1.5万元'), f), 32), ['行政事业性收费', '1.5', '', ''].join(TAB));
  assert.deepEqual(findings(fee('3500元'), 'CELL-EXTRA-TEXT'), []);
  // Padding around a needed unit: the fix drops the padding and keeps the unit.
  const padded = replaceLine(s002, 103, '\t988.2576万\u3000');
  const [g] = findings(padded, 'CELL-EXTRA-TEXT');
  assert.equal(g.message, '政府集中采购·采购总金额 除数字 988.2576 外还含有“全角空格”');
  assert.equal(assertFixResolves(padded, g), s002);
});

test('CELL-EXTRA-TEXT: a value glued to its label is reported without a fix', () => {
  // docs/spec/layouts.md §3: a row expecting one value may carry it glued to its label (行政许可0).
  const text = replaceLine(s003, 25, ['行政许可0', '', ''].join(TAB));
  const cell = check(text, { fileName: 'report.txt' }).report.tables.T2.cells.get('t2.permit.decisions');
  assert.deepEqual(cell?.flags, ['glued']);
  const fs = findings(text, 'CELL-EXTRA-TEXT');
  assert.equal(fs.length, 1);
  assert.equal(fs[0].message, '行政许可·本年处理决定数量 除数字 0 外还含有“行政许可”');
  assert.equal(lineOf(text, fs[0].range.start), 25);
  assert.equal(at(text, fs[0]), '0');
  assert.equal(fs[0].fix, null);
  assert.equal(findings(text, 'CELL-EXTRA-TEXT', { lang: 'en' })[0].message, 'Licensing · decisions contains “行政许可” besides the number 0');
});

test('CELL-FULLWIDTH-DIGIT: ６３ becomes 63', () => {
  assert.deepEqual(findings(s000, 'CELL-FULLWIDTH-DIGIT'), []);
  const text = replaceLine(s000, 32, '\t６３');
  const [f] = findings(text, 'CELL-FULLWIDTH-DIGIT');
  assert.equal(f.message, '行政规范性文件·现行有效件数 使用了全角数字“６３”');
  assert.equal(f.severity, 'info');
  assert.equal(lineOf(text, f.range.start), 32);
  assert.equal(at(text, f), '６３');
  assert.equal(f.fix?.kind, 'safe');
  assert.equal(assertFixResolves(text, f), s000);
  assert.equal(findings(text, 'CELL-FULLWIDTH-DIGIT', { lang: 'en' })[0].message, 'Normative documents · in force uses full-width digits “６３”');
});

test('CELL-THOUSANDS-SEP: 1,063 is read as 1063 and loses its comma', () => {
  assert.deepEqual(findings(s000, 'CELL-THOUSANDS-SEP'), []);
  const text = replaceLine(s000, 32, '\t1,063');
  const [f] = findings(text, 'CELL-THOUSANDS-SEP');
  assert.equal(f.message, '行政规范性文件·现行有效件数 含千位分隔符“1,063”，按 1063 读取');
  assert.equal(f.severity, 'info');
  assert.equal(at(text, f), '1,063');
  assert.equal(f.fix?.kind, 'safe');
  assert.equal(line(assertFixResolves(text, f), 32), '\t1063');
  assert.equal(findings(text, 'CELL-THOUSANDS-SEP', { lang: 'en' })[0].message, 'Normative documents · in force has a thousands separator “1,063”; read as 1063');
});

test('CELL-OCR-NOISE: tokens ignored while binding, debris deleted by the fix, words never', () => {
  assert.deepEqual(findings(s003, 'CELL-OCR-NOISE'), []);
  const fs = findings(s004, 'CELL-OCR-NOISE');
  const f = fs.find((x) => at(s004, x) === '471')!;
  assert.equal(f.message, '表格中无法识别的内容“471”，已忽略');
  assert.equal(f.severity, 'warning');
  assert.equal(f.cell, null);
  assert.equal(lineOf(s004, f.range.start), 38);
  assert.equal(f.fix?.kind, 'unsafe');
  const fixed = assertFixResolves(s004, f);
  assert.equal(line(fixed, 38), line(s004, 38).replace('471', ''));
  // Text with words in it may be a label: reported, never deleted.
  const tag = fs.find((x) => at(s004, x) === '<b>红木</b>')!;
  assert.deepEqual(tag.fixes, []);
  assert.equal(findings(s004, 'CELL-OCR-NOISE', { lang: 'en' }).find((x) => at(s004, x) === '471')!.message, 'Unrecognised text “471” in the table was ignored');
});

test('CELL-*: nothing on an unparseable table', () => {
  // A full-width digit in 003's T3 (line 41) is reported while the table binds …
  const odd = replaceLine(s003, 41, ['三、本年度办理结果', '(一) 予以公开', '５', 0, 0, 0, 0, 0, 5, ''].join(TAB));
  assert.equal(findings(odd, 'CELL-FULLWIDTH-DIGIT').length, 1);
  // … and not once （七）总计 with its values run together makes T3 unparseable (docs/spec/layouts.md §3).
  const text = replaceLine(odd, 62, '（七）总计\t\t95000000095\t');
  const { report, findings: all } = check(text, { fileName: 'report.txt' });
  assert.equal(report.tables.T3.status, 'unparseable');
  assert.deepEqual(all.filter((f) => f.rule.startsWith('CELL-')).map((f) => f.rule), []);
});

test('a <br> in a GFM cell is a line break inside its label, never noise', () => {
  const gfm = readFileSync(join(import.meta.dirname, '../../fixtures/converted/002.pandoc-docx.gfm.md'), 'utf8');
  const base = check(gfm, { languageId: 'markdown' }).findings.map((f) => `${f.rule} ${f.message}`);
  for (const [label, broken] of [['本年新制作数量', '本年新<br>制作数量'], ['社会公益组织', '社会公益<br/>组织'], ['法律服务机构', '法律服务<br />机构'], ['（一）予以公开', '（一）予以<br>公开']]) {
    const text = gfm.replace(label, broken);
    assert.notEqual(text, gfm, label);
    assert.deepEqual(check(text, { languageId: 'markdown' }).findings.map((f) => `${f.rule} ${f.message}`), base, broken);
  }
});
