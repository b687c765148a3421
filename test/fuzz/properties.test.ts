// Property tests (issue #7) with fast-check: the seeds and random text, mutated the way pasting
// mangles reports, must never make check() throw, report a range outside the text, report a
// value that is not the one written, or offer a fix that does not settle its finding. A fixed
// seed keeps CI repeatable; `npm run fuzz` runs many more cases.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, check, parseReport } from '../../engine/index.ts';
import type { Cell } from '../../engine/model.ts';
import { seed } from '../rules/harness.ts';
import { apply, mutations } from './mutate.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const SEEDS = [0, 1, 2, 3, 4].map((n) => seed(n));
const ARITHMETIC = /^(T3-ROW-TOTAL|T3-RESULT-TOTAL|T3-BALANCE|T3-LEGAL-SUBTOTAL|T4-SUM)$/;
const options = { seed: SEED, numRuns: RUNS, endOnFailure: true };

const inText = (text: string, r: { start: number; end: number }) => r.start >= 0 && r.start <= r.end && r.end <= text.length;

function writtenValue(text: string, cell: Cell): number {
  const digits = text.slice(cell.number!.start, cell.number!.end)
    .replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/．/g, '.').replace(/[－−]/g, '-').replace(/,/g, '');
  return Number(digits);
}

function assertEditsWithin(edits: { start: number; end: number }[], range: { start: number; end: number }, what: string): void {
  for (const e of edits) assert.ok(e.start >= range.start && e.end <= range.end, `${what} edits only inside its cell`);
}

test('the cell-fix assertion fires on an edit outside the cell', () => {
  assert.throws(() => assertEditsWithin([{ start: 5, end: 9 }], { start: 5, end: 8 }, 'x'), /only inside its cell/);
  assertEditsWithin([{ start: 5, end: 8 }], { start: 5, end: 8 }, 'x');
});

/** The invariants every check() result must satisfy, whatever the input. */
function assertSound(text: string, fileName: string): void {
  const { findings, report } = check(text, { fileName });
  for (const f of findings) {
    assert.ok(inText(text, f.range), `${f.rule} range inside the text`);
    for (const r of f.related) assert.ok(inText(text, r.range), `${f.rule} related range inside the text`);
    for (const fix of f.fixes) for (const e of fix.edits) assert.ok(inText(text, e), `${f.rule} fix edit inside the text`);
    // A cell finding's own fix changes only that cell (alternatives such as "fill every blank cell
    // of this table" name more cells, and say so in their titles).
    if (f.cell && f.fix) assertEditsWithin(f.fix.edits, f.range, `${f.rule} fix of ${f.cell.table}.${f.cell.row}.${f.cell.col}`);
  }
  for (const table of Object.values(report.tables)) {
    for (const cell of table.cells.values()) {
      assert.ok(inText(text, cell), `${cell.id} range inside the text`);
      assert.equal(text.slice(cell.start, cell.end), cell.raw, `${cell.id} range holds its raw text`);
      if (cell.state === 'number') {
        assert.ok(cell.number && cell.number.start >= cell.start && cell.number.end <= cell.end, `${cell.id} number inside the cell`);
        assert.equal(writtenValue(text, cell), cell.value, `${cell.id} value is the one written`);
      }
    }
  }
}

test('mutated seeds: check() never throws and every range, value and fix is sound', { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(fc.constantFrom(...SEEDS), fc.boolean(), mutations(6), (s, md, ms) => {
      assertSound(apply(s.text, ms), md ? 'report.md' : 'report.txt');
    }),
    options,
  );
});

test('random text and random bytes: check() never throws', { timeout: 600_000 }, () => {
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 2000 }),
    fc.array(fc.constantFrom('一、总体情况', '\t', '|', '\n', '本年新收', '结转下年度', '未经复议直接起诉', '（七）总计', '0', '12', '# ', '- ', '第二十条第（一）项', '\r\n', '自然人', '总计'), { maxLength: 400 }).map((xs) => xs.join('')),
  );
  fc.assert(fc.property(text, fc.boolean(), (t, md) => assertSound(t, md ? 'r.md' : 'r.txt')), options);
});

test('safe fixes settle their findings and are idempotent', { timeout: 600_000 }, () => {
  fc.assert(
    fc.property(fc.constantFrom(...SEEDS), mutations(3), (s, ms) => {
      const text = apply(s.text, ms);
      for (const f of check(text, { fileName: 'r.txt' }).findings) {
        const safe = f.fixes.find((x) => x.kind === 'safe');
        if (!safe) continue;
        const fixed = applyEdits(text, safe.edits);
        const again = check(fixed, { fileName: 'r.txt' }).findings.filter((g) => g.rule === f.rule && g.range.start === f.range.start && g.fixes.some((x) => x.kind === 'safe'));
        assert.deepEqual(again.map((g) => g.message), [], `${f.rule} safe fix applied twice changes nothing more`);
      }
    }),
    { ...options, numRuns: Math.max(10, RUNS >> 2) },
  );
});

/** Rewrites one T3 row of a clean seed into a shape that cannot be bound unambiguously. */
function ambiguous(text: string, name: string, pick: number, how: 'glue-all' | 'glue-two' | 'merge-rows'): string | undefined {
  const { report } = parseReport(text, { fileName: name });
  const t3 = report.tables.T3;
  const rows = [...t3.rows.values()].filter((r) => r.state === 'bound' && r.valueSpans?.length);
  const row = rows[pick % rows.length];
  const spans = row.valueSpans!;
  if (how === 'merge-rows') {
    const next = rows[(pick % rows.length) + 1];
    if (!next?.label) return undefined;
    // Delete everything between this row's last value and the next row's label: one row, two labels.
    return text.slice(0, spans[spans.length - 1].end) + '\t' + text.slice(next.label.start);
  }
  const from = how === 'glue-all' ? row.label!.end : spans[pick % (spans.length - 1)].end;
  const to = how === 'glue-all' ? spans[spans.length - 1].end : spans[(pick % (spans.length - 1)) + 1].start;
  const glued = text.slice(from, to).replace(/[\s|]+/g, '');
  return text.slice(0, from) + glued + text.slice(to);
}

test('ambiguous tables never produce arithmetic findings', { timeout: 600_000 }, () => {
  const clean = [0, 1, 3, 4].map((n) => SEEDS[n]);
  fc.assert(
    fc.property(fc.constantFrom(...clean), fc.nat(), fc.constantFrom('glue-all' as const, 'glue-two' as const, 'merge-rows' as const), (s, pick, how) => {
      const text = ambiguous(s.text, s.name, pick, how);
      if (text === undefined) return;
      const arithmetic = check(text, { fileName: s.name }).findings.filter((f) => ARITHMETIC.test(f.rule));
      assert.deepEqual(arithmetic.map((f) => f.message), [], `${how} on ${s.name}`);
    }),
    { ...options, numRuns: RUNS * 2 },
  );
});
