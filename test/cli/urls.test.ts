// Checking published reports by URL (issue 15): a local HTTP server on 127.0.0.1 serves the
// fixtures — a report, slow responses, a 404, a 500 then a 200, a redirect loop, a wrong declared
// charset, a huge body, pages linking their report as a Word or PDF attachment — and the CLI fetches them
// with a timeout, bounded redirects, a size cap, one retry, a per-host limit and its User-Agent. A
// failed fetch is a FILE-FETCH finding for that URL, never the end of the run. No test touches
// anything but 127.0.0.1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import iconv from 'iconv-lite';
import { parseUrlList } from '../../cli/fetch.ts';
import { CLI, ensureBuilt, ROOT, runJson, seedPath, seedText, tempDir } from './helpers.ts';

const SEED = seedText('002');
const DOCX = readFileSync(join(ROOT, 'test', 'fixtures', 'docx', 'template-2021.docx'));
// A real site's page (GB2312, charset only in its <meta>) around seed 002's text.
const PAGE_PATH = join(ROOT, 'test', 'fixtures', 'html', 'wgj-002.html');
const PAGE = readFileSync(PAGE_PATH);
const PDF_PATH = join(ROOT, 'test', 'fixtures', 'forms', '002.pdf');
const seen = { agents: new Set<string>(), flaky: 0, active: 0, maxActive: 0, requests: 0 };
let server: Server;
let base = '';

function handle(req: IncomingMessage, res: ServerResponse): void {
  seen.requests++;
  seen.agents.add(String(req.headers['user-agent']));
  const url = new URL(req.url ?? '/', base);
  const path = url.pathname;
  const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': type, ...headers });
    res.end(body);
  };
  if (path === '/report.md') return send(200, 'text/markdown; charset=utf-8', SEED);
  if (path === '/report.txt') return send(200, 'text/plain', SEED);
  if (path === '/missing') return send(404, 'text/plain', 'not found');
  if (path === '/flaky') {
    seen.flaky++;
    return seen.flaky === 1 ? send(500, 'text/plain', 'busy') : send(200, 'text/plain; charset=utf-8', SEED);
  }
  if (path === '/down') return send(503, 'text/plain', 'down');
  if (path === '/moved') return send(302, 'text/plain', '', { location: '/report.txt' });
  if (path === '/loop-a') return send(302, 'text/plain', '', { location: '/loop-b' });
  if (path === '/loop-b') return send(301, 'text/plain', '', { location: '/loop-a' });
  if (path.startsWith('/hop')) {
    const n = Number(path.slice(4));
    return send(302, 'text/plain', '', { location: `/hop${n + 1}` });
  }
  if (path === '/gbk-labelled-utf8') return send(200, 'text/plain; charset=utf-8', iconv.encode(SEED, 'gb18030'));
  if (path === '/huge') {
    // chunked, no Content-Length: the cap must hold while the body streams
    res.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = Buffer.alloc(64 * 1024, '字');
    let sent = 0;
    const pump = () => {
      while (sent < 64 * 2 ** 20) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (sent = Infinity));
    return pump();
  }
  if (path === '/slow') {
    const t = setTimeout(() => send(200, 'text/plain', SEED), 5_000);
    res.on('close', () => clearTimeout(t));
    return;
  }
  if (path.startsWith('/paced/')) {
    seen.active++;
    seen.maxActive = Math.max(seen.maxActive, seen.active);
    setTimeout(() => {
      seen.active--;
      send(200, 'text/plain', SEED);
    }, 150);
    return;
  }
  if (path === '/notice.html') {
    return send(200, 'text/html; charset=utf-8', `<!DOCTYPE html><html><head><title>年度报告</title></head><body><div class="nav">首页 › 政府信息公开</div>
<div class="article"><h1>某某区人民政府2021年政府信息公开工作年度报告</h1><p>附件：<a href="files/report.docx">年度报告.docx</a></p></div><div class="footer">版权所有</div></body></html>`);
  }
  if (path === '/zwgk/report.html') return send(200, 'text/html', PAGE);
  if (path === '/zwgk/notice-pdf.html') {
    return send(200, 'text/html; charset=utf-8', `<!DOCTYPE html><html><head><title>政府信息公开年度报告</title></head><body><div class="nav">首页 › 政务公开 › 年度报告</div>
<div class="article"><h1>某某区2020年政府信息公开工作年度报告</h1><p>附件：<a href="/files/2020nb.pdf">2020年年度报告.pdf</a></p></div><div class="footer">版权所有 主办单位</div></body></html>`);
  }
  if (path === '/files/2020nb.pdf') return send(200, 'application/pdf', readFileSync(PDF_PATH));
  if (path === '/files/report.docx') return send(200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX);
  send(404, 'text/plain', 'no such fixture');
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((r) => {
  server.closeAllConnections();
  server.close(() => r());
}));

