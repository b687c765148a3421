// Every rule page's examples run: a failing example makes its rule report exactly the messages the
// page shows (Chinese on the Chinese page, English on the English one); a passing example, embedded
// in the clean skeleton, gets no finding at all. Engine rules run through check(); the notices a
// host raises (a whole file, a configuration, a pair of years) through the CLI that raises them.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, parseReport, type Lang } from '../../engine/index.ts';
import type { Emission } from '../../engine/rules/api.ts';
import { catalogue, type Documented } from '../../scripts/rule-docs/catalogue.ts';
import { embed, skeleton, SKELETON_DIR } from '../../scripts/rule-docs/embed.ts';
import { readSources } from '../../scripts/rule-docs/pages.ts';
import type { Example } from '../../scripts/rule-docs/source.ts';
import { runJson } from '../cli/helpers.ts';

const sources = readSources();
const all = catalogue();
const LANGS: Lang[] = ['zh', 'en'];

/** What the engine reports on an example: every finding's rule and message. */
function engineFindings(ex: Example, lang: Lang): { rule: string; message: string }[] {
  const e = embed(ex);
  return check(e.text, { fileName: e.fileName, lang }).findings;
}

/**
 * What the CLI reports on an example written to a fresh folder as <year>.md (or .txt), with last
 * year's report beside it as <year − 1>.md for a cross-year notice, and the configuration it gives.
 */
function cliFindings(d: Documented, ex: Example, lang: Lang): { rule: string; message: string }[] {
  const e = embed(ex);
  const ext = e.fileName.slice(e.fileName.lastIndexOf('.'));
  const dir = mkdtempSync(join(tmpdir(), 'govreport-docs-'));
  try {
    const name = `${ex.year}${ext}`;
    writeFileSync(join(dir, name), e.bytes ?? e.text);
    if (e.config !== undefined) writeFileSync(join(dir, '.govreportrc.json'), e.config);
    const files = [name];
    if (d.notice === 'xyear') {
      files.push(`${ex.year - 1}${ext}`);
      writeFileSync(join(dir, files[1]), e.prev.text);
    }
    const { json } = runJson(['--lang', lang, '--jobs', '1', ...files], { cwd: dir });
    return json.reports.find((r: { path: string }) => r.path === name).findings;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const findingsOf = (d: Documented, ex: Example, lang: Lang) => (d.notice ? cliFindings(d, ex, lang) : engineFindings(ex, lang));

describe('the report skeletons examples are embedded in', () => {
  it('are the eight of docs/rules/src/README.md', () => {
    const names = ['2020', '2020-last-year', '2021', '2021-last-year'].flatMap((n) => [`${n}.md`, `${n}.txt`]);
    assert.deepEqual(readdirSync(SKELETON_DIR).sort(), names.sort());
  });
  for (const year of [2019, 2020, 2021, 2022, 2024]) {
    for (const layout of ['md', 'text'] as const) {
      for (const lastYear of [false, true]) {
        it(`a ${year} report (${layout}${lastYear ? ', last year’s wording' : ''}) has every table bound and no finding`, () => {
          const text = skeleton(year, layout, lastYear);
          const fileName = layout === 'md' ? 'report.md' : 'report.txt';
          const { report } = parseReport(text, { fileName });
          assert.equal(report.year, year);
          for (const t of ['T2', 'T3', 'T4'] as const) assert.equal(report.tables[t].status, 'bound', t);
          assert.deepEqual(check(text, { fileName }).findings.map((f) => `${f.rule}: ${f.message}`), []);
        });
      }
    }
  }
  it('this year’s and last year’s side by side raise no cross-year notice', () => {
    const plain = { year: 2022, blocks: [], messages: { zh: [], en: [] } };
    for (const d of all.filter((x) => x.notice === 'xyear').slice(0, 1)) assert.deepEqual(cliFindings(d, plain, 'zh'), []);
  });
});

for (const d of all) {
  const src = sources.get(d.rule.id);
  describe(`${d.rule.id}: the examples on its pages`, () => {
    it('has a documentation source', () => assert.ok(src, `docs/rules/src/${d.rule.id}.md`));
    if (!src) return;
    src.failing.forEach((ex, i) => {
      for (const lang of LANGS) {
        it(`failing example ${i + 1} reports the ${lang} messages the page shows`, () => {
          const got = findingsOf(d, ex, lang).filter((f) => f.rule === d.rule.id).map((f) => f.message);
          assert.deepEqual(got, ex.messages[lang]);
        });
      }
    });
    src.passing.forEach((ex, i) => {
      it(`passing example ${i + 1} gets no finding at all`, () => {
        assert.deepEqual(findingsOf(d, ex, 'zh').map((f) => `${f.rule}: ${f.message}`), []);
      });
    });
  });
}

// The fixes a page lists are the rule's declared ones: no emission on any example or seed offers a
// fix the rule does not declare (the pipeline would offer it as unsafe and the page would omit it).
describe('every fix a rule offers is declared on the rule', () => {
  const seeds = new URL('../fixtures/seeds/', import.meta.url);
  const texts = [
    ...[...sources.values()].flatMap((s) => [...s.failing, ...s.passing]).map((ex) => embed(ex)),
    ...readdirSync(seeds).filter((n) => n.endsWith('.txt')).map((n) => ({ text: readFileSync(new URL(n, seeds), 'utf8'), fileName: n })),
  ];
  for (const d of all.filter((x) => !x.notice)) {
    it(d.rule.id, () => {
      for (const { text, fileName } of texts) {
        const { report, index, structure } = parseReport(text, { fileName });
        const out: Emission[] = [];
        d.rule.check({ text, report, index, structure, emit: (e) => out.push(e) });
        for (const f of out.flatMap((e) => e.fixes ?? [])) {
          assert.ok(d.rule.fixes?.[f.title], `${d.rule.id} offers the fix "${f.title}", which it does not declare`);
        }
      }
    });
  }
});
