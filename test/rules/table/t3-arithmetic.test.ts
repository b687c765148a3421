// T3-ROW-TOTAL, T3-RESULT-TOTAL (with the T3-FIX-AMBIGUOUS policy), T3-BALANCE, T3-LEGAL-SUBTOTAL,
// T3-NONNEG-INT: failing and passing examples written by hand from the seeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, check } from '../../../engine/index.ts';
import { assertFixResolves, findings, lineOf, replaceLine, seed } from '../harness.ts';

const s000 = seed(0).text; // L2, clean arithmetic
const s002 = seed(2).text; // L2, 2019 template, the published （七）总计 error
const s003 = seed(3).text; // L4 TSV rows, clean arithmetic
const TAB = '\t';
const line003 = (n: number) => s003.split('\n')[n - 1];
const row003 = (label: string, values: (string | number)[], lead = '') => `${lead}${label}${TAB}${TAB}${values.join(TAB)}${TAB}`;

test('the clean seeds have no T3 arithmetic finding', () => {
  for (const n of [0, 1, 3, 4]) {
    for (const rule of ['T3-ROW-TOTAL', 'T3-RESULT-TOTAL', 'T3-BALANCE', 'T3-LEGAL-SUBTOTAL', 'T3-NONNEG-INT']) {
      assert.deepEqual(findings(seed(n).text, rule), [], `${rule} on seed ${n}`);
    }
  }
});

test('T3-ROW-TOTAL: a row whose 总计 is not the sum of its columns', () => {
  // 003 line 39: 一、本年新收 103 … 103 → total written as 105.
  const text = replaceLine(s003, 39, row003('一、本年新收政府信息公开申请数量', [103, 0, 0, 0, 0, 0, 105]));
  const [f] = findings(text, 'T3-ROW-TOTAL');
  assert.equal(f.message, '一、本年新收·总计 为 105，但本行各列之和为 103');
  assert.equal(f.severity, 'error');
  assert.deepEqual(f.cell, { table: 'T3', row: 'new', col: 'tot' });
  assert.equal(lineOf(text, f.range.start), 39);
  assert.equal(text.slice(f.range.start, f.range.end), '105');
  assert.equal([f.written, f.computed].join(), '105,103');
  assert.equal(f.fix?.kind, 'unsafe');
  assert.equal(f.fix?.title, '将一、本年新收·总计改为 103');
  assert.deepEqual(f.related.map((r) => r.value), [103]);
  const en = findings(text, 'T3-ROW-TOTAL', { lang: 'en' })[0];
  assert.equal(en.message, 'I. New applications · Total is 105, but the columns of this row sum to 103');
  // The balance breaks too; fixing the row total settles both.
  const fixed = applyEdits(text, f.fix!.edits);
  assert.equal(fixed, s003);
});

test('T3-ROW-TOTAL: a stray part the columns point at is named, and the total is not offered for change', () => {
  // 003 line 41: （一）予以公开 5 … 5, a stray 1 under 商业企业. The 总计 column still adds up
  // (（七）总计·总计 95 = Σ results), the 商业企业 column is off by 1: the part is wrong, not the total.
  const text = replaceLine(s003, 41, ['三、本年度办理结果', '(一) 予以公开', 5, 1, 0, 0, 0, 0, 5, ''].join(TAB));
  const [f] = findings(text, 'T3-ROW-TOTAL');
  assert.equal(f.message, '（一）予以公开·总计 为 5，但本行各列之和为 6；总计与总计列的勾稽关系一致，而商业企业列相差 1：应核对 （一）予以公开·商业企业 1（按列应为 0），而非总计');
  assert.equal(f.fix, null);
  const en = findings(text, 'T3-ROW-TOTAL', { lang: 'en' })[0];
  assert.equal(en.message, '(1) Disclosed · Total is 5, but the columns of this row sum to 6; the total agrees with the sums of the Total column while the Commercial enterprises column is off by 1: check (1) Disclosed · Commercial enterprises 1 (the column implies 0), not the total');
  // Changing the part settles the row and its column.
  const mended = replaceLine(text, 41, line003(41));
  assert.deepEqual(findings(mended, 'T3-ROW-TOTAL'), []);
  // Two columns off: the columns say the total is right but not which part is wrong.
  const two = replaceLine(s003, 41, ['三、本年度办理结果', '(一) 予以公开', 5, 1, 1, 0, 0, 0, 5, ''].join(TAB));
  const [g] = findings(two, 'T3-ROW-TOTAL');
  assert.equal(g.message, '（一）予以公开·总计 为 5，但本行各列之和为 7；总计与总计列的勾稽关系一致，应核对本行各列而非总计');
  assert.equal(g.fix, null);
  // The total off alone (its column disagrees too): the total is what to change.
  const total = replaceLine(s003, 41, ['三、本年度办理结果', '(一) 予以公开', 5, 0, 0, 0, 0, 0, 6, ''].join(TAB));
  const [h] = findings(total, 'T3-ROW-TOTAL');
  assert.equal(h.message, '（一）予以公开·总计 为 6，但本行各列之和为 5');
  assert.equal(h.fix?.title, '将（一）予以公开·总计改为 5');
});

