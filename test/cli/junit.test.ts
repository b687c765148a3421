// --format junit: one test case per report, a failure exactly where the report has errors.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, runJson, seedText, tempDir } from './helpers.ts';

test('JUnit: one testcase per report, failing when it has errors, text escaped', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a<&>.txt'), seedText('002'));
  writeFileSync(join(dir, 'b.txt'), seedText('000'));
  writeFileSync(join(dir, 'c.txt'), seedText('003'));
  const run = runCli(['check', '--format', 'junit', '--no-progress', dir], { cwd: dir });
  assert.equal(run.code, 1);
  const xml = run.stdout;
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  const cases = [...xml.matchAll(/<testcase classname="govreport" name="([^"]*)"[^>]*>([\s\S]*?)<\/testcase>/g)];
  assert.deepEqual(cases.map((c) => c[1]), ['a&lt;&amp;&gt;.txt', 'b.txt', 'c.txt']);
  const { json } = runJson([dir], { cwd: dir });
  cases.forEach((c, i) => {
    const errors = json.reports[i].findings.filter((f: any) => f.severity === 'error').length;
    assert.equal(/<failure /.test(c[2]), errors > 0, c[1]);
    if (errors) assert.match(c[2], new RegExp(`message="${errors} 个错误"`));
  });
  assert.match(xml, /<testsuite name="govreport" tests="3" failures="1"/);
  // nothing unescaped: every & starts an entity
  assert.ok(!/&(?!(amp|lt|gt|quot|apos);)/.test(xml));
});
