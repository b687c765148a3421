// The built language server over stdio, driven as an editor would drive it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { check, LineIndex } from '../../engine/index.ts';
import { applyTextEdits, editsOf } from '../helpers/edits.ts';
import { ensureBuilt, ROOT, TestClient } from './lsp.ts';

const SEED = join(ROOT, 'test/fixtures/seeds/002_c7925c89c326f8ac.txt');
const SEED_TEXT = readFileSync(SEED, 'utf8');
const EXPECTED = JSON.parse(readFileSync(SEED.replace(/\.txt$/, '.expected.json'), 'utf8'));
const T3ROWS = EXPECTED.tables.T3.rows as Record<string, { values: number[]; lines: number[] }>;
const COLS = EXPECTED.tables.T3.columns as string[];
/** 0-based line of a T3 cell, from the hand-written expectations (which count lines from 1). */
const lineOf = (row: string, col: string) => T3ROWS[row].lines[COLS.indexOf(col)] - 1;

const byRule = (ds: Diagnostic[], rule: string) => ds.filter((d) => d.code === rule);
/** LSP 3.18 allows Markdown messages; this server sends plain strings. */
const msg = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

let client: TestClient;
before(async () => {
  ensureBuilt();
  client = await TestClient.start({ locale: 'zh-cn' });
});
after(async () => {
  await client?.stop();
});

