// Grammar, injection, language configuration and snippets.
// Run: node --import tsx --test test/grammar/grammar.test.ts
//
// The TextMate unit files next to this file are run with vscode-tmgrammar-test, which takes the
// grammars from package.json `contributes.grammars` (cwd = repository root). The Markdown base
// grammar (text.html.markdown) is not installed here, so the *.test.md files get the small stand-in
// markdown-stub.tmLanguage.json through `-g`; the injection grammar itself is the real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vscode-tmgrammar-test.cmd' : 'vscode-tmgrammar-test');
const markdownStub = join(here, 'markdown-stub.tmLanguage.json');

interface RunResult { code: number | null; output: string }

function tmGrammarTest(files: string[], grammars: string[] = []): RunResult {
  const args = [...grammars.flatMap((g) => ['-g', g]), ...files];
  const r = spawnSync(bin, args, { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' });
  if (r.error) throw r.error;
  return { code: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

const unitFiles = (ext: string) =>
  readdirSync(here).filter((f) => f.endsWith(`.test.${ext}`)).sort().map((f) => relative(root, join(here, f)));

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'govreport-grammar-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Unit files

test('source.govreport unit files pass', () => {
  const files = unitFiles('govreport');
  assert.ok(files.length >= 4, `expected the *.test.govreport files, found ${files.join(', ')}`);
  const r = tmGrammarTest(files);
  assert.equal(r.code, 0, r.output);
});

test('markdown.govreport.injection unit files pass (Markdown base grammar: local stub)', () => {
  const files = unitFiles('md');
  assert.ok(files.length >= 1, 'expected the *.test.md files');
  const r = tmGrammarTest(files, [markdownStub]);
  assert.equal(r.code, 0, r.output);
});

test('the runner fails on a wrong assertion', () => {
  withTempDir((dir) => {
    const wrong = join(dir, 'wrong.test.govreport');
    writeFileSync(wrong, [
      '// SYNTAX TEST "source.govreport" "deliberately wrong assertions"',
      '一、总体情况',
      '// <------ constant.numeric.cell.govreport',
      '\t一、本年新收政府信息公开申请数量',
      '// <~---------------- markup.heading.section.govreport',
      '',
    ].join('\n'));
    const right = join(dir, 'right.test.govreport');
    writeFileSync(right, [
      '// SYNTAX TEST "source.govreport" "the same lines, right assertions"',
      '一、总体情况',
      '// <------ markup.heading.section.govreport',
      '\t一、本年新收政府信息公开申请数量',
      '// <~---------------- entity.name.label.row.t3.govreport - markup.heading.section.govreport',
      '',
    ].join('\n'));
    const ok = tmGrammarTest([right]);
    assert.equal(ok.code, 0, `control file in the temp dir should pass:\n${ok.output}`);
    const bad = tmGrammarTest([wrong]);
    assert.notEqual(bad.code, 0, `a wrong assertion must fail the run:\n${bad.output}`);
    assert.match(bad.output, /constant\.numeric\.cell\.govreport/);
    assert.match(bad.output, /markup\.heading\.section\.govreport/);
  });
});

// ---------------------------------------------------------------------------------------------
// JSON files and package.json wiring

const readJson = (rel: string): unknown => JSON.parse(readFileSync(join(root, rel), 'utf8'));

test('grammar, injection, language configuration, snippets and stub are valid JSON', () => {
  for (const rel of [
    'syntaxes/govreport.tmLanguage.json',
    'syntaxes/govreport-injection.tmLanguage.json',
    'syntaxes/language-configuration.json',
    'snippets/govreport.code-snippets',
    'test/grammar/markdown-stub.tmLanguage.json',
  ]) {
    assert.doesNotThrow(() => readJson(rel), rel);
  }
  const g = readJson('syntaxes/govreport.tmLanguage.json') as { scopeName: string; repository: Record<string, unknown> };
  assert.equal(g.scopeName, 'source.govreport');
  const inj = readJson('syntaxes/govreport-injection.tmLanguage.json') as {
    scopeName: string; injectionSelector: string; patterns: { include: string }[];
  };
  assert.equal(inj.scopeName, 'markdown.govreport.injection');
  assert.match(inj.injectionSelector, /^L:text\.html\.markdown\b/);
  assert.match(inj.injectionSelector, /-markup\.fenced_code/);
  assert.match(inj.injectionSelector, /-markup\.inline\.raw/);
  for (const p of inj.patterns) {
    const m = /^source\.govreport#(.+)$/.exec(p.include);
    assert.ok(m, `injection include ${p.include} should name a source.govreport rule`);
    assert.ok(m[1] in g.repository, `source.govreport has no repository rule ${m[1]}`);
  }
});

test('package.json contributions point at existing files', () => {
  const pkg = readJson('package.json') as {
    contributes: {
      languages: { id: string; configuration?: string }[];
      grammars: { scopeName: string; path: string; injectTo?: string[] }[];
      snippets: { path: string }[];
    };
  };
  const paths = [
    ...pkg.contributes.languages.map((l) => l.configuration).filter((p): p is string => !!p),
    ...pkg.contributes.grammars.map((g) => g.path),
    ...pkg.contributes.snippets.map((s) => s.path),
  ];
  for (const p of paths) assert.ok(existsSync(join(root, p)), `${p} is contributed but missing`);
  for (const g of pkg.contributes.grammars) {
    const raw = readJson(g.path) as { scopeName: string };
    assert.equal(raw.scopeName, g.scopeName, `${g.path} scopeName`);
  }
});

test('language configuration: brackets, pairs and a CJK-aware word pattern', () => {
  const c = readJson('syntaxes/language-configuration.json') as {
    brackets: [string, string][]; autoClosingPairs: { open: string; close: string }[]; wordPattern: string;
  };
  const pairs = c.brackets.map(([o, e]) => o + e);
  for (const p of ['（）', '()', '《》', '“”', '【】', '〔〕']) assert.ok(pairs.includes(p), `bracket pair ${p}`);
  const auto = c.autoClosingPairs.map((p) => p.open + p.close);
  for (const p of ['（）', '《》', '“”']) assert.ok(auto.includes(p), `auto-closing pair ${p}`);
  const words = (s: string) => s.match(new RegExp(c.wordPattern, 'g'));
  assert.deepEqual(words('统计期限自2021年1月1日起'), ['统计期限自', '2021', '年', '1', '月', '1', '日起']);
  assert.deepEqual(words('行政规范性文件\t4\t-8\t988.2576万'), ['行政规范性文件', '4', '-8', '988.2576', '万']);
  assert.deepEqual(words('《条例》（以下简称）'), ['条例', '以下简称']);
});

// ---------------------------------------------------------------------------------------------
// Snippets

interface Snippet { prefix: string; body: string[]; description: string }
const snippets = readJson('snippets/govreport.code-snippets') as Record<string, Snippet>;
const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));

/** Expands a snippet body the way VS Code does with every placeholder left at its default. */
function expand(s: Snippet): string {
  const text = s.body.join('\n');
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^{}$]*)\}/g)) {
    const prev = defaults.get(m[1]);
    assert.ok(prev === undefined || prev === m[2], `${s.prefix}: tab stop ${m[1]} has two defaults`);
    defaults.set(m[1], m[2]);
  }
  return text
    .replace(/\$\{(\d+):([^{}$]*)\}/g, (_, _n: string, d: string) => d)
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a: string | undefined, b: string | undefined) => defaults.get((a ?? b)!) ?? '');
}
const valueStops = (s: Snippet) => [...s.body.join('\n').matchAll(/\$\{\d+:0\}/g)].length;

