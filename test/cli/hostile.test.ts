// Issue 18, the CLI's part: nothing lost, nothing forged. Each case here broke once: findings
// without bound, one file's failure losing every result, a FIFO or /dev/zero hanging the run, an
// unreadable directory skipped in silence, --output over an input, control sequences reaching the
// terminal, a configuration in a shared parent directory turning rules off unseen.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { check, RULES } from '../../engine/index.ts';
import { MAX_FINDINGS_PER_RULE } from '../../engine/pipeline.ts';
import { CSP } from '../../cli/format/html.ts';
import { CLI, ensureBuilt, runCli, runJson, seedText, tempDir } from './helpers.ts';

const rulesOf = (r: any): string[] => r.findings.map((f: any) => f.rule);

test('findings are bounded per rule and document: the rest is one finding of that rule saying how many', () => {
  const text = `${seedText('000')}\n${'说明（'.repeat(20_000)}\n`;
  const { findings } = check(text, { fileName: 'a.txt' });
  const brackets = findings.filter((f) => f.rule === 'TEXT-BRACKETS');
  assert.equal(brackets.length, MAX_FINDINGS_PER_RULE + 1);
  const last = brackets.find((f) => /未逐条列出/.test(f.message));
  assert.ok(last, 'a summary finding');
  assert.match(last!.message, new RegExp(`还有 ${20_000 - MAX_FINDINGS_PER_RULE} 处`));
  assert.equal(last!.severity, RULES.find((r) => r.id === 'TEXT-BRACKETS')!.severity);
  // the limit is an option; the seed's own findings are untouched below it
  assert.equal(check(text, { fileName: 'a.txt', maxFindingsPerRule: 5 }).findings.filter((f) => f.rule === 'TEXT-BRACKETS').length, 6);
  const plain = check(seedText('000'), { fileName: 'a.txt' }).findings;
  assert.ok(plain.every((f) => !/未逐条列出/.test(f.message)));
});

test('8 MB of unmatched brackets with other files: every result kept, bounded output, exit per contract', { timeout: 300_000 }, (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a-good.txt'), seedText('000'));
  writeFileSync(join(dir, 'b-brackets.txt'), `${seedText('001')}\n${'（'.repeat(4 * 2 ** 20)}\n`);
  writeFileSync(join(dir, 'c-good.txt'), seedText('003'));
  const run = runJson(['--jobs', '2', '.'], { cwd: dir });
  assert.deepEqual(run.json.reports.map((r: any) => r.path), ['a-good.txt', 'b-brackets.txt', 'c-good.txt']);
  const b = run.json.reports[1];
  assert.ok(b.findings.length < 20 * (MAX_FINDINGS_PER_RULE + 1), `${b.findings.length} findings`);
  assert.equal(b.findings.filter((f: any) => f.rule === 'TEXT-BRACKETS').length, MAX_FINDINGS_PER_RULE + 1);
  assert.ok([0, 1].includes(run.code!), `exit ${run.code}`);
});

test('a check failing inside a worker, in the main thread or while packing: FILE-INTERNAL for that file, the rest kept, exit 2', { timeout: 120_000 }, (t) => {
  const dir = tempDir(t);
  const names = ['a.txt', 'b.txt', 'c-doomed.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt', 'h.txt', 'i.txt', 'j.txt'];
  names.forEach((n, i) => writeFileSync(join(dir, n), seedText(['000', '001', '003', '004'][i % 4])));
  const clean = runJson(['--jobs', '1', '.'], { cwd: dir });
  for (const [stage, jobs] of [['analyze', '2'], ['analyze', '1'], ['pack', '2'], ['pack', '1'], ['worker', '2']] as const) {
    const run = runJson(['--jobs', jobs, '.'], { cwd: dir, env: { GOVREPORT_FAULT: `${stage}:doomed` } });
    const what = `${stage}, --jobs ${jobs}`;
    assert.equal(run.json.reports.length, names.length, what);
    for (const r of run.json.reports) {
      if (r.path !== 'c-doomed.txt' || stage === 'worker') {
        assert.deepEqual(r, clean.json.reports.find((x: any) => x.path === r.path), `${what}: ${r.path} as in a clean run`);
        continue;
      }
      assert.deepEqual(rulesOf(r), ['FILE-INTERNAL'], what);
      assert.match(r.findings[0].message, /injected/);
    }
    // a worker that died had its batch redone in the main thread: nothing lost, nothing failed
    assert.equal(run.code, stage === 'worker' ? clean.code : 2, what);
  }
});

