// Giving memory back once the server is idle. V8 runs no major GC in a process that merely waits, so
// the garbage of checking a large document (hundreds of MiB for 10 MB of text) would stay until the
// next burst of allocation. And a plain full GC frees the old generation but keeps the young
// generation at the size the check grew it to (32 MiB): V8 shrinks it only at a GC that follows about
// 5 s of low allocation, or at a memory-reducing GC. So, after a check or a close, once nothing else
// has happened for a while and the V8 heap has grown noticeably since the last time, the server
// collects garbage itself, the memory-reducing way where Node offers it.
//
// What this cannot reach is memory the C allocator keeps after the GC has freed it (glibc keeps freed
// blocks of up to twice the largest one seen): see SERVER_PROCESS_ENV in protocol.ts.
import v8 from 'node:v8';
import vm from 'node:vm';
import type { IdleGcRun } from './protocol.ts';

const MiB = 2 ** 20;

/**
 * Growth of the V8 heap (committed, plus external memory) since the last collection that makes the
 * next one worthwhile. After a close, a little: closing is rare, and memory is expected back. After a
 * check, a lot: a collection costs about 0.1 s and resets V8's type feedback, which makes the next few
 * checks 2–3 times slower, so editing an ordinary report (whose young generation grows by 16 MiB or
 * so) should not lead to one.
 */
const MIN_GROWTH = { close: 8 * MiB, check: 32 * MiB };
/** V8 shrinks the young generation at a GC that follows this much time with little allocation. */
const YOUNG_GENERATION_SHRINK_MS = 6000;

export type Work = keyof typeof MIN_GROWTH;

export class IdleGc {
  /** Idle time after the last check or close before collecting; 0 turns collecting off. */
  delayMs = 1000;
  runs = 0;
  last: IdleGcRun | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** The lowest MIN_GROWTH of the work done since the last collection (or decision not to collect). */
  private minGrowth = Infinity;
  private baseline = committed();

  /** @param busy whether work is pending (a debounced check); its end calls notify() again. */
  constructor(private readonly busy: () => boolean) {}

  /** A check finished or a document was closed: collect after `delayMs` without further work. */
  notify(work: Work): void {
    this.minGrowth = Math.min(this.minGrowth, MIN_GROWTH[work]);
    this.schedule(this.delayMs, false);
  }

  private schedule(ms: number, force: boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.delayMs <= 0) return;
    this.timer = setTimeout(() => this.run(force), ms);
    // Never the reason the process stays alive.
    this.timer.unref();
  }

  private run(force: boolean): void {
    this.timer = undefined;
    if (this.busy()) return;
    const minGrowth = force ? 0 : this.minGrowth;
    this.minGrowth = Infinity;
    if (committed() - this.baseline < minGrowth) return;
    const rssBefore = process.memoryUsage.rss();
    const heapBefore = v8.getHeapStatistics().used_heap_size;
    const t0 = performance.now();
    const method = collectGarbage();
    const wallMs = performance.now() - t0;
    this.runs++;
    this.last = { method, wallMs, rssBefore, rssAfter: process.memoryUsage.rss(), heapBefore, heapAfter: v8.getHeapStatistics().used_heap_size };
    this.baseline = committed();
    // A full GC alone left the young generation grown; one more once V8 sees the allocation rate low.
    if (method === 'full' && !force) this.schedule(YOUNG_GENERATION_SHRINK_MS, true);
  }
}

function committed(): number {
  const h = v8.getHeapStatistics();
  return h.total_heap_size + h.external_memory;
}

/** A full GC, then a memory-reducing one if available; says which ran. */
function collectGarbage(): IdleGcRun['method'] {
  forgetLastMatch();
  const gc = exposedGc();
  // The full GC first: the memory-reducing one walks the heap before collecting, which costs time
  // and C++ memory in proportion to what is still there.
  gc?.();
  if (typeof v8.queryObjects !== 'function') return gc ? 'full' : 'none';
  // queryObjects collects "all available garbage" (V8's memory-reducing GC: repeated full GCs, the
  // young generation shrunk to its initial size) before counting; the count itself is not needed.
  withoutWarnings(() => v8.queryObjects(Unused, { format: 'count' }));
  return 'memory-reducing';
}

/**
 * V8 keeps the subject of the last regular-expression match (for RegExp.lastMatch and friends). If
 * that was a sentence of a closed 10 MB document, the sentence is a view into the document, and the
 * whole document stays alive. A match on an empty string releases it.
 */
function forgetLastMatch(): void {
  EMPTY.exec('');
}
const EMPTY = /^/;

/** A constructor nothing ever instantiates, so queryObjects has nothing to count. */
class Unused {}

let gcFunction: (() => void) | null | undefined;

/** V8's gc(), without needing `--expose-gc` on the command line (clients start the server as they like). */
function exposedGc(): (() => void) | null {
  if (gcFunction !== undefined) return gcFunction;
  const global = (globalThis as { gc?: () => void }).gc;
  if (typeof global === 'function') return (gcFunction = global);
  try {
    // The flag only decides whether a new context gets gc(); the function keeps working once the
    // flag is back off, and no other context gets one.
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    gcFunction = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    gcFunction = null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return gcFunction;
}

/** Runs `f` with process warnings muted: queryObjects announces once that it is experimental, on stderr. */
function withoutWarnings<T>(f: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return f();
  } finally {
    process.emitWarning = emitWarning;
  }
}
