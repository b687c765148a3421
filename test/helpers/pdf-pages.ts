// Prints, as JSON, what the PDF reader takes from pdfjs for each file given (every page's text runs
// with their positions and widths, and its ruling lines) and what it makes of them (the text and the
// page and box of every line), reading with the pdfjs worker module given (a file path, or
// "pdfjs-dist" for the package's own). One process per worker module: pdfjs keeps the first it is
// handed. Used by test/engine/pdfjs-text-only.test.ts.
//   node --import tsx test/helpers/pdf-pages.ts WORKER FILE...
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { pdfjs, readPdf, readPdfPages } from '../../engine/source/pdf.ts';

const [worker, ...files] = process.argv.slice(2);
if (worker !== 'pdfjs-dist') await pdfjs(() => import(pathToFileURL(worker).href));
const out: Record<string, unknown> = {};
for (const file of files) {
  const bytes = new Uint8Array(readFileSync(file));
  const pages = await readPdfPages(bytes);
  const doc = await readPdf(bytes);
  out[file] = {
    pages,
    text: doc.text,
    failure: doc.failure ?? null,
    lines: doc.index.lines.map((l) => doc.locate?.(l.start) ?? null),
  };
}
process.stdout.write(JSON.stringify(out));
