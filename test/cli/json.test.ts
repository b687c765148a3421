// --format json against the docs/design.md contract (through schemas/govreport-report.schema.json),
// exit codes, --lang, --quiet, and the text format's line shape.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { ROOT, runCli, runJson, seedPath, tempDir, copySeed } from './helpers.ts';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'govreport-report.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
const check = (doc: unknown) => {
  const ok = validate(doc);
  return ok ? '' : ajv.errorsText(validate.errors);
};

/** The example of design.md (its `{ … }` range elided there, filled in here). */
function designExample(): unknown {
  // The contract lives in the repository (docs/design.md): a missing file or example is a failure,
  // never a silent fall-back to a copy kept here.
  const design = join(ROOT, 'docs', 'design.md');
  assert.ok(existsSync(design), `${design} is missing: the JSON contract must be in the repository`);
  const m = /--format json` writes one object:\n```json\n([\s\S]*?)\n```/.exec(readFileSync(design, 'utf8'));
  assert.ok(m, 'docs/design.md has no `--format json` example block');
  const block = m[1];
  const filled = block.replace('"range": { … }', '"range": { "start": { "line": 349, "character": 1 }, "end": { "line": 349, "character": 2 } }');
  return JSON.parse(filled);
}

test('the schema accepts the design.md example and rejects departures from it', () => {
  const example = designExample() as any;
  assert.equal(check(example), '');
  const noTables = structuredClone(example);
  delete noTables.reports[0].tables;
  assert.notEqual(check(noTables), '');
  const extra = structuredClone(example);
  extra.reports[0].findings[0].surprise = 1;
  assert.notEqual(check(extra), '');
  const oneBased = structuredClone(example);
  oneBased.reports[0].findings[0].range.start.line = -1;
  assert.notEqual(check(oneBased), '');
  const badStatus = structuredClone(example);
  badStatus.reports[0].tables.T3 = 'ok';
  assert.notEqual(check(badStatus), '');
});

test('JSON output of the seeds validates, sorted by path, with the 002 arithmetic findings', () => {
  const { code, json } = runJson(['test/fixtures/seeds']);
  assert.equal(code, 1);
  assert.equal(check(json), '');
  const paths = json.reports.map((r: any) => r.path);
  assert.deepEqual(paths, [...paths].sort());
  assert.equal(json.summary.files, 5);
  assert.equal(json.summary.unreadable, 0);
  let errors = 0, warnings = 0, infos = 0;
  for (const r of json.reports) for (const f of r.findings) f.severity === 'error' ? errors++ : f.severity === 'warning' ? warnings++ : infos++;
  assert.deepEqual([json.summary.errors, json.summary.warnings, json.summary.infos], [errors, warnings, infos]);

  const r002 = json.reports.find((r: any) => r.path.includes('002_'));
  assert.equal(r002.year, 2020);
  assert.equal(r002.template, '2019');
  assert.deepEqual(r002.tables, { T2: 'bound', T3: 'bound', T4: 'bound' });
  const totals = r002.findings.filter((f: any) => f.rule === 'T3-RESULT-TOTAL');
  assert.deepEqual(totals.map((f: any) => [f.cell.col, f.written, f.computed, f.range.start.line]), [
    ['np', 8, 4, 349], ['law', 1, 0, 353], ['tot', 9, 4, 355],
  ]);
  assert.equal(totals[0].message, '（七）总计·自然人 为 8，但各项之和为 4');
  assert.equal(totals[0].fix.kind, 'unsafe');
  assert.equal(totals[0].fix.edits[0].newText, '4');
  assert.equal(totals[1].fix, null);
  const balance = r002.findings.filter((f: any) => f.rule === 'T3-BALANCE');
  assert.deepEqual(balance.map((f: any) => f.cell.col), ['np', 'tot']);
  assert.ok(r002.findings.some((f: any) => f.rule === 'T4-POST-WITHOUT-REVIEW' && f.cell.row === 'post'));
});

test('exit codes: 0 clean, 1 errors, 2 missing path or bad option', (t) => {
  assert.equal(runCli(['check', '--no-progress', seedPath('000')]).code, 0);
  assert.equal(runCli(['check', '--no-progress', seedPath('002')]).code, 1);
  const missing = runCli(['check', '--no-progress', 'no/such/file.txt']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no\/such\/file\.txt/);
  // a missing path among good ones: the others are still checked, the exit code is 2
  const mixed = runJson([seedPath('000'), 'no-such-dir']);
  assert.equal(mixed.code, 2);
  assert.equal(mixed.json.reports.length, 1);
  assert.equal(runCli(['check', '--format', 'yaml', seedPath('000')]).code, 2);
  assert.equal(runCli(['check', '--bogus', seedPath('000')]).code, 2);
  assert.equal(runCli(['check', '--jobs', '0', seedPath('000')]).code, 2);
  assert.equal(runCli(['check']).code, 2);
  assert.equal(runCli(['frobnicate', seedPath('000')]).code, 2);
  assert.equal(runCli([]).code, 2);
  const help = runCli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /govreport \[check\]/);
  assert.match(runCli(['--help', '--lang', 'en']).stdout, /Exit codes/);
  const version = runCli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  const dir = tempDir(t);
  const out = join(dir, 'out.json');
  assert.equal(runCli(['check', '--format', 'json', '--output', out, seedPath('002')]).code, 1);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).reports.length, 1);
  assert.equal(runCli(['check', '--output', join(dir, 'no', 'such', 'dir', 'x.txt'), seedPath('000')]).code, 2);
  assert.equal(runCli(['check', '--config', join(dir, 'none.json'), seedPath('000')]).code, 2);
});

test('--lang en, --quiet and the compiler-style text format', () => {
  const zh = runJson([seedPath('002')]).json.reports[0].findings;
  const en = runJson(['--lang', 'en', seedPath('002')]).json.reports[0].findings;
  assert.deepEqual(en.map((f: any) => f.rule), zh.map((f: any) => f.rule));
  const total = en.find((f: any) => f.rule === 'T3-RESULT-TOTAL');
  assert.equal(total.message, '(7) Total · Natural persons is 8, but its items sum to 4');

  const quiet = runJson(['--quiet', 'test/fixtures/seeds']).json;
  assert.ok(quiet.reports.every((r: any) => r.findings.every((f: any) => f.severity === 'error')));
  assert.equal(quiet.summary.warnings + quiet.summary.infos, 0);
  assert.equal(quiet.summary.errors, zh.filter((f: any) => f.severity === 'error').length);

  const text = runCli(['check', '--no-progress', seedPath('002')]);
  const lines = text.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));
  assert.equal(lines.length, zh.length);
  const line = /^(.+):(\d+):(\d+): (error|warning|info) ([A-Z0-9-]+) (.+)$/;
  for (const [i, l] of lines.entries()) {
    const m = line.exec(l);
    assert.ok(m, l);
    assert.equal(Number(m[2]), zh[i].range.start.line + 1);
    assert.equal(Number(m[3]), zh[i].range.start.character + 1);
    assert.equal(m[5], zh[i].rule);
  }
  assert.ok(text.stdout.includes('test/fixtures/seeds/002_c7925c89c326f8ac.txt:350:2: error T3-RESULT-TOTAL （七）总计·自然人 为 8，但各项之和为 4'));
  // summary: per-rule counts sorted by rule id
  const counts = text.stdout.split('\n').filter((l) => /^ {2}[A-Z][A-Z0-9-]+ +\d+$/.test(l)).map((l) => l.trim().split(/ +/));
  assert.deepEqual(counts.map((c) => c[0]), counts.map((c) => c[0]).sort());
  assert.deepEqual(counts.find((c) => c[0] === 'T3-RESULT-TOTAL'), ['T3-RESULT-TOTAL', '3']);
});

test('a bad .govreportrc.json is a CONFIG-INVALID finding, and a good one is applied', (t) => {
  const dir = tempDir(t);
  copySeed('002', dir);
  writeFileSync(join(dir, '.govreportrc.json'), '{ "rules": { "T3-BALANCE": "off", } ');
  const bad = runJson([dir]);
  assert.equal(bad.code, 1);
  const rules = bad.json.reports[0].findings.map((f: any) => f.rule);
  assert.ok(rules.includes('CONFIG-INVALID'), rules.join());
  assert.match(bad.json.reports[0].findings.find((f: any) => f.rule === 'CONFIG-INVALID').message, /JSON 语法错误/);
  assert.ok(rules.includes('T3-BALANCE'));

  writeFileSync(join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'T3-BALANCE': 'off', 'T3-RESULT-TOTAL': 'warning' } }));
  const good = runJson([dir]).json.reports[0].findings;
  assert.ok(!good.some((f: any) => f.rule === 'T3-BALANCE' || f.rule === 'CONFIG-INVALID'));
  assert.ok(good.filter((f: any) => f.rule === 'T3-RESULT-TOTAL').every((f: any) => f.severity === 'warning'));
  // --config wins over the file found upward
  const cfg = join(dir, 'other.json');
  writeFileSync(cfg, JSON.stringify({ rules: {} }));
  const explicit = runJson(['--config', cfg, dir]).json.reports[0].findings;
  assert.ok(explicit.some((f: any) => f.rule === 'T3-BALANCE'));
});
