// The CELL-* findings of each seed are exactly those of docs/spec/seeds.md (rule, line, cell text), with
// the fixes it names. (Messages and docs pages of every rule: test/rules/registry.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, check } from '../../../engine/index.ts';
import { lineOf, seed } from '../harness.ts';

type Expect = [rule: string, line: number, text: string, fixed?: string];
const EXPECTED: Record<number, Expect[]> = {
  0: [['CELL-EXTRA-TEXT', 30, '4\u3000\u3000', '4']],
  1: [],
  2: [],
  3: [],
  4: [
    // Three echoed labels in table 2 are one cause: one finding on the first, one fix for the three.
    ['CELL-EXTRA-TEXT', 22, '行政处罚 0'],
    ['CELL-OCR-NOISE', 31, 'x据的勾稽关:'],
    ['CELL-OCR-NOISE', 33, '-'],
    ['CELL-OCR-NOISE', 34, ':'],
    ['CELL-OCR-NOISE', 36, '<b>红木</b>'],
    ['CELL-OCR-NOISE', 38, '471'],
    ['CELL-OCR-NOISE', 64, '<b>问</b> 不甲细'],
    ['CELL-OCR-NOISE', 64, '心川'],
  ],
};

for (const n of [0, 1, 2, 3, 4]) {
  test(`seed ${n}: CELL-* findings as docs/spec/seeds.md lists them`, () => {
    const { name, text } = seed(n);
    const fs = check(text, { fileName: name }).findings.filter((f) => f.rule.startsWith('CELL-'));
    const got = fs.map((f) => [f.rule, lineOf(text, f.range.start), text.slice(f.range.start, f.range.end)]);
    assert.deepEqual(got, EXPECTED[n].map(([r, l, t]) => [r, l, t]));
    EXPECTED[n].forEach(([rule, , written, fixed], i) => {
      const f = fs[i];
      if (rule === 'CELL-EXTRA-TEXT' && fixed !== undefined) {
        assert.equal(f.fix?.kind, 'safe');
        // The fix rewrites only the cell: the text around it stays.
        const out = applyEdits(text, f.fix!.edits);
        assert.equal(out, text.slice(0, f.range.start) + fixed + text.slice(f.range.end));
      }
      // Debris is deleted by an unsafe fix; text with Chinese words in it may be a label and has none.
      if (rule === 'CELL-OCR-NOISE') assert.equal(f.fix?.kind, /[\u4e00-\u9fff]/.test(written) ? undefined : 'unsafe');
    });
  });
}

test('seed 000: the residue is named 全角空格×2', () => {
  const [f] = check(seed(0).text).findings.filter((x) => x.rule === 'CELL-EXTRA-TEXT');
  assert.equal(f.message, '行政规范性文件·本年制发件数 除数字 4 外还含有“全角空格×2”');
  assert.equal(f.severity, 'info');
});

test('seed 004: the three echoed labels of table 2 are one finding naming them, whose safe fix keeps the three numbers', () => {
  const { text } = seed(4);
  const [f] = check(text).findings.filter((x) => x.rule === 'CELL-EXTRA-TEXT');
  assert.equal(f.message, '主动公开政府信息情况表中 3 个单元格除数字外还含有“行政处罚”“行政强制”“行政事业性收费”：行政处罚·本年处理决定数量、行政强制·本年处理决定数量、行政事业性收费·本年收费金额');
  assert.equal(f.fix?.kind, 'safe');
  assert.deepEqual(f.fix!.edits.map((e) => [lineOf(text, e.start), text.slice(e.start, e.end), e.newText]), [[22, '行政处罚 0', '0'], [23, '行政强制 0', '0'], [26, '行政事业性收费 0', '0']]);
  const fixed = applyEdits(text, f.fix!.edits);
  assert.deepEqual(check(fixed).findings.filter((x) => x.rule === 'CELL-EXTRA-TEXT'), []);
});

test('seed 004: seven noise tokens are warnings, the echo cells infos', () => {
  const fs = check(seed(4).text).findings.filter((f) => f.rule.startsWith('CELL-'));
  assert.deepEqual([...new Set(fs.filter((f) => f.rule === 'CELL-OCR-NOISE').map((f) => f.severity))], ['warning']);
  assert.deepEqual([...new Set(fs.filter((f) => f.rule === 'CELL-EXTRA-TEXT').map((f) => f.severity))], ['info']);
});

test('seed 002: 988.2576万 in the 2019 purchase amount is a number with its unit, no CELL finding', () => {
  const { report } = check(seed(2).text);
  const c = report.tables.T2.cells.get('t2.purchase.amount')!;
  assert.equal(c.value, 988.2576);
  assert.equal(c.unit, '万元');
});