// docs/spec/format.md §3–§6, template wording.
const T3_HEAD = [
  '一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '（一）予以公开',
  '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  '1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
  '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
  '1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
  '1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请',
  '5.要求行政机关确认或重新出具已获取信息',
];
const T3_2021 = [
  ...T3_HEAD,
  '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  '3.其他', '（七）总计', '四、结转下年度继续办理',
];
const T3_2019 = [...T3_HEAD, '（六）其他处理', '（七）总计', '四、结转下年度继续办理'];
const T3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const T2_2021_ROWS = ['规章', '行政规范性文件', '行政许可', '行政处罚', '行政强制', '行政事业性收费'];
const T2_2019_ROWS = ['规章', '规范性文件', '行政许可', '其他对外管理服务事项', '行政处罚', '行政强制', '行政事业性收费', '政府集中采购'];
const T2_2021_CAPTIONS = ['（一）', '（五）', '（六）', '（八）'].map((o) => `第二十条第${o}项`);
const T2_2019_CAPTIONS = ['（一）', '（五）', '（六）', '（八）', '（九）'].map((o) => `第二十条第${o}项`);
const SECTIONS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];

interface Cell { text: string; start: number }
/** Cells of a TAB row or a GFM row, trimmed, with their offsets in the line. */
function cells(line: string): Cell[] {
  const out: Cell[] = [];
  const sep = line.includes('\t') ? '\t' : '|';
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i === line.length || line[i] === sep) {
      const raw = line.slice(from, i);
      const lead = raw.length - raw.trimStart().length;
      out.push({ text: raw.trim(), start: from + lead });
      from = i + 1;
    }
  }
  if (sep === '|') return out.slice(1, -1); // the outer pipes
  return out;
}
/** Data rows of a table body: label cells (non-empty, before the values) and value cells. */
function dataRows(text: string, values: number) {
  return text.split('\n').map((line) => {
    const cs = cells(line);
    const vals = cs.filter((c) => c.text === '0');
    const labels = cs.slice(0, cs.findIndex((c) => c.text === '0')).filter((c) => c.text);
    return { line, vals, labels };
  }).filter((r) => r.vals.length === values);
}

