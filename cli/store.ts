// Results kept in the main thread until the run's output is written. On a large run these are the
// bulk of the main thread's memory, so findings are kept packed (one string per report, exactly as
// the JSON format prints them: the JSON writer copies it and nothing else) and unpacked one report
// at a time when another formatter reads them. Past SPILL_AFTER bytes
// the packed findings go to an unlinked temporary file instead: 10,000 reports carry ~100 MB of
// them, which would otherwise count against the run's memory; the page cache holds them as well.
// Strings, not Buffers, cross from the workers: a string arrives on the V8 heap and dies young once
// spilled, where a Buffer would be external memory that V8 frees only when external pressure makes
// it collect, tens of megabytes later.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countSeverities, type SeverityCounts } from './format/common.ts';
import { FINDING_SEPARATOR, jsonFinding } from './format/json.ts';
import type { FileResult, OutFinding } from './types.ts';

const SPILL_AFTER = Number(process.env.GOVREPORT_SPILL_AFTER_MB ?? 8) * 2 ** 20;

/**
 * The findings as the JSON format prints them, one a line, joined by its separator: the packed
 * string is the body of the report's "findings" array as written, and in brackets it parses to
 * the array itself.
 */
export function pack(findings: OutFinding[]): string {
  return findings.map((f) => JSON.stringify(jsonFinding(f))).join(FINDING_SEPARATOR);
}

export function unpack(packed: string): OutFinding[] {
  return packed ? (JSON.parse(`[${packed}]`) as OutFinding[]) : [];
}

/** What pairing reports across years needs of a report: its agency key and year. */
export interface DigestKey {
  agencyKey: string | null;
  year: number | null;
}

/** A FileResult as it travels from a worker: findings packed, pairing key and counts beside them. */
export type PackedResult = Omit<FileResult, 'findings' | 'digest' | 'pairing'> & { packed: string; digestKey: DigestKey | null; counts: SeverityCounts };

export function packResult(r: FileResult): PackedResult {
  const { findings, digest: _digest, pairing, ...rest } = r;
  return { ...rest, packed: pack(findings), counts: countSeverities(findings), digestKey: pairing ?? null };
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
  return readBytes(at).toString('utf8');
}

function readBytes(at: { offset: number; length: number }): Buffer {
  const bytes = Buffer.allocUnsafe(at.length);
  let read = 0;
  while (read < at.length) {
    const n = readSync(spill.fd, bytes, read, at.length - read, at.offset + read);
    if (n === 0) throw new Error('govreport: the spill file is shorter than written');
    read += n;
  }
  return bytes;
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

const contents = (slot: Slot): string => (slot.at ? readBack(slot.at) : (slot.packed ?? ''));

let cacheKey: Slot | null = null;
let cacheValue: OutFinding[] = [];

/**
 * A stored result: `findings` read through its packed form, wherever it is, and replaceable. A
 * class with the accessors on its prototype keeps each of 10,000 results a small fast-mode object
 * (an own accessor per result made each a dictionary with two closures, ~2 KB apiece).
 */
class StoredResult {
  private readonly slot: Slot = { packed: null, at: null };
  declare digestKey: DigestKey | null;
  declare counts: SeverityCounts;

  constructor(rest: Omit<PackedResult, 'packed'>, packed: string) {
    Object.assign(this, rest);
    put(this.slot, packed);
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

  /**
   * The findings as the JSON format prints them (its separator between them), '' for none: the
   * string, or its UTF-8 bytes as spilled (the JSON writer copies those to the output unread).
   */
  findingsJson(): string | Uint8Array {
    return this.slot.at ? readBytes(this.slot.at) : (this.slot.packed ?? '');
  }
}

export type Stored = FileResult & { digestKey: DigestKey | null; counts: SeverityCounts; findingsJson(): string | Uint8Array };

export function stored(p: PackedResult): Stored {
  const { packed, ...rest } = p;
  return new StoredResult(rest, packed) as unknown as Stored;
}
