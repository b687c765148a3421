// Every seed's tables rewritten into each layout (test/helpers/layouts.ts) must bind to exactly
// the same cells and values as the original parse and as the hand-written expectation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check, parseReport, type Parsed } from '../../engine/index.ts';
import type { Table } from '../../engine/model.ts';
import { LAYOUT_NAMES, REWRITE_LAYOUTS, rewriteTables, type RewriteLayout } from '../helpers/layouts.ts';
import { expectedCells, loadSeeds } from '../helpers/seeds.ts';

type Snapshot = Map<string, string>; // cell id → "state value"

function snapshot(t: Table): Snapshot {
  return new Map([...t.cells].map(([id, c]) => [id, `${c.state} ${c.value}`]));
}

/** Differences between two parses' tables: version, status, cell keys, cell states and values. */
export function tableDiffs(a: Parsed, b: Parsed): string[] {
  const out: string[] = [];
  for (const id of ['T2', 'T3', 'T4'] as const) {
    const x = a.report.tables[id];
    const y = b.report.tables[id];
    if (x.version !== y.version) out.push(`${id} version ${x.version} → ${y.version}`);
    if (x.status !== y.status) out.push(`${id} status ${x.status} → ${y.status}`);
    const sx = snapshot(x);
    const sy = snapshot(y);
    for (const [k, v] of sx) if (sy.get(k) !== v) out.push(`${k}: ${v} → ${sy.get(k) ?? 'absent'}`);
    for (const k of sy.keys()) if (!sx.has(k)) out.push(`${k}: extra`);
  }
  return out;
}

const seeds = loadSeeds();

describe('seed tables rewritten into other layouts bind the same', () => {
  for (const seed of seeds) {
    const original = parseReport(seed.text, { fileName: seed.name });
    for (const layout of REWRITE_LAYOUTS) {
      const exts = layout === 'L1' ? ['.txt', '.md'] : ['.txt'];
      for (const ext of exts) {
        it(`${seed.name} as ${layout} (${LAYOUT_NAMES[layout]}) in ${ext}`, () => {
          const text = rewriteTables(seed.text, original, layout);
          assert.notEqual(text, seed.text);
          const parsed = parseReport(text, { fileName: seed.name.replace(/\.txt$/, ext) });
          // The tables really are in the new layout.
          const code = layout === 'L7' ? 'L4' : layout; // a browser copy is TSV to the engine (docs/spec/layouts.md L7)
          for (const id of ['T2', 'T3', 'T4'] as const) {
            assert.ok(parsed.report.tables[id].layout.includes(code), `${id} read as ${parsed.report.tables[id].layout} `);
          }
          assert.deepEqual(tableDiffs(original, parsed), []);
          // And against the hand-written expectation, not only the original parse.
          const want = expectedCells(seed.expected);
          const got = new Map<string, number | undefined>();
          for (const t of Object.values(parsed.report.tables) as Table[]) for (const [k, c] of t.cells) got.set(k, c.value);
          assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort());
          for (const [k, w] of want) assert.equal(got.get(k), w.value, k);
          for (const id of ['T2', 'T3', 'T4'] as const) {
            assert.equal(parsed.report.tables[id].version, seed.expected.tables[id].version);
            assert.equal(parsed.report.tables[id].status, 'bound');
          }
          // Sections and the rest of the document are untouched by the rewrite.
          assert.deepEqual(parsed.report.sections.map((s) => s.key), original.report.sections.map((s) => s.key));
          assert.equal(parsed.report.year, original.report.year);
        });
      }
    }
  }
});

describe('the layout does not change what the table rules find', () => {
  // Arithmetic and table findings (T2-/T3-/T4-) depend on values only; the rewrite keeps them.
  const key = (f: { rule: string; cell: { table: string; row: string; col: string } | null; written: number | null; computed: number | null }) =>
    `${f.rule} ${f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : '-'} ${f.written} ${f.computed}`;
  const tableFindings = (text: string, fileName: string) =>
    check(text, { fileName }).findings.filter((f) => /^T[234]-/.test(f.rule)).map(key).sort();
  for (const seed of seeds) {
    const original = parseReport(seed.text, { fileName: seed.name });
    const want = tableFindings(seed.text, seed.name);
    for (const layout of REWRITE_LAYOUTS) {
      it(`${seed.name} as ${layout}`, () => {
        const text = rewriteTables(seed.text, original, layout);
        assert.deepEqual(tableFindings(text, seed.name), want);
        if (layout === 'L1') assert.deepEqual(tableFindings(text, seed.name.replace(/\.txt$/, '.md')), want, '.md');
      });
    }
  }
  it('seed 002 has table findings to compare (the test is not vacuous)', () => {
    assert.ok(tableFindings(seeds[2].text, seeds[2].name).length >= 5, 'T3-RESULT-TOTAL, T3-BALANCE, T4-POST-WITHOUT-REVIEW');
  });
});