describe('language server over stdio', () => {
  it('advertises exactly its capabilities', () => {
    assert.deepEqual(client.initializeResult, {
      capabilities: {
        textDocumentSync: { openClose: true, change: 2 },
        // The folders bound the .govreportrc.json search (server/folders.ts).
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite.govreport.formatTable', 'source.fixAll.govreport'] },
        executeCommandProvider: { commands: ['govreport.recomputeTotals', 'govreport.fixAll', 'govreport.formatTable'] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'GovReport' },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: ['表', '二', '三', '四'] },
      },
      serverInfo: { name: 'govreport', version: '0.1.0' },
    });
  });

  it('publishes the seed-002 findings, offers the quick fix, and re-checks the fixed text', async () => {
    const uri = 'file:///virtual/seed002-quickfix.txt';
    await client.open(uri, SEED_TEXT, 'plaintext', 1);
    const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const npLine = lineOf('r7', 'np');
    assert.equal(npLine, 349);
    const total = byRule(first.diagnostics, 'T3-RESULT-TOTAL').find((d) => d.range.start.line === npLine);
    assert.ok(total, 'T3-RESULT-TOTAL on （七）总计·自然人');
    // The diagnostic sits on the written "8" (expected.json: r7 np = 8).
    const lines = SEED_TEXT.split(/\r?\n/);
    assert.equal(lines[npLine].slice(total.range.start.character, total.range.end.character), String(T3ROWS.r7.values[0]));
    assert.equal(total.severity, 1);
    assert.equal(total.source, 'govreport');
    assert.match(total.codeDescription!.href, /\/docs\/rules\/T3-RESULT-TOTAL\.md$/);
    assert.match(msg(total), /（七）总计·自然人 为 8/);
    // Related: the one non-zero result of the np column, （一）予以公开 = 4.
    assert.ok(total.relatedInformation?.length);
    const related = total.relatedInformation!;
    assert.ok(related.every((r) => r.location.uri === uri));
    assert.ok(related.some((r) => r.location.range.start.line === lineOf('r1', 'np') && /予以公开/.test(r.message) && /= 4$/.test(r.message)));
    assert.equal(byRule(first.diagnostics, 'T3-BALANCE').length, 2);

    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: total.range,
      context: { diagnostics: [total] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === '将（七）总计·自然人改为 4');
    assert.ok(fix, `quick fix offered; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.diagnostics?.[0]?.code, 'T3-RESULT-TOTAL');
    const edits = editsOf(fix.edit!, uri);
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, '4');
    assert.equal(edits[0].range.start.line, npLine);

    const fixed = applyTextEdits(SEED_TEXT, edits);
    await client.changeFull(uri, fixed, 2);
    // A request sent right after the change (while the debounced check is pending) answers for
    // the new text, never from the old result.
    const afterChange = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: total.range,
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.equal(afterChange.filter((a) => a.title === fix.title).length, 0);
    const second = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.equal(byRule(second.diagnostics, 'T3-RESULT-TOTAL').filter((d) => d.range.start.line === npLine).length, 0);
    // The other problems of the seed are still reported.
    assert.ok(byRule(second.diagnostics, 'T3-RESULT-TOTAL').some((d) => d.range.start.line === lineOf('r7', 'law')));

    await client.close(uri);
    const closed = await client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    assert.deepEqual(closed.diagnostics, []);
  });

  it('govreport.recomputeTotals sends exactly one workspace/applyEdit', async () => {
    const uri = 'file:///virtual/seed002-recompute.txt';
    await client.open(uri, SEED_TEXT, 'plaintext', 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const before = client.applyEditRequests.length;
    const result = (await client.conn.sendRequest('workspace/executeCommand', { command: 'govreport.recomputeTotals', arguments: [uri] })) as { applied: boolean; edits: number };
    assert.equal(client.applyEditRequests.length - before, 1);
    assert.equal(result.applied, true);
    const request = client.applyEditRequests.at(-1)!;
    const edits = editsOf(request.edit, uri);
    assert.equal(result.edits, edits.length);
    const docChange = (request.edit.documentChanges as TextDocumentEdit[])[0];
    assert.equal(docChange.textDocument.version, 1);
    const text = applyTextEdits(SEED_TEXT, edits);
    // The np total now reads the sum of its results (expected.json: r1 np = 4, every other result 0).
    assert.equal(text.split(/\r?\n/)[lineOf('r7', 'np')].trim(), '4');
    await client.changeFull(uri, text, 2);
    const after = await client.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.equal(byRule(after.diagnostics, 'T3-RESULT-TOTAL').filter((d) => d.range.start.line === lineOf('r7', 'np')).length, 0);
    await client.close(uri);
  });

  it('after a burst of 300 changes, publishes what a fresh check of the final text finds', async () => {
    const uri = 'file:///virtual/seed002-burst.txt';
    await client.open(uri, SEED_TEXT, 'plaintext', 1);
    let text = SEED_TEXT;
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pieces = ['１', '7', '0', '，', '公开', '\n', '\t', '报告', ' ', '（一）'];
    for (let version = 2; version <= 301; version++) {
      const index = new LineIndex(text);
      let start = rand(text.length + 1);
      let end = start;
      let insert = pieces[rand(pieces.length)];
      if (rand(3) === 0) {
        end = Math.min(text.length, start + rand(6));
        insert = '';
      }
      // Never split a CRLF pair or a surrogate pair: an editor would not produce such a range.
      if (start > 0 && text[start - 1] === '\r' && text[start] === '\n') start--;
      if (end > 0 && text[end - 1] === '\r' && text[end] === '\n') end++;
      const range = { start: index.positionAt(start), end: index.positionAt(end) };
      text = text.slice(0, start) + insert + text.slice(end);
      void client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
    }
    const last = await client.waitForDiagnostics(uri, (p) => p.version === 301);
    const expected = check(text, { fileName: '/virtual/seed002-burst.txt', languageId: 'plaintext', lang: 'zh' });
    const index = expected.parsed.index;
    assert.ok(expected.findings.length > 0);
    assert.deepEqual(
      last.diagnostics.map((d) => ({ rule: d.code, range: d.range, message: d.message })),
      expected.findings.map((f) => ({ rule: f.rule, range: { start: index.positionAt(f.range.start), end: index.positionAt(f.range.end) }, message: f.message })),
    );
    // No older version was published after a newer one.
    const versions = client.diagnostics.get(uri)!.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    await client.close(uri);
  });

  it('keeps positions right in a CRLF document', async () => {
    const uri = 'file:///virtual/seed002-crlf.txt';
    const crlf = SEED_TEXT.replace(/\r?\n/g, '\r\n');
    await client.open(uri, crlf, 'plaintext', 1);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
    const line = lineOf('r7', 'np');
    const total = byRule(p.diagnostics, 'T3-RESULT-TOTAL').find((d) => d.range.start.line === line);
    assert.ok(total);
    assert.equal(crlf.split('\r\n')[line].slice(total.range.start.character, total.range.end.character), String(T3ROWS.r7.values[0]));
    await client.close(uri);
  });

  it('hover on （七）总计·总计 shows both formulas with the values of their parts', async () => {
    const uri = 'file:///virtual/seed002-hover.txt';
    await client.open(uri, SEED_TEXT, 'plaintext', 1);
    const line = lineOf('r7', 'tot');
    assert.equal(line, 355);
    const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } })) as Hover;
    assert.ok(hover, 'a hover');
    const md = (hover.contents as MarkupContent).value;
    assert.equal(hover.range!.start.line, line);
    const [np, biz, sci, ngo, law, oth, tot] = T3ROWS.r7.values;
    assert.match(md, new RegExp(`（七）总计·总计.*${tot}`));
    // Row: 总计 = 自然人 8 + … + 法律服务机构 1 + 其他 0 = 9 (the written row adds up).
    const rowSum = np + biz + sci + ngo + law + oth;
    assert.match(md, new RegExp(`总计 = 自然人 ${np} \\+ 商业企业 ${biz} .*法律服务机构 ${law} \\+ 其他 ${oth} = ${rowSum}`));
    // Column: the results of the tot column; only （一）予以公开 is non-zero in expected.json.
    const items = Object.entries(T3ROWS).filter(([k]) => !['new', 'carry', 'r7', 'fwd'].includes(k));
    const nonZero = items.filter(([, v]) => v.values[6] !== 0);
    assert.deepEqual(nonZero.map(([k]) => k), ['r1']);
    const colSum = items.reduce((s, [, v]) => s + v.values[6], 0);
    assert.match(md, new RegExp(`（七）总计 = （一）予以公开 ${T3ROWS.r1.values[6]} = ${colSum}（其余 ${items.length - 1} 项为 0）`));
    assert.match(md, new RegExp(`与写明的 ${tot} 不符`));

    // A cell that is no total has no hover.
    const none = await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('r1', 'np'), character: 1 } });
    assert.equal(none, null);
    await client.close(uri);
  });

  it('documentSymbol lists the six sections, tables as their children', async () => {
    const uri = 'file:///virtual/seed002-symbols.txt';
    await client.open(uri, SEED_TEXT, 'plaintext', 1);
    const symbols = (await client.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 6);
    const keys = ['s1', 's2', 's3', 's4', 's5', 's6'];
    symbols.forEach((s, i) => assert.equal(s.range.start.line, EXPECTED.sections[keys[i]] - 1, s.name));
    assert.equal(symbols[0].name, '一、总体情况');
    assert.match(symbols[1].name, /^二、主动公开政府信息情况/);
    assert.deepEqual(symbols.map((s) => (s.children ?? []).map((c) => c.name.split(' ')[0])), [[], ['表二'], ['表三'], ['表四'], [], []]);
    for (let i = 0; i + 1 < symbols.length; i++) assert.ok(symbols[i].range.end.line <= symbols[i + 1].range.start.line);
    await client.close(uri);
  });

  it('leaves ordinary Markdown alone under validate=auto, checks it under validate=always', async () => {
    const uri = 'file:///virtual/notes.md';
    const notes = '# 会议纪要\n\n## 一、总体情况\n\n本周完成了 3 项工作。\n\n| 项目 | 数量 |\n| --- | --- |\n| 合计 | 8 |\n';
    await client.open(uri, notes, 'markdown', 1);
    const quiet = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.deepEqual(quiet.diagnostics, []);
    // The same text in a govreport document is checked: the user said it is a report.
    const own = 'file:///virtual/notes.govreport';
    await client.open(own, notes, 'govreport', 1);
    const checked = await client.waitForDiagnostics(own, (p) => p.version === 1);
    assert.ok(checked.diagnostics.length > 0);
    await client.close(own);

    client.settings = { validate: 'always' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const loud = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.ok(loud.diagnostics.every((d) => d.source === 'govreport'));

    client.settings = { validate: 'never' };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const n = client.diagnostics.get(uri)!.length;
    await client.waitForDiagnostics(uri, (p) => p === client.diagnostics.get(uri)!.at(-1) && client.diagnostics.get(uri)!.length > n && p.diagnostics.length === 0);
    client.settings = {};
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.close(uri);
  });

  it('reads govreport.rules and .govreportrc.json (the file wins), and reports an unparsable rc file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govreport-rc-'));
    try {
      const file = join(dir, 'report.txt');
      writeFileSync(file, SEED_TEXT);
      const uri = pathToFileURL(file).href;
      client.settings = { rules: { 'T3-BALANCE': 'off', 'T3-RESULT-TOTAL': 'warning' } };
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      writeFileSync(join(dir, '.govreportrc.json'), JSON.stringify({ rules: { 'T3-RESULT-TOTAL': 'info' } }));
      await client.open(uri, SEED_TEXT, 'plaintext', 1);
      const p1 = await client.waitForDiagnostics(uri, (p) => p.version === 1);
      assert.equal(byRule(p1.diagnostics, 'T3-BALANCE').length, 0);
      assert.ok(byRule(p1.diagnostics, 'T3-RESULT-TOTAL').length > 0);
      assert.ok(byRule(p1.diagnostics, 'T3-RESULT-TOTAL').every((d) => d.severity === 3));

      writeFileSync(join(dir, '.govreportrc.json'), '{ "rules": { oops');
      await client.changeFull(uri, SEED_TEXT + '\n', 2);
      const p2 = await client.waitForDiagnostics(uri, (p) => p.version === 2);
      const invalid = byRule(p2.diagnostics, 'CONFIG-INVALID');
      assert.equal(invalid.length, 1);
      assert.match(msg(invalid[0]), /\.govreportrc\.json 无效（JSON 解析错误/);
      assert.equal(invalid[0].relatedInformation?.[0]?.location.uri, pathToFileURL(join(dir, '.govreportrc.json')).href);
      // The editor's rules still apply.
      assert.equal(byRule(p2.diagnostics, 'T3-BALANCE').length, 0);
      assert.ok(byRule(p2.diagnostics, 'T3-RESULT-TOTAL').every((d) => d.severity === 2));
      await client.close(uri);
    } finally {
      client.settings = {};
      await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('source.fixAll.govreport and govreport.fixAll apply only safe fixes', async () => {
    // Seed 002 with one full-width digit (（一）予以公开·自然人 written ４): a safe fix (ASCII digit)
    // next to the seed's unsafe total fix, which neither may apply.
    const uri = 'file:///virtual/seed002-fixall.txt';
    const r1 = lineOf('r1', 'np');
    const lines = SEED_TEXT.split('\n');
    assert.equal(lines[r1].trim(), '4');
    lines[r1] = lines[r1].replace('4', '４');
    const text = lines.join('\n');
    await client.open(uri, text, 'plaintext', 1);
    await client.waitForDiagnostics(uri, (x) => x.version === 1);
    const actions = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.govreport');
    const fixedByAction = applyTextEdits(text, editsOf(actions[0].edit!, uri));
    const out = fixedByAction.split('\n');
    assert.equal(out[r1], lines[r1].replace('４', '4'));
    assert.equal(out[lineOf('r7', 'np')].trim(), '8', 'the unsafe total fix is not applied');

    // A quick-fix request at the cursor does not return the fix-all action.
    const quick = (await client.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: r1, character: 1 }, end: { line: r1, character: 1 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    assert.ok(quick.some((a) => a.kind === 'quickfix') && quick.every((a) => a.kind !== 'source.fixAll.govreport'));

    const before = client.applyEditRequests.length;
    const r = (await client.conn.sendRequest('workspace/executeCommand', { command: 'govreport.fixAll', arguments: [uri] })) as { applied: boolean };
    assert.equal(r.applied, true);
    assert.equal(client.applyEditRequests.length - before, 1);
    assert.equal(applyTextEdits(text, editsOf(client.applyEditRequests.at(-1)!.edit, uri)), fixedByAction);
    await client.close(uri);
  });
});

describe('language server in English', () => {
  let en: TestClient;
  before(async () => {
    en = await TestClient.start({ locale: 'en-US', configuration: false, initializationOptions: { docsBaseUrl: 'https://example.org/rules' } });
  });
  after(async () => {
    await en?.stop();
  });

  it('follows the client locale, and govreport.language overrides it', async () => {
    const uri = 'file:///virtual/seed002-en.txt';
    await en.open(uri, SEED_TEXT, 'plaintext', 1);
    const p = await en.waitForDiagnostics(uri, (x) => x.version === 1);
    const expected = check(SEED_TEXT, { languageId: 'plaintext', lang: 'en' }).findings.map((f) => f.message);
    assert.deepEqual(p.diagnostics.map(msg), expected);
    const total = byRule(p.diagnostics, 'T3-RESULT-TOTAL').find((d) => d.range.start.line === lineOf('r7', 'np'))!;
    assert.match(msg(total), /^\(7\) Total · Natural persons is 8, but its items sum to 4/);
    // The rule page in the language of the message: English pages live under en/.
    assert.equal(total.codeDescription!.href, 'https://example.org/rules/en/T3-RESULT-TOTAL.md');

    const hover = (await en.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('r7', 'np'), character: 1 } })) as Hover;
    assert.match((hover.contents as MarkupContent).value, /\(7\) Total = \(1\) Disclosed 4 = 4/);

    // This client has no workspace/configuration: settings arrive pushed.
    await en.conn.sendNotification('workspace/didChangeConfiguration', { settings: { govreport: { language: 'zh' } } });
    const zh = await en.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => /^（七）总计/.test(msg(d))));
    assert.ok(zh.diagnostics.length === p.diagnostics.length);
    assert.equal(byRule(zh.diagnostics, 'T3-RESULT-TOTAL')[0].codeDescription!.href, 'https://example.org/rules/T3-RESULT-TOTAL.md');
    await en.close(uri);
  });

  it('takes initial settings from initializationOptions when the client has no value for them', async () => {
    const c = await TestClient.start({ locale: 'en', settings: null, initializationOptions: { settings: { language: 'zh', rules: { 'T3-BALANCE': 'off' } } } });
    try {
      const uri = 'file:///virtual/init-settings.txt';
      await c.open(uri, SEED_TEXT, 'plaintext', 1);
      const p = await c.waitForDiagnostics(uri, (x) => x.version === 1);
      assert.equal(byRule(p.diagnostics, 'T3-BALANCE').length, 0);
      assert.ok(byRule(p.diagnostics, 'T3-RESULT-TOTAL').some((d) => msg(d).startsWith('（七）总计·自然人 为 8')));
    } finally {
      await c.stop();
    }
  });

  it('skips a document above the size limit with one informational diagnostic', async () => {
    const small = await TestClient.start({ locale: 'en', initializationOptions: { maxDocumentSize: 1000 } });
    try {
      const uri = 'file:///virtual/big.txt';
      await small.open(uri, SEED_TEXT, 'plaintext', 1);
      const p = await small.waitForDiagnostics(uri, (x) => x.version === 1);
      assert.equal(p.diagnostics.length, 1);
      assert.equal(p.diagnostics[0].severity, 3);
      assert.equal(p.diagnostics[0].code, 'DOC-TOO-LARGE');
    } finally {
      await small.stop();
    }
  });
});
