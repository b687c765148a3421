// The kinds of table of issue 16 (test/fixtures/kinds/, made from the seeds by
// scripts/fixtures/kinds.ts): each fixture gives exactly the table findings written by hand in
// expected.json, in every layout it is written in, and its clean twin none of them. And the number
// of findings on each seed and each clean twin, so that noise cannot creep back unnoticed.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyEdits, check, nothingOfAReport, readsAsReport, type CheckResult } from '../../engine/index.ts';

const DIR = new URL('../fixtures/kinds/', import.meta.url).pathname;
const SEEDS = new URL('../fixtures/seeds/', import.meta.url).pathname;
const TABLE_RULES = /^(CELL-|STRUCT-TABLE-|STRUCT-ROW-|T2-|T3-|T4-)/;
type Row = [rule: string, message: string, fix: boolean];
const EXPECTED: Record<string, { layouts: string[]; tables: string[]; fixture: Row[]; twin: Row[] }> = JSON.parse(readFileSync(`${DIR}expected.json`, 'utf8'));
delete (EXPECTED as Record<string, unknown>).$comment;

const run = (file: string): { text: string; r: CheckResult } => {
  const text = readFileSync(`${DIR}${file}`, 'utf8');
  return { text, r: check(text, { fileName: file }) };
};
const rows = (r: CheckResult): Row[] => r.findings.filter((f) => TABLE_RULES.test(f.rule)).map((f): Row => [f.rule, f.message, f.fix !== null]).sort();
const key = (x: Row) => `${x[0]} ${x[1]}`;

