// The five seeds against their hand-written expectations: report facts, section lines, every
// bound cell's value and line, row counts, unknown rows, raw cell texts and cell ranges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../engine/index.ts';
import type { Table } from '../../engine/model.ts';
import { TEMPLATES } from '../../engine/template/index.ts';
import { expectedCells, loadSeeds } from '../helpers/seeds.ts';

const seeds = loadSeeds();

describe('seeds against their .expected.json', () => {
  it('finds all five seeds', () => {
    assert.equal(seeds.length, 5);
  });

  for (const { name, text, expected: e } of seeds) {
    describe(name, () => {
      const { report, index } = parseReport(text, { fileName: name });
      const line = (offset: number) => index.lineAt(offset) + 1;

      it('agency, kind, year, year source, template', () => {
        assert.equal(report.agency?.name, e.agency);
        assert.equal(report.agency?.kind, e.agencyKind);
        assert.equal(report.year, e.year);
        assert.equal(report.yearSource, e.yearSource);
        assert.equal(report.template, e.template);
      });

      it('title and period lines', () => {
        assert.equal(report.title ? report.title.line + 1 : null, e.titleLine);
        assert.equal(report.period ? line(report.period.node.start) : null, e.periodLine);
      });

      it('section heading lines', () => {
        const got = Object.fromEntries(report.sections.map((s) => [s.key, s.heading.line + 1]));
        assert.deepEqual(got, e.sections);
      });

      it('table versions and statuses', () => {
        for (const id of ['T2', 'T3', 'T4'] as const) {
          assert.equal(report.tables[id].version, e.tables[id].version, `${id} version`);
          assert.equal(report.tables[id].status, e.tables[id].status, `${id} status`);
        }
      });

      it('row counts: every template row bound', () => {
        const t3 = report.tables.T3;
        const v3 = t3.version!;
        assert.equal(t3.rows.size, v3 === '2021' ? 25 : 23);
        assert.equal(t3.rows.size, TEMPLATES[v3].t3.rows.length);
        for (const r of t3.rows.values()) assert.equal(r.state, 'bound', `T3 row ${r.key}`);
        assert.equal(Object.keys(e.tables.T3.rows).length, t3.rows.size, 'expectation lists every row');
        const t2 = report.tables.T2;
        assert.equal(t2.cells.size, t2.version === '2021' ? 10 : 22);
        for (const r of t2.rows.values()) assert.equal(r.state, 'bound', `T2 row ${r.key}`);
        assert.equal(report.tables.T4.cells.size, 15);
        assert.equal(t3.cells.size, t3.rows.size * e.tables.T3.columns.length);
      });

      it('T3 row label lines', () => {
        for (const [key, r] of Object.entries(e.tables.T3.rows)) {
          const b = report.tables.T3.rows.get(key);
          assert.ok(b?.label, `row ${key} has a label`);
          assert.equal(line(b.label.start), r.labelLine, `row ${key} label line`);
        }
      });

      it('every bound cell: value and line of its range start, and no extra cells', () => {
        const want = expectedCells(e);
        const got = new Map<string, { value: number | undefined; line: number }>();
        for (const t of Object.values(report.tables) as Table[]) {
          for (const [id, c] of t.cells) got.set(id, { value: c.value, line: line(c.start) });
        }
        assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), 'cell keys');
        for (const [id, w] of want) {
          const g = got.get(id)!;
          assert.equal(g.value, w.value, `${id} value`);
          assert.equal(g.line, w.line, `${id} line`);
        }
      });

      it('unknown rows', () => {
        const lines = (t: Table) => t.unknownRows.map((u) => line(u.start));
        assert.deepEqual(lines(report.tables.T2), e.tables.T2.unknownRows ?? []);
        assert.deepEqual(lines(report.tables.T3), []);
        assert.deepEqual(lines(report.tables.T4), []);
      });

      it('raw cell texts', () => {
        for (const [id, raw] of Object.entries(e.rawCells)) {
          const table = report.tables[id.slice(0, 2).toUpperCase() as 'T2' | 'T3' | 'T4'];
          assert.equal(table.cells.get(id)?.raw, raw, id);
        }
      });

      it('every value made distinct: each cell keeps its id (no shifted row or column)', () => {
        // Zeros hide a wrong column order or a row bound one place off; distinct values do not.
        const all = (Object.values(report.tables) as Table[]).flatMap((t) => [...t.cells.values()]).sort((a, b) => b.start - a.start);
        let distinct = text;
        const want = new Map<string, number>();
        all.forEach((c, i) => {
          const n = 100 + all.length - i;
          want.set(c.id, n);
          distinct = distinct.slice(0, c.start) + String(n) + distinct.slice(c.end);
        });
        const again = parseReport(distinct, { fileName: name }).report;
        const got = new Map((Object.values(again.tables) as Table[]).flatMap((t) => [...t.cells.values()].map((c) => [c.id, c.value] as const)));
        assert.deepEqual(Object.fromEntries(got), Object.fromEntries(want));
      });

      it('the same text opened as Markdown binds the same cells at the same offsets', () => {
        const md = parseReport(text, { fileName: name.replace(/\.txt$/, '.md') });
        assert.deepEqual(md.report.sections.map((s) => [s.key, s.heading.line]), report.sections.map((s) => [s.key, s.heading.line]));
        for (const id of ['T2', 'T3', 'T4'] as const) {
          const a = report.tables[id];
          const b = md.report.tables[id];
          assert.equal(b.status, a.status, id);
          assert.deepEqual([...b.cells.values()].map((c) => [c.id, c.value, c.start, c.end]), [...a.cells.values()].map((c) => [c.id, c.value, c.start, c.end]), id);
        }
      });

      it('cell ranges hold exactly the cell text without layout delimiters', () => {
        for (const t of Object.values(report.tables) as Table[]) {
          for (const c of t.cells.values()) {
            const slice = text.slice(c.start, c.end);
            assert.equal(slice, c.raw, `${c.id} range text`);
            assert.ok(!/^[\t |]|[\t |]$/.test(slice), `${c.id} range excludes delimiters: ${JSON.stringify(slice)}`);
            assert.ok(!/[\r\n]/.test(slice), `${c.id} range stays on one line`);
            if (c.number) assert.match(text.slice(c.number.start, c.number.end), /^-?[\d.,]+$/, `${c.id} number span`);
          }
        }
        for (const [id, raw] of Object.entries(e.rawCells)) {
          const table = report.tables[id.slice(0, 2).toUpperCase() as 'T2' | 'T3' | 'T4'];
          const c = table.cells.get(id)!;
          assert.equal(text.slice(c.start, c.end), raw, `${id} range = raw text from the expectation`);
        }
      });
    });
  }
});
