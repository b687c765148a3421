// Seed fixtures and their hand-written expectations (test/fixtures/seeds/00N_*.expected.json).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_DIR = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));

export interface ExpectedCell {
  value: number;
  line: number;
}

export interface ExpectedT3Row {
  labelLine: number;
  values: number[];
  /** One line per value, or one line for the whole row (TSV). */
  lines: number[] | number;
}

export interface Expected {
  seed: string;
  agency: string;
  agencyKind: string;
  year: number;
  yearSource: 'title' | 'period' | 'prose' | null;
  template: '2019' | '2021' | null;
  titleLine: number | null;
  periodLine: number | null;
  sections: Record<string, number>;
  tables: {
    T2: { version: string; status: string; cells: Record<string, ExpectedCell>; unknownRows?: number[] };
    T3: { version: string; status: string; columns: string[]; rows: Record<string, ExpectedT3Row> };
    T4: { version: string; status: string; cells: Record<string, ExpectedCell> };
  };
  rawCells: Record<string, string>;
}

export interface Seed {
  /** e.g. "000_bb11c9eb4a4a9df5.txt" */
  name: string;
  text: string;
  expected: Expected;
}

/** The seed reports' file names, in order. */
export function seedNames(): string[] {
  return readdirSync(SEED_DIR).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
}

/**
 * Every seed, one after another, each followed by a blank line, repeated until the text is at
 * least `target` UTF-8 bytes: a large document made of real reports, for the server's stress tests.
 */
export function concatenatedSeeds(target: number): string {
  const texts = seedNames().map((name) => readFileSync(SEED_DIR + name, 'utf8'));
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < target; i++) {
    const s = texts[i % texts.length] + '\n\n';
    parts.push(s);
    size += Buffer.byteLength(s, 'utf8');
  }
  return parts.join('');
}

export function loadSeeds(): Seed[] {
  return seedNames()
    .map((name) => ({
      name,
      text: readFileSync(SEED_DIR + name, 'utf8'),
      expected: JSON.parse(readFileSync(SEED_DIR + name.replace(/\.txt$/, '.expected.json'), 'utf8')) as Expected,
    }));
}

/** Every expected cell of a seed as id → {value, line}, T3 rows expanded with their columns. */
export function expectedCells(e: Expected): Map<string, ExpectedCell> {
  const out = new Map<string, ExpectedCell>();
  for (const [id, c] of Object.entries(e.tables.T2.cells)) out.set(id, c);
  for (const [row, r] of Object.entries(e.tables.T3.rows)) {
    e.tables.T3.columns.forEach((col, i) => {
      out.set(`t3.${row}.${col}`, { value: r.values[i], line: Array.isArray(r.lines) ? r.lines[i] : r.lines });
    });
  }
  for (const [id, c] of Object.entries(e.tables.T4.cells)) out.set(id, c);
  return out;
}
