// PDF reports: each seed's PDF form (its Word form exported by LibreOffice, as agencies publish)
// gives the findings of its text form, at page-and-box locations; so does the Markdown draft
// imported from it. PDFs that cannot be read are one finding each. The page geometry → lines and
// tables step (source/pdf-layout.ts) is tested on made-up pages for what the fixtures do not show.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { check, checkAsync, parseReport, type CheckResult, type Finding } from '../../engine/index.ts';
import { toMarkdownDraft } from '../../engine/render/draft.ts';
import { PDF_LIMITS, readPdf } from '../../engine/source/pdf.ts';
import { inflatingPdf, unembeddedCjkPdf } from '../helpers/pdfs.ts';
import { layOutPages, type PageContent, type Rule, type TextRun } from '../../engine/source/pdf-layout.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;
const SEEDS = readdirSync(`${FIXTURES}seeds`).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();

/** As in forms.test.ts: rules about how the text form was typed, which a Word-made document does not carry. */
const TYPING_RULES = new Set(['CELL-OCR-NOISE', 'STRUCT-TABLE-HEADER', 'STRUCT-HEADING-LEVEL']);
/**
 * CELL-EXTRA-TEXT is about characters a PDF does not keep: U+3000 padding after a value prints as
 * nothing (seed 000), and LibreOffice sets "行政处罚 0" and "行政处罚0" with the same gap between a
 * CJK character and a digit, so the reader cannot tell them apart (seed 004; the glued form's
 * residue then differs). Its cells are compared, not its wording: the PDF never flags a cell the
 * text form does not.
 */
const WHITESPACE_RULE = 'CELL-EXTRA-TEXT';

const key = (f: Finding) => [f.rule, f.severity, f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : '-', f.written, f.computed, f.message].join(' | ');
const keys = (r: CheckResult) => r.findings.filter((f) => !TYPING_RULES.has(f.rule) && f.rule !== WHITESPACE_RULE).map(key).sort();
const whitespaceCells = (r: CheckResult) => r.findings.filter((f) => f.rule === WHITESPACE_RULE).map((f) => `${f.cell?.table}.${f.cell?.row}.${f.cell?.col}`);
const bytes = (file: string) => new Uint8Array(readFileSync(file));
/**
 * Each PDF is read once (reading is most of this file's time): its check serves every test of it,
 * and the draft is written from the model that check parsed.
 */
const pdfChecks = new Map<string, Promise<CheckResult>>();
const checkPdf = (path: string, fileName: string): Promise<CheckResult> => {
  let r = pdfChecks.get(path);
  if (!r) pdfChecks.set(path, (r = checkAsync(bytes(path), { fileName })));
  return r;
};

