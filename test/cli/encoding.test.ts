// Decoding: GB18030, UTF-16 LE/BE and UTF-8 with BOM give the same findings as the UTF-8 file;
// binary, undecodable, empty and non-report files get one finding each and the run goes on.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { decode } from '../../engine/index.ts';
import { encode } from '../../cli/files.ts';
import { findingKeys, runJson, seedText, tempDir } from './helpers.ts';

const ENCODINGS: [string, (s: string) => Buffer][] = [
  ['gb18030', (s) => iconv.encode(s, 'gb18030')],
  ['gbk', (s) => iconv.encode(s, 'gbk')],
  ['utf16le', (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
  ['utf16be', (s) => iconv.encode(s, 'utf16-be', { addBOM: true })],
  ['utf8bom', (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
];

test('every supported encoding gives the same findings as its UTF-8 twin', (t) => {
  const dir = tempDir(t);
  for (const seed of ['002', '000']) {
    const text = seedText(seed);
    writeFileSync(join(dir, `${seed}-utf8.txt`), text);
    for (const [name, enc] of ENCODINGS) writeFileSync(join(dir, `${seed}-${name}.txt`), enc(text));
  }
  const { json } = runJson([dir]);
  assert.equal(json.summary.unreadable, 0);
  for (const seed of ['002', '000']) {
    const twin = json.reports.find((r: any) => r.path.endsWith(`${seed}-utf8.txt`));
    assert.ok(twin.findings.length > 0);
    for (const [name] of ENCODINGS) {
      const r = json.reports.find((x: any) => x.path.endsWith(`${seed}-${name}.txt`));
      assert.deepEqual(findingKeys(r), findingKeys(twin), `${seed} ${name}`);
      assert.deepEqual([r.agency, r.year, r.template, r.tables], [twin.agency, twin.year, twin.template, twin.tables]);
    }
  }
});

test('decode() detects each encoding and round-trips through encode()', () => {
  const text = seedText('004');
  const cases: [Buffer, string][] = [
    [Buffer.from(text, 'utf8'), 'utf8'],
    [ENCODINGS[0][1](text), 'gb18030'],
    [ENCODINGS[2][1](text), 'utf16le'],
    [ENCODINGS[3][1](text), 'utf16be'],
    [ENCODINGS[4][1](text), 'utf8bom'],
  ];
  for (const [buf, expected] of cases) {
    const d = decode(buf);
    assert.ok(d.ok, expected);
    assert.equal(d.encoding, expected);
    assert.equal(d.text, text);
    assert.deepEqual(encode(d.text, d.encoding), buf, expected);
  }
  assert.deepEqual(decode(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0])), { ok: false, reason: 'binary' });
  // Latin-1 accented text is neither UTF-8 nor plausible GB18030
  assert.equal(decode(Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve \xe0 la fa\xe7on', 'latin1')).ok, false);
});

test('binary, undecodable, empty and non-report files: one finding each, the run goes on', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a-good.txt'), seedText('002'));
  writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
  writeFileSync(join(dir, 'c-latin1.txt'), Buffer.from('R\xe9sum\xe9 of the ann\xe9e: d\xe9j\xe0 vu, \xe7a va, \xfcber na\xefve.', 'latin1'));
  writeFileSync(join(dir, 'd-empty.md'), '');
  writeFileSync(join(dir, 'e-blank.txt'), '  \n\n\t\n');
  writeFileSync(join(dir, 'f-readme.md'), '# Notes\n\nSome project notes, nothing else.\n\n- one\n- two\n');
  const { code, json } = runJson([dir]);
  assert.equal(code, 1); // 002 has errors and an undecodable file is an error
  assert.equal(json.summary.files, 6);
  assert.equal(json.summary.unreadable, 2);
  const by = (suffix: string) => json.reports.find((r: any) => r.path.endsWith(suffix));
  const only = (suffix: string) => by(suffix).findings.map((f: any) => f.rule);
  assert.deepEqual(only('b-binary.txt'), ['FILE-UNREADABLE']);
  assert.deepEqual(only('c-latin1.txt'), ['FILE-UNREADABLE']);
  assert.deepEqual(only('d-empty.md'), ['FILE-EMPTY']);
  assert.deepEqual(only('e-blank.txt'), ['FILE-EMPTY']);
  assert.deepEqual(only('f-readme.md'), ['FILE-NOT-A-REPORT']);
  assert.deepEqual(by('b-binary.txt').tables, { T2: 'missing', T3: 'missing', T4: 'missing' });
  assert.match(by('b-binary.txt').findings[0].message, /二进制/);
  assert.ok(by('a-good.txt').findings.some((f: any) => f.rule === 'T3-RESULT-TOTAL'));
  const en = runJson(['--lang', 'en', join(dir, 'c-latin1.txt')]).json;
  assert.match(en.reports[0].findings[0].message, /encoding/);
});
