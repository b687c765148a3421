// --format sarif: valid against the vendored SARIF 2.1.0 schema (schemas/sarif-2.1.0-rtm.5.json,
// see schemas/README.md), with the rule table, levels and 1-based regions matching the JSON output.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli, runJson, sarifValidator } from './helpers.ts';

test('SARIF output validates against the SARIF 2.1.0 schema and mirrors the JSON findings', () => {
  const validate = sarifValidator();
  const run = runCli(['check', '--format', 'sarif', '--no-progress', 'test/fixtures/seeds']);
  assert.equal(run.code, 1);
  const sarif = JSON.parse(run.stdout);
  assert.equal(validate(sarif), '');
  // the validator is not vacuous
  assert.notEqual(validate({ ...sarif, version: '2.0.0' }), '');
  const broken = structuredClone(sarif);
  broken.runs[0].results[0].level = 'fatal';
  assert.notEqual(validate(broken), '');

  assert.equal(sarif.version, '2.1.0');
  const driver = sarif.runs[0].tool.driver;
  assert.equal(driver.name, 'govreport');
  const ids = driver.rules.map((r: any) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of driver.rules) {
    assert.ok(r.shortDescription.text.length > 0, r.id);
    assert.ok(r.help.text.length > 0, r.id);
    assert.ok(r.helpUri.endsWith(`docs/rules/${r.id}.md`), r.helpUri);
  }
  for (const id of ['T3-RESULT-TOTAL', 'XYEAR-CARRY', 'FILE-UNREADABLE', 'CONFIG-INVALID']) assert.ok(ids.includes(id), id);

  const { json } = runJson(['test/fixtures/seeds']);
  const expected = json.reports.flatMap((r: any) => r.findings.map((f: any) => ({ r, f })));
  const results = sarif.runs[0].results;
  assert.equal(results.length, expected.length);
  const level = { error: 'error', warning: 'warning', info: 'note' } as Record<string, string>;
  results.forEach((res: any, i: number) => {
    const { r, f } = expected[i];
    assert.equal(res.ruleId, f.rule);
    assert.equal(driver.rules[res.ruleIndex].id, f.rule);
    assert.equal(res.level, level[f.severity]);
    assert.equal(res.message.text, f.message);
    const loc = res.locations[0].physicalLocation;
    assert.equal(decodeURIComponent(loc.artifactLocation.uri), r.path);
    assert.deepEqual(loc.region, {
      startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1,
      endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
    });
  });
  const total = results.find((x: any) => x.ruleId === 'T3-RESULT-TOTAL');
  assert.deepEqual(total.locations[0].physicalLocation.region, { startLine: 350, startColumn: 2, endLine: 350, endColumn: 3 });
  assert.equal(total.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '4');
});