for (const seed of SEEDS) {
  const n = seed.slice(0, 3);
  const text = check(readFileSync(`${FIXTURES}seeds/${seed}`, 'utf8'), { fileName: seed });

  test(`seed ${n}: its PDF form gives the findings of its text, at pages and boxes`, async () => {
    const pdf = await checkPdf(`${FIXTURES}forms/${n}.pdf`, `${n}.pdf`);
    assert.equal(pdf.report.source, 'pdf');
    assert.deepEqual(Object.values(pdf.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
    assert.deepEqual(keys(pdf), keys(text));
    const flagged = new Set(whitespaceCells(text));
    for (const cell of whitespaceCells(pdf)) assert.ok(flagged.has(cell), `${cell} is flagged in the text form too`);
    // A label written again in a value cell ("行政处罚｜行政处罚 0", seed 004) is that cell's text
    // once, whether the PDF kept the space before the digit or not.
    const residues = (r: CheckResult) => r.findings.filter((f) => f.rule === WHITESPACE_RULE && f.cell?.table === 'T2').map((f) => f.message);
    if (n === '004') assert.deepEqual(residues(pdf), residues(text));
    for (const f of pdf.findings) {
      if (!f.location) continue;
      assert.equal(f.location.kind, 'pdf', `${f.rule} has a PDF location`);
      if (f.location.kind !== 'pdf') continue;
      assert.ok(f.location.page >= 1 && f.location.page <= 6);
      const [x0, y0, x1, y1] = f.location.box;
      assert.ok(x0 <= x1 && y0 <= y1 && x1 <= 600 && y1 <= 850, `${f.rule}: a box on an A4 page`);
    }
  });

  test(`seed ${n}: the Markdown draft imported from its PDF gives the same findings`, async () => {
    const draft = toMarkdownDraft((await checkPdf(`${FIXTURES}forms/${n}.pdf`, `${n}.pdf`)).parsed);
    const fromDraft = check(draft, { fileName: `${n}.md` });
    assert.deepEqual(keys(fromDraft), keys(text));
    assert.equal(toMarkdownDraft(parseReport(draft, { fileName: `${n}.md` })), draft);
  });
}

/**
 * Borderless tables: seeds' Word forms with every border removed (scripts/fixtures/pdf.ts), so their
 * tables are rebuilt from the alignment of the text alone — wrapped labels, headers broken over
 * lines, merged cells, tables continued on the next page (002: T2 and T3; 000: T4's header on one
 * page, its numbers on the next; centred-002: every cell centred vertically, so a merged label stands
 * between its sub-items' lines). All bind, with the text form's findings; so does the draft.
 */
for (const [file, seed] of [['borderless-000.pdf', '000'], ['borderless-002.pdf', '002'], ['borderless-004.pdf', '004'], ['borderless-centred-002.pdf', '002']] as const) {
  test(`${file}: tables without ruling lines bind and give the findings of the text form`, async () => {
    const text = check(readFileSync(`${FIXTURES}seeds/${SEEDS.find((s) => s.startsWith(seed))}`, 'utf8'), { fileName: `${seed}.txt` });
    const pdf = await checkPdf(`${FIXTURES}pdf/${file}`, file);
    assert.deepEqual(Object.values(pdf.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
    assert.deepEqual(keys(pdf), keys(text));
    const flagged = new Set(whitespaceCells(text));
    for (const cell of whitespaceCells(pdf)) assert.ok(flagged.has(cell), `${cell} is flagged in the text form too`);
    const draft = toMarkdownDraft(pdf.parsed);
    assert.deepEqual(keys(check(draft, { fileName: `${seed}.md` })), keys(text), 'the Markdown draft imported from it');
  });
}

/**
 * Six-page reports: seeds' Word forms laid out as official documents are (GB/T 9704: 三号 body on
 * 28 pt lines, "— 3 —" page numbers; scripts/fixtures/pdf.ts), the size of most published reports.
 * Their 15-column 表四 has borders LibreOffice draws in pieces a tenth of a point apart (a cell's
 * border at 227.0, the next row's at 227.1), which must be read as one border.
 */
for (const seed of ['000', '002', '003']) {
  const file = `official-${seed}.pdf`;
  test(`${file}: a six-page official-layout PDF binds and gives the findings of the text form`, async () => {
    const text = check(readFileSync(`${FIXTURES}seeds/${SEEDS.find((s) => s.startsWith(seed))}`, 'utf8'), { fileName: `${seed}.txt` });
    const pdf = await checkAsync(bytes(`${FIXTURES}pdf/${file}`), { fileName: file });
    assert.deepEqual(Object.values(pdf.report.tables).map((t) => t.status), ['bound', 'bound', 'bound']);
    assert.deepEqual(keys(pdf), keys(text));
    const flagged = new Set(whitespaceCells(text));
    for (const cell of whitespaceCells(pdf)) assert.ok(flagged.has(cell), `${cell} is flagged in the text form too`);
    assert.ok(pdf.findings.every((f) => f.location?.kind !== 'pdf' || f.location.page <= 6));
    assert.doesNotMatch(pdf.parsed.source.text, /—\s*\d+\s*—/, 'page numbers are dropped');
  });
}

/**
 * Real published PDFs, made by WPS (test/fixtures/README.md says where they come from): 洪泽区人民政府's
 * reports for 2023 and 2024, CID TrueType fonts, tables whose page break cuts a row's bottom border
 * (WPS draws it on the next page). What each report says was read from the PDF by hand (pdftotext
 * -layout gives the same): 表四's 行政复议 and 复议后起诉 totals written 0 beside results of 10 + 1 and
 * 5 (2023); 表三 in the 2019 trial format, its (六)其他处理 one row, and a row label missing two words
 * ("2.其他法律行政止公开"); in 2024 the text's 17 applications beside the table's 95.
 */
for (const [file, expected] of [
  ['hongze-2023-wps.pdf', ['STRUCT-ROW-MISSING', 'STRUCT-ROW-UNKNOWN', 'T4-SUM T4.post.tot 0 5', 'T4-SUM T4.rev.tot 0 11', 'TPL-GOV-EXTRAS', 'TPL-GOV-POINTS', 'TPL-VERSION']],
  ['hongze-2024-wps.pdf', ['STRUCT-ROW-MISSING', 'STRUCT-ROW-UNKNOWN', 'TEXT-NEW T3.new.tot 17 95', 'TPL-GOV-EXTRAS', 'TPL-GOV-POINTS', 'TPL-VERSION']],
] as const) {
  test(`${file}: a real WPS-made report reads as it is printed, cut rows and all`, async () => {
    const r = await checkAsync(bytes(`${FIXTURES}pdf/${file}`), { fileName: file });
    assert.deepEqual(Object.values(r.report.tables).map((t) => t.status), ['bound', 'partial', 'bound']);
    const found = r.findings.map((f) => [f.rule, ...(f.cell ? [`${f.cell.table}.${f.cell.row}.${f.cell.col}`, f.written, f.computed] : [])].join(' ')).sort();
    assert.deepEqual(found, [...expected]);
    // The row the page cut (its bottom border drawn on the next page) is a row of the table.
    assert.match(r.parsed.source.text, /\t2\.没有现成信息需要另行制作\t\d+(\t\d+){6}\n/);
    for (const f of r.findings.filter((x) => x.cell)) assert.equal(f.location?.kind, 'pdf', `${f.rule} has a PDF location`);
  });
}

test('a PDF finding names the page and the box of its cell, with the text shown there', async () => {
  const r = await checkPdf(`${FIXTURES}forms/002.pdf`, '002.pdf');
  const total = r.findings.find((f) => f.rule === 'T3-RESULT-TOTAL' && f.cell?.col === 'np')!;
  assert.equal(total.location?.kind, 'pdf');
  assert.ok(total.location?.kind === 'pdf');
  assert.equal(total.location.text, '8');
  // （七）总计 is on the third page of the 2019 form, in the 自然人 column (x ≈ 180–225 pt).
  assert.equal(total.location.page, 3);
  assert.ok(total.location.box[0] > 150 && total.location.box[2] < 260, JSON.stringify(total.location.box));
  assert.ok(r.findings.every((f) => f.fix === null && f.fixes.length === 0), 'nothing in a PDF is fixed as text');
});

const unreadable = async (data: Uint8Array, failure: string) => {
  const r = await checkAsync(data, { fileName: 'x.pdf' });
  assert.deepEqual(r.findings.map((f) => f.rule), ['FILE-UNREADABLE']);
  assert.equal(r.parsed.source.failure, failure);
  return r;
};

test('a scanned PDF (a page image, no text layer) gets the no-text-layer finding, never a clean report', async () => {
  const r = await unreadable(bytes(`${FIXTURES}pdf/scanned.pdf`), 'pdf-no-text');
  assert.match(r.findings[0].message, /无文字层（扫描件）/);
});

test('an encrypted PDF (a password to open it) is one finding', async () => {
  await unreadable(bytes(`${FIXTURES}pdf/encrypted.pdf`), 'pdf-encrypted');
});

test('a truncated or malformed PDF is one finding', async () => {
  const whole = bytes(`${FIXTURES}forms/002.pdf`);
  await unreadable(whole.subarray(0, whole.length >> 1), 'pdf-damaged');
  await unreadable(new TextEncoder().encode(`%PDF-1.7\n${'1 0 obj << /Type /Catalog '.repeat(50)}`), 'pdf-damaged');
});

test('a PDF over the page limit is one finding, found before any page is read', async () => {
  const doc = await readPdf(bytes(`${FIXTURES}forms/002.pdf`), { ...PDF_LIMITS, pages: 3 });
  assert.equal(doc.failure, 'pdf-too-large');
});

test('a small PDF whose page inflates to a million pieces of text is one finding, in bounded time', async () => {
  // 60 MB of FlateDecode'd text operators from a file of a few hundred KB (under the 64 MB file cap).
  const data = new Uint8Array(inflatingPdf(60 * 2 ** 20));
  assert.ok(data.length < 2 ** 20, `${data.length} bytes`);
  const c0 = process.cpuUsage();
  await unreadable(data, 'pdf-page-too-large');
  // Stopped at PDF_LIMITS.pageRuns pieces, long before the time limit: a few seconds of CPU (CPU
  // time, as wall time on a shared machine says little).
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  assert.ok(ms < PDF_LIMITS.millis / 6, `${ms} ms of CPU`);
});

test('a PDF whose Chinese font is not embedded (a predefined CMap) reads its text, from source and as bundled', async () => {
  const lines = ['二、主动公开政府信息情况', '本年新制作数量 12 件'];
  const data = unembeddedCjkPdf(lines);
  const doc = await readPdf(new Uint8Array(data));
  assert.equal(doc.failure, undefined, 'not a PDF without text');
  for (const l of lines) assert.ok(doc.text.replace(/\s/g, '').includes(l.replace(/\s/g, '')), l);
  // The built CLI reads the CMaps from its own bundle (source/pdf-cmaps.ts), nothing beside it.
  const dir = mkdtempSync(join(tmpdir(), 'govreport-cjk-'));
  try {
    writeFileSync(join(dir, 'cjk.pdf'), data);
    const out = spawnSync(process.execPath, [new URL('../../out/cli.cjs', import.meta.url).pathname, 'check', '--format', 'json', '--no-progress', 'cjk.pdf'], { cwd: dir, encoding: 'utf8' });
    const report = JSON.parse(out.stdout).reports[0];
    const unreadable = report.findings.filter((f: { rule: string }) => f.rule === 'FILE-UNREADABLE').map((f: { message: string }) => f.message);
    assert.doesNotMatch(unreadable.join(' '), /无文字层/, 'the bundled CLI reads its text too');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reading a PDF leaves the process its native built-ins (pdfjs brings core-js)', async () => {
  const push = Array.prototype.push;
  await readPdf(bytes(`${FIXTURES}forms/004.pdf`));
  assert.equal(Array.prototype.push, push);
  assert.match(Function.prototype.toString.call(Array.prototype.push), /\[native code\]/);
});

// ---------------------------------------------------------------------------------------------
// Page geometry

const run = (str: string, x: number, y: number, size = 10, w = str.length * size): TextRun => ({ str, x, y, w, size });
const page = (n: number, runs: TextRun[], rules: Rule[] = []): PageContent => ({ page: n, width: 595, height: 842, runs, rules });
const hline = (y: number, x0: number, x1: number): Rule => ({ x0, y0: y, x1, y1: y });
const vline = (x: number, y0: number, y1: number): Rule => ({ x0: x, y0, x1: x, y1 });

test('runs on one baseline are one line: digits in another font a little higher, CJK never spaced, Latin words spaced', () => {
  const blocks = layOutPages([page(1, [
    run('共受理', 100, 700), run('2024', 132, 701.5, 10, 22), run('年', 158, 700), run('申请', 170, 700),
    // Indented: a paragraph of its own.
    run('GovReport', 120, 680, 10, 45), run('checks', 170, 680, 10, 30),
  ])]);
  assert.deepEqual(blocks.map((b) => b.text), ['共受理2024年申请', 'GovReport checks']);
});

test('page numbers and running headers are not the report; a paragraph goes on across the page break', () => {
  const body = (n: number, last: string): TextRun[] => [
    run('某某区人民政府办公室', 200, 800, 9),
    run('一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十', 72, 700),
    run(last, 72, 686),
    run(`- ${n} -`, 280, 40, 9, 20),
  ];
  const pages = [1, 2, 3].map((n) => page(n, body(n, n === 2 ? '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十' : '完。')));
  const blocks = layOutPages(pages);
  const text = blocks.map((b) => b.text).join('\n');
  assert.ok(!text.includes('某某区人民政府办公室'), 'running header');
  assert.ok(!/- \d -/.test(text), 'page numbers');
  // Page 1's paragraph ends on its page; page 2's ends on a full line, so it goes on at the top of page 3.
  assert.equal(blocks.length, 2);
  assert.ok(blocks[0].text.endsWith('完。'));
  assert.equal(blocks[1].page, 2);
  assert.ok(blocks[1].text.endsWith('十一二三四五六七八九十一二三四五六七八九十完。'), blocks[1].text);
});

test('ruled cells: a header broken one character per line reads as its label, merged cells span, covered slots are marked', () => {
  // Three columns, three rows; the first column's cell spans rows 2–3 and holds 结/果/维/持 one per line.
  const xs = [72, 120, 200, 280];
  const rules: Rule[] = [
    hline(700, 72, 280), hline(680, 120, 280), hline(660, 72, 280), hline(640, 72, 280),
    ...xs.map((x) => vline(x, 640, 700)),
  ];
  // The header row: 结果维持 spans the first column's rows 1–2 (no rule at y=680 under it).
  const runs = [
    run('结', 90, 690, 8), run('果', 90, 682, 8), run('维', 90, 674, 8), run('持', 90, 666, 8),
    run('自然人', 130, 688, 8), run('总计', 210, 688, 8),
    run('3', 150, 668, 8), run('5', 230, 668, 8),
    run('合计', 80, 648, 8), run('3', 150, 648, 8), run('5', 230, 648, 8),
  ];
  const blocks = layOutPages([page(1, runs, rules)]);
  const rows = blocks.filter((b) => b.kind === 'row');
  assert.deepEqual(rows.map((r) => r.text), ['结果维持\t自然人\t总计', '\t3\t5', '合计\t3\t5']);
  const first = rows[0].slots![0].cell;
  assert.equal(first.rowSpan, 2);
  assert.equal(rows[1].slots![0].cell.covered, 'above');
});

test('a table continued on the next page is one table; header rows it repeats are dropped', () => {
  const table = (n: number, labels: string[]): PageContent => {
    const rules: Rule[] = [];
    const runs: TextRun[] = [];
    labels.forEach((label, i) => {
      const top = 780 - i * 20;
      rules.push(hline(top, 72, 300), hline(top - 20, 72, 300));
      runs.push(run(label, 80, top - 14, 9), run(String(i), 200, top - 14, 9));
    });
    rules.push(vline(72, 780 - labels.length * 20, 780), vline(180, 780 - labels.length * 20, 780), vline(300, 780 - labels.length * 20, 780));
    return page(n, runs, rules);
  };
  const blocks = layOutPages([table(1, ['项目', '甲', '乙']), table(2, ['项目', '丙'])]);
  const rows = blocks.filter((b) => b.kind === 'row');
  assert.deepEqual(rows.map((r) => r.text), ['项目\t0', '甲\t1', '乙\t2', '丙\t1']);
  assert.equal(new Set(rows.map((r) => r.grid)).size, 1);
  assert.deepEqual(rows.map((r) => r.page), [1, 1, 1, 2]);
});

// The same, made here and now rather than committed: each seed's Word form exported to PDF by
// LibreOffice headless with a CJK font, as .ci/run installs them from Debian (libreoffice-writer-nogui,
// fonts-noto-cjk). Locally without LibreOffice the test is skipped; under CI it runs and fails.
const HAS_SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
test('each seed\'s Word form exported by LibreOffice here gives the findings of its text', {
  skip: HAS_SOFFICE || process.env.CI ? false : 'LibreOffice not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk)',
  timeout: 180_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-lo-'));
  try {
    const docs = SEEDS.map((s) => `${FIXTURES}forms/${s.slice(0, 3)}.docx`);
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...docs], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(r.status, 0, `soffice: ${r.error?.message ?? r.stderr}`);
    for (const seed of SEEDS) {
      const n = seed.slice(0, 3);
      const text = check(readFileSync(`${FIXTURES}seeds/${seed}`, 'utf8'), { fileName: seed });
      const pdf = await checkAsync(bytes(join(dir, `${n}.pdf`)), { fileName: `${n}.pdf` });
      assert.equal(pdf.report.source, 'pdf', n);
      assert.deepEqual(Object.values(pdf.report.tables).map((t) => t.status), ['bound', 'bound', 'bound'], n);
      assert.deepEqual(keys(pdf), keys(text), n);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
