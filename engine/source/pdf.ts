// PDF reports, as Word, WPS and LibreOffice export them: each page's positioned text and its drawn
// rules are read by pdfjs-dist (Mozilla's PDF.js, pure JavaScript, run in this thread — its "fake
// worker" — so nothing is spawned or fetched), and laid out as lines, paragraphs and tables by
// source/pdf-layout.ts. Findings point at the page and the box of the text they are about.
//
// Only what text positions need is read: images above one pixel are dropped before they are
// decoded (`maxImageSize`), so a 50 MB embedded scan costs its bytes and nothing more; no font is
// turned into a font face; no standard font data is fetched, and the CMaps of Chinese PDFs whose fonts
// are not embedded are bundled (source/pdf-cmaps.ts). A document that asks for a
// password, has no text layer, more than PDF_LIMITS.pages pages, a page of more than
// PDF_LIMITS.pageRuns pieces of text or takes longer than PDF_LIMITS.millis to read is one failure,
// never an empty report.
//
// pdfjs-dist was chosen as the one maintained pure-JavaScript PDF parser with text positions and an
// operator list (the cell borders); its wrappers (pdf-parse, unpdf) add nothing this reader uses.
import type { Location, SourceDoc, SourceFailure } from './index.ts';
import { layOutPages, type Box, type PageContent, type PdfBlock, type Rule, type TextRun } from './pdf-layout.ts';
import { layOut, type Block } from './render.ts';
import { LineIndex } from '../text.ts';
import { emptyStructure } from './types.ts';

/**
 * pages and millis bound a document; pageRuns a page: a report's page holds a few thousand pieces
 * of text at most, and a content stream of millions (a small file can inflate to gigabytes of
 * FlateDecode'd text operators) would otherwise be read to the time limit, its pieces in memory.
 */
export const PDF_LIMITS = { pages: 2000, millis: 60_000, pageRuns: 100_000 };

export type PdfJs = typeof import('pdfjs-dist');
let loading: Promise<PdfJs> | undefined;

/** The built-ins whose methods pdfjs's polyfills (core-js) may replace. */
const BUILT_INS: object[] = [
  Object, Array, Array.prototype, Promise, Promise.prototype, Map.prototype, Set.prototype, WeakMap.prototype,
  String.prototype, RegExp.prototype, Function.prototype, Number, Math, JSON, ArrayBuffer.prototype, Uint8Array,
  Uint8Array.prototype, Object.getPrototypeOf(Uint8Array.prototype), Object.getPrototypeOf(Uint8Array), globalThis,
];

/**
 * pdfjs-dist, loaded once: its Node build ("legacy"), whose worker module is handed over as
 * `globalThis.pdfjsWorker` so that pdfjs runs it in this thread. That build carries core-js
 * polyfills; beside the built-ins Node 20 lacks (which it adds, and pdfjs needs), core-js replaces
 * some native ones it judges non-conforming — Array.prototype.push among them, several times slower
 * and a third of the reading time here. Every built-in that existed before the load is put back, so
 * the rest of the process runs on native methods. On load pdfjs also says on the console that it
 * found no canvas package (it would render with one; this reader draws nothing); that is not for
 * the user's console (nor for a CLI's JSON output).
 *
 * The worker module is the one the bundles carry, patched so that text positions cost no font
 * program (scripts/pdfjs-text-only.mjs); run from source (tests, benches) it is pdfjs-dist's own
 * unless `worker` loads another before the first read (bench/pdf.bench.ts loads the built one).
 */
export function pdfjs(worker: () => Promise<unknown> = () => import('pdfjs-dist/legacy/build/pdf.worker.mjs')): Promise<PdfJs> {
  loading ??= (async () => {
    const before = BUILT_INS.map((o) => Object.getOwnPropertyDescriptors(o));
    const { log, warn } = console;
    console.log = console.warn = () => {};
    const g = globalThis as Record<string, unknown>;
    // The display module makes one DOMMatrix as it loads (for drawing); pdfjs would take it from a
    // native canvas package. A placeholder serves, and is taken away again.
    const placeholder = g.DOMMatrix === undefined;
    if (placeholder) g.DOMMatrix = class DOMMatrix {};
    try {
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await worker();
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
      console.warn = warn;
      if (placeholder) delete g.DOMMatrix;
      BUILT_INS.forEach((o, i) => {
        for (const [key, d] of Object.entries(before[i])) {
          const now = Object.getOwnPropertyDescriptor(o, key);
          if (now && (now.value !== d.value || now.get !== d.get) && now.configurable) Object.defineProperty(o, key, d);
        }
      });
    }
  })();
  return loading;
}

