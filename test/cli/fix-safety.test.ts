// --fix without damage (issue 18): a symlink is written through to its target and stays a link;
// hard links stay linked; owner and mode stay; a read-only file is refused with a finding; a file
// changed since it was read is left as the other writer left it, with a finding.
import assert from 'node:assert/strict';
import { appendFileSync, chmodSync, chownSync, linkSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readBounded } from '../../host/read.ts';
import { sha256, writeFixed } from '../../cli/write.ts';
import { runJson, seedText, tempDir } from './helpers.ts';

const SEED = seedText('004'); // has safe fixes
const root = process.getuid?.() === 0;

function fixedText(t: { after(fn: () => void): void }): string {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'r.txt'), SEED);
  runJson(['--fix', 'r.txt'], { cwd: dir });
  const out = readFileSync(join(dir, 'r.txt'), 'utf8');
  assert.notEqual(out, SEED, 'seed 004 has safe fixes');
  return out;
}

test('a symlink: the target is fixed, the link stays a link; hard links stay linked; mode and owner stay', (t) => {
  const want = fixedText(t);
  const dir = tempDir(t);
  writeFileSync(join(dir, 'target.txt'), SEED);
  symlinkSync('target.txt', join(dir, 'link.md'));
  const run = runJson(['--fix', 'link.md'], { cwd: dir });
  assert.ok(lstatSync(join(dir, 'link.md')).isSymbolicLink(), 'still a symlink');
  assert.equal(readlinkSync(join(dir, 'link.md')), 'target.txt');
  assert.equal(readFileSync(join(dir, 'target.txt'), 'utf8'), want, 'the target got the fixes');
  assert.equal(run.json.reports[0].findings.some((f: any) => f.rule === 'FILE-FIX-SKIPPED'), false);

  writeFileSync(join(dir, 'a.txt'), SEED);
  linkSync(join(dir, 'a.txt'), join(dir, 'b-other-name.bak'));
  const ino = statSync(join(dir, 'a.txt')).ino;
  runJson(['--fix', 'a.txt'], { cwd: dir });
  assert.equal(statSync(join(dir, 'a.txt')).ino, ino, 'same inode');
  assert.equal(statSync(join(dir, 'a.txt')).nlink, 2, 'still two links');
  assert.equal(readFileSync(join(dir, 'b-other-name.bak'), 'utf8'), want, 'the other name sees the fix');

  writeFileSync(join(dir, 'm.txt'), SEED);
  chmodSync(join(dir, 'm.txt'), 0o640);
  if (root) chownSync(join(dir, 'm.txt'), 65534, 65534);
  runJson(['--fix', 'm.txt'], { cwd: dir });
  const st = statSync(join(dir, 'm.txt'));
  assert.equal(readFileSync(join(dir, 'm.txt'), 'utf8'), want);
  assert.equal(st.mode & 0o7777, 0o640, 'mode kept');
  if (root) assert.deepEqual([st.uid, st.gid], [65534, 65534], 'owner kept');
});

test('a read-only file is refused with FILE-FIX-SKIPPED and left as it was', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'ro.txt'), SEED);
  chmodSync(join(dir, 'ro.txt'), 0o444);
  const run = runJson(['--fix', '--lang', 'en', 'ro.txt'], { cwd: dir });
  assert.equal(readFileSync(join(dir, 'ro.txt'), 'utf8'), SEED);
  assert.equal(statSync(join(dir, 'ro.txt')).mode & 0o777, 0o444);
  const note = run.json.reports[0].findings.find((f: any) => f.rule === 'FILE-FIX-SKIPPED');
  assert.ok(note);
  assert.match(note.message, /read-only/);
  assert.match(run.stderr, /ro\.txt: The file is read-only/);
});

test('a file changed since it was read is never overwritten: size, mtime and hash compared before the write', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'r.txt');
  const stamp = 1_700_000_000; // whole seconds: an mtime that utimes can set back exactly
  for (const change of ['append', 'same-size', 'touch-only', 'same-size-same-mtime'] as const) {
    writeFileSync(file, SEED);
    utimesSync(file, stamp, stamp);
    const read = readBounded(file, 1 << 26);
    assert.ok(read.ok);
    if (change === 'append') appendFileSync(file, '\n他人追加的一行\n');
    if (change === 'same-size' || change === 'same-size-same-mtime') writeFileSync(file, SEED.replace('年', '月'));
    // size, mtime, inode and device as they were read: only the content hash tells
    if (change === 'same-size-same-mtime') utimesSync(file, stamp, stamp);
    const before = readFileSync(file);
    if (change === 'touch-only') {
      // same bytes, newer mtime: still "changed" (the bytes may have round-tripped through another editor)
      const later = new Date(Date.now() + 5000);
      utimesSync(file, later, later);
    }
    const outcome = writeFixed(file, Buffer.from('fixed'), read.stamp, sha256(read.bytes));
    assert.deepEqual(outcome, { written: false, reason: 'changed' }, change);
    assert.deepEqual(readFileSync(file), before, `${change}: the other writer's text stays`);
  }
  // unchanged: written
  writeFileSync(file, SEED);
  const read = readBounded(file, 1 << 26);
  assert.ok(read.ok);
  assert.equal(writeFixed(file, Buffer.from('fixed'), read.stamp, sha256(read.bytes)).written, true);
  assert.equal(readFileSync(file, 'utf8'), 'fixed');
});
