// The language server in a second real editor: headless Neovim 0.7.2 (Debian) attaches
// `node out/server.cjs --stdio` to a copy of seed 002 (test/e2e/nvim/diagnostics.lua prints the
// diagnostics as JSON lines). Needs `nvim` (scripts/e2e-setup.sh); skipped without it unless CI is set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingNvimTooling } from '../../scripts/e2e/tooling.mjs';
import { REPO, buildIfNeeded, skipUnlessTooling, toolingMessage } from './common.ts';

const missing = missingNvimTooling();

interface NvimDiagnostic {
  lnum: number;
  col: number;
  severity: number;
  source: string;
  code: string;
  message: string;
}

test('Neovim (headless, vim.lsp) shows the server diagnostics for seed 002', { skip: skipUnlessTooling(missing), timeout: 120_000 }, () => {
  assert.deepEqual(missing, [], toolingMessage(missing));
  buildIfNeeded();
  const dir = mkdtempSync(join(tmpdir(), 'govreport-nvim-'));
  try {
    const file = join(dir, 'seed-002.txt');
    copyFileSync(join(REPO, 'test/fixtures/seeds/002_c7925c89c326f8ac.txt'), file);
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(REPO, 'test/e2e/nvim/diagnostics.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, GOVREPORT_FILE: file, GOVREPORT_SERVER: join(REPO, 'out/server.cjs'), GOVREPORT_NODE: process.execPath },
    });
    assert.equal(r.status, 0, `nvim exited ${r.status ?? r.signal}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    const diags: NvimDiagnostic[] = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const listing = diags.map((d) => `${d.lnum}:${d.col} ${d.code} ${d.message}`).join('\n');

    const np = diags.filter((d) => d.code === 'T3-RESULT-TOTAL' && d.lnum === 349);
    assert.equal(np.length, 1, `one T3-RESULT-TOTAL at line 349 (0-based) expected, got:\n${listing}`);
    assert.equal(np[0].message, '（七）总计·自然人 为 8，但各项之和为 4');
    assert.equal(np[0].source, 'govreport');
    assert.equal(np[0].severity, 1, 'severity Error (vim.diagnostic.severity.ERROR = 1)');
    assert.deepEqual(
      diags.filter((d) => d.code === 'T3-BALANCE').map((d) => d.lnum).sort((a, b) => a - b),
      [349, 355],
      `T3-BALANCE on the 自然人 and 总计 columns, got:\n${listing}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Line {
  file: string;
  kind: 'diagnostic' | 'symbol' | 'actions' | 'fold' | 'lens' | 'hover';
  lnum?: number;
  startLine?: number;
  endLine?: number;
  title?: string;
  value?: string;
  code?: string;
  message?: string;
  name?: string;
  titles?: string[];
}

test('Neovim: last year\'s report beside this one, fix all of a rule, disable for a line, the outline, folding, CodeLens and hover (plain LSP)', { skip: skipUnlessTooling(missing), timeout: 120_000 }, () => {
  assert.deepEqual(missing, [], toolingMessage(missing));
  buildIfNeeded();
  const dir = mkdtempSync(join(tmpdir(), 'govreport-nvim-'));
  try {
    // Seed 000 is the agency's 2021 report; its 2022 report carries 2 for 商业企业 where 0 was carried forward.
    const seed000 = readFileSync(join(REPO, 'test/fixtures/seeds/000_bb11c9eb4a4a9df5.txt'), 'utf8');
    writeFileSync(join(dir, '2021.txt'), seed000);
    const lines = seed000.split('\n');
    lines[0] = '烈山区人民政府办公室2022年政府信息公开工作年度报告';
    lines[2] = lines[2].replaceAll('2021年', '2022年');
    lines[93] = '\t0';
    lines[94] = '\t2';
    writeFileSync(join(dir, '2022.txt'), lines.join('\n'));
    // Seed 003: four STRUCT-HEADING-LEVEL, and with （七）总计·总计 written 96 a T3-ROW-TOTAL.
    const s3 = readFileSync(join(REPO, 'test/fixtures/seeds/003_0f60ab1572c40d0d.txt'), 'utf8').split('\n');
    const cells = s3[61].split('\t');
    assert.equal(cells[0], '(七) 总计');
    cells[8] = '96';
    s3[61] = cells.join('\t');
    mkdirSync(join(dir, 'other'));
    writeFileSync(join(dir, 'other', 'seed-003.txt'), s3.join('\n'));
    const r = spawnSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${join(REPO, 'test/e2e/nvim/features.lua')}`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, GOVREPORT_FILES: `${join(dir, '2022.txt')}|XYEAR-CARRY;${join(dir, 'other', 'seed-003.txt')}|T3-ROW-TOTAL`, GOVREPORT_SERVER: join(REPO, 'out/server.cjs'), GOVREPORT_NODE: process.execPath },
    });
    assert.equal(r.status, 0, `nvim exited ${r.status ?? r.signal}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    const out: Line[] = r.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    const of = (name: string, kind: Line['kind']) => out.filter((l) => l.file.endsWith(name) && l.kind === kind);

    const carry = of('2022.txt', 'diagnostic').filter((d) => d.code === 'XYEAR-CARRY');
    assert.deepEqual(carry.map((d) => d.lnum), [94, 99], JSON.stringify(carry));
    assert.match(carry[0].message!, /^上年结转·商业企业 为 2，但上一年度报告结转下年度·商业企业 为 0.*（上一年度报告：2021\.txt）$/);
    // A text report's outline: the six sections and the three tables.
    const symbols = of('2022.txt', 'symbol').map((s) => s.name);
    assert.equal(symbols.length, 6, symbols.join(' | '));

    const actions = (code: string) => of('seed-003.txt', 'actions').find((a) => a.code === code)?.titles ?? [];
    assert.ok(actions('STRUCT-HEADING-LEVEL').includes('修复本文件中全部 STRUCT-HEADING-LEVEL 问题（4 处）'), actions('STRUCT-HEADING-LEVEL').join(' | '));
    const row = actions('T3-ROW-TOTAL');
    assert.ok(row.includes('在此行停用 T3-ROW-TOTAL'), row.join(' | '));
    assert.ok(row.includes('将（七）总计·总计改为 95'), row.join(' | '));
    assert.equal(new Set(row).size, row.length, `one title once: ${row.join(' | ')}`);

    // Folding: each of the six sections of the text report folds, and 表三 folds within 三、.
    const headings = lines.flatMap((l, i) => (/^[一二三四五六]、/.test(l) ? [i] : []));
    assert.equal(headings.length, 6, 'seed 000 changed: update this test');
    const folds = of('2022.txt', 'fold');
    for (const h of headings) assert.ok(folds.some((f) => f.startLine === h && f.endLine! > h), `no fold at section line ${h}: ${JSON.stringify(folds)}`);
    const t3 = lines.findIndex((l) => l.startsWith('三、'));
    assert.ok(folds.some((f) => f.startLine! > t3 && f.startLine! < headings[3] && f.endLine! - f.startLine! > 20), `no fold of 表三: ${JSON.stringify(folds)}`);
    // CodeLens: the state of each table; seed 003's 表三 with its broken total.
    const lenses = of('seed-003.txt', 'lens').map((l) => l.title!);
    assert.ok(lenses.some((t) => /^表三 · \d+ 处合计不符$/.test(t)) && lenses.includes('重新计算合计') && lenses.includes('预览表格'), lenses.join(' | '));
    assert.ok(lenses.some((t) => /^表二 · /.test(t)) && lenses.some((t) => /^表四 · /.test(t)), lenses.join(' | '));
    // Hover on the broken total: its formula with the values and ✗.
    const hover = of('seed-003.txt', 'hover')[0]?.value ?? '';
    assert.match(hover, /✗/, hover);
    assert.match(hover, /96/, hover);
    assert.match(hover, /95/, hover);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