test('every snippet has a gr- prefix, a body array and a Chinese description', () => {
  const prefixes = new Set<string>();
  for (const [name, s] of Object.entries(snippets)) {
    assert.equal(typeof s.prefix, 'string', name);
    assert.match(s.prefix, /^gr-[a-z0-9-]+$/, name);
    assert.ok(!prefixes.has(s.prefix), `duplicate prefix ${s.prefix}`);
    prefixes.add(s.prefix);
    assert.ok(Array.isArray(s.body) && s.body.length > 0 && s.body.every((l) => typeof l === 'string'), `${name}: body`);
    assert.equal(typeof s.description, 'string', name);
    assert.match(s.description, /[\u4e00-\u9fff]/, `${name}: description in Chinese`);
    // VS Code re-indents the leading whitespace of body lines: a TAB row must not start with a TAB.
    assert.ok(s.body.every((l) => !l.startsWith('\t')), `${name}: a body line starts with a TAB`);
    expand(s);
  }
  for (const p of ['gr-skeleton-2021', 'gr-t2-2021-gfm', 'gr-t2-2021-tsv', 'gr-t3-2021-gfm', 'gr-t3-2021-tsv',
    'gr-t4-gfm', 'gr-t4-tsv', 'gr-t2-2019-gfm', 'gr-t3-2019-gfm']) {
    assert.ok(byPrefix.has(p), `missing snippet ${p}`);
  }
});

test('table snippets carry the template rows, labels and one 0 tab stop per value cell', () => {
  const cases: [string, string[], number, number][] = [
    // prefix, expected last label per data row, values per row, data rows
    ['gr-t3-2021-gfm', T3_2021, 7, 25], ['gr-t3-2021-tsv', T3_2021, 7, 25],
    ['gr-t3-2019-gfm', T3_2019, 7, 23], ['gr-t3-2019-tsv', T3_2019, 7, 23],
  ];
  for (const [prefix, labels, values, rows] of cases) {
    const s = byPrefix.get(prefix)!;
    const text = expand(s);
    const data = dataRows(text, values);
    assert.equal(data.length, rows, `${prefix}: data rows`);
    assert.deepEqual(data.map((r) => r.labels.at(-1)?.text), labels, `${prefix}: row labels`);
    assert.equal(valueStops(s), rows * values, `${prefix}: value tab stops`);
    assert.ok(text.includes(T3_NOTE), `${prefix}: 勾稽关系 note`);
    for (const h of ['申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']) {
      assert.ok(text.includes(h), `${prefix}: header ${h}`);
    }
  }
  for (const [prefix, rowLabels, captions, stops] of [
    ['gr-t2-2021-gfm', T2_2021_ROWS, T2_2021_CAPTIONS, 10], ['gr-t2-2021-tsv', T2_2021_ROWS, T2_2021_CAPTIONS, 10],
    ['gr-t2-2019-gfm', T2_2019_ROWS, T2_2019_CAPTIONS, 22], ['gr-t2-2019-tsv', T2_2019_ROWS, T2_2019_CAPTIONS, 22],
  ] as const) {
    const s = byPrefix.get(prefix)!;
    const lines = expand(s).split('\n').map(cells);
    assert.deepEqual(lines.filter((c) => c.some((x) => x.text === '0')).map((c) => c[0].text), rowLabels, `${prefix}: rows`);
    assert.deepEqual(lines.filter((c) => c[0]?.text.startsWith('第二十条')).map((c) => c[0].text), captions, `${prefix}: captions`);
    assert.equal(valueStops(s), stops, `${prefix}: value tab stops`);
  }
  for (const prefix of ['gr-t4-gfm', 'gr-t4-tsv']) {
    const s = byPrefix.get(prefix)!;
    const text = expand(s);
    assert.equal(dataRows(text, 15).length, 1, `${prefix}: one row of 15 values`);
    assert.equal(valueStops(s), 15, prefix);
    for (const [label, n] of [['行政复议', 1], ['行政诉讼', 1], ['未经复议直接起诉', 1], ['复议后起诉', 1],
      ['结果维持', 3], ['结果纠正', 3], ['其他结果', 3], ['尚未审结', 3]] as const) {
      assert.equal(text.split(label).length - 1, n, `${prefix}: ${label} ×${n}`);
    }
  }
});