const OPS = {
  save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23,
  fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, formBegin: 74, formEnd: 75,
} as const;
const PAINTS: Set<number> = new Set([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS: Set<number> = new Set([OPS.fill, OPS.eoFill]);
// pdfjs's path buffer codes (DrawOPS).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3], m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

/** The axis-aligned lines a page draws: stroked segments, and filled rectangles thin enough to be a border. */
export function rulesOf(fnArray: ArrayLike<number>, argsArray: unknown[]): Rule[] {
  const rules: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.formBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
    } else if (fn === OPS.formEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args && PAINTS.has(args[0] as number)) {
      const buffers = args[1] as (ArrayLike<number> | null)[] | undefined;
      const buf = buffers?.[0];
      if (buf) pathRules(buf, ctm, FILLS.has(args[0] as number), rules);
    }
  }
  return rules;
}

function pathRules(buf: ArrayLike<number>, m: Matrix, fillOnly: boolean, out: Rule[]): void {
  const pt = (x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  let sub: [number, number][] = [];
  const end = () => {
    if (sub.length < 2) return (sub = []), undefined;
    const xs = sub.map((p) => p[0]);
    const ys = sub.map((p) => p[1]);
    const box: Rule = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    if (fillOnly) {
      // A filled shape is a border only when it is a thin bar; a shaded cell is not.
      if (box.x1 - box.x0 <= 2 || box.y1 - box.y0 <= 2) out.push(box);
    } else {
      for (let k = 1; k < sub.length; k++) {
        const [ax, ay] = sub[k - 1];
        const [bx, by] = sub[k];
        if (Math.abs(ay - by) <= 0.5 || Math.abs(ax - bx) <= 0.5) out.push({ x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) });
      }
    }
    sub = [];
  };
  for (let i = 0; i < buf.length; ) {
    const op = buf[i];
    if (op === MOVE) {
      end();
      sub.push(pt(buf[i + 1], buf[i + 2]));
      i += 3;
    } else if (op === LINE) {
      sub.push(pt(buf[i + 1], buf[i + 2]));
      i += 3;
    } else if (op === CURVE) {
      end();
      i += 7;
    } else if (op === QUAD) {
      end();
      i += 5;
    } else if (op === CLOSE) {
      if (sub.length > 2) sub.push(sub[0]);
      end();
      i += 1;
    } else break;
  }
  end();
}

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
}

function runsOf(items: TextItemLike[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const it of items) {
    if (!it.str || !it.transform) continue;
    const [a, b, c, d, e, f] = it.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b);
    runs.push({ str: it.str, x: e, y: f, w: it.width ?? 0, size });
  }
  return runs;
}

/** pdfjs's CMap reader, answered from the bundled CMaps (source/pdf-cmaps.ts). */
class BundledCMaps {
  async fetch({ name }: { name: string }): Promise<{ cMapData: Uint8Array; isCompressed: boolean }> {
    const cMapData = (await import('./pdf-cmaps.ts')).bundledCMap(name);
    if (!cMapData) throw new Error(`CMap ${name} is not bundled`);
    return { cMapData, isCompressed: true };
  }
}

const failed = (failure: SourceFailure): SourceDoc => ({ kind: 'pdf', text: '', index: new LineIndex(''), structure: emptyStructure(), failure });

/** Reads a PDF given as bytes. */
export async function readPdf(bytes: Uint8Array, limits = PDF_LIMITS): Promise<SourceDoc> {
  const pages = await readPdfPages(bytes, limits);
  return typeof pages === 'string' ? failed(pages) : fromBlocks(layOutPages(pages));
}

