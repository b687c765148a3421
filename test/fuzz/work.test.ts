// check() does work linear in its input (issue #7), measured by work counted, not by the clock:
// every regex execution and every scanning string call is charged the length of the text it may
// scan. A quadratic pattern — a whole-text search per line, a rescan per row — shows up as a
// ratio near 4 when the input doubles; linear work stays near 2. This file runs in its own
// process (node --test), so the instrumentation touches no other test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { check } from '../../engine/index.ts';
import { seed } from '../rules/harness.ts';

let work = 0;
const exec = RegExp.prototype.exec;
RegExp.prototype.exec = function (this: RegExp, s: string) {
  // Charged what the search scanned: from where it started (lastIndex for global and sticky
  // searches) to the end of its match, or to the end of the text when nothing matched. A global
  // replace calls this once per match, each scanning only up to its own match.
  const str = String(s);
  const from = this.global || this.sticky ? this.lastIndex : 0;
  const m = exec.call(this, str);
  work += 1 + Math.max(0, (m ? m.index + m[0].length : str.length) - from);
  return m;
};
// String searches are charged what they scan, like the regex searches above: indexOf/includes
// from their start position to the end of the match (or of the text), lastIndexOf up to its start,
// startsWith/endsWith the length compared; whole-string operations the whole length.
const strings = String.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
const indexOf = String.prototype.indexOf;
for (const name of ['indexOf', 'includes'] as const) {
  const original = strings[name];
  strings[name] = function (this: string, search: unknown, from?: unknown) {
    const start = Math.max(0, Number(from) || 0);
    const at = indexOf.call(this, String(search), start);
    work += 1 + (at < 0 ? this.length - start : at + String(search).length - start);
    return original.call(this, search, from);
  };
}
const lastIndexOf = strings.lastIndexOf;
strings.lastIndexOf = function (this: string, search: unknown, from?: unknown) {
  work += 1 + Math.min(this.length, from === undefined ? this.length : Math.max(0, Number(from)) + String(search).length);
  return lastIndexOf.call(this, search, from);
};
for (const name of ['startsWith', 'endsWith'] as const) {
  const original = strings[name];
  strings[name] = function (this: string, search: unknown, pos?: unknown) {
    work += 1 + String(search).length;
    return original.call(this, search, pos);
  };
}
for (const name of ['normalize', 'split', 'trim'] as const) {
  const original = strings[name];
  strings[name] = function (this: string, ...args: unknown[]) {
    work += 1 + this.length;
    return original.apply(this, args);
  };
}

function workOf(text: string, fileName: string): number {
  work = 0;
  check(text, { fileName });
  return work;
}

/** Work ratios when the input doubles; linear work gives about 2, quadratic about 4. */
function ratios(unit: string, sizes: number[], fileName: string): number[] {
  const w = sizes.map((k) => workOf(unit.repeat(k), fileName));
  return w.slice(1).map((x, i) => x / w[i]);
}

for (const fileName of ['report.txt', 'report.md']) {
  test(`seed reports concatenated (${fileName}): work doubles when the input doubles`, { timeout: 300_000 }, () => {
    for (const n of [0, 2, 4]) {
      const r = ratios(seed(n).text + '\n', [4, 8, 16], fileName);
      for (const x of r) assert.ok(x < 2.4, `seed ${n}: work ratio ${x.toFixed(2)} when the input doubles`);
    }
  });
}

test('random report-like text: work doubles when the input doubles', { timeout: 300_000 }, () => {
  const pieces = ['一、总体情况', '\t', '|', '\n', '本年新收', '结转下年度', '未经复议直接起诉', '（七）总计', '0', '12', '# ', '- ', '第二十条第（一）项', '\r\n', '自然人', '总计', '（', '“', '新收到7件申请', '。'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 20, maxLength: 200 }), fc.boolean(), (xs, md) => {
      const unit = xs.join('');
      const [r] = ratios(unit, [40, 80], md ? 'r.md' : 'r.txt');
      assert.ok(r < 2.5, `work ratio ${r.toFixed(2)} for ${JSON.stringify(unit.slice(0, 80))}`);
    }),
    { seed: Number(process.env.FUZZ_SEED ?? 20261123), numRuns: Number(process.env.FUZZ_RUNS ?? 40) >> 2 || 5 },
  );
});

test('the instrument sees a quadratic pattern when there is one', () => {
  // Guard against a measure that cannot fail: a per-line search of the whole text is charged
  // four times the work when the text doubles.
  const unit = '一、本年新收\t7\n';
  const byIncludes = (t: string) => { work = 0; for (const line of t.split('\n')) t.includes(line + 'x'); return work; };
  const byRegex = (t: string) => { work = 0; for (const line of t.split('\n')) new RegExp(`${line}x`).test(t); return work; };
  for (const quadratic of [byIncludes, byRegex]) {
    const r = quadratic(unit.repeat(400)) / quadratic(unit.repeat(200));
    assert.ok(r > 3.5, `${quadratic.name}: quadratic ratio ${r}`);
  }
});
