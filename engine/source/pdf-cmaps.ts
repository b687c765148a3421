// The predefined CMaps of Chinese PDFs. A PDF whose CJK font is not embedded (STSong-Light, a 宋体
// left to the reader's machine) names its codes by a predefined CMap (UniGB-UCS2-H, GBK-EUC-H,
// ETen-B5-H, …), and pdfjs maps its CIDs to text with Adobe-GB1-UCS2 or Adobe-CNS1-UCS2: without
// them such a PDF reads as having no text at all. pdfjs-dist ships them as binary files; nothing may
// be fetched or read beside the bundles at run time, so esbuild.mjs replaces this module with one
// holding the bytes of the Chinese ones (scripts/pdf-cmaps.mjs): out/pdf-cmaps.cjs, one bundle beside
// the others, which read it with their first PDF. Run from source (the tests), pdfjs reads the same
// files from pdfjs-dist's folder through its own Node reader.

/** Bundled: a CMap's bytes (packed, as pdfjs-dist ships them). From source: none. */
export function bundledCMap(_name: string): Uint8Array | undefined {
  return undefined;
}

/** From source: pdfjs-dist's CMap folder, a path ending in "/". Bundled: none. */
export const cMapUrl: string | undefined = decodeURIComponent(new URL('../../cmaps/', import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs')).pathname);