/** Each page's positioned text and ruling lines, as pdfjs reads them; or why they cannot be read. */
export async function readPdfPages(bytes: Uint8Array, limits = PDF_LIMITS): Promise<PageContent[] | SourceFailure> {
  const lib = await pdfjs();
  const cMaps = await import('./pdf-cmaps.ts');
  const started = Date.now();
  let task: ReturnType<PdfJs['getDocument']> | undefined;
  const open = () => lib.getDocument({
    // pdfjs may take the buffer over, and wants a plain Uint8Array (not a Buffer): a copy.
    data: new Uint8Array(bytes),
    maxImageSize: 1,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWorkerFetch: false,
    // The predefined CMaps of Chinese PDFs whose fonts are not embedded: bundled (or, from source,
    // pdfjs-dist's own folder), never fetched (source/pdf-cmaps.ts).
    ...(cMaps.cMapUrl ? { cMapUrl: cMaps.cMapUrl, cMapPacked: true } : { CMapReaderFactory: BundledCMaps }),
    stopAtErrors: false,
    verbosity: 0,
  });
  const pages: PageContent[] = [];
  try {
    task = open();
    const doc = await task.promise;
    if (doc.numPages > limits.pages) return 'pdf-too-large';
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() - started > limits.millis) return 'pdf-too-large';
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view;
      // Text is read as pdfjs streams it (a chunk every time slot of its parser), so the time limit
      // is held within a page too: a page of millions of text items stops at the limit.
      const items: TextItemLike[] = [];
      const reader = page.streamTextContent({ disableNormalization: false }).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const it of value.items as TextItemLike[]) items.push(it);
        const over = items.length > limits.pageRuns ? 'pdf-page-too-large' : Date.now() - started > limits.millis ? 'pdf-too-large' : undefined;
        if (over) {
          // A cancelled stream may reject; the answer is the limit, not a damaged file.
          await reader.cancel().catch(() => {});
          return over;
        }
      }
      if (Date.now() - started > limits.millis) return 'pdf-too-large';
      const ops = await page.getOperatorList();
      if (Date.now() - started > limits.millis) return 'pdf-too-large';
      const shift = (r: TextRun) => ({ ...r, x: r.x - x0, y: r.y - y0 });
      pages.push({
        page: n, width: x1 - x0, height: y1 - y0,
        runs: runsOf(items).map(shift),
        rules: rulesOf(ops.fnArray, ops.argsArray).map((r) => ({ x0: r.x0 - x0, y0: r.y0 - y0, x1: r.x1 - x0, y1: r.y1 - y0 })),
      });
      page.cleanup();
    }
  } catch (e) {
    const name = (e as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') return 'pdf-encrypted';
    return 'pdf-damaged';
  } finally {
    void task?.destroy();
  }
  const visible = pages.reduce((n, p) => n + p.runs.reduce((k, r) => k + r.str.replace(/\s/g, '').length, 0), 0);
  if (visible === 0) return 'pdf-no-text';
  return pages;
}

/** The engine's text of the laid-out blocks, with each line's page and box. */
function fromBlocks(blocks: PdfBlock[]): SourceDoc {
  const out = layOut(blocks.map((b): Block => (b.kind === 'row' ? { kind: 'row', text: b.text, slots: b.slots, grid: b.grid } : { kind: 'line', text: b.text })), 'pdf');
  const byLine: (PdfBlock | undefined)[] = [];
  let k = 0;
  out.lineBlocks.forEach((b, line) => {
    if (b) byLine[line] = blocks[k++];
  });
  const locate = (offset: number): Location | undefined => {
    const line = out.index.lineAt(offset);
    const block = byLine[line];
    if (!block) return undefined;
    const { start, text } = out.index.lines[line];
    if (!block.slots) return { kind: 'pdf', page: block.page, box: round(block.box), text };
    const at = block.slots.find((s) => start + s.at <= offset && offset <= start + s.at + s.cell.text.length) ?? block.slots[0];
    return { kind: 'pdf', page: at.page, box: round(at.box), text: at.cell.text };
  };
  return { kind: 'pdf', text: out.text, index: out.index, structure: out.structure, locate };
}

const round = (b: Box): Box => b.map((v) => Math.round(v * 10) / 10) as Box;