test('T3-ROW-TOTAL: the fix keeps the cell layout (full-width digits and padding)', () => {
  // 000 line 91 holds 一、本年新收·总计 as "⇥7"; write it full-width with a U+3000 pad.
  const text = replaceLine(s000, 91, '\t９　');
  const [f] = findings(text, 'T3-ROW-TOTAL');
  assert.equal(f.message, '一、本年新收·总计 为 9，但本行各列之和为 7');
  const fixed = applyEdits(text, f.fix!.edits);
  assert.equal(fixed.split('\n')[90], '\t７　');
});

test('T3-ROW-TOTAL: placeholders count as 0 with a note and no fix; blank and invalid parts are not assessed', () => {
  const dash = replaceLine(s003, 39, row003('一、本年新收政府信息公开申请数量', [103, '—', 0, 0, 0, 0, 104]));
  const [f] = findings(dash, 'T3-ROW-TOTAL');
  assert.equal(f.message, '一、本年新收·总计 为 104，但本行各列之和为 103（其中 1 个占位单元格按 0 计）');
  assert.equal(f.fix, null);
  // Blank stays blank, never 0 (docs/spec/rules.md §0): the sum over it is unknown.
  const blank = replaceLine(s003, 39, row003('一、本年新收政府信息公开申请数量', [103, '', 0, 0, 0, 0, 104]));
  assert.deepEqual(findings(blank, 'T3-ROW-TOTAL'), []);
  const invalid = replaceLine(s003, 39, row003('一、本年新收政府信息公开申请数量', [103, '约5', 0, 0, 0, 0, 104]));
  assert.deepEqual(findings(invalid, 'T3-ROW-TOTAL'), []);
});

test('T3-RESULT-TOTAL: seed 002, the three （七）总计 findings of docs/spec/seeds.md', () => {
  const fs = findings(s002, 'T3-RESULT-TOTAL');
  assert.deepEqual(
    fs.map((f) => [lineOf(s002, f.range.start), f.cell?.col, f.written, f.computed, f.message, f.fix?.kind ?? null]),
    [
      [350, 'np', 8, 4, '（七）总计·自然人 为 8，但各项之和为 4', 'unsafe'],
      [354, 'law', 1, 0, '（七）总计·法律服务机构 为 1，但各项之和为 0；（七）总计与勾稽关系一致，有 1 件申请未计入任何办理结果', null],
      [356, 'tot', 9, 4, '（七）总计·总计 为 9，但各项之和为 4；按勾稽关系（一+二−四）应为 5，有 1 件申请未计入任何办理结果', null],
    ],
  );
  assert.equal(fs[0].fix!.title, '将（七）总计·自然人改为 4');
  assert.deepEqual(fs[0].fix!.edits.map((e) => s002.slice(e.start, e.end) + '→' + e.newText), ['8→4']);
  const en = findings(s002, 'T3-RESULT-TOTAL', { lang: 'en' });
  assert.equal(en[0].message, '(7) Total · Natural persons is 8, but its items sum to 4');
  assert.equal(en[2].message, '(7) Total · Total is 9, but its items sum to 4; the balance (I + II − IV) requires 5, so 1 application(s) have no outcome recorded');
});

test('T3-RESULT-TOTAL: a wrong total that the balance confirms is fixed cleanly', () => {
  // 003: （七）总计 95 = 5 + 90; write 自然人 as 97 (the row total stays 95).
  const text = replaceLine(s003, 62, row003('(七) 总计', [97, 0, 0, 0, 0, 0, 95]));
  const [f] = findings(text, 'T3-RESULT-TOTAL');
  assert.equal(f.message, '（七）总计·自然人 为 97，但各项之和为 95');
  assert.equal(f.fix?.kind, 'unsafe');
  assertFixResolves(text, f);
});

