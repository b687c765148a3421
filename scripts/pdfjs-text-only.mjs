// The one change this project makes to pdfjs-dist, applied to its worker code when it is bundled
// (esbuild.mjs). This reader takes text positions and ruling lines from pdfjs and draws nothing,
// but pdfjs turns every embedded font program into an OpenType font for drawing before it reports
// any text: it parses the program (Type1's eexec charstrings, CFF, TrueType tables), compiles it
// (Type1 → CFF → OpenType, its CFF compiler) and, as the reader asks for no font faces, compiles
// every glyph it shows into a path for the operator list. That was two thirds of pdfjs's time on a
// six-page report (bench/RESULTS.md, #15).
//
// A text position needs only what the PDF's font dictionary says: the codes' Unicode text (its
// ToUnicode map), their widths (/Widths, or /W and /DW of a CID font) and the font matrix. The font
// program changes the first two in two cases, and the conversion is kept for them: no ToUnicode map
// (the text then comes from the program's encoding or cmap), and a simple font whose /Widths leave
// codes out (a Type1 program's own widths fill them). A program's FontMatrix other than 1/1000 makes
// pdfjs scale the widths by its inverse and adopt the matrix; text advances use width × matrix, the
// same either way. Everything else in the constructor runs as before: no fallback to a system font
// is made (the file is there), and the text-content code sees the same toUnicode and widths.
//
// test/engine/pdfjs-text-only.test.ts reads every PDF fixture with the original and the patched
// worker and requires the same text items, positions, widths and ruling lines.

/** The place in pdfjs's Font constructor where the font program is converted. */
export const ANCHOR = `    let data;
    try {
      switch (type) {`;

const REPLACEMENT = `    let data;
    try {
      if (govreportTextOnly(properties)) {
        // govreport: text positions need no font program (scripts/pdfjs-text-only.mjs).
      } else switch (type) {`;

const HELPER = `
function govreportTextOnly(properties) {
  if (!properties.hasIncludedToUnicodeMap || properties.cssFontInfo) return false;
  if (!properties.composite) {
    const widths = properties.widths || {};
    for (let code = properties.firstChar; code <= properties.lastChar; code++) {
      if (typeof widths[code] !== "number") return false;
    }
  }
  return true;
}
`;

/** The class whose constructor holds the anchor: the patch goes before it. */
const CLASS = '\nclass Font {\n';

/**
 * pdf.worker.mjs's source with the font-program conversion skipped where text does not need it.
 * Throws when the code it patches is not there (pdfjs-dist changed): the build fails, loudly,
 * rather than shipping an unpatched and three times slower reader without anyone knowing.
 */
export function patchPdfjsWorker(source) {
  const at = source.indexOf(ANCHOR);
  if (at < 0 || source.indexOf(ANCHOR, at + 1) >= 0) {
    throw new Error('scripts/pdfjs-text-only.mjs: the font conversion in pdfjs-dist\'s Font constructor is not where it was (pdfjs-dist changed?); update the patch');
  }
  const cls = source.indexOf(CLASS);
  if (cls < 0 || cls > at || source.indexOf(CLASS, cls + 1) >= 0) {
    throw new Error('scripts/pdfjs-text-only.mjs: pdfjs-dist\'s Font class is not where it was (pdfjs-dist changed?); update the patch');
  }
  const patched = source.slice(0, at) + REPLACEMENT + source.slice(at + ANCHOR.length);
  return patched.slice(0, cls) + HELPER + patched.slice(cls);
}

/** The esbuild plugin: pdfjs-dist's worker module, patched, wherever a bundle takes it in. */
export const pdfjsTextOnly = {
  name: 'pdfjs-text-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async (a) => {
      const { readFile } = await import('node:fs/promises');
      return { contents: patchPdfjsWorker(await readFile(a.path, 'utf8')), loader: 'js' };
    });
  },
};
