// The "recompute totals" command: the order of docs/spec/rules.md §5, edits in original coordinates that
// touch only total cells, nothing done where the parts themselves are in doubt, idempotent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, check, recomputeTotals } from '../../../engine/index.ts';
import { replaceLine, seed } from '../harness.ts';

test('seed 002: 自然人 is recomputed, the ambiguous 法律服务机构 and 总计 stay and are reported', () => {
  const { text } = seed(2);
  const r = recomputeTotals(text, { fileName: 'r.txt' });
  assert.equal(applyEdits(text, r.edits), r.text, 'edits are in the original text coordinates');
  assert.deepEqual(r.edits.map((e) => [text.slice(0, e.start).split('\n').length, text.slice(e.start, e.end), e.newText]), [
    [350, '8', '4'], // （七）总计·自然人 (B = S = 4)
    [356, '9', '5'], // then the row total of （七）: 4 + 1 = 5
  ]);
  assert.deepEqual(r.remaining.map((f) => `${f.rule}:${f.cell?.col}`), ['T3-RESULT-TOTAL:law', 'T3-RESULT-TOTAL:tot']);
  const again = recomputeTotals(r.text, { fileName: 'r.txt' });
  assert.deepEqual(again.edits, [], 'a second run changes nothing');
});

test('several broken totals in T3 and T4 are recomputed in one pass', () => {
  let text = seed(3).text;
  text = replaceLine(text, 39, '一、本年新收政府信息公开申请数量\t\t103\t0\t0\t0\t0\t0\t110\t'); // row total
  text = replaceLine(text, 70, '1\t0\t0\t2\t9\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0'); // T4 rev total
  const r = recomputeTotals(text, { fileName: 'r.txt' });
  assert.equal(r.text, seed(3).text);
  assert.deepEqual(r.remaining, []);
  assert.equal(check(r.text, { fileName: 'r.txt' }).findings.filter((f) => /^T[34]-/.test(f.rule) && f.severity === 'error').length, 0);
});

test('a clean report needs no recomputation', () => {
  for (const n of [0, 1, 3, 4]) assert.deepEqual(recomputeTotals(seed(n).text, { fileName: 'r.txt' }).edits, []);
});