test('T3-RESULT-TOTAL: over-counted items against the balance get no fix', () => {
  // 003: items 5 + 90 + 3 = 98 for 自然人 while new 103 − fwd 8 = 95 = the written total.
  const text = replaceLine(s003, 52, row003('2. 没有现成信息需要另行制作', [3, 0, 0, 0, 0, 0, 3], '\t\t'));
  const fs = findings(text, 'T3-RESULT-TOTAL');
  assert.deepEqual(fs.map((f) => f.message), [
    '（七）总计·自然人 为 95，但各项之和为 98；（七）总计与勾稽关系一致，各项多计 3 件',
    '（七）总计·总计 为 95，但各项之和为 98；（七）总计与勾稽关系一致，各项多计 3 件',
  ]);
  assert.ok(fs.every((f) => f.fix === null));
});

test('T3-BALANCE: seed 002 breaks the 勾稽关系 for 自然人 and 总计, not for 法律服务机构', () => {
  const fs = findings(s002, 'T3-BALANCE');
  assert.deepEqual(fs.map((f) => [lineOf(s002, f.range.start), f.cell?.col, f.written, f.computed]), [[350, 'np', 8, 4], [356, 'tot', 9, 5]]);
  assert.equal(fs[0].message, '自然人：一、本年新收 4 + 二、上年结转 0 = 4，但（七）总计 8 + 四、结转下年度 0 = 8，勾稽关系不成立');
  assert.equal(fs[1].message, '总计：一、本年新收 5 + 二、上年结转 0 = 5，但（七）总计 9 + 四、结转下年度 0 = 9，勾稽关系不成立');
  assert.deepEqual(fs[0].related.map((r) => r.label), ['一、本年新收·自然人', '二、上年结转·自然人', '四、结转下年度·自然人']);
  assert.ok(fs.every((f) => f.fix === null), 'no fix: any of the four cells may be wrong');
  assert.equal(findings(s002, 'T3-BALANCE', { lang: 'en' })[0].message,
    'Natural persons: new 4 + carried over 0 = 4, but (7) total 8 + carried forward 0 = 8; the balance does not hold');
});

test('T3-BALANCE: carrying forward more than there was to handle says so', () => {
  const text = replaceLine(s003, 63, row003('四、结转下年度继续办理', [200, 0, 0, 0, 0, 0, 200]));
  const np = findings(text, 'T3-BALANCE').find((f) => f.cell?.col === 'np')!;
  assert.equal(np.message, '自然人：一、本年新收 103 + 二、上年结转 0 = 103，但（七）总计 95 + 四、结转下年度 200 = 295，勾稽关系不成立；结转下年度 200 件多于本年应办理的 103 件');
});

test('T3-LEGAL-SUBTOTAL: runs only with a 小计 column, and checks it', () => {
  const header = '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t';
  let text = replaceLine(s003, 38, header);
  const withSub = (label: string, vals: number[], lead = '') => `${lead}${label}${TAB}${vals.join(TAB)}`;
  const lines = text.split('\n');
  // Give every data row (39–63) an 8th value between 其他 and 总计: the subtotal of the five organisations.
  for (let l = 39; l <= 63; l++) {
    const cells = lines[l - 1].split('\t');
    const nums = cells.map((c, i) => ({ c, i })).filter((x) => /^\d+$/.test(x.c.trim()));
    const at = nums[5].i; // 其他
    cells.splice(at + 1, 0, '0');
    lines[l - 1] = cells.join('\t');
  }
  text = lines.join('\n');
  const { report } = check(text, { fileName: 'report.txt' });
  assert.equal(report.tables.T3.hasSubtotal, true);
  assert.equal(report.tables.T3.status, 'bound');
  assert.deepEqual(findings(text, 'T3-LEGAL-SUBTOTAL'), []);
  const broken = text.split('\n');
  broken[38] = broken[38].replace(/\t0\t103\t$/, '\t2\t103\t');
  const bad = broken.join('\n');
  const [f] = findings(bad, 'T3-LEGAL-SUBTOTAL');
  assert.equal(f.message, '一、本年新收·法人或其他组织小计 为 2，但五类组织之和为 0');
  assertFixResolves(bad, f);
  void withSub;
});

test('T3-NONNEG-INT: negative or fractional counts', () => {
  const text = replaceLine(s003, 41, row003('三、本年度办理结果', [5.5, 0, 0, 0, 0, 0, 5.5]).replace('三、本年度办理结果\t\t', '三、本年度办理结果\t(一) 予以公开\t'));
  const fs = findings(text, 'T3-NONNEG-INT');
  assert.deepEqual(fs.map((f) => f.message), ['（一）予以公开·自然人 为 5.5，申请件数应为非负整数', '（一）予以公开·总计 为 5.5，申请件数应为非负整数']);
  assert.deepEqual(findings(s003, 'T3-NONNEG-INT'), []);
});