test('the 2021 skeleton holds the title, period statement, six sections, five s1 aspects and three tables', () => {
  const s = byPrefix.get('gr-skeleton-2021')!;
  const text = expand(s);
  const lines = text.split('\n');
  assert.match(lines[0], /^# XX单位2021年政府信息公开工作年度报告$/);
  assert.ok(s.body[0].includes('${1:') && s.body[0].includes('${2:'), 'agency and year placeholders');
  assert.ok(s.body.join('\n').includes('本报告中所列数据的统计期限自${2}年1月1日起至${2}年12月31日止。'));
  assert.deepEqual(lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3)), SECTIONS);
  assert.deepEqual(lines.filter((l) => l.startsWith('### ')).map((l) => l.slice(4)),
    ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障']);
  const section = (k: number) => text.slice(text.indexOf(`## ${SECTIONS[k]}`), k < 5 ? text.indexOf(`## ${SECTIONS[k + 1]}`) : undefined);
  assert.equal(dataRows(section(2), 7).length, 25, 'T3 in 三');
  assert.equal(dataRows(section(3), 15).length, 1, 'T4 in 四');
  assert.deepEqual(section(1).split('\n').map(cells).filter((c) => c.some((x) => x.text === '0')).map((c) => c[0].text), T2_2021_ROWS, 'T2 in 二');
  assert.equal(valueStops(s), 10 + 25 * 7 + 15);
});

/** Builds a unit file asserting scopes on an expanded snippet, for vscode-tmgrammar-test. */
function unitFileFor(prefix: string, scope: 'source.govreport' | 'text.html.markdown'): string {
  const tok = scope === 'source.govreport' ? '//' : '<!--';
  const out = [`${tok} SYNTAX TEST "${scope}" "snippet ${prefix}, placeholders at their defaults"`];
  const at = (c: Cell, scopes: string) => `${tok} <${'~'.repeat(c.start)}${'-'.repeat(c.text.length)} ${scopes}`;
  const t3 = new Set([...T3_2021, ...T3_2019, '三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
  const t2 = new Set([...T2_2021_ROWS, ...T2_2019_ROWS]);
  for (const line of expand(byPrefix.get(prefix)!).split('\n')) {
    assert.ok(!line.startsWith(tok), `${prefix}: a body line starts with ${tok}`);
    out.push(line);
    if (SECTIONS.some((h) => line === `## ${h}`)) {
      out.push(at({ text: line.slice(3), start: 3 }, 'markup.heading.section.govreport'));
      continue;
    }
    if (line.startsWith('# ')) {
      out.push(at({ text: line.slice(2), start: 2 }, 'markup.heading.title.govreport'));
      continue;
    }
    if (line.startsWith('### ')) {
      out.push(at({ text: line.slice(4), start: 4 }, '- markup.heading.section.govreport'));
      continue;
    }
    if (line.includes('统计期限')) {
      // The year the snippet's placeholder defaults to (2021 in the 2021 skeleton, 2020 in the 2019 one).
      const year = /(\d{4})年1月1日/.exec(line)![1];
      for (const d of [`${year}年1月1日`, `${year}年12月31日`]) {
        out.push(at({ text: d, start: line.indexOf(d) }, 'meta.statistics-period.govreport constant.other.date.govreport'));
      }
      continue;
    }
    if (!line.includes('\t') && !line.startsWith('|')) continue;
    for (const c of cells(line)) {
      if (c.text === '0') out.push(at(c, 'constant.numeric.cell.govreport'));
      else if (t3.has(c.text)) out.push(at(c, 'entity.name.label.row.t3.govreport - markup.heading.section.govreport'));
      else if (t2.has(c.text)) out.push(at(c, 'entity.name.label.row.t2.govreport'));
      else if (c.text.startsWith('第二十条')) out.push(at(c, 'meta.caption.t2.govreport'));
      else if (c.text === T3_NOTE) out.push(at(c, 'comment.line.note.reconciliation.govreport'));
    }
  }
  return out.join('\n') + '\n';
}

test('expanded snippets are highlighted by the grammar and, in Markdown, by the injection', () => {
  withTempDir((dir) => {
    const plain: string[] = [];
    const md: string[] = [];
    for (const s of Object.values(snippets)) {
      if (s.prefix === 'gr-period') continue;
      const f = join(dir, `${s.prefix}.test.govreport`);
      writeFileSync(f, unitFileFor(s.prefix, 'source.govreport'));
      plain.push(f);
      if (s.prefix.endsWith('-gfm') || s.prefix.startsWith('gr-skeleton')) {
        const m = join(dir, `${s.prefix}.test.md`);
        writeFileSync(m, unitFileFor(s.prefix, 'text.html.markdown'));
        md.push(m);
      }
    }
    const a = tmGrammarTest(plain);
    assert.equal(a.code, 0, a.output);
    const b = tmGrammarTest(md, [markdownStub]);
    assert.equal(b.code, 0, b.output);
  });
});
