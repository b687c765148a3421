// Cross-year checks in one run (docs/spec/rules.md §8): a pair built from a seed (year N and N+1 of the same
// agency, a carry value altered) gives XYEAR-CARRY on exactly the altered columns, attached to the
// later report; duplicate text/tables and the normative-document chain are found too.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { agencyKey, pairConsecutive } from '../../engine/xyear.ts';
import { runJson, seedText, tempDir } from './helpers.ts';

test('agency names are paired after NFKC, whitespace and parenthesised parts are removed', () => {
  assert.equal(agencyKey('烈山区人民政府办公室（区政府外事办公室）'), '烈山区人民政府办公室');
  assert.equal(agencyKey('开发区· 铁山区'), '开发区·铁山区');
  assert.equal(agencyKey('某县 人民政府(办公室)'), '某县人民政府');
  assert.equal(agencyKey(''), null);
  const pairs = pairConsecutive([
    { agencyKey: 'A', year: 2021 }, { agencyKey: 'A', year: 2022 }, { agencyKey: 'B', year: 2022 },
    { agencyKey: 'A', year: 2024 }, { agencyKey: null, year: 2023 }, { agencyKey: 'B', year: 2023 },
  ]);
  assert.deepEqual(pairs, [[0, 1], [2, 5]]);
});

/** Seed 000 as the report for `year`, its title without the parenthesised part. */
function seed000As(year: number, edit?: (lines: string[]) => void): string {
  const lines = seedText('000').split('\n');
  assert.match(lines[0], /^烈山区人民政府办公室（区政府外事办公室）2021年政府信息公开工作年度报告$/);
  lines[0] = `烈山区人民政府办公室${year}年政府信息公开工作年度报告`;
  lines[2] = lines[2].replaceAll('2021年', `${year}年`);
  edit?.(lines);
  return lines.join('\n');
}

test('a year N / N+1 pair: XYEAR-CARRY on the altered columns, duplicate text, valid chain', (t) => {
  const dir = tempDir(t);
  // Seed 000 (2021) carries nothing forward; its T3 carry row is np 1 … tot 1 (lines 94–100).
  writeFileSync(join(dir, '2021.txt'), seedText('000'));
  writeFileSync(join(dir, '2022.txt'), seed000As(2022, (l) => {
    assert.equal(l[93], '\t1');
    assert.equal(l[94], '\t0');
    l[93] = '\t0'; // np now agrees with last year's 0 carried forward
    l[94] = '\t2'; // biz does not
  }));
  writeFileSync(join(dir, '2024.txt'), seed000As(2024)); // no 2023 report: no pair
  writeFileSync(join(dir, 'other-2022.txt'), seedText('002')); // another agency
  const { json } = runJson([dir]);
  const by = (name: string) => json.reports.find((r: any) => r.path.endsWith(name));
  const xyear = (name: string) => by(name).findings.filter((f: any) => f.rule.startsWith('XYEAR-'));

  assert.deepEqual(xyear('2021.txt'), []);
  assert.deepEqual(xyear('2024.txt'), []);
  assert.deepEqual(xyear('other-2022.txt'), []);

  const carry = xyear('2022.txt').filter((f: any) => f.rule === 'XYEAR-CARRY');
  assert.deepEqual(carry.map((f: any) => [f.cell.col, f.written, f.computed, f.range.start.line, f.severity]), [
    ['biz', 2, 0, 94, 'warning'],
    ['tot', 1, 0, 99, 'warning'],
  ]);
  assert.match(carry[0].message, /^上年结转·商业企业 为 2，但上一年度报告结转下年度·商业企业 为 0/);
  assert.match(carry[0].message, /2021\.txt/);

  const rules = xyear('2022.txt').map((f: any) => f.rule);
  assert.ok(rules.includes('XYEAR-DUPLICATE-TEXT'), rules.join());
  assert.ok(!rules.includes('XYEAR-DUPLICATE-TABLES'), 'tables differ (carry row)');
  const chain = xyear('2022.txt').find((f: any) => f.rule === 'XYEAR-VALID-CHAIN');
  assert.ok(chain);
  assert.match(chain.message, /^行政规范性文件现行有效 63 与上年 63 \+ 本年制发 4 − 本年废止 0 = 67 不符/);
  assert.deepEqual(chain.cell, { table: 'T2', row: 'norm', col: 'valid' });

  const en = runJson(['--lang', 'en', join(dir, '2021.txt'), join(dir, '2022.txt')]).json;
  const enCarry = en.reports[1].findings.find((f: any) => f.rule === 'XYEAR-CARRY');
  assert.match(enCarry.message, /^Carried over · Commercial enterprises is 2, but last year’s report carried 0 forward/);

  // Findings and digests spilled to the temporary file from the first report on: the same output.
  assert.deepEqual(runJson([dir], { env: { GOVREPORT_SPILL_AFTER_MB: '0' } }).json, json);
  const quiet = runJson(['--quiet', dir]).json;
  assert.deepEqual(runJson(['--quiet', dir], { env: { GOVREPORT_SPILL_AFTER_MB: '0' } }).json, quiet);
  assert.ok(quiet.reports.flatMap((r: any) => r.findings).every((f: any) => f.severity === 'error'));

  // checked alone, the later report has no cross-year finding
  assert.ok(!runJson([join(dir, '2022.txt')]).json.reports[0].findings.some((f: any) => f.rule.startsWith('XYEAR-')));
});

