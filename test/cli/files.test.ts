// Which files a run checks: directories walked for .md/.markdown/.txt (node_modules and .git
// skipped, symlink loops survived), globs expanded, results sorted by path whatever --jobs.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expandBraces, expandOperands, globToRegExp } from '../../cli/files.ts';
import { runJson, seedText, tempDir } from './helpers.ts';

function tree(dir: string): void {
  const seed = seedText('000');
  for (const p of ['b/r1.txt', 'a/r2.md', 'a/deep/r3.markdown', 'c.txt', 'node_modules/x/r.txt', '.git/r.txt', 'a/notes.json', 'a/deep/r4.TXT']) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), seed);
  }
  symlinkSync(dir, join(dir, 'a', 'deep', 'loop')); // a directory loop
  symlinkSync(join(dir, 'missing'), join(dir, 'dangling.txt'));
}

test('globs: *, **, ? and braces', () => {
  assert.ok(globToRegExp('**/*.md').test('a/b/c.md'));
  assert.ok(globToRegExp('**/*.md').test('c.md'));
  assert.ok(!globToRegExp('*.md').test('a/c.md'));
  assert.ok(globToRegExp('a/?.txt').test('a/x.txt'));
  assert.ok(!globToRegExp('a/?.txt').test('a/xy.txt'));
  assert.ok(globToRegExp('a/**').test('a/b/c'));
  assert.deepEqual(expandBraces('x/**/*.{md,txt}'), ['x/**/*.md', 'x/**/*.txt']);
  assert.deepEqual(expandBraces('{a,b{c,d}}'), ['a', 'bc', 'bd']);
});

test('directory walk: report extensions only, skips node_modules/.git, survives symlink loops', (t) => {
  const dir = tempDir(t);
  tree(dir);
  const { targets, missing } = expandOperands([dir], dir);
  assert.deepEqual(missing, []);
  assert.deepEqual(targets.map((x) => x.path), ['a/deep/r3.markdown', 'a/deep/r4.TXT', 'a/r2.md', 'b/r1.txt', 'c.txt']);
  const globbed = expandOperands(['**/*.{md,txt}'], dir).targets.map((x) => x.path);
  assert.deepEqual(globbed, ['a/r2.md', 'b/r1.txt', 'c.txt']);
  assert.deepEqual(expandOperands(['a/*'], dir).targets.map((x) => x.path), ['a/notes.json', 'a/r2.md']);
  assert.deepEqual(expandOperands(['?.txt', 'nothing-*.md'], dir), { targets: [{ path: 'c.txt', abs: join(dir, 'c.txt') }], missing: ['nothing-*.md'] });
  // the same file named twice (directly and through the directory) is checked once
  assert.equal(expandOperands([dir, join(dir, 'c.txt')], dir).targets.length, 5);
});

test('results come out sorted by path, identical with 1 or several jobs', (t) => {
  const dir = tempDir(t);
  const names = ['m.txt', 'b.txt', 'z.md', 'a.txt', 'k.md', 'c.txt', 'y.txt', 'd.md', 'x.txt', 'e.txt', 'f.md', 'g.txt'];
  const seeds = ['000', '001', '002', '003', '004'];
  names.forEach((n, i) => writeFileSync(join(dir, n), seedText(seeds[i % seeds.length])));
  const one = runJson(['--jobs', '1', dir], { cwd: dir });
  const many = runJson(['--jobs', '3', dir], { cwd: dir });
  assert.deepEqual(one.json.reports.map((r: any) => r.path), [...names].sort());
  assert.deepEqual(many.json, one.json);
  // workers that run out of memory (a tiny heap cap forces it) hand their files back to the main thread
  const starved = runJson(['--jobs', '2', dir], { cwd: dir, env: { GOVREPORT_WORKER_HEAP_MB: '2' } });
  assert.deepEqual(starved.json, one.json);
  const globbed = runJson(['**/*.md'], { cwd: dir });
  assert.deepEqual(globbed.json.reports.map((r: any) => r.path), ['d.md', 'f.md', 'k.md', 'z.md']);
});
