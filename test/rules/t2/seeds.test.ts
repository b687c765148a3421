// No seed has a T2-* finding (docs/spec/seeds.md), in particular none of the ones it forbids: 002's −2
// delta, its 988.2576万 procurement amount, 23 ≤ 25 newly published, the deltas (698, 2836, 154,
// 58, 4); 003's 18 ≥ 10 in force; 004's fee under "保留4位小数". (Messages and docs pages of
// every rule: test/rules/registry.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { T2_RULES } from '../../../engine/rules/t2/index.ts';
import { seed } from '../harness.ts';
import { t2Findings } from './run.ts';

for (const n of [0, 1, 2, 3, 4]) {
  test(`seed ${n}: no T2-* finding`, () => {
    const { text } = seed(n);
    const got = T2_RULES.flatMap((r) => t2Findings(text, r.id)).map((f) => `${f.rule}: ${f.message}`);
    assert.deepEqual(got, []);
  });
}

test('the seeds do exercise the T2 rules (their cells are read)', () => {
  // Guards the test above against passing because nothing was bound: mutate each forbidden case
  // across its boundary and the rule speaks.
  const s002 = seed(2).text.split('\n');
  const bump = (n: number, v: string) => s002.map((l, i) => (i === n - 1 ? `\t${v}` : l)).join('\n');
  assert.equal(t2Findings(bump(33, '26'), 'T2-2019-NEW-LE-TOTAL').length, 1);
  assert.equal(t2Findings(bump(91, '-7'), 'T2-2019-DELTA-BOUND').length, 1);
  assert.equal(t2Findings(bump(91, '-2.5'), 'T2-NONNEG-INT').length, 1);
  assert.equal(t2Findings(bump(103, '988.2576'), 'T2-2019-PURCHASE-UNIT').length, 1);
  const s003 = seed(3).text.replace('行政规范性文件\t10\t0\t18', '行政规范性文件\t10\t0\t9');
  assert.equal(t2Findings(s003, 'T2-VALID-GE-NET').length, 1);
});