describe('each table in another layout, and CRLF line ends', () => {
  for (const seed of seeds) {
    const original = parseReport(seed.text, { fileName: seed.name });
    REWRITE_LAYOUTS.forEach((_, i) => {
      const pick = (id: Table['id']) => REWRITE_LAYOUTS[(i + ['T2', 'T3', 'T4'].indexOf(id)) % REWRITE_LAYOUTS.length];
      const name = `T2 ${pick('T2')}, T3 ${pick('T3')}, T4 ${pick('T4')}`;
      it(`${seed.name}: ${name}`, () => {
        const text = rewriteTables(seed.text, original, pick);
        assert.deepEqual(tableDiffs(original, parseReport(text, { fileName: seed.name })), []);
        const crlf = text.replace(/\r?\n/g, '\r\n');
        assert.deepEqual(tableDiffs(original, parseReport(crlf, { fileName: seed.name })), [], 'CRLF');
        if (['T2', 'T3', 'T4'].every((id) => pick(id as Table['id']) === 'L1' || pick(id as Table['id']) === 'L4')) {
          assert.deepEqual(tableDiffs(original, parseReport(crlf, { fileName: seed.name.replace(/\.txt$/, '.md') })), [], 'CRLF .md');
        }
      });
    });
    it(`${seed.name}: GFM with CRLF in Markdown`, () => {
      const crlf = rewriteTables(seed.text, original, 'L1').replace(/\r?\n/g, '\r\n');
      assert.deepEqual(tableDiffs(original, parseReport(crlf, { fileName: seed.name.replace(/\.txt$/, '.md') })), []);
    });
  }
});

describe('the comparison catches a corrupted rewrite', () => {
  const seed = seeds[0];
  const original = parseReport(seed.text, { fileName: seed.name });
  const layouts: RewriteLayout[] = ['L1', 'L4'];
  for (const layout of layouts) {
    it(`${layout}: one changed value is reported`, () => {
      const text = rewriteTables(seed.text, original, layout, { mutate: (id, raw) => (id === 't3.r7.np' ? '99' : raw) });
      const diffs = tableDiffs(original, parseReport(text, { fileName: seed.name }));
      assert.deepEqual(diffs, ['t3.r7.np: number 8 → number 99']);
    });
    it(`${layout}: two swapped values are reported`, () => {
      const swap: Record<string, string> = { 't3.r7.np': '0', 't3.r7.biz': '8' }; // seed 000: np 8, biz 0
      const text = rewriteTables(seed.text, original, layout, { mutate: (id, raw) => swap[id] ?? raw });
      const diffs = tableDiffs(original, parseReport(text, { fileName: seed.name }));
      assert.deepEqual(diffs.sort(), ['t3.r7.biz: number 0 → number 8', 't3.r7.np: number 8 → number 0']);
    });
    it(`${layout}: a changed T4 value is reported`, () => {
      const text = rewriteTables(seed.text, original, layout, { mutate: (id, raw) => (id === 't4.post.pend' ? '2' : raw) });
      const diffs = tableDiffs(original, parseReport(text, { fileName: seed.name }));
      assert.deepEqual(diffs, ['t4.post.pend: number 0 → number 2']);
    });
  }
  it('a table lost in the rewrite is reported', () => {
    const text = rewriteTables(seed.text, original, 'L4', { mutate: (id, raw) => (id.startsWith('t4.') ? '' : raw) });
    const diffs = tableDiffs(original, parseReport(text, { fileName: seed.name }));
    assert.ok(diffs.length > 0, 'some difference');
    assert.ok(diffs.some((d) => d.startsWith('T4 status') || d.startsWith('t4.')), diffs.join('\n'));
  });
});
