// Results kept in the main thread until the run's output is written. On a large run these are the
// bulk of the main thread's memory, so findings are kept packed (UTF-8 JSON lines, outside the V8
// heap) and unpacked one report at a time when a formatter reads them.
import type { FileResult, OutFinding } from './types.ts';

const decoder = new TextDecoder();

export function pack(findings: OutFinding[]): Uint8Array {
  return findings.length ? Buffer.from(findings.map((f) => JSON.stringify(f)).join('\n'), 'utf8') : new Uint8Array(0);
}

export function unpack(bytes: Uint8Array): OutFinding[] {
  if (!bytes.length) return [];
  return decoder.decode(bytes).split('\n').map((l) => JSON.parse(l) as OutFinding);
}

/** A FileResult as it travels from a worker: findings packed. */
export type PackedResult = Omit<FileResult, 'findings'> & { packed: Uint8Array };

export function packResult(r: FileResult): PackedResult {
  const { findings, ...rest } = r;
  return { ...rest, packed: pack(findings) };
}

let cacheKey: Uint8Array | null = null;
let cacheValue: OutFinding[] = [];

/** A stored result: `findings` reads (and writes) through the packed bytes. */
export function stored(p: PackedResult): FileResult {
  const r = p as PackedResult & { findings: OutFinding[] };
  Object.defineProperty(r, 'findings', {
    enumerable: true,
    configurable: true,
    get(this: PackedResult): OutFinding[] {
      if (cacheKey !== this.packed) {
        cacheValue = unpack(this.packed);
        cacheKey = this.packed;
      }
      return cacheValue;
    },
    set(this: PackedResult, v: OutFinding[]) {
      this.packed = pack(v);
    },
  });
  return r;
}
