// Configuration discovery (host/config.ts, shared with the language server): the nearest
// .govreportrc.json wins; the search stops at a repository root or the folder named on the command
// line, so a file in a shared parent cannot turn rules off from outside; a configuration that does
// so from outside the checked folder is reported; --print-config and the text summary say which
// file was used; unknown rule ids get the nearest real id.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check } from '../../engine/index.ts';
import { closestRuleId, readConfig } from '../../engine/config.ts';
import { ConfigFiles } from '../../host/config.ts';
import { runCli, runJson, seedText, tempDir } from './helpers.ts';

const OFF = JSON.stringify({ rules: { 'T3-RESULT-TOTAL': 'off', 'T3-BALANCE': 'off', 'T3-ROW-TOTAL': 'off' } });
const rules = (r: any): string[] => r.findings.map((f: any) => f.rule);

test('discovery stops at the repository root and at the folder named', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, '.govreportrc.json'), OFF); // the "shared parent"
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  mkdirSync(join(repo, 'reports'), { recursive: true });
  writeFileSync(join(repo, 'reports', '002.txt'), seedText('002'));
  const folder = join(dir, 'plain', 'reports');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '002.txt'), seedText('002'));

  const finder = new ConfigFiles();
  assert.equal(finder.find(join(repo, 'reports', '002.txt')), null, 'the repository root ends the search');
  assert.equal(finder.discover(join(repo, 'reports', '002.txt')).stop, 'repository');
  assert.equal(finder.find(join(folder, '002.txt'), [folder]), null, 'the named folder ends the search');
  assert.equal(finder.find(join(folder, '002.txt'))?.path, join(dir, '.govreportrc.json'), 'without a boundary it is found');

  // through the CLI: inside the repository and under a named folder the parent's file is not used
  for (const [args, cwd] of [[['reports'], repo], [['reports/002.txt'], repo], [['reports'], join(dir, 'plain')]] as const) {
    const run = runJson([...args], { cwd });
    assert.ok(rules(run.json.reports[0]).includes('T3-RESULT-TOTAL'), `${args} in ${cwd}`);
    assert.equal(run.code, 1);
  }
});

test('a configuration outside the checked folder that turns rules off is reported, and named in the summary', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, '.govreportrc.json'), OFF);
  const sub = join(dir, 'inbox');
  mkdirSync(sub);
  writeFileSync(join(sub, '002.txt'), seedText('002'));
  // a file named directly, no repository: the search reaches the parent's file
  const run = runJson(['--lang', 'en', '002.txt'], { cwd: sub });
  const r = run.json.reports[0];
  assert.ok(!rules(r).includes('T3-RESULT-TOTAL'), 'the configuration applies…');
  const outside = r.findings.find((f: any) => f.rule === 'CONFIG-OUTSIDE');
  assert.ok(outside, '…and is reported');
  assert.match(outside.message, new RegExp(`${join(dir, '.govreportrc.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} lies outside the checked folder and turns 3 rule\\(s\\) off \\(T3-BALANCE, T3-RESULT-TOTAL, T3-ROW-TOTAL\\)`));
  // the outside file cannot silence the notice about itself
  writeFileSync(join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'T3-RESULT-TOTAL': 'off', 'CONFIG-OUTSIDE': 'off' } }));
  assert.ok(rules(runJson(['002.txt'], { cwd: sub }).json.reports[0]).includes('CONFIG-OUTSIDE'));
  // the text summary names a configuration from above the working directory
  const text = runCli(['check', '--no-progress', '--lang', 'en', '002.txt'], { cwd: sub });
  assert.ok(text.stdout.includes(`configuration used from outside the current directory: ${join(dir, '.govreportrc.json')}`), text.stdout);
  // inside the folder: neither
  writeFileSync(join(sub, '.govreportrc.json'), OFF);
  const inside = runCli(['check', '--no-progress', '--lang', 'en', '002.txt'], { cwd: sub });
  assert.doesNotMatch(inside.stdout, /CONFIG-OUTSIDE|outside the current directory/);
});

test('--print-config: the configuration each file gets, where it came from and where the search went', (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, 'a', '.govreportrc.json'), JSON.stringify({ rules: { 'CELL-EMPTY': 'off', 'T3-BALANSE': 'info' } }));
  writeFileSync(join(dir, 'a', 'b', 'r.txt'), seedText('000'));
  writeFileSync(join(dir, 'top.txt'), seedText('000'));
  const run = runCli(['--print-config', 'a/b/r.txt', 'top.txt'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out[0].path, 'a/b/r.txt');
  assert.equal(out[0].config, join(dir, 'a', '.govreportrc.json'));
  assert.deepEqual(out[0].searched, [join(dir, 'a', 'b'), join(dir, 'a')]);
  assert.deepEqual(out[0].rules, { 'CELL-EMPTY': 'off', 'T3-BALANSE': 'info' });
  assert.deepEqual(out[0].unknown, [{ id: 'T3-BALANSE', closest: 'T3-BALANCE' }]);
  assert.equal(out[1].config, null);
  assert.equal(out[1].stop, 'repository');
});

test('unknown rule ids: a warning naming the closest real id (engine/config.ts, so the editor gets it too)', () => {
  assert.equal(closestRuleId('T3-BALANSE'), 'T3-BALANCE');
  assert.equal(closestRuleId('cell_empty'), 'CELL-EMPTY');
  assert.equal(closestRuleId('TPL-PERIDO'), 'TPL-PERIOD');
  assert.equal(closestRuleId('COMPLETELY-DIFFERENT-THING'), null);
  assert.deepEqual(readConfig({ rules: { 'CELL-EMPTY': 'off' } }).unknown, []);
  const { findings } = check(seedText('000'), { fileName: 'a.txt', config: { rules: { 'T3-BALANSE': 'off', 'NOTHING-LIKE-IT-AT-ALL': 'off' } } });
  const bad = findings.filter((f) => f.rule === 'CONFIG-INVALID').map((f) => f.message);
  assert.deepEqual(bad, [
    '配置文件 .govreportrc.json 中的规则“T3-BALANSE”不存在（是否应为 T3-BALANCE？），此项未生效',
    '配置文件 .govreportrc.json 中的规则“NOTHING-LIKE-IT-AT-ALL”不存在，此项未生效',
  ]);
  // notices are ids a configuration may name
  assert.deepEqual(readConfig({ rules: { 'FILE-EMPTY': 'off', 'XYEAR-CARRY': 'info' } }).unknown, []);
  assert.equal(readConfig({ root: true, rules: {} }).root, true);
  assert.match(String(readConfig({ root: 'yes' }).error), /"root" is not true or false/);
});
