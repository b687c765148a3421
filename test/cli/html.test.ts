// --format html opened in headless Chromium: the highlighted grid cells are exactly the cells with
// findings, the computed value is shown, the summary sorts by errors, and all text is escaped.
// Skips when Chromium is absent, except under CI (process.env.CI), where it fails instead.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { runCli, runJson, seedText, tempDir } from './helpers.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = process.env.GOVREPORT_ARTIFACTS || '/tmp/govreport-artifacts';
const haveChromium = existsSync(CHROMIUM);

test('HTML report: highlighted cells are exactly the cells with findings', { skip: !haveChromium && !process.env.CI ? `no Chromium at ${CHROMIUM}` : false }, async (t) => {
  assert.ok(haveChromium, `Chromium is required under CI (looked for ${CHROMIUM}; apt-get install -y chromium)`);
  const dir = tempDir(t);
  const evil = '<img src=x onerror="document.title=1">.txt';
  writeFileSync(join(dir, '002.txt'), seedText('002'));
  writeFileSync(join(dir, '000.txt'), seedText('000'));
  writeFileSync(join(dir, '004.md'), seedText('004'));
  writeFileSync(join(dir, evil), seedText('001'));
  // outside the folder checked: a directory walk takes .html pages as reports
  const html = join(tempDir(t), 'report.html');
  const run = runCli(['check', '--format', 'html', '--output', html, '--no-progress', dir], { cwd: dir });
  assert.equal(run.code, 1, run.stderr);
  const source = readFileSync(html, 'utf8');
  assert.ok(!source.includes('<img'), 'file names are escaped');
  assert.ok(!/<(link|script) [^>]*src=/.test(source), 'self-contained: no external resources');
  const { json } = runJson([dir], { cwd: dir });

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(pathToFileURL(html).href);
  assert.equal(await page.title(), '政府信息公开工作年度报告检查结果');

  for (const report of json.reports) {
    const expected = new Set<string>(report.findings
      .filter((f: any) => f.cell && (f.cell.table === 'T3' || f.cell.table === 'T4'))
      .map((f: any) => `${f.cell.table.toLowerCase()}.${f.cell.row}.${f.cell.col}`));
    const section = page.locator(`section.report[data-path="${report.path.replace(/"/g, '\\"')}"]`);
    assert.equal(await section.count(), 1, report.path);
    const highlighted = new Set(await section.locator('table.grid td.hl').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.cell!)));
    assert.deepEqual([...highlighted].sort(), [...expected].sort(), report.path);
  }

  // Seed 002 by hand (docs/spec/seeds.md): the (7) total cells of T3 and the post-review total of T4.
  const s002 = page.locator('section.report[data-path="002.txt"]');
  const hl002 = await s002.locator('td.hl').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.cell));
  for (const cell of ['t3.r7.np', 't3.r7.law', 't3.r7.tot', 't4.post.tot']) assert.ok(hl002.includes(cell), cell);
  assert.equal((await s002.locator('td[data-cell="t3.r7.np"]').textContent())?.trim(), '8 → 4');
  assert.equal((await s002.locator('td[data-cell="t3.new.np"]').textContent())?.trim(), '4');
  assert.equal(await s002.locator('td[data-cell="t3.new.np"].hl').count(), 0);
  // grid labels come from the template
  assert.ok((await s002.locator('table.grid[data-table="T3"] th').allTextContents()).includes('（七）总计'));
  assert.equal(await s002.locator('table.grid[data-table="T3"] tbody tr').count(), 23); // 2019 template rows
  assert.equal(await s002.locator('table.grid[data-table="T4"] tbody tr').count(), 3);

  // Sorting the summary by errors puts 002 first, then reverses.
  const firstPath = async () => (await page.locator('#summary tbody tr:first-child td:first-child').textContent())?.trim();
  await page.click('#sort-errors');
  assert.equal(await firstPath(), '002.txt');
  await page.click('#sort-errors');
  const errorsCol = await page.locator('#summary tbody td.errors').allTextContents();
  assert.deepEqual(errorsCol.map(Number), [...errorsCol.map(Number)].sort((a, b) => a - b));
  assert.ok(await page.locator(`text=${evil}`).count() > 0, 'the escaped file name shows as text');

  mkdirSync(ARTIFACTS, { recursive: true });
  await s002.locator('td[data-cell="t3.r7.np"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: false });
  assert.ok(existsSync(join(ARTIFACTS, 'report.png')));
});