test('FIFOs and devices are refused up front, as files and as .govreportrc.json; reads are capped', { timeout: 120_000 }, (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'good.txt'), seedText('000'));
  const fifo = spawnSync('mkfifo', [join(dir, 'pipe.txt')]);
  assert.equal(fifo.status, 0, 'mkfifo');
  ensureBuilt();
  const run = (args: string[], cwd = dir) => {
    const r = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--no-progress', '--lang', 'en', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.signal, null, `${args.join(' ')}: no hang (killed after 30 s)`);
    return { code: r.status, json: JSON.parse(r.stdout), stderr: r.stderr };
  };
  const named = run(['pipe.txt', 'good.txt', '/dev/zero']);
  const pipe = named.json.reports.find((r: any) => r.path === 'pipe.txt');
  assert.deepEqual(rulesOf(pipe), ['FILE-UNREADABLE']);
  assert.match(pipe.findings[0].message, /Not a regular file \(FIFO\)/);
  const zero = named.json.reports.find((r: any) => r.path === '/dev/zero');
  assert.match(zero.findings[0].message, /Not a regular file \(character device\)/);
  assert.equal(named.code, 2);
  // walked: the FIFO is listed like a file and refused the same way
  const walked = run(['.']);
  assert.deepEqual(walked.json.reports.map((r: any) => r.path), ['good.txt', 'pipe.txt']);
  // a FIFO as the configuration: CONFIG-INVALID, never a hang
  const sub = join(dir, 'sub');
  mkdirSync(sub);
  writeFileSync(join(sub, 'r.txt'), seedText('000'));
  assert.equal(spawnSync('mkfifo', [join(sub, '.govreportrc.json')]).status, 0);
  const cfg = run(['r.txt'], sub);
  assert.ok(cfg.json.reports[0].findings.some((f: any) => f.rule === 'CONFIG-INVALID' && /FIFO/.test(f.message)));
  // size limit: refused unread with a clear finding; the limit is an option
  writeFileSync(join(dir, 'big.txt'), `${seedText('000')}\n${'正文'.repeat(400_000)}`);
  const big = run(['--max-file-size', '1M', 'big.txt', 'good.txt']);
  assert.match(big.json.reports[0].findings[0].message, /The file is 2\.\d MiB, over the limit of 1 MiB/);
  assert.equal(big.json.reports[1].findings.some((f: any) => f.rule.startsWith('FILE-')), false);
  assert.equal(run(['--max-file-size', '4M', 'big.txt']).json.reports[0].findings.some((f: any) => f.rule === 'FILE-UNREADABLE'), false);
});

test('an unreadable directory is reported (FILE-UNREADABLE, exit 2), never skipped in silence', { timeout: 60_000, skip: process.getuid?.() !== 0 ? 'needs root to run the CLI as another user' : false }, (t) => {
  const dir = tempDir(t);
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'open'));
  mkdirSync(join(dir, 'closed'));
  writeFileSync(join(dir, 'open', 'r.txt'), seedText('000'));
  writeFileSync(join(dir, 'closed', 'r.txt'), seedText('000'));
  chmodSync(join(dir, 'closed'), 0o000);
  ensureBuilt();
  // The bundles are copied where nobody can read them: the checkout itself may sit in a folder of mode 0700.
  const bin = tempDir(t, 'govreport-bin-');
  chmodSync(bin, 0o755);
  cpSync(dirname(CLI), bin, { recursive: true });
  // root reads any directory: the run is made as nobody, for whom 000 means no.
  const r = spawnSync(process.execPath, [join(bin, 'cli.cjs'), 'check', '--format', 'json', '--no-progress', '--lang', 'en', '.'], { cwd: dir, encoding: 'utf8', uid: 65534, gid: 65534 });
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.reports.map((x: any) => x.path), ['closed', 'open/r.txt']);
  assert.deepEqual(rulesOf(json.reports[0]), ['FILE-UNREADABLE']);
  assert.match(json.reports[0].findings[0].message, /directory cannot be read: EACCES/);
  assert.equal(json.summary.unreadable, 1);
  assert.equal(r.status, 2);
});

