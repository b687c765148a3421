// The bundles' pdfjs worker is patched to skip converting font programs that text positions do not
// need (scripts/pdfjs-text-only.mjs). This reads every PDF fixture with pdfjs-dist's own worker and
// with the patched one, each in a process of its own, and requires the same text runs (text,
// position, width, size), ruling lines, laid-out text and line locations; and the patch must refuse
// a pdfjs it does not recognise rather than ship unpatched.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error plain ESM module without types
import { ANCHOR, patchPdfjsWorker } from '../../scripts/pdfjs-text-only.mjs';
import { helveticaPdf } from '../helpers/pdfs.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const HELPER = new URL('../helpers/pdf-pages.ts', import.meta.url).pathname;
const WORKER = createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs');

/** Every PDF among the fixtures, and one whose fonts are not embedded (the standard 14's Helvetica). */
function inputs(dir: string): string[] {
  const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(FIXTURES, f));
  writeFileSync(join(dir, 'helvetica.pdf'), helveticaPdf(Buffer.from('BT /F1 10 Tf 72 760 Td (Helvetica, not embedded: 2024 12 34) Tj ET', 'latin1')));
  return [...files, join(dir, 'helvetica.pdf')];
}

const read = (worker: string, files: string[]) =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', HELPER, worker, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 }));

test('every PDF fixture reads the same with the patched pdfjs worker: text, positions, widths, rules, lines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdfjs-text-only-'));
  try {
    const patched = join(dir, 'pdf.worker.mjs');
    writeFileSync(patched, patchPdfjsWorker(readFileSync(WORKER, 'utf8')));
    const files = inputs(dir);
    assert.ok(files.length >= 15, `${files.length} PDFs`);
    const [before, after] = [read('pdfjs-dist', files), read(patched, files)];
    for (const f of files) {
      assert.deepEqual(after[f], before[f], f);
      if (!before[f].failure) assert.ok(before[f].pages.length > 0 && before[f].text.length > 20, `${f} has text`);
    }
    // The fixtures' fonts are embedded: the patch is what they exercise (the widths of LibreOffice's
    // Type1 CJK subsets and TrueType Latin fonts, their ToUnicode maps).
    assert.ok(files.filter((f) => !before[f].failure).length >= 12);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the patch refuses a pdfjs whose font conversion is not where it was', () => {
  const source = readFileSync(WORKER, 'utf8');
  assert.ok(source.includes(ANCHOR), 'the installed pdfjs-dist has the code the patch changes');
  assert.throws(() => patchPdfjsWorker(source.replace(ANCHOR, ANCHOR.replace('switch (type)', 'switch (kind)'))), /pdfjs-dist changed/);
  assert.throws(() => patchPdfjsWorker(source + ANCHOR), /pdfjs-dist changed/);
  assert.doesNotThrow(() => patchPdfjsWorker(source));
});
