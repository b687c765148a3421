// The conventions of the linters people already use (issue 19): `govreport <paths>` without the
// `check` word, standard input as `-` with --stdin-filename, --max-warnings, colour on a terminal
// with NO_COLOR / --no-color / FORCE_COLOR, parseArgs' errors in both languages, every
// environment knob in --help.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, ensureBuilt, ROOT, runCli, runJson, seedPath, seedText, tempDir } from './helpers.ts';

function withStdin(args: string[], input: string | Buffer, env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  ensureBuilt();
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the default command: govreport <paths> is govreport check <paths>', () => {
  const a = runCli(['--format', 'json', '--no-progress', seedPath('002')]);
  const b = runCli(['check', '--format', 'json', '--no-progress', seedPath('002')]);
  assert.equal(a.code, 1);
  assert.equal(a.stdout, b.stdout);
  assert.equal(runCli(['help']).code, 0);
  assert.match(runCli(['help']).stdout, /用法：govreport \[check\]/);
});

test('standard input: - with --stdin-filename names the report and picks Markdown or text', (t) => {
  const text = seedText('002');
  const fromFile = runJson([seedPath('002')]).json.reports[0];
  const run = withStdin(['--format', 'json', '--no-progress', '--stdin-filename', 'reports/002.txt', '-'], text);
  assert.equal(run.code, 1, run.stderr);
  const r = JSON.parse(run.stdout).reports[0];
  assert.equal(r.path, 'reports/002.txt');
  assert.deepEqual(r.findings, fromFile.findings);
  const anonymous = JSON.parse(withStdin(['--format', 'json', '--no-progress', '-'], text).stdout).reports[0];
  assert.equal(anonymous.path, '<stdin>');
  // GB18030 through the pipe is decoded like a file
  const dir = tempDir(t);
  const bytes = readFileSync(seedPath('002'));
  writeFileSync(join(dir, 'x.txt'), bytes);
  assert.equal(withStdin(['--no-progress', '-'], bytes).code, 1);
  // stdin and files together; --fix refuses stdin; - twice is a usage error
  const both = JSON.parse(withStdin(['--format', 'json', '--no-progress', '-', seedPath('000')], text).stdout);
  assert.equal(both.reports.length, 2);
  assert.equal(withStdin(['--fix', '-'], text).code, 2);
  assert.equal(withStdin(['-', '-'], text).code, 2);
  assert.equal(withStdin(['--stdin-filename', 'a.md', seedPath('000')], text).code, 2);
  // over the size limit: said, exit 2
  const big = withStdin(['--no-progress', '--max-file-size', '1K', '--lang', 'en', '-'], text);
  assert.equal(big.code, 2);
  assert.match(big.stderr, /standard input is over the limit of 1 KiB/);
});

test('--max-warnings: more warnings than allowed fail the run (exit 1); errors still win', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'r.txt'), seedText('004'));
  const base = runJson(['r.txt'], { cwd: dir });
  const warnings = base.json.summary.warnings;
  assert.equal(base.code, 0);
  assert.ok(warnings > 0, 'seed 004 has warnings and no error');
  assert.equal(runJson(['--max-warnings', String(warnings), 'r.txt'], { cwd: dir }).code, 0);
  const over = runCli(['check', '--no-progress', '--lang', 'en', '--max-warnings', String(warnings - 1), 'r.txt'], { cwd: dir });
  assert.equal(over.code, 1);
  assert.match(over.stderr, new RegExp(`${warnings} warning\\(s\\), more than --max-warnings ${warnings - 1}`));
  assert.equal(runCli(['check', '--max-warnings', '-1', 'r.txt'], { cwd: dir }).code, 2);
  assert.equal(runCli(['check', '--max-warnings', 'x', 'r.txt'], { cwd: dir }).code, 2);
});

test('colour: on with --color or FORCE_COLOR, off with --no-color, NO_COLOR or a pipe; never in JSON', () => {
  const esc = /\u001b\[/;
  const seed = seedPath('002');
  assert.doesNotMatch(runCli(['--no-progress', seed]).stdout, esc, 'a pipe: no colour');
  assert.match(runCli(['--no-progress', '--color', seed]).stdout, /\u001b\[31merror\u001b\[0m/);
  assert.match(runCli(['--no-progress', seed], { env: { FORCE_COLOR: '1' } }).stdout, esc);
  assert.doesNotMatch(runCli(['--no-progress', seed], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, esc);
  assert.doesNotMatch(runCli(['--no-progress', '--no-color', seed], { env: { FORCE_COLOR: '1' } }).stdout, esc);
  assert.doesNotMatch(runCli(['--no-progress', '--color', '--format', 'json', seed]).stdout, esc);
  assert.equal(runCli(['--color', '--no-color', seed]).code, 2);
  // on a terminal by default: script(1) gives the CLI a pseudo-terminal
  const script = spawnSync('script', ['-qec', `${process.execPath} ${CLI} --no-progress ${seed}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
  if (script.status !== null && !script.error) assert.match(script.stdout, esc, 'a terminal: colour');
  const noColor = spawnSync('script', ['-qec', `${process.execPath} ${CLI} --no-progress ${seed}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (noColor.status !== null && !noColor.error) assert.doesNotMatch(noColor.stdout, esc, 'a terminal with NO_COLOR: none');
});

test('usage errors from parseArgs, in both languages; --help documents every environment knob', () => {
  const en = runCli(['--lang', 'en', '--bogus', 'x']);
  assert.equal(en.code, 2);
  assert.match(en.stderr, /^govreport: unknown option: --bogus$/m);
  assert.match(runCli(['--bogus', 'x']).stderr, /^govreport: 未知选项：--bogus$/m);
  assert.match(runCli(['--lang', 'en', 'x', '--format']).stderr, /option --format needs a value/);
  assert.match(runCli(['--lang', 'en', '--fix=yes', 'x']).stderr, /option --fix takes no value/);
  const help = runCli(['--help', '--lang', 'en']).stdout;
  const zh = runCli(['--help']).stdout;
  // every variable the CLI reads (source of truth: the code) is documented in both helps
  const sources = ['cli/args.ts', 'cli/workers.ts', 'cli/store.ts', 'cli/v8flags.ts', 'cli/format/text.ts', 'cli/analyze.ts', 'cli/workers.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
  const knobs = new Set([...sources.matchAll(/(?:process\.)?env\.([A-Z_]+)/g)].map((m) => m[1]).filter((k) => k !== 'GOVREPORT_WORKER' && k !== 'GOVREPORT_FAULT'));
  assert.ok(knobs.size >= 8, [...knobs].join(' '));
  for (const k of knobs) {
    assert.ok(help.includes(k), `--help (en) documents ${k}`);
    assert.ok(zh.includes(k), `--help (zh) documents ${k}`);
  }
});
