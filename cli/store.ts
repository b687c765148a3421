// Results kept in the main thread until the run's output is written. On a large run these are the
// bulk of the main thread's memory, so findings are kept packed (one JSON line each, in one string
// per report) and unpacked one report at a time when a formatter reads them. Past SPILL_AFTER bytes
// the packed findings go to an unlinked temporary file instead: 10,000 reports carry ~100 MB of
// them, which would otherwise count against the run's memory; the page cache holds them as well.
// Strings, not Buffers, cross from the workers: a string arrives on the V8 heap and dies young once
// spilled, where a Buffer would be external memory that V8 frees only when external pressure makes
// it collect, tens of megabytes later.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { XYearDigest } from '../engine/xyear.ts';
import { countSeverities, type SeverityCounts } from './format/common.ts';
import { jsonFinding } from './format/json.ts';
import type { FileResult, OutFinding } from './types.ts';

const SPILL_AFTER = Number(process.env.GOVREPORT_SPILL_AFTER_MB ?? 8) * 2 ** 20;

/** One line per finding, as the JSON format prints it (so that format can copy the lines). */
export function pack(findings: OutFinding[]): string {
  return findings.map((f) => JSON.stringify(jsonFinding(f))).join('\n');
}

export function unpack(packed: string): OutFinding[] {
  return packed ? packed.split('\n').map((l) => JSON.parse(l) as OutFinding) : [];
}

/** What pairing reports across years needs of a digest; the rest stays packed until a pair needs it. */
export interface DigestKey {
  agencyKey: string | null;
  year: number | null;
}

/** A FileResult as it travels from a worker: findings and cross-year digest packed. */
export type PackedResult = Omit<FileResult, 'findings' | 'digest' | 'pairing'> & { packed: string; digestPacked: string; digestKey: DigestKey | null; counts: SeverityCounts };

/** Typed arrays as tagged plain arrays, so a digest survives JSON. */
const TYPED = { u32: Uint32Array, i32: Int32Array } as const;
const TYPED_ENTRIES = Object.entries(TYPED);
type Tagged = { $typed?: keyof typeof TYPED; values?: number[] };
function packDigest(d: XYearDigest | undefined): string {
  if (!d) return '';
  return JSON.stringify(d, (_k, v: unknown) => {
    for (const [tag, Typed] of TYPED_ENTRIES) if (v instanceof Typed) return { $typed: tag, values: Array.from(v) };
    return v;
  });
}
function unpackDigest(s: string): XYearDigest | undefined {
  if (!s) return undefined;
  return JSON.parse(s, (_k, v: unknown) => {
    const t = v as Tagged | null;
    return t && typeof t === 'object' && t.$typed && t.values ? TYPED[t.$typed].from(t.values) : v;
  }) as XYearDigest;
}

export function packResult(r: FileResult): PackedResult {
  const { findings, digest, pairing, ...rest } = r;
  return {
    ...rest, packed: pack(findings), counts: countSeverities(findings),
    digestPacked: packDigest(digest), digestKey: pairing ?? (digest ? { agencyKey: digest.agencyKey, year: digest.year } : null),
  };
}

/** Where packed findings live: in memory until SPILL_AFTER bytes, then in the spill file. */
const spill = {
  inMemory: 0,
  fd: -1,
  size: 0,
  failed: false,
};

/** Appends bytes to the spill file; null when they stay in memory (below the threshold, or no file). */
function spilled(packed: string): { offset: number; length: number } | null {
  // Two bytes per UTF-16 unit: what the string costs while it stays on the heap.
  const cost = packed.length * 2;
  if (!packed || spill.failed || spill.inMemory + cost <= SPILL_AFTER) {
    spill.inMemory += cost;
    return null;
  }
  try {
    if (spill.fd < 0) {
      const path = join(tmpdir(), `govreport-spill-${process.pid}-${Date.now()}`);
      spill.fd = openSync(path, 'w+', 0o600);
      // Unlinked at once: the file lives as long as the descriptor, whatever ends the process.
      unlinkSync(path);
    }
    const length = Buffer.byteLength(packed, 'utf8');
    if (writeSync(spill.fd, packed, spill.size, 'utf8') !== length) throw new Error('short write');
    const at = { offset: spill.size, length };
    spill.size += length;
    return at;
  } catch {
    // No room in the temporary directory: keep everything in memory, as for a small run.
    spill.failed = true;
    if (spill.fd >= 0) closeSync(spill.fd);
    spill.fd = -1;
    spill.inMemory += cost;
    return null;
  }
}

function readBack(at: { offset: number; length: number }): string {
  const bytes = Buffer.allocUnsafe(at.length);
  let read = 0;
  while (read < at.length) {
    const n = readSync(spill.fd, bytes, read, at.length - read, at.offset + read);
    if (n === 0) throw new Error('govreport: the spill file is shorter than written');
    read += n;
  }
  return bytes.toString('utf8');
}

/** One packed string, in memory or in the spill file. */
interface Slot {
  packed: string | null;
  at: { offset: number; length: number } | null;
}

function put(slot: Slot, packed: string): void {
  if (slot.packed) spill.inMemory -= slot.packed.length * 2;
  const at = spilled(packed);
  slot.at = at;
  slot.packed = at ? null : packed;
}

const contents = (slot: Slot): string => (slot.at ? readBack(slot.at) : slot.packed!);

let cacheKey: Slot | null = null;
let cacheValue: OutFinding[] = [];

/**
 * A stored result: `findings` and `digest` read through their packed forms, wherever they are;
 * `findings` can be replaced. A class with the accessors on its prototype keeps each of 10,000
 * results a small fast-mode object (an own accessor per result made each a dictionary with two
 * closures, ~2 KB apiece), and a packed digest costs a third of the unpacked one.
 */
class StoredResult {
  private readonly slot: Slot = { packed: null, at: null };
  private readonly digestSlot: Slot = { packed: null, at: null };
  declare digestKey: DigestKey | null;
  declare counts: SeverityCounts;

  constructor(rest: Omit<PackedResult, 'packed' | 'digestPacked'>, packed: string, digestPacked: string) {
    Object.assign(this, rest);
    put(this.slot, packed);
    put(this.digestSlot, digestPacked);
  }

  get findings(): OutFinding[] {
    if (cacheKey !== this.slot) {
      cacheValue = unpack(contents(this.slot));
      cacheKey = this.slot;
    }
    return cacheValue;
  }

  set findings(v: OutFinding[]) {
    put(this.slot, pack(v));
    this.counts = countSeverities(v);
    if (cacheKey === this.slot) cacheKey = null;
  }

  /** The findings as packed: one JSON line each, as the JSON format prints them. */
  findingLines(): string[] {
    const packed = contents(this.slot);
    return packed ? packed.split('\n') : [];
  }

  get digest(): XYearDigest | undefined {
    return unpackDigest(contents(this.digestSlot));
  }

  /** Drops the digest once the cross-year rules have run. */
  dropDigest(): void {
    put(this.digestSlot, '');
  }
}

export type Stored = FileResult & { digestKey: DigestKey | null; counts: SeverityCounts; dropDigest(): void; findingLines(): string[] };

export function stored(p: PackedResult): Stored {
  const { packed, digestPacked, ...rest } = p;
  return new StoredResult(rest, packed, digestPacked) as unknown as Stored;
}
