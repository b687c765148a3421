// PDF reports (issue 15): the seeds' PDF forms and the six-page official-layout reports from bytes
// to findings in this process (median of runs after a warm-up; CPU time and wall time), read with
// the pdfjs worker the bundles ship (out/pdf-worker.cjs: patched to skip font programs, see
// scripts/pdfjs-text-only.mjs; run `node esbuild.mjs` first), beside a plain pdfjs-dist
// getTextContent loop over the same bytes (pdfjs as published); then, through the built CLI, one process per file with its
// wall time and peak RSS (/usr/bin/time -v): a 2,000-page PDF (the page limit), a 2,001-page one
// (refused before any page is read), a one-page PDF holding a 50 MB embedded image, and a small PDF
// whose page inflates to 60 MB of text operators (FlateDecode; the per-page limit); and N copies of
// the six-page report in one run on every core. The large PDFs are written here, by hand, as plain PDF
// syntax (Helvetica text in paragraphs of four lines, an uncompressed RGB image). Writes the section "pdf" of bench/RESULTS.md.
//   node --import tsx bench/pdf.bench.ts [copies, default 200]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkAsync } from '../engine/index.ts';
import { pdfjs } from '../engine/source/pdf.ts';
import { inflatingPdf } from '../test/helpers/pdfs.ts';
// @ts-expect-error plain ESM module without types
import { machine, timeVCpuMs, writeSection } from './results.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'out', 'cli.cjs');
const FORMS = join(ROOT, 'test', 'fixtures', 'forms');
const COPIES = Number(process.argv[2]) || 200;
const SIX_PAGES = join(ROOT, 'test', 'fixtures', 'pdf', 'official-002.pdf');
const RUNS = 7;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** A PDF of `pages` pages of Helvetica text, and optionally one image of `imageBytes` raw RGB bytes on page 1. */
function makePdf(pages: number, imageBytes = 0, linesPerPage = 40): Buffer {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const put = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    size += buf.length;
  };
  const obj = (n: number, body: Buffer | string, stream?: Buffer) => {
    offsets[n] = size;
    put(`${n} 0 obj\n`);
    put(body);
    if (stream) {
      put('\nstream\n');
      put(stream);
      put('\nendstream');
    }
    put('\nendobj\n');
  };
  put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const first = 4; // 1 catalog, 2 pages, 3 font, then page/content pairs, then the image
  const image = first + pages * 2;
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${first + i * 2} 0 R`).join(' ')}] >>`);
  obj(3, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const side = imageBytes ? Math.ceil(Math.sqrt(imageBytes / 3)) : 0;
  for (let p = 0; p < pages; p++) {
    // Paragraphs of four lines as a report page has them: the first indented, the last shorter.
    const lines = Array.from({ length: linesPerPage }, (_, i) => {
      const x = i % 4 === 0 ? 92 : 72;
      const words = i % 4 === 3 ? 'received.' : 'applications received in the year, 12 34 56 78 90, and';
      return `BT /F1 10 Tf ${x} ${760 - (i % 40) * 16} Td (Page ${p + 1} line ${i + 1}: ${words}) Tj ET`;
    });
    const draw = imageBytes && p === 0 ? 'q 450 0 0 600 72 100 cm /Im1 Do Q\n' : '';
    const content = Buffer.from(draw + lines.join('\n'), 'latin1');
    const xobj = imageBytes && p === 0 ? ` /XObject << /Im1 ${image} 0 R >>` : '';
    obj(first + p * 2, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >>${xobj} >> /Contents ${first + p * 2 + 1} 0 R >>`);
    obj(first + p * 2 + 1, `<< /Length ${content.length} >>`, content);
  }
  if (imageBytes) {
    const data = Buffer.alloc(side * side * 3, 0x7f);
    obj(image, `<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length ${data.length} >>`, data);
  }
  const count = (imageBytes ? image : image - 1) + 1;
  const xref = size;
  put(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) put(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  put(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One CLI process: wall time, CPU time (user + system, its threads and children), peak RSS, and what the report says. */
function cli(files: string[], jobs = 1): { ms: number; cpu: number; rss: string; summary: string } {
  const args = [CLI, 'check', '--format', 'json', '--no-progress', '--jobs', String(jobs), ...files];
  const t0 = performance.now();
  const r = timeBin ? spawnSync(timeBin, ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '')?.[1];
  const cpu = timeVCpuMs(r.stderr);
  let summary = `exit ${r.status}`;
  try {
    const json = JSON.parse(r.stdout);
    const first = json.reports[0];
    summary = files.length > 1 ? `${json.reports.length} reports, ${json.summary.unreadable} unreadable` : first.findings[0]?.rule === 'FILE-UNREADABLE' ? `FILE-UNREADABLE: ${first.findings[0].message}` : `read, ${first.findings.length} findings`;
  } catch {
    /* the exit status says it */
  }
  return { ms, cpu, rss: kb ? `${Math.round(Number(kb) / 1024)} MB` : '—', summary };
}

/** The CPU and wall time (ms) of `fn`, median of RUNS runs after a warm-up. */
async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    if (i) wall.push(performance.now() - t0);
    if (i) cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const inputs = [
  ...['000', '001', '002', '003', '004'].map((n) => `forms/${n}.pdf`), 'pdf/borderless-002.pdf', 'pdf/borderless-centred-002.pdf',
  ...['000', '002', '003'].map((n) => `pdf/official-${n}.pdf`),
];
const bytesOf = (n: string) => new Uint8Array(readFileSync(join(FORMS, '..', n)));

// `--plain`: a plain pdfjs-dist getTextContent loop, with pdfjs-dist as published (its own worker
// module, unpatched), over every input; run in a process of its own (pdfjs keeps the first worker
// module it is given). Prints {input: {wall, cpu, pages}}.
if (process.argv[2] === '--plain') {
  const lib = await pdfjs();
  const out: Record<string, { wall: number; cpu: number; pages: number }> = {};
  for (const n of inputs) {
    const bytes = bytesOf(n);
    let pages = 0;
    const t = await timed(async () => {
      const doc = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
      pages = doc.numPages;
      for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
      await doc.destroy();
    });
    out[n] = { ...t, pages };
  }
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

const load = loadavg()[0].toFixed(2);
const seedRows: string[] = [];
const plain = JSON.parse(spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--plain'], { encoding: 'utf8' }).stdout);
// The reader as shipped: the bundles' patched worker.
await pdfjs(async () => createRequire(import.meta.url)(join(ROOT, 'out', 'pdf-worker.cjs')));
for (const n of inputs) {
  const bytes = bytesOf(n);
  const t = await timed(async () => {
    const r = await checkAsync(bytes, { fileName: n });
    if (r.parsed.source.failure) throw new Error(`${n}: ${r.parsed.source.failure}`);
  });
  const p = plain[n];
  seedRows.push(`| ${n} | ${p.pages} | ${t.wall.toFixed(0)} ms | ${t.cpu.toFixed(0)} ms | ${p.wall.toFixed(0)} ms | ${p.cpu.toFixed(0)} ms |`);
  process.stderr.write(`${seedRows[seedRows.length - 1]}\n`);
}

const dir = mkdtempSync(join(tmpdir(), 'govreport-pdf-bench-'));
const bigRows: string[] = [];
try {
  const cases: [string, Buffer][] = [
    ['2,000 pages of text (the limit)', makePdf(2000)],
    ['2,001 pages (over the limit)', makePdf(2001)],
    ['1 page with a 50 MB embedded image', makePdf(1, 50 * 2 ** 20)],
    ['1 page of 1,000,000 text items, uncompressed (the file-size cap)', makePdf(1, 0, 1_000_000)],
    ['1 page whose FlateDecode content inflates to 60 MB of text operators (about 1,000,000 items; the per-page limit)', inflatingPdf(60 * 2 ** 20)],
  ];
  for (const [name, data] of cases) {
    const file = join(dir, 'case.pdf');
    writeFileSync(file, data);
    const r = cli([file]);
    bigRows.push(`| ${name} | ${(data.length / 2 ** 20).toFixed(1)} MB | ${(r.ms / 1000).toFixed(2)} s; CPU ${(r.cpu / 1000).toFixed(2)} s | ${r.rss} | ${r.summary} |`);
    process.stderr.write(`${bigRows[bigRows.length - 1]}\n`);
  }
  const copies: string[] = [];
  for (let i = 0; i < COPIES; i++) {
    const f = join(dir, `copy-${String(i).padStart(4, '0')}.pdf`);
    copyFileSync(SIX_PAGES, f);
    copies.push(f);
  }
  const jobs = availableParallelism();
  const r = cli(copies, jobs);
  bigRows.push(`| ${COPIES} copies of pdf/official-002.pdf (6 pages), --jobs ${jobs} | ${((COPIES * readFileSync(SIX_PAGES).length) / 2 ** 20).toFixed(1)} MB | ${(r.ms / 1000).toFixed(2)} s (${(r.ms / COPIES).toFixed(0)} ms a file); CPU ${(r.cpu / 1000).toFixed(1)} s | ${r.rss} | ${r.summary} |`);
  process.stderr.write(`${bigRows[bigRows.length - 1]}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

writeSection('pdf', `## PDF reports (bench/pdf.bench.ts)

${machine()}; load average at the start ${load}, at the end ${loadavg()[0].toFixed(2)} (other sessions were
running on the same cores, so wall times vary from run to run by a factor of two and more; CPU
times much less).

Bytes to findings in one process (checkAsync: pdfjs-dist reads each page's text and operator list,
then layout, binding and every rule) with the worker module the bundles ship, median of ${RUNS} runs
after a warm-up, CPU time (process.cpuUsage) beside wall time; and a plain pdfjs-dist
\`getTextContent\` loop over the same bytes (pdfjs-dist as published, no operator list, no layout,
no rules), in a process of its own:

| PDF | pages | bytes → findings (wall) | bytes → findings (CPU) | plain getTextContent loop (wall) | plain loop (CPU) |
| --- | --- | --- | --- | --- | --- |
${seedRows.join('\n')}

Where the time went: pdfjs turns every embedded font program into an OpenType font for drawing
before it reports any text (Type1 eexec charstrings → CFF → OpenType; TrueType repaired), and, as
no font face is made, compiles every glyph shown into a path for the operator list; no option of
pdfjs-dist 5.4 skips either (disableFontFace only moves the drawing to paths, fontExtraProperties
and useSystemFonts act after the conversion, isEvalSupported only chooses how paths are compiled).
That was two thirds of the CPU time. The bundles' worker module is patched at build time
(scripts/pdfjs-text-only.mjs, applied by esbuild.mjs, the build failing if pdfjs-dist's code moved)
to skip the conversion when the font dictionary already gives what text positions need (a ToUnicode
map, and /Widths for every code of a simple font); test/engine/pdfjs-text-only.test.ts requires
every PDF fixture to read the same, run for run, with and without it. What is left (a CPU profile
of official-002.pdf): parsing the content streams and fonts' dictionaries, garbage collection (about
a fifth), the structured clone of every message between pdfjs's two halves (its "fake worker"
in one thread; it must stay, pdfjs reuses its arrays after sending), inflating the streams, then
layout and the rules (a sixth). Worker setup and standard font data cost nothing here (the
fixtures embed their fonts; standard fonts' widths are built in, their glyphs never needed). The
predefined CMaps of Chinese PDFs whose fonts are not embedded are bundled (out/pdf-cmaps.cjs, read
with a process's first PDF), so nothing is fetched; the fixtures use Identity encodings and need
none. Images are dropped before they are decoded (\`maxImageSize\`). The page limit, the per-page text limit and the time
limit (PDF_LIMITS in engine/source/pdf.ts) bound the rest.

Through the built CLI, one process (\`check --format json\`), wall time, CPU time (user + system of
the process and its worker threads, /usr/bin/time -v) and peak RSS of the whole process:

| input | size | time | peak RSS | result |
| --- | --- | --- | --- | --- |
${bigRows.join('\n')}

The many-copies row is CPU-bound: on an otherwise idle machine its wall time would be its CPU time
divided by the ${availableParallelism()} cores; beyond that, the wall time is what the run got of the cores while other
sessions ran (the load average above).
`);