test('--output refuses a path that is one of the inputs, whatever way it is spelt', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a.md'), seedText('000'));
  writeFileSync(join(dir, 'b.txt'), seedText('002'));
  spawnSync('ln', ['-s', 'a.md', join(dir, 'link.md')]);
  // a hard link: another name, another real path, the same file (told by device and inode)
  spawnSync('ln', [join(dir, 'a.md'), join(dir, 'hard.md')]);
  for (const out of ['a.md', './a.md', join(dir, 'a.md'), 'link.md', 'hard.md']) {
    const run = runCli(['check', '-o', out, 'a.md', 'b.txt'], { cwd: dir });
    assert.equal(run.code, 2, out);
    assert.match(run.stderr, /是被检查的文件/);
    assert.equal(readFileSync(join(dir, 'a.md'), 'utf8'), seedText('000'), `${out}: a.md untouched`);
  }
  const dirRun = runCli(['check', '-o', 'b.txt', '.'], { cwd: dir });
  assert.equal(dirRun.code, 2);
  assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), seedText('002'));
  // a new file is fine
  assert.equal(runCli(['check', '-o', 'out.txt', 'a.md', 'b.txt'], { cwd: dir }).code, 1);
});

/** Strips XML markup and entity references: what is left must hold no markup character. */
function xmlText(s: string): string {
  return s.replace(/<\?xml[^>]*\?>/, '').replace(/<\/?[A-Za-z][\w:-]*(\s+[\w:-]+="[^"<]*")*\s*\/?>/g, '').replace(/&(amp|lt|gt|quot|apos|#\d+);/g, '');
}

test('control sequences and newlines in content and file names: escaped in text, valid JSON, SARIF, JUnit, strict CSP in HTML', (t) => {
  const dir = tempDir(t);
  const evilName = 'x\nother.txt:1:1: error T3-BALANCE forged\u001b[2J.txt';
  // and markup characters that JUnit must escape (a bare < or & would break the XML), early in the
  // cell: a long label is cut in the message
  const body = seedText('002').replace('（七）总计', '（七）总计<&\u001b[2J\u001b]0;owned\u0007\u001b]52;c;ZWNobyBoaQ==\u0007\u202e');
  writeFileSync(join(dir, evilName), body);
  const text = runCli(['check', '--no-progress', '--lang', 'en', '.'], { cwd: dir });
  assert.doesNotMatch(text.stdout, /[\u0000-\u0009\u000b-\u001f\u007f\u202e]/, 'no raw control character');
  const lines = text.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));
  assert.ok(lines.length > 0);
  for (const l of lines) assert.ok(l.startsWith('x\\nother.txt:1:1: error T3-BALANCE forged\\x1b[2J.txt:'), l);
  assert.match(text.stdout, /\\x1b\]0;owned\\x07/);

  const json = runJson(['.'], { cwd: dir });
  assert.equal(json.json.reports[0].path, evilName);
  const sarif = JSON.parse(runCli(['check', '--no-progress', '--format', 'sarif', '.'], { cwd: dir }).stdout);
  assert.ok(sarif.runs[0].results.length > 0);
  const junit = runCli(['check', '--no-progress', '--format', 'junit', '.'], { cwd: dir }).stdout;
  assert.doesNotMatch(junit, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
  assert.doesNotMatch(xmlText(junit), /[<&]/, 'JUnit: every < and & is markup or escaped');

  const html = runCli(['check', '--no-progress', '--format', 'html', '.'], { cwd: dir }).stdout;
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'a CSP meta element');
  const csp = meta![1].replace(/&#39;/g, "'");
  assert.equal(csp, CSP);
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.equal(html.match(/<script>/g)?.length, 1, 'one inline script, allowed by its hash');
});