for (const [kind, exp] of Object.entries(EXPECTED)) {
  describe(`kind ${kind}`, () => {
    for (const layout of exp.layouts) {
      it(`${layout}: the findings written by hand, and the twin none of them`, () => {
        const { r } = run(`${kind}.${layout}.txt`);
        assert.deepEqual(Object.values(r.report.tables).map((t) => t.status), exp.tables);
        assert.deepEqual(rows(r), [...exp.fixture].sort());
        const twin = run(`${kind}.${layout}.clean.txt`).r;
        assert.deepEqual(Object.values(twin.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
        assert.deepEqual(rows(twin), [...exp.twin].sort());
        const own = new Set(exp.fixture.filter((x) => !exp.twin.some((y) => key(y) === key(x))).map(key));
        assert.deepEqual(rows(twin).filter((x) => own.has(key(x))), [], 'the twin gives none of the kind’s findings');
      });
    }
  });
}

describe('blank-total-2019: blank stays blank, the written arithmetic is checked', () => {
  for (const layout of EXPECTED['blank-total-2019'].layouts) {
    it(`${layout}: the blank 总计 cells are blank (never 0), and a broken written sum is found`, () => {
      const { text, r } = run(`blank-total-2019.${layout}.txt`);
      const t3 = r.report.tables.T3;
      assert.equal(t3.version, '2019');
      for (const row of ['r1', 'r2', 'r3_1', 'r4_1', 'r5_5', 'r6']) assert.equal(t3.cells.get(`t3.${row}.tot`)?.state, 'blank', row);
      // A two-digit value next to the blank total is its own cell, not two run together.
      assert.equal(t3.cells.get('t3.r1.np')?.value, 14);
      // （七）总计·自然人 written one more: the sum of the written results, the balance and the row
      // of （七）总计 (its 总计 15 is written) all break; its 总计 column stays unassessed (blank parts).
      const c = t3.cells.get('t3.r7.np')!;
      const broken = check(applyEdits(text, [{ start: c.number!.start, end: c.number!.end, newText: '15' }]), { fileName: 'x.txt' });
      const arithmetic = broken.findings.filter((f) => /^T3-/.test(f.rule)).map((f) => [f.rule, f.cell?.row, f.cell?.col, f.written, f.computed]).sort();
      assert.deepEqual(arithmetic, [['T3-BALANCE', 'r7', 'np', 15, 14], ['T3-RESULT-TOTAL', 'r7', 'np', 15, 14], ['T3-ROW-TOTAL', 'r7', 'tot', 15, 16]]);
    });
  }
});

describe('blank-cells: a sum over a blank is not assessed', () => {
  it('（四）1.本机关不掌握·自然人 (90) left blank: no row total, no （七）总计, no balance is computed as if it were 0', () => {
    for (const layout of EXPECTED['blank-cells'].layouts) {
      const { r } = run(`blank-cells.${layout}.txt`);
      assert.equal(r.report.tables.T3.cells.get('t3.r4_1.np')?.state, 'blank');
      assert.deepEqual(r.findings.filter((f) => /^T3-/.test(f.rule)), [], layout);
    }
  });
});

describe('the number of findings (noise must not creep back)', () => {
  // Every finding of every rule, by seed and by clean twin; change a figure only with the reason.
  const COUNTS: Record<string, number> = {
    '000_bb11c9eb4a4a9df5.txt': 2, '001_44a2056813c1396c.txt': 4, '002_c7925c89c326f8ac.txt': 11,
    '003_0f60ab1572c40d0d.txt': 5, '004_bf0c3beead923054.txt': 16,
    'blank-total-2019.clean': 6, 'blank-cells.clean': 5, 'glued.clean': 2, 'noise.clean': 2, 'stray-part.clean': 5,
  };
  for (const seed of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    it(`seed ${seed}: ${COUNTS[seed]} findings`, () => {
      assert.equal(check(readFileSync(`${SEEDS}${seed}`, 'utf8'), { fileName: seed }).findings.length, COUNTS[seed]);
    });
  }
  for (const [kind, exp] of Object.entries(EXPECTED)) {
    it(`the clean twins of ${kind}: ${COUNTS[`${kind}.clean`]} findings in each layout`, () => {
      for (const layout of exp.layouts) assert.equal(run(`${kind}.${layout}.clean.txt`).r.findings.length, COUNTS[`${kind}.clean`], layout);
    });
  }
});

// ---- Years, titles, periods; reports outside the format (issue 16) — the acc-years block ----
// The prose kinds (test/fixtures/kinds/years.expected.json, made by the acc-years block of
// scripts/fixtures/kinds.ts): what the report is read as, and exactly the TPL-, TEXT- and FILE-
// findings written by hand, in each layout; the twin none of the kind's own.
const YEAR_RULES = /^(TPL-|TEXT-|FILE-)/;
type YearRow = [rule: string, message: string, fix: boolean, where?: string];
interface YearRead { year: number | null; yearSource: string | null; title: string | null }
const YEARS: Record<string, { layouts: string[]; tables?: string[]; read: YearRead; twinRead: YearRead; fixture: YearRow[]; twin: YearRow[] }> = JSON.parse(readFileSync(`${DIR}years.expected.json`, 'utf8'));
delete (YEARS as Record<string, unknown>).$comment;

const readOf = (r: CheckResult): YearRead => ({ year: r.report.year ?? null, yearSource: r.report.yearSource, title: r.report.title?.text ?? null });
const yearRows = (r: CheckResult) => r.findings.filter((f) => YEAR_RULES.test(f.rule)).map((f) => ({ f, line: r.positions.lines[r.positions.positionAt(f.range.start).line].text, row: [f.rule, f.message, f.fix !== null] as [string, string, boolean] }));
/** The found rows against the expected ones: same rule, message and fix, each on a line holding its `where`. */
function assertRows(r: CheckResult, expected: YearRow[], what: string): void {
  const found = yearRows(r);
  const sort = <T extends { row: [string, string, boolean] } | YearRow>(xs: T[]) => xs.map((x) => (Array.isArray(x) ? x.slice(0, 3).join('|') : x.row.join('|'))).sort();
  assert.deepEqual(sort(found), sort(expected), what);
  for (const e of expected.filter((x) => x[3] !== undefined)) {
    assert.ok(found.some((x) => x.row.join('|') === e.slice(0, 3).join('|') && x.line.includes(e[3]!)), `${what}: ${e[0]} on the line holding “${e[3]}”`);
  }
}

for (const [kind, exp] of Object.entries(YEARS)) {
  describe(`kind ${kind}`, () => {
    for (const layout of exp.layouts) {
      it(`${layout}: read as written by hand, its findings, and the twin none of them`, () => {
        const { r } = run(`${kind}.${layout}.txt`);
        assert.deepEqual(readOf(r), exp.read);
        assertRows(r, exp.fixture, 'fixture');
        const twin = run(`${kind}.${layout}.clean.txt`);
        assert.deepEqual(readOf(twin.r), exp.twinRead);
        assertRows(twin.r, exp.twin, 'twin');
        // Every table is still read: the kinds are in the prose, whatever the tables' layout (an
        // outline report has none of them; its twin, the template report, all three).
        assert.deepEqual(Object.values(r.report.tables).map((t) => t.status), exp.tables ?? ['bound', 'bound', 'bound']);
        assert.deepEqual(Object.values(twin.r.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
        // A report, whatever its format: never "not a report" (the CLI's FILE-NOT-A-REPORT).
        assert.ok(!nothingOfAReport(r.report) && readsAsReport(r.report));
        const pair = (x: readonly unknown[]) => `${x[0]} ${x[1]}`;
        const own = new Set(exp.fixture.filter((x) => !exp.twin.some((y) => pair(y) === pair(x))).map(pair));
        assert.deepEqual(yearRows(twin.r).filter((x) => own.has(pair(x.row))).map((x) => x.row), [], 'the twin gives none of the kind’s findings');
      });
    }
  });
}

describe('stale-year: the finding is on the year itself', () => {
  it('each TPL-YEAR-STALE range is the year’s digits, a warning', () => {
    for (const layout of YEARS['stale-year'].layouts) {
      const { text, r } = run(`stale-year.${layout}.txt`);
      const stale = r.findings.filter((f) => f.rule === 'TPL-YEAR-STALE');
      assert.deepEqual(stale.map((f) => [text.slice(f.range.start, f.range.end), f.severity]), [['2022', 'warning'], ['2022', 'warning']], layout);
    }
  });
});

describe('the number of findings on the prose kinds’ clean twins (noise must not creep back)', () => {
  // Every finding of every rule on each clean twin, in each layout; change a figure only with the reason.
  const COUNTS: Record<string, number> = {
    'stale-year': 5, 'title-chrome': 4, 'title-wrapped': 2, 'year-preamble': 2, 'year-period': 2,
    'notice-2021': 2, 'notice-2020': 10, 'negation-scope': 5, 'outline-seed-2021': 2, 'outline-seed-2018': 2,
  };
  for (const [kind, exp] of Object.entries(YEARS)) {
    it(`the clean twins of ${kind}: ${COUNTS[kind]} findings in each layout`, () => {
      for (const layout of exp.layouts) assert.equal(run(`${kind}.${layout}.clean.txt`).r.findings.length, COUNTS[kind], layout);
    });
  }
});

describe('a sentence of the section’s text just before its table stays prose', () => {
  it('under 四 before 表四 (naming 行政复议 and 行政诉讼) and under 二 before 表二 (one cell per line): not the table’s, read by the prose rules', () => {
    for (const layout of YEARS['negation-scope'].layouts) {
      const { text, r } = run(`negation-scope.${layout}.txt`);
      const t4 = r.report.tables.T4;
      assert.equal(text.slice(t4.range.start, t4.range.start + 4), '行政复议', layout);
      assert.ok(t4.range.start > text.indexOf('本年度未发生行政复议'), layout);
    }
    const { text, r } = run('stale-year.L2.txt');
    assert.equal(text.slice(r.report.tables.T2.range.start).split('\n')[0], '第二十条第（一）项');
    assert.deepEqual(r.findings.filter((f) => f.rule === 'CELL-OCR-NOISE'), []);
  });
});
