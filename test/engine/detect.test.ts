// nothingOfAReport (engine/detect.ts), the engine's judgement behind FILE-NOT-A-REPORT: a table
// found but not read at all is no evidence of a report on its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { check, nothingOfAReport } from '../../engine/index.ts';
import { loadSeeds } from '../helpers/seeds.ts';

const ROOT = join(import.meta.dirname, '..', '..');

test('a rule page whose bold summary reads like a 表三 caption is nothing of a report', () => {
  // "**表三勾稽关系：第一项加第二项之和，…**" is taken for 表三's caption, and the table under it
  // cannot be read: the CLI gave the page eight structural errors instead of FILE-NOT-A-REPORT.
  for (const page of ['docs/rules/T3-BALANCE.md', 'docs/rules/en/T3-BALANCE.md']) {
    const r = check(readFileSync(join(ROOT, page), 'utf8'), { fileName: 'T3-BALANCE.md' });
    assert.ok(Object.values(r.report.tables).every((t) => t.status === 'missing' || t.status === 'unparseable'), page);
    assert.equal(nothingOfAReport(r.report), true, page);
  }
});

test('a 表三 found but not read at all, with nothing else of a report around it, is no evidence of one', () => {
  // The glued kind's 表三 (numbers run together) cut out alone: its caption is found, its rows are not read.
  for (const f of ['glued.L1.txt', 'glued.L4.txt', 'glued.L6.txt']) {
    const text = readFileSync(join(ROOT, 'test/fixtures/kinds', f), 'utf8');
    const t3 = check(text, { fileName: f }).report.tables.T3;
    const alone = check(text.slice(text.lastIndexOf('\n', t3.range.start) + 1, t3.range.end), { fileName: f }).report;
    assert.equal(alone.tables.T3.status, 'unparseable', `${f}: the cut-out 表三 is found and not read`);
    assert.equal(nothingOfAReport(alone), true, f);
  }
});

test('a report is never nothing of a report: each seed, and a seed cut down to its 表三 alone', () => {
  for (const s of loadSeeds()) {
    const r = check(s.text, { fileName: s.name });
    assert.equal(nothingOfAReport(r.report), false, s.name);
    const t3 = r.report.tables.T3;
    const alone = check(s.text.slice(s.text.lastIndexOf('\n', t3.range.start) + 1, t3.range.end), { fileName: s.name });
    if (alone.report.tables.T3.status === 'bound') assert.equal(nothingOfAReport(alone.report), false, `${s.name}: 表三 alone`);
  }
});
