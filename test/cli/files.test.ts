// Which files a run checks: directories walked for .md/.markdown/.txt (dot-entries and
// node_modules skipped, symlink loops survived), globs (picomatch) with `!` negation, a
// .govreportignore, results sorted by path whatever --jobs.
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { expandOperands } from '../../cli/inputs.ts';
import { runJson, seedText, tempDir } from './helpers.ts';

function tree(dir: string): void {
  const seed = seedText('000');
  for (const p of ['b/r1.txt', 'a/r2.md', 'a/deep/r3.markdown', 'c.txt', 'node_modules/x/r.txt', '.git/r.txt', '.hidden/r.txt', 'a/.draft.md', 'a/notes.json', 'a/deep/r4.TXT']) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), seed);
  }
  symlinkSync(dir, join(dir, 'a', 'deep', 'loop')); // a directory loop
  symlinkSync(join(dir, 'missing'), join(dir, 'dangling.txt'));
}

const paths = (e: ReturnType<typeof expandOperands>) => e.targets.map((x) => x.path);

test('directory walk: report extensions only, skips dot-entries and node_modules, survives symlink loops', (t) => {
  const dir = tempDir(t);
  tree(dir);
  const { targets, missing, unreadableDirs } = expandOperands([dir], dir);
  assert.deepEqual(missing, []);
  assert.deepEqual(unreadableDirs, []);
  assert.deepEqual(targets.map((x) => x.path), ['a/deep/r3.markdown', 'a/deep/r4.TXT', 'a/r2.md', 'b/r1.txt', 'c.txt']);
  assert.ok(targets.every((x) => x.root === dir), 'the folder named is each file\'s root');
  // the same file named twice (directly and through the directory) is checked once
  assert.equal(expandOperands([dir, join(dir, 'c.txt')], dir).targets.length, 5);
  // a dot-file named explicitly is checked
  assert.deepEqual(paths(expandOperands(['a/.draft.md'], dir)), ['a/.draft.md']);
});

test('globs: *, **, ?, braces; dot-files only when the pattern spells the dot; ! negation', (t) => {
  const dir = tempDir(t);
  tree(dir);
  assert.deepEqual(paths(expandOperands(['**/*.{md,txt}'], dir)), ['a/r2.md', 'b/r1.txt', 'c.txt']);
  assert.deepEqual(paths(expandOperands(['a/*'], dir)), ['a/notes.json', 'a/r2.md']);
  const some = expandOperands(['?.txt', 'nothing-*.md'], dir);
  assert.deepEqual(paths(some), ['c.txt']);
  assert.deepEqual(some.missing, ['nothing-*.md']);
  assert.deepEqual(paths(expandOperands(['a/.*'], dir)), ['a/.draft.md']);
  assert.deepEqual(paths(expandOperands(['**/*.{md,txt}', '!b/**'], dir)), ['a/r2.md', 'c.txt']);
  assert.deepEqual(paths(expandOperands([dir, '!**/deep/**', '!c.txt'], dir)), ['a/r2.md', 'b/r1.txt']);
});

test('.govreportignore (gitignore syntax) leaves walked and globbed files out; --ignore-path and --no-ignore', (t) => {
  const dir = tempDir(t);
  tree(dir);
  writeFileSync(join(dir, '.govreportignore'), '# drafts\na/deep/\n*.markdown\n!c.txt\nb/*.txt\n');
  assert.deepEqual(paths(expandOperands(['.'], dir)), ['a/r2.md', 'c.txt']);
  assert.deepEqual(paths(expandOperands(['**/*.txt'], dir)), ['c.txt']);
  assert.deepEqual(paths(expandOperands(['.'], dir, { ignorePath: null })).length, 5);
  writeFileSync(join(dir, 'other-ignore'), 'a/\n');
  assert.deepEqual(paths(expandOperands(['.'], dir, { ignorePath: 'other-ignore' })), ['b/r1.txt', 'c.txt']);
  // a file named on the command line is checked even when ignored
  assert.deepEqual(paths(expandOperands(['b/r1.txt'], dir)), ['b/r1.txt']);
  const run = runJson(['--no-ignore', '.'], { cwd: dir });
  assert.equal(run.json.reports.length, 5);
  assert.equal(runJson(['.'], { cwd: dir }).json.reports.length, 2);
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
