// Every rule page's examples run: a failing example makes its rule report exactly the messages the
// page shows (Chinese on the Chinese page, English on the English one); a passing example, embedded
// in the clean skeleton, gets no finding at all; "off" in the configuration silences a failing
// example exactly when the page says it can. Engine rules run through check(); the notices a host
// raises (a whole file, a URL, a fix, a configuration, a pair of years) through the CLI that
// raises them, set up as docs/rules/src/README.md says.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, parseReport, type Lang } from '../../engine/index.ts';
import type { Emission } from '../../engine/rules/api.ts';
import { catalogue, type Documented } from '../../scripts/rule-docs/catalogue.ts';
import { embed, skeleton, SKELETON_DIR } from '../../scripts/rule-docs/embed.ts';
import { readSources } from '../../scripts/rule-docs/pages.ts';
import { NO_RUN_SETTINGS, type Example } from '../../scripts/rule-docs/source.ts';
import { CLI, ensureBuilt } from '../cli/helpers.ts';

const sources = readSources();
const all = catalogue();
const LANGS: Lang[] = ['zh', 'en'];

/** What the engine reports on an example: every finding's rule and message. */
function engineFindings(ex: Example, lang: Lang): { rule: string; message: string }[] {
  const e = embed(ex);
  return check(e.text, { fileName: e.fileName, lang }).findings;
}

/** The CLI as a child process, asynchronously: a URL example's server lives in this process. */
function runCliAsync(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  ensureBuilt();
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Serves one file at http://127.0.0.1:<port>/<name> with the status given, and nothing else. */
async function serve(name: string, status: number, body: string | Buffer, type: string): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const found = req.url === `/${encodeURIComponent(name)}` || req.url === `/${name}`;
    res.writeHead(found ? status : 404, { 'content-type': type });
    res.end(found ? body : 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

/** The folder an example's messages show for its temporary one (docs/rules/src/README.md). */
const SHOWN_ROOT = '/data';

/**
 * What the CLI reports on an example, set up as docs/rules/src/README.md says: the report saved as
 * reports/<year>.md (or .txt) in a fresh folder and checked by that name from reports/, last year's
 * report beside it as <year − 1>.md for a cross-year notice, the configuration it gives in reports/
 * (or in the folder above), and the example's command-line settings (--fix, read-only, by URL, a
 * simulated internal failure). `extraConfig` is merged into the example's configuration.
 */
async function cliFindings(d: Documented, ex: Example, lang: Lang, extraConfig?: Record<string, string>): Promise<{ rule: string; message: string }[]> {
  const e = embed(ex);
  const ext = e.fileName.slice(e.fileName.lastIndexOf('.'));
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'govreport-docs-')));
  const dir = join(root, 'reports');
  mkdirSync(dir);
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    const name = `${ex.year}${ext}`;
    const file = join(dir, name);
    writeFileSync(file, e.bytes ?? e.text);
    if (ex.run.readonly) chmodSync(file, 0o444);
    const config = e.config === undefined && !extraConfig ? undefined : withRules(e.config, extraConfig);
    if (config !== undefined) writeFileSync(join(ex.run.configAbove ? root : dir, '.govreportrc.json'), config);
    const operands = [name];
    if (d.notice?.scope === 'xyear') {
      operands.push(`${ex.year - 1}${ext}`);
      writeFileSync(join(dir, operands[1]), e.prev.text);
    }
    if (ex.run.url) {
      server = await serve(name, ex.run.url.status, e.bytes ?? e.text, ext === '.md' ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8');
      operands[0] = `${server.base}/${name}`;
    }
    const args = ['check', '--format', 'json', '--no-progress', '--lang', lang, '--jobs', '1', ...(ex.run.fix ? ['--fix'] : []), ...operands];
    const env = ex.run.fault ? { GOVREPORT_FAULT: `analyze:${name}` } : {};
    const r = await runCliAsync(args, dir, env);
    let json: { reports: { path: string; findings: { rule: string; message: string }[] }[] };
    try {
      json = JSON.parse(r.stdout);
    } catch {
      throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 500)}\n${r.stderr}`);
    }
    const report = json.reports.find((x) => x.path === operands[0]);
    assert.ok(report, `no report for ${operands[0]} in ${json.reports.map((x) => x.path).join(', ')}`);
    return report.findings.map((f) => ({ ...f, message: f.message.split(root).join(SHOWN_ROOT) }));
  } finally {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  }
}

/** A configuration's text with more rule levels merged in (the example's own config, if any, first). */
function withRules(config: string | undefined, rules: Record<string, string> | undefined): string {
  if (!rules) return config!;
  const value = config === undefined ? {} : JSON.parse(config);
  return JSON.stringify({ ...value, rules: { ...value.rules, ...rules } });
}

const findingsOf = async (d: Documented, ex: Example, lang: Lang) => (d.notice ? cliFindings(d, ex, lang) : engineFindings(ex, lang));

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
  it('this year’s and last year’s side by side raise no cross-year notice', async () => {
    const plain = { year: 2022, blocks: [], run: NO_RUN_SETTINGS, messages: { zh: [], en: [] } };
    for (const d of all.filter((x) => x.notice?.scope === 'xyear').slice(0, 1)) assert.deepEqual(await cliFindings(d, plain, 'zh'), []);
  });
});

for (const d of all) {
  const src = sources.get(d.rule.id);
  describe(`${d.rule.id}: the examples on its pages`, () => {
    it('has a documentation source', () => assert.ok(src, `docs/rules/src/${d.rule.id}.md`));
    if (!src) return;
    if (!d.notice) {
      it('runs its examples as reports, with no command-line setting (those are for host notices)', () => {
        for (const ex of [...src.failing, ...src.passing]) assert.deepEqual(ex.run, NO_RUN_SETTINGS);
      });
    }
    src.failing.forEach((ex, i) => {
      for (const lang of LANGS) {
        it(`failing example ${i + 1} reports the ${lang} messages the page shows`, async () => {
          const got = (await findingsOf(d, ex, lang)).filter((f) => f.rule === d.rule.id).map((f) => f.message);
          assert.deepEqual(got, ex.messages[lang]);
        });
      }
    });
    src.passing.forEach((ex, i) => {
      it(`passing example ${i + 1} gets no finding at all`, async () => {
        assert.deepEqual((await findingsOf(d, ex, 'zh')).map((f) => `${f.rule}: ${f.message}`), []);
      });
    });
    // The page's "turning it off" section: a notice the configuration can turn off goes with
    // "off", one that cannot stays (and so does a rule's, which every page says can be turned off).
    const configurable = d.notice ? d.notice.configurable : true;
    it(`${configurable ? 'is' : 'is not'} turned off by "off" in .govreportrc.json, as the page says`, async () => {
      const ex = src.failing[0];
      const off = { [d.rule.id]: 'off' };
      const got = d.notice
        ? await cliFindings(d, ex, 'zh', off)
        : (() => {
          const e = embed(ex);
          return check(e.text, { fileName: e.fileName, config: JSON.parse(withRules(e.config, off)) }).findings;
        })();
      assert.equal(got.some((f) => f.rule === d.rule.id), !configurable);
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
        const { report, index, structure, prose } = parseReport(text, { fileName });
        const out: Emission[] = [];
        d.rule.check({ text, report, index, structure, prose, emit: (e) => out.push(e) });
        for (const f of out.flatMap((e) => e.fixes ?? [])) {
          assert.ok(d.rule.fixes?.[f.title], `${d.rule.id} offers the fix "${f.title}", which it does not declare`);
        }
      }
    });
  }
});
