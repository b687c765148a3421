// TEXT-REGDOCS (2021): 制发/废止/现行有效 规范性文件 against table 2 行政规范性文件.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findings, replaceLine } from '../harness.ts';
import { assertRange, columnOf, edit, SEED } from './text-helpers.ts';

const RULE = 'TEXT-REGDOCS';

describe('TEXT-REGDOCS', () => {
  it('seed 000 line 10: 制发 4, 废止 0, 现行有效 63 agree with table 2', () => {
    assert.deepEqual(findings(SEED[0], RULE), []);
  });

  it('"制发规范性文件5件" against 4: range on the digit, cell t2.norm.made', () => {
    const text = edit(0, 10, '制发规范性文件4件', '制发规范性文件5件');
    const fs = findings(text, RULE);
    assert.equal(fs.length, 1);
    const f = fs[0];
    assert.equal(f.message, '正文称制发规范性文件 5 件，但表二行政规范性文件·本年制发件数为 4');
    assertRange(text, f, 10, '5', columnOf(text, 10, '制发规范性文件5件', 7));
    assert.equal(f.written, 5);
    assert.equal(f.computed, 4);
    assert.deepEqual(f.cell, { table: 'T2', row: 'norm', col: 'made' });
    const [en] = findings(text, RULE, { lang: 'en' });
    assert.equal(en.message, 'The text says 5 normative documents made, but table 2 says 4');
  });

  it('废止 and 现行有效 read their own columns', () => {
    const text = edit(0, 10, '现行有效规范性文件63件', '现行有效规范性文件六十件');
    const [f] = findings(text, RULE);
    assert.equal(f.message, '正文称现行有效规范性文件 60 件，但表二行政规范性文件·现行有效件数为 63');
    assert.equal(text.slice(f.range.start, f.range.end), '六十');
    const [r] = findings(edit(0, 10, '废止规范性文件0件', '废止规范性文件2件'), RULE, { lang: 'en' });
    assert.equal(r.message, 'The text says 2 normative documents repealed, but table 2 says 0');
  });

  it('a gap is allowed: "制发行政规范性文件共4件"', () => {
    assert.deepEqual(findings(edit(0, 10, '制发规范性文件4件', '制发行政规范性文件共4件'), RULE), []);
    assert.equal(findings(edit(0, 10, '制发规范性文件4件', '制发行政规范性文件共3件'), RULE).length, 1);
  });

  it('2019 reports are not checked (table 2 has no 制发/废止/现行有效 columns)', () => {
    assert.deepEqual(findings(replaceLine(SEED[2], 6, '本年度制发规范性文件3件。'), RULE), []);
  });
});