/** The CLI as a child process (async: the server lives in this process). */
function run(args: string[], cwd = ROOT): Promise<{ code: number | null; stdout: string; stderr: string }> {
  ensureBuilt();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}

const json = async (args: string[], cwd?: string) => {
  const r = await run(['check', '--format', 'json', '--no-progress', '--lang', 'en', ...args], cwd);
  try {
    return { ...r, json: JSON.parse(r.stdout) };
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 300)} ${r.stderr}`);
  }
};

test('URL list files: one a line, # comments', () => {
  assert.deepEqual(parseUrlList('\ufeff# reports\nhttp://a/1  # the first\n\n  http://a/2\r\n#http://a/3\nhttp://a/x#frag\n'), ['http://a/1', 'http://a/2', 'http://a/x#frag']);
});

test('a fetched report is checked like the file; failures are FILE-FETCH findings and the run goes on', { timeout: 120_000 }, async () => {
  const file = runJson([seedPath('002')]).json.reports[0];
  // a port nothing listens on: opened, then closed. The timeout (2 s) is well under /slow's 5 s and
  // well over what a local response takes on a loaded machine.
  const closed = createServer();
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
  const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/refused`;
  await new Promise<void>((r) => closed.close(() => r()));
  const r = await json(['--timeout', '2', `${base}/report.md`, `${base}/missing`, `${base}/flaky`, `${base}/loop-a`, `${base}/hop0`, `${base}/moved`, `${base}/slow`, `${base}/down`, refused]);
  const by = new Map<string, any>(r.json.reports.map((x: any) => [x.path, x]));
  const ok = by.get(`${base}/report.md`);
  assert.equal(ok.url, `${base}/report.md`);
  assert.equal(ok.source, 'markdown');
  assert.deepEqual(ok.findings.map((f: any) => f.rule).sort(), file.findings.map((f: any) => f.rule).sort());
  const reason = (u: string) => {
    const x = by.get(`${base}${u}`) ?? by.get(u);
    assert.ok(x, `${u} reported`);
    assert.deepEqual(x.findings.map((f: any) => f.rule), ['FILE-FETCH'], u);
    return x.findings[0].message as string;
  };
  assert.match(reason('/missing'), /HTTP 404$/);
  assert.match(reason('/loop-a'), /redirect loop at .*\/loop-a/);
  assert.match(reason('/hop0'), /more than 5 redirects/);
  assert.match(reason('/slow'), /timed out after 2 s \(after a retry\)/);
  assert.match(reason('/down'), /HTTP 503 \(after a retry\)/);
  assert.match(reason(refused), /ECONNREFUSED/);
  // one retry: a 500 then a 200 is a report
  assert.equal(by.get(`${base}/flaky`).source, 'text');
  assert.equal(seen.flaky, 2);
  // a redirect is followed; the report says where it ended
  assert.equal(by.get(`${base}/moved`).url, `${base}/report.txt`);
  assert.equal(r.json.summary.fetchFailed, 6);
  assert.equal(r.code, 2, 'a failed fetch is an I/O failure');
  assert.ok([...seen.agents].every((a) => /^govreport\/\d+\.\d+\.\d+ /.test(a)), [...seen.agents].join(' | '));
  const text = await run(['check', '--no-progress', '--lang', 'en', `${base}/missing`, `${base}/report.md`]);
  assert.match(text.stdout, /1 URL\(s\) could not be fetched/);
});