test('identical tables a year apart: XYEAR-DUPLICATE-TABLES; config can switch XYEAR rules off', (t) => {
  const dir = tempDir(t);
  const seed = seedText('003');
  writeFileSync(join(dir, 'a-2023.md'), seed);
  writeFileSync(join(dir, 'b-2024.md'), seed.replace('2023 年政府信息公开', '2024 年政府信息公开'));
  const { json } = runJson([dir]);
  const later = json.reports.find((r: any) => r.path.endsWith('b-2024.md'));
  assert.equal(later.year, 2024);
  const rules = later.findings.map((f: any) => f.rule);
  assert.ok(rules.includes('XYEAR-DUPLICATE-TABLES'), rules.join());
  assert.ok(rules.includes('XYEAR-DUPLICATE-TEXT'), rules.join());
  // 003 carries 8 forward (np and tot); the copy's carry row is 0 there
  const carry = later.findings.filter((f: any) => f.rule === 'XYEAR-CARRY').map((f: any) => f.cell.col);
  assert.deepEqual(carry, ['np', 'tot']);

  writeFileSync(join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'XYEAR-DUPLICATE-TABLES': 'off', 'XYEAR-CARRY': 'error' } }));
  const configured = runJson([dir]);
  const f2 = configured.json.reports.find((r: any) => r.path.endsWith('b-2024.md')).findings;
  assert.ok(!f2.some((f: any) => f.rule === 'XYEAR-DUPLICATE-TABLES'));
  assert.ok(f2.filter((f: any) => f.rule === 'XYEAR-CARRY').every((f: any) => f.severity === 'error'));
  assert.equal(configured.code, 1);
});

test('compareYears: rewritten prose is no duplicate; an unchanged copy is; numbers only differ → still duplicate', async () => {
  const { check } = await import('../../engine/index.ts');
  const { xyearDigest, compareYears } = await import('../../engine/xyear.ts');
  const digest = (text: string) => {
    const r = check(text, { fileName: 'x.txt' });
    return xyearDigest(text, r.parsed);
  };
  const last = seedText('000');
  const prev = digest(last);
  const rules = (text: string) => compareYears(prev, digest(text)).map((f) => f.rule);
  // the same text with only the numbers changed is still a copy (digits are ignored)
  assert.ok(rules(last.replace(/2021年/g, '2022年').replace(/新收到7件/, '新收到9件')).includes('XYEAR-DUPLICATE-TEXT'));
  // every prose sentence of s1, s5 and s6 rewritten: not a duplicate
  const lines = last.split('\n');
  const rewritten = lines.map((l, i) => (i > 3 && i < 14) || i > 408 ? (l.trim() && !/^[一二三四五六]、/.test(l.trim()) ? `本年度第${i}行的内容已经完全重新撰写，与上一年度的表述不同。` : l) : l).join('\n');
  const r = rules(rewritten);
  assert.ok(!r.includes('XYEAR-DUPLICATE-TEXT'), r.join());
});

test('the tables hash is the cells\' content whatever their order; one value more or less changes it', async () => {
  const { check } = await import('../../engine/index.ts');
  const { xyearDigest } = await import('../../engine/xyear.ts');
  const text = seedText('000');
  const parsed = check(text, { fileName: 'x.txt' }).parsed;
  const before = xyearDigest(text, parsed, false);
  const t3 = parsed.report.tables.T3;
  const cells = [...t3.cells];
  t3.cells = new Map(cells.reverse());
  assert.equal(xyearDigest(text, parsed, false).tablesHash, before.tablesHash);
  const [id, cell] = cells.find(([, c]) => c.state === 'number')!;
  t3.cells.set(id, { ...cell, value: cell.value! + 1 });
  assert.notEqual(xyearDigest(text, parsed, false).tablesHash, before.tablesHash);
  assert.equal(before.sentences, false);
  assert.equal(before.allSentences.length, 0);
  assert.ok(xyearDigest(text, parsed).allSentences.length > 0);
});
