// The checker on what reviewers hold: saved web pages and Word documents, found by a directory walk
// and read by their content; their places in the JSON (source, location), SARIF and text outputs.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { ROOT, runCli, runJson, sarifValidator, tempDir } from './helpers.ts';

const FORMS = join(ROOT, 'test', 'fixtures', 'forms');
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'govreport-report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

test('a directory walk checks web pages and Word documents; the JSON names each source and places Word findings', (t) => {
  const dir = tempDir(t);
  for (const f of ['002.docx', '002.html', '001.docx']) copyFileSync(join(FORMS, f), join(dir, f));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'html', 'wgj-002.html'), join(dir, 'page.shtml'));
  writeFileSync(join(dir, 'notes.pdfx'), 'not a report');
  const { code, json } = runJson([dir]);
  assert.equal(code, 1);
  assert.equal(validate(json), true, JSON.stringify(validate.errors));
  assert.deepEqual(json.reports.map((r: any) => [r.path.replace(/.*\//, ''), r.source]), [['001.docx', 'docx'], ['002.docx', 'docx'], ['002.html', 'html'], ['page.shtml', 'html']]);
  const docx = json.reports.find((r: any) => r.path.endsWith('002.docx'));
  const total = docx.findings.find((f: any) => f.rule === 'T3-RESULT-TOTAL' && f.cell.col === 'np');
  assert.deepEqual(total.location, { kind: 'docx', table: 2, row: 25, cell: 3, text: '8' });
  assert.equal(total.fix, null);
  const page = json.reports.find((r: any) => r.path.endsWith('page.shtml'));
  const onPage = page.findings.find((f: any) => f.rule === 'T3-RESULT-TOTAL' && f.cell.col === 'np');
  assert.deepEqual(onPage.range.start, { line: 989, character: 41 }, 'line and column of the page itself');
  assert.equal(onPage.location, undefined);
});

test('a file is read by its content, not its name: a page saved as .txt, a Word document without an extension', (t) => {
  const dir = tempDir(t);
  copyFileSync(join(FORMS, '002.html'), join(dir, 'saved.txt'));
  copyFileSync(join(FORMS, '002.docx'), join(dir, 'report'));
  const { json } = runJson([join(dir, 'saved.txt'), join(dir, 'report')]);
  assert.deepEqual(json.reports.map((r: any) => r.source), ['docx', 'html']);
  assert.ok(json.reports.every((r: any) => r.tables.T3 === 'bound'));
});

test('Word 97–2003 and WPS files get one finding asking for .docx; the run goes on', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'old.doc'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
  copyFileSync(join(FORMS, '001.docx'), join(dir, 'new.docx'));
  const { code, json } = runJson([dir]);
  assert.equal(code, 1);
  const old = json.reports.find((r: any) => r.path.endsWith('old.doc'));
  assert.deepEqual(old.findings.map((f: any) => [f.rule, f.message]), [['FILE-UNREADABLE', '文件是 Word 97–2003（.doc）、WPS（.wps）或 RTF 格式，无法直接检查；请另存为 .docx 后再检查']]);
  assert.equal(json.summary.unreadable, 1);
  assert.equal(json.reports.find((r: any) => r.path.endsWith('new.docx')).tables.T3, 'bound');
});

test('text output names the place in a Word document; SARIF gives it as a logical location and stays valid', () => {
  const text = runCli(['check', '--no-progress', join(FORMS, '002.docx')]).stdout;
  assert.match(text, /002\.docx: error T3-RESULT-TOTAL （七）总计·自然人 为 8，但各项之和为 4（表格 2 第 25 行第 3 格）/);
  const en = runCli(['check', '--no-progress', '--lang', 'en', join(FORMS, '002.docx')]).stdout;
  assert.match(en, /\(table 2, row 25, cell 3\)/);
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--no-progress', join(FORMS, '002.docx')]).stdout);
  assert.equal(sarifValidator()(sarif), '');
  const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'T3-RESULT-TOTAL');
  assert.equal(result.locations[0].logicalLocations[0].fullyQualifiedName, 'table[2]/row[25]/cell[3]');
  assert.equal(result.locations[0].physicalLocation.region, undefined);
});

test('PDFs: a directory walk checks them; findings carry the page and box, in JSON, text and SARIF; a scan is unreadable, not clean', (t) => {
  const dir = tempDir(t);
  copyFileSync(join(FORMS, '002.pdf'), join(dir, '002.pdf'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'pdf', 'scanned.pdf'), join(dir, 'scan.PDF'));
  const { code, json } = runJson([dir]);
  assert.equal(code, 1);
  assert.equal(validate(json), true, JSON.stringify(validate.errors));
  assert.deepEqual(json.reports.map((r: any) => [r.path.replace(/.*\//, ''), r.source]), [['002.pdf', 'pdf'], ['scan.PDF', 'pdf']]);
  const pdf = json.reports.find((r: any) => r.path.endsWith('002.pdf'));
  assert.deepEqual(pdf.tables, { T2: 'bound', T3: 'bound', T4: 'bound' });
  const total = pdf.findings.find((f: any) => f.rule === 'T3-RESULT-TOTAL' && f.cell.col === 'np');
  assert.equal(total.location.kind, 'pdf');
  assert.equal(total.location.page, 3);
  assert.equal(total.location.text, '8');
  assert.equal(total.location.box.length, 4);
  const scan = json.reports.find((r: any) => r.path.endsWith('scan.PDF'));
  assert.deepEqual(scan.findings.map((f: any) => f.rule), ['FILE-UNREADABLE']);
  assert.match(scan.findings[0].message, /无文字层（扫描件）/);
  assert.equal(json.summary.unreadable, 1);
  const text = runCli(['check', '--no-progress', join(dir, '002.pdf')]).stdout;
  assert.match(text, /002\.pdf: error T3-RESULT-TOTAL （七）总计·自然人 为 8，但各项之和为 4（第 3 页）/);
  const sarif = JSON.parse(runCli(['check', '--format', 'sarif', '--no-progress', join(dir, '002.pdf')]).stdout);
  assert.equal(sarifValidator()(sarif), '');
});
