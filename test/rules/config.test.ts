// Rule configuration: severities changed or turned off by the user's config, inline directives
// in Markdown comments, and a bad configuration reported as a finding instead of a crash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../engine/index.ts';
import { seed } from './harness.ts';

const { text } = seed(2);
const rules = (r: ReturnType<typeof check>) => r.findings.map((f) => `${f.rule}:${f.severity}`);

test('a rule can be turned off or given another severity', () => {
  const off = check(text, { fileName: 'a.txt', config: { rules: { 'T3-BALANCE': 'off' } } });
  assert.ok(!rules(off).some((r) => r.startsWith('T3-BALANCE')));
  assert.ok(rules(off).includes('T3-RESULT-TOTAL:error'));
  const warn = check(text, { fileName: 'a.txt', config: { rules: { 'T3-RESULT-TOTAL': 'warning' } } });
  assert.equal(rules(warn).filter((r) => r === 'T3-RESULT-TOTAL:warning').length, 3);
});

test('a bad configuration is a finding and the defaults apply', () => {
  for (const [config, reason] of [
    [[1, 2], 'not a JSON object'],
    [{ rules: 'all' }, '"rules" is not an object'],
    [{ rules: { 'T3-BALANCE': 'loud' } }, 'invalid level for T3-BALANCE'],
  ] as const) {
    const r = check(text, { fileName: 'a.txt', config });
    const bad = r.findings.filter((f) => f.rule === 'CONFIG-INVALID');
    assert.equal(bad.length, 1);
    assert.equal(bad[0].message, `配置文件 .govreportrc.json 无效（${reason}），已按默认设置检查`);
    assert.ok(rules(r).includes('T3-BALANCE:error'), 'defaults still apply');
  }
});

test('inline directives: disable-next-line, disable … enable, all rules', () => {
  const lines = text.split('\n');
  // The T3-RESULT-TOTAL/T3-BALANCE findings on （七）总计·自然人 sit on line 350.
  const nextLine = [...lines.slice(0, 349), '<!-- govreport-disable-next-line T3-RESULT-TOTAL -->', ...lines.slice(349)].join('\n');
  const a = check(nextLine, { fileName: 'a.md' });
  assert.equal(a.findings.filter((f) => f.rule === 'T3-RESULT-TOTAL').length, 2);
  assert.equal(a.findings.filter((f) => f.rule === 'T3-BALANCE').length, 2, 'other rules on that line stay');

  const block = [...lines.slice(0, 340), '<!-- govreport-disable T3-BALANCE, T3-RESULT-TOTAL -->', ...lines.slice(340, 352), '<!-- govreport-enable T3-RESULT-TOTAL -->', ...lines.slice(352)].join('\n');
  const b = check(block, { fileName: 'a.md' });
  assert.deepEqual(b.findings.filter((f) => f.rule === 'T3-RESULT-TOTAL').map((f) => f.cell?.col), ['law', 'tot']);
  assert.equal(b.findings.filter((f) => f.rule === 'T3-BALANCE').length, 0);

  const all = `<!-- govreport-disable -->\n${text}`;
  assert.deepEqual(check(all, { fileName: 'a.md' }).findings, []);
});