test('charset from the headers or the bytes: a GB18030 body labelled UTF-8 is read right', { timeout: 60_000 }, async () => {
  const file = runJson(['--lang', 'en', seedPath('002')]).json.reports[0];
  const r = await json([`${base}/gbk-labelled-utf8`]);
  assert.deepEqual(r.json.reports[0].findings.map((f: any) => `${f.rule} ${f.message}`), file.findings.map((f: any) => `${f.rule} ${f.message}`));
});

test('a saved government page served without a charset in its headers reads as the same page on disk', { timeout: 60_000 }, async () => {
  const file = runJson(['--lang', 'en', PAGE_PATH]).json.reports[0];
  const r = await json([`${base}/zwgk/report.html`]);
  const report = r.json.reports[0];
  assert.equal(report.source, 'html');
  assert.ok(file.findings.length > 0);
  const said = (fs: any[]) => fs.map((f: any) => `${f.rule} ${f.message} ${JSON.stringify(f.range)}`);
  assert.deepEqual(said(report.findings), said(file.findings));
});

test('a page linking its report as a PDF: the PDF is fetched once and checked, with the findings of the PDF on disk', { timeout: 120_000 }, async () => {
  const file = runJson(['--lang', 'en', PDF_PATH]).json.reports[0];
  const r = await json([`${base}/zwgk/notice-pdf.html`]);
  const report = r.json.reports[0];
  assert.equal(report.url, `${base}/files/2020nb.pdf`);
  assert.equal(report.source, 'pdf');
  assert.ok(file.findings.some((f: any) => f.rule === 'T3-RESULT-TOTAL'));
  const said = (fs: any[]) => fs.map((f: any) => `${f.rule} ${f.message} ${JSON.stringify(f.location)}`);
  assert.deepEqual(said(report.findings), said(file.findings));
});

test('a huge body is cut off at the size limit (streamed, no Content-Length), the others still checked', { timeout: 60_000 }, async () => {
  const r = await json(['--max-file-size', '2M', `${base}/huge`, `${base}/report.txt`]);
  const huge = r.json.reports.find((x: any) => x.path === `${base}/huge`);
  assert.match(huge.findings[0].message, /larger than the limit of 2097152 bytes/);
  assert.equal(r.json.reports.find((x: any) => x.path === `${base}/report.txt`).source, 'text');
});

test('a page whose report is an attachment: the link is followed once and the attachment checked', { timeout: 60_000 }, async () => {
  const r = await json([`${base}/notice.html`]);
  const report = r.json.reports[0];
  assert.equal(report.path, `${base}/notice.html`);
  assert.equal(report.url, `${base}/files/report.docx`);
  assert.equal(report.source, 'docx');
  assert.ok(!report.findings.some((f: any) => f.rule.startsWith('FILE-')), JSON.stringify(report.findings.slice(0, 3)));
});

test('--urls FILE, polite concurrency per host (--per-host), HTML links each report to its URL', { timeout: 120_000 }, async (t) => {
  const dir = tempDir(t);
  const list = Array.from({ length: 12 }, (_, i) => `${base}/paced/${i}.txt`);
  writeFileSync(join(dir, 'urls.txt'), `# twelve paced pages\n${list.join('\n')}\n`);
  seen.maxActive = 0;
  const r = await json(['--urls', 'urls.txt', '--per-host', '3'], dir);
  assert.equal(r.json.reports.length, 12);
  assert.ok(seen.maxActive <= 3 && seen.maxActive >= 2, `at most 3 at a time (saw ${seen.maxActive})`);
  seen.maxActive = 0;
  await json(['--urls', 'urls.txt'], dir);
  assert.equal(seen.maxActive, 4, 'default: 4 per host');
  const html = await run(['check', '--format', 'html', '--no-progress', `${base}/report.md`]);
  assert.ok(html.stdout.includes(`<a class="source" href="${base}/report.md" rel="noopener noreferrer">`), 'a link to the source URL');
  const missing = await run(['check', '--no-progress', '--urls', 'nope.txt'], dir);
  assert.equal(missing.code, 2);
});
