// --fix: safe fixes only, in place, encoding and line endings kept, bytes outside the edited
// ranges untouched, idempotent, and never on a file with a table it could not fully read.
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { check, type Edit } from '../../engine/index.ts';
import { runJson, seedText, tempDir } from './helpers.ts';

/** The safe edits the engine offers for `text` (first safe fix of each finding). */
function safeEditsOf(text: string, fileName: string): Edit[] {
  const edits: Edit[] = [];
  for (const f of check(text, { fileName }).findings) {
    const fix = f.fixes.find((x) => x.kind === 'safe');
    if (fix) edits.push(...fix.edits);
  }
  return edits.sort((a, b) => a.start - b.start);
}

/** Asserts that `after` is `before` with exactly `edits` applied: every other character unchanged. */
function assertOnlyEdited(before: string, after: string, edits: Edit[]): void {
  let at = 0;
  let pos = 0;
  for (const e of edits) {
    const keep = before.slice(at, e.start);
    assert.equal(after.slice(pos, pos + keep.length), keep, `text before offset ${e.start} changed`);
    pos += keep.length;
    assert.equal(after.slice(pos, pos + e.newText.length), e.newText);
    pos += e.newText.length;
    at = e.end;
  }
  assert.equal(after.slice(pos), before.slice(at), 'text after the last edit changed');
}

const VARIANTS: { name: string; eol: string; encode: (s: string) => Buffer; decode: (b: Buffer) => string }[] = [
  { name: 'utf8-lf.txt', eol: '\n', encode: (s) => Buffer.from(s, 'utf8'), decode: (b) => b.toString('utf8') },
  { name: 'gb18030-crlf.txt', eol: '\r\n', encode: (s) => iconv.encode(s, 'gb18030'), decode: (b) => iconv.decode(b, 'gb18030') },
  { name: 'utf16le-crlf.md', eol: '\r\n', encode: (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]), decode: (b) => b.subarray(2).toString('utf16le') },
  { name: 'utf8bom-lf.md', eol: '\n', encode: (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]), decode: (b) => b.subarray(3).toString('utf8') },
];

test('--fix applies exactly the safe fixes, keeps encoding and line endings, and a second run is a no-op', (t) => {
  const dir = tempDir(t);
  const seed = seedText('004');
  const expected = new Map<string, { before: string; edits: Edit[] }>();
  for (const v of VARIANTS) {
    const before = seed.replace(/\r?\n/g, v.eol);
    const edits = safeEditsOf(before, v.name);
    assert.ok(edits.length > 0, `seed 004 offers safe fixes (${v.name})`);
    writeFileSync(join(dir, v.name), v.encode(before));
    expected.set(v.name, { before, edits });
  }
  const unsafeBefore = check(seed, { fileName: 'x.txt' }).findings.filter((f) => f.fix && f.fix.kind === 'unsafe').length;
  assert.ok(unsafeBefore > 0, 'seed 004 also offers unsafe fixes (which --fix must not apply)');

  const first = runJson(['--fix', dir]);
  assert.match(first.stderr, /已修复并写回 4 个文件/);
  for (const v of VARIANTS) {
    const { before, edits } = expected.get(v.name)!;
    const bytes = readFileSync(join(dir, v.name));
    const after = v.decode(bytes);
    assertOnlyEdited(before, after, edits);
    assert.deepEqual(bytes, v.encode(after), `${v.name}: same encoding, BOM kept`);
    assert.equal(after.split('\r\n').length, before.split('\r\n').length, `${v.name}: line endings kept`);
    // the report printed is the re-check of the fixed file: no safe fix left, unsafe ones still there
    const report = first.json.reports.find((r: any) => r.path.endsWith(v.name));
    assert.ok(!report.findings.some((f: any) => f.fix?.kind === 'safe'), v.name);
    assert.ok(report.findings.some((f: any) => f.fix?.kind === 'unsafe'), v.name);
    assert.deepEqual(safeEditsOf(after, v.name), [], `${v.name}: nothing safe left to fix`);
  }

  const stats = new Map(VARIANTS.map((v) => [v.name, { bytes: readFileSync(join(dir, v.name)), ino: statSync(join(dir, v.name)).ino }]));
  const second = runJson(['--fix', dir]);
  assert.deepEqual(second.json, first.json);
  for (const v of VARIANTS) {
    assert.deepEqual(readFileSync(join(dir, v.name)), stats.get(v.name)!.bytes, `${v.name} unchanged by the second run`);
    assert.equal(statSync(join(dir, v.name)).ino, stats.get(v.name)!.ino, `${v.name} not rewritten by the second run`);
  }
});

test('--fix never touches a file with a table it could not fully read', (t) => {
  const dir = tempDir(t);
  const lines = seedText('004').split('\n');
  const i = lines.findIndex((l) => /^0(\t0){14}$/.test(l)); // T4's 15 values
  assert.ok(i > 0);
  lines[i] = lines[i].replace(/\t0$/, ''); // 14 values: T4 unparseable
  const text = lines.join('\n');
  const { report, findings } = check(text, { fileName: 'broken.txt' });
  assert.equal(report.tables.T4.status, 'unparseable');
  assert.ok(findings.some((f) => f.fixes.some((x) => x.kind === 'safe')), 'it still has safe fixes');
  const file = join(dir, 'broken.txt');
  writeFileSync(file, text);
  const run = runJson(['--fix', file]);
  assert.equal(readFileSync(file, 'utf8'), text);
  assert.match(run.stderr, /broken\.txt/);
  assert.equal(run.json.reports[0].tables.T4, 'unparseable');

  // and an undecodable file is left alone too
  const bin = join(dir, 'bin.txt');
  const bytes = Buffer.from([0xff, 0x00, 0x41, 0x00, 0x00, 0x42]);
  writeFileSync(bin, bytes);
  runJson(['--fix', bin]);
  assert.deepEqual(readFileSync(bin), bytes);
});

test('--fix changes no table value: every cell keeps its parsed value', (t) => {
  const dir = tempDir(t);
  const file = join(dir, '004.txt');
  const before = seedText('004');
  writeFileSync(file, before);
  runJson(['--fix', file]);
  const after = readFileSync(file, 'utf8');
  assert.notEqual(after, before);
  const a = check(before, { fileName: file }).report;
  const b = check(after, { fileName: file }).report;
  for (const t of ['T2', 'T3', 'T4'] as const) {
    assert.equal(b.tables[t].status, a.tables[t].status);
    const values = (r: typeof a) => [...r.tables[t].cells.values()].map((c) => `${c.id}=${c.value}`);
    assert.deepEqual(values(b), values(a), t);
  }
});
