// The CLI survives hostile inputs (issue #7): unreadable files mixed with good ones, files that
// vanish while it runs, directory loops through symlinks, 100 MB files, and a --fix killed at any
// moment (the file is then the original or the fully fixed text, never half-written). Deletion and
// kill moments are drawn with the survival seed (test/helpers/survival.ts): a sample each run, the
// same sample for the same seed.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, symlinkSync, unlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { sampled, type Sampler } from '../helpers/survival.ts';
import { CLI, ensureBuilt, ROOT, runCli, runJson, seedPath, seedText, tempDir } from './helpers.ts';

/** A stack trace or an unhandled error on stderr means the CLI crashed somewhere. */
function assertNoCrash(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at .+:\d+:\d+\)?$/m, `stack trace on stderr:\n${stderr.slice(0, 2000)}`);
  assert.doesNotMatch(stderr, /Unhandled|uncaught|ERR_WORKER|FATAL ERROR|heap out of memory/i, `crash on stderr:\n${stderr.slice(0, 2000)}`);
}

const fileRules = (report: any): string[] => report.findings.filter((f: any) => f.rule.startsWith('FILE-')).map((f: any) => f.rule);

interface AsyncRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; `during` runs once the process is started, and may kill it. */
function startCli(args: string[], cwd: string, during: (child: ReturnType<typeof spawn>) => void): Promise<AsyncRun> {
  ensureBuilt();
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => resolveRun({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    during(child);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('unreadable inputs mixed with good ones: every good report checked, each bad one reported once', { timeout: 120_000 }, (t) => {
  const dir = tempDir(t);
  const good = ['000', '001', '002', '003'].map((s) => `good-${s}.txt`);
  good.forEach((name, i) => writeFileSync(join(dir, name), seedText(['000', '001', '002', '003'][i])));
  symlinkSync(join(dir, 'nowhere'), join(dir, 'x.txt')); // dangling symlink
  mkdirSync(join(dir, 'y.md')); // a directory where a report is expected
  writeFileSync(join(dir, 'img.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
  // invalid UTF-8 (a lone 0xC3, 0xFF) and invalid GB18030 (0xFF is never a lead byte), no BOM
  writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x61, 0x62, 0x20, 0xc3, 0x28, 0x20, 0xff, 0xfe, 0xff, 0x20, 0x63, 0x0a]));
  writeFileSync(join(dir, 'empty.txt'), '');

  const alone = runJson(['--lang', 'en', ...good], { cwd: dir });
  assert.equal(alone.json.reports.length, good.length);

  // 1. The directory walked: dangling links and directories are not files (skipped, as files.test.ts
  //    documents); binary, undecodable and empty files get exactly one FILE-* finding each.
  const walked = runJson(['--lang', 'en', dir], { cwd: dir });
  assertNoCrash(walked.stderr);
  const byPath = new Map<string, any>(walked.json.reports.map((r: any) => [r.path, r]));
  assert.deepEqual([...byPath.keys()], ['bad.txt', 'empty.txt', ...good, 'img.txt']);
  for (const g of good) assert.deepEqual(byPath.get(g), alone.json.reports.find((r: any) => r.path === g), `${g} checked as when alone`);
  assert.deepEqual(fileRules(byPath.get('img.txt')), ['FILE-UNREADABLE']);
  assert.equal(byPath.get('img.txt').findings.length, 1);
  assert.match(byPath.get('img.txt').findings[0].message, /binary/);
  assert.deepEqual(fileRules(byPath.get('bad.txt')), ['FILE-UNREADABLE']);
  assert.equal(byPath.get('bad.txt').findings.length, 1);
  assert.match(byPath.get('bad.txt').findings[0].message, /encoding/);
  assert.deepEqual(fileRules(byPath.get('empty.txt')), ['FILE-EMPTY']);
  assert.equal(byPath.get('empty.txt').findings.length, 1);
  assert.equal(walked.json.summary.unreadable, 2);
  assert.equal(walked.json.summary.files, 7);
  // undecodable content is a finding (error severity), not an I/O failure: exit 1, not 2
  assert.equal(walked.code, 1);

  // 2. The same inputs named one by one: the dangling link cannot be opened at all — a stderr line
  //    and exit 2 (I/O failure); the empty directory y.md contributes nothing; the rest as above.
  const named = runJson(['--lang', 'en', ...good, 'x.txt', 'y.md', 'img.txt', 'bad.txt', 'empty.txt'], { cwd: dir });
  assertNoCrash(named.stderr);
  assert.match(named.stderr, /^govreport: no such file, or nothing matched: x\.txt$/m);
  assert.deepEqual(named.json.reports, walked.json.reports);
  assert.equal(named.code, 2);

  // 3. A read that fails with an I/O error (EIO from /proc/self/mem, which even root cannot read
  //    from offset 0): FILE-UNREADABLE naming the error, the other files still checked, exit 2.
  if (existsSync('/proc/self/mem')) {
    symlinkSync('/proc/self/mem', join(dir, 'mem.txt'));
    const eio = runJson(['--lang', 'en', '--jobs', '2', dir], { cwd: dir });
    assertNoCrash(eio.stderr);
    const mem = eio.json.reports.find((r: any) => r.path === 'mem.txt');
    assert.deepEqual(fileRules(mem), ['FILE-UNREADABLE']);
    assert.match(mem.findings[0].message, /cannot be read: E[A-Z]+/);
    for (const g of good) assert.deepEqual(eio.json.reports.find((r: any) => r.path === g), byPath.get(g));
    assert.equal(eio.json.summary.unreadable, 3);
    assert.equal(eio.code, 2);
  }
});

test('files vanishing during the run: no crash, valid JSON covering the files that were read', { timeout: 300_000 }, sampled(async (t, sample) => {
  const dir = tempDir(t);
  const seeds = ['000', '001', '002', '003', '004'].map((s) => readFileSync(seedPath(s)));
  const names: string[] = [];
  for (let i = 0; i < 300; i++) {
    const name = `r${String(i).padStart(3, '0')}.txt`;
    names.push(name);
  }
  let raced = 0;
  // Deletions at moments over the whole run (a run of 300 files takes about 1–2 s): three of them
  // each run, all six with GOVREPORT_SURVIVAL_ALL=1.
  const delays = sample.pick([30, 90, 150, 400, 800, 1500], 3);
  for (const delay of delays) {
    const sub = join(dir, `run-${delay}`);
    mkdirSync(sub);
    names.forEach((n, i) => writeFileSync(join(sub, n), seeds[i % seeds.length]));
    const doomed = new Set(names.filter((_, i) => i % 2 === 1));
    let deleting: NodeJS.Timeout | undefined;
    const run = await startCli(['check', '--format', 'json', '--no-progress', '--jobs', '2', '--lang', 'en', sub], dir, () => {
      deleting = setTimeout(() => {
        for (const n of doomed) unlinkSync(join(sub, n));
      }, delay);
    });
    // A run that ended before the deletion was due read every file; the deletion must not fire
    // later, after this test has removed its folder.
    clearTimeout(deleting);
    await sleep(0);
    assertNoCrash(run.stderr);
    assert.equal(run.signal, null);
    assert.ok(run.code === 0 || run.code === 1 || run.code === 2, `exit ${run.code}`);
    let json: any;
    assert.doesNotThrow(() => {
      json = JSON.parse(run.stdout);
    }, `not JSON (exit ${run.code}): ${run.stdout.slice(0, 300)}`);
    const paths = json.reports.map((r: any) => r.path.split('/').pop());
    assert.equal(new Set(paths).size, paths.length, 'no file twice');
    assert.equal(json.summary.files, json.reports.length);
    // every file that stayed is there and was read; a vanished one is absent (gone before the walk),
    // checked (read before it went) or FILE-UNREADABLE (gone between walk and read)
    let vanished = 0;
    for (const n of names) {
      const r = json.reports.find((x: any) => x.path.endsWith(`/${n}`));
      if (!doomed.has(n)) {
        assert.ok(r, `${n} was kept but not checked`);
        assert.deepEqual(fileRules(r), [], n);
        assert.equal(r.tables.T3, 'bound', n);
      } else if (r && fileRules(r).includes('FILE-UNREADABLE')) {
        assert.equal(r.findings.length, 1);
        assert.match(r.findings[0].message, /cannot be read: ENOENT/);
        vanished++;
      }
    }
    assert.equal(json.summary.unreadable, vanished);
    // a file that could not be read is an I/O failure (exit 2); otherwise the seeds' errors give 1
    assert.equal(run.code, vanished > 0 ? 2 : 1, `exit ${run.code} with ${vanished} vanished`);
    if (vanished > 0) raced++;
    t.diagnostic(`delay ${delay} ms: ${json.reports.length} reports, ${vanished} vanished between walk and read, exit ${run.code}`);
  }
  t.diagnostic(`${raced} of ${delays.length} runs hit the walk/read race`);
}));

test('a directory loop through symlinks: the walk ends and each real report is checked once', { timeout: 120_000 }, (t) => {
  const dir = tempDir(t);
  const files = ['r1.txt', 'sub/r2.md', 'x/r3.txt', 'y/r4.txt'];
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), seedText('000'));
  }
  symlinkSync(dir, join(dir, 'sub', 'loop')); // sub/loop -> the root
  symlinkSync(join(dir, 'y'), join(dir, 'x', 'to-y')); // x/to-y -> y, y/to-x -> x
  symlinkSync(join(dir, 'x'), join(dir, 'y', 'to-x'));
  symlinkSync(join(dir, 'lb'), join(dir, 'la')); // la -> lb -> la (ELOOP)
  symlinkSync(join(dir, 'la'), join(dir, 'lb'));
  symlinkSync(join(dir, 'lb.txt'), join(dir, 'la.txt')); // the same, named like reports
  symlinkSync(join(dir, 'la.txt'), join(dir, 'lb.txt'));
  const real = files.map((f) => realpathSync(join(dir, f))).sort();

  for (const operands of [[dir], [dir, join(dir, 'sub', 'loop'), join(dir, 'x', 'to-y')], ['**/*.{txt,md}']]) {
    const run = runJson(['--lang', 'en', ...operands], { cwd: dir });
    assertNoCrash(run.stderr);
    assert.equal(run.stderr, '', operands.join(' '));
    const checked = run.json.reports.map((r: any) => realpathSync(join(dir, r.path))).sort();
    assert.deepEqual(checked, real, operands.join(' '));
    assert.equal(run.code, 0);
    for (const r of run.json.reports) assert.deepEqual(fileRules(r), []);
  }
  // a symlink loop named on the command line cannot be opened: a stderr line, exit 2
  const named = runJson(['--lang', 'en', 'la.txt', 'r1.txt'], { cwd: dir });
  assert.match(named.stderr, /no such file, or nothing matched: la\.txt/);
  assert.deepEqual(named.json.reports.map((r: any) => r.path), ['r1.txt']);
  assert.equal(named.code, 2);
});

test('48 MB files: the run finishes without running out of memory and the other files are still checked', { timeout: 900_000 }, (t) => {
  // Under the default size limit (64 MiB) and far over a worker's heap (192 MB for a 96 MB string
  // and its model): the fallback to the main thread is what is tested.
  const dir = tempDir(t);
  const seed = readFileSync(seedPath('004'));
  const size = 48 * 1024 * 1024;
  const copies = Math.ceil(size / seed.length);
  const big = Buffer.alloc(copies * seed.length);
  for (let i = 0; i < copies; i++) seed.copy(big, i * seed.length);
  writeFileSync(join(dir, 'big.txt'), big);
  writeFileSync(join(dir, 'line.txt'), Buffer.alloc(size, '行政处罚 0 ')); // one 48 MB line, no newline
  const good = Array.from({ length: 8 }, (_, i) => `g${i}.txt`);
  good.forEach((g, i) => writeFileSync(join(dir, g), seedText(['000', '001', '002', '003'][i % 4])));
  const alone = runJson(['--lang', 'en', ...good], { cwd: dir });

  // --jobs 2 with 10 files: the big ones go to capped workers first, run out of heap there and are
  // analysed again in the main thread (cli/workers.ts)
  const out = join(dir, 'out.json');
  const run = runCli(['check', '--format', 'json', '--no-progress', '--jobs', '2', '--lang', 'en', '--output', out, 'big.txt', 'line.txt', ...good], { cwd: dir });
  assertNoCrash(run.stderr);
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr.slice(0, 500)}`);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(json.reports.map((r: any) => r.path), ['big.txt', ...good, 'line.txt']);
  for (const g of good) assert.deepEqual(json.reports.find((r: any) => r.path === g), alone.json.reports.find((r: any) => r.path === g), g);
  const bigReport = json.reports.find((r: any) => r.path === 'big.txt');
  assert.deepEqual(bigReport.tables, { T2: 'bound', T3: 'bound', T4: 'bound' });
  // findings are capped per rule (100 listed, then one saying how many more): the counts show the
  // repeated report was checked through to its end
  const counted = bigReport.findings.map((f: any) => /^(\d+) more finding/.exec(f.message)).filter(Boolean).map((m: any) => 100 + Number(m[1]));
  assert.ok(counted.some((n: number) => n >= copies), `the repeated report is checked through to its end (${copies} copies; ${counted.join(', ')})`);
  // and over the size limit such a file is refused unread, with a clear finding
  const refused = runJson(['--lang', 'en', '--max-file-size', '16M', 'big.txt'], { cwd: dir });
  assert.match(refused.json.reports[0].findings[0].message, /over the limit of 16 MiB/);
  assert.deepEqual(fileRules(json.reports.find((r: any) => r.path === 'line.txt')), ['FILE-NOT-A-REPORT']);
});

/**
 * Kills `--fix` runs at moments spread over a full run, half of them close to the moment the file
 * is written (seen through fs.watch in a reference run); the file must be all-old or all-new.
 */
async function killDuringFix(t: any, sample: Sampler, dir: string, name: string, original: Buffer, tries: number): Promise<void> {
  // the fully fixed result, how long a full run takes and when it writes (only to place the kills)
  const ref = join(dir, 'reference');
  mkdirSync(ref);
  writeFileSync(join(ref, name), original);
  const events: number[] = [];
  let started = 0;
  const watcher = watch(ref, () => events.push(Date.now() - started));
  started = Date.now();
  const full = await startCli(['check', '--fix', '--no-progress', '--format', 'json', name], ref, () => {});
  const duration = Date.now() - started;
  watcher.close();
  assert.ok(full.code === 0 || full.code === 1, `exit ${full.code}: ${full.stderr}`);
  const fixed = readFileSync(join(ref, name));
  assert.notDeepEqual(fixed, original, 'the reference run fixed something');
  const writeFrom = events.length ? Math.min(...events) : duration / 2;
  const writeTo = events.length ? Math.max(...events) : duration / 2;

  const outcome = { original: 0, fixed: 0, leftovers: 0 };
  // Drawn before the runs start, so the lanes' order of completion does not change them.
  const moments = Array.from({ length: tries }, () => sample.random());
  const one = async (i: number) => {
    const sub = join(dir, `try-${i}`);
    mkdirSync(sub);
    const file = join(sub, name);
    writeFileSync(file, original);
    const half = Math.floor(tries / 2);
    const delay = i < half
      ? Math.round(((i + moments[i]) / half) * duration * 1.1)
      : Math.max(0, Math.round(writeFrom - 30 + ((i - half + moments[i]) / (tries - half)) * (writeTo - writeFrom + 60)));
    const run = await startCli(['check', '--fix', '--no-progress', '--format', 'json', name], sub, (child) => {
      setTimeout(() => child.kill('SIGKILL'), delay);
    });
    const now = readFileSync(file);
    if (now.equals(original)) outcome.original++;
    else if (now.equals(fixed)) outcome.fixed++;
    else assert.fail(`try ${i} (kill after ${delay} ms, ${run.signal ?? `exit ${run.code}`}): ${name} is neither the original nor the fixed text`);
    // anything left next to it is the atomic write's temporary file, which no later run reads as a report
    const others = readdirSync(sub).filter((f) => f !== name);
    for (const o of others) assert.match(o, /^\..+\.govreport-\d+-[a-z0-9]+\.tmp$/, `unexpected file ${o}`);
    outcome.leftovers += others.length;
    if (others.length) {
      const next = runJson(['--lang', 'en', '.'], { cwd: sub });
      assert.deepEqual(next.json.reports.map((r: any) => r.path), [name], 'a leftover temporary file is not checked');
    }
  };
  // Sampled, not exhausted: `tries` kill moments (half spread over the whole run, half around the
  // write), run a few at a time. Every run reads its own copy, so they do not interfere; the load
  // of the others only spreads the moments further.
  const lanes = Math.max(1, Number(process.env.GOVREPORT_KILL_LANES ?? 3));
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (next < tries) await one(next++);
  }));
  t.diagnostic(`${name}: full run ${duration} ms, file written at ${writeFrom}–${writeTo} ms; after ${tries} kills: ${outcome.original} original, ${outcome.fixed} fixed, ${outcome.leftovers} temporary file(s) left`);
}

test('--fix killed at any moment: the file is the original or the fully fixed text, never half-written', { timeout: 600_000 }, sampled(async (t, sample) => {
  const dir = tempDir(t);
  const seed = readFileSync(seedPath('004'));
  const tries = Number(process.env.GOVREPORT_KILL_TRIES ?? sample.tries(10, 40));
  await killDuringFix(t, sample, dir, '004.txt', seed, tries);
  const large = join(dir, 'large');
  mkdirSync(large);
  await killDuringFix(t, sample, large, 'large.txt', Buffer.concat(Array(200).fill(seed)), tries); // ~1 MB: a write of some length
}));

test('a path given twice, a glob matching nothing, a missing path: documented messages and exit codes', { timeout: 120_000 }, (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'good.txt'), seedText('000')); // no error findings: exit 0 when alone
  mkdirSync(join(dir, 'empty-dir'));
  const alone = runJson(['good.txt'], { cwd: dir });
  assert.equal(alone.code, 0);

  // the same file named several ways is checked once
  const twice = runJson(['good.txt', 'good.txt', './good.txt', join(dir, 'good.txt'), '.'], { cwd: dir });
  assert.deepEqual(twice.json, alone.json);
  assert.equal(twice.stderr, '');
  assert.equal(twice.code, 0);

  // a glob matching nothing and a missing path: one stderr line each, the good file still checked, exit 2
  const bad = runJson(['good.txt', 'nothing-*.md', 'missing.txt'], { cwd: dir });
  assert.deepEqual(bad.json.reports, alone.json.reports);
  assert.deepEqual(bad.stderr.trim().split('\n'), ['govreport: 找不到文件或没有匹配的文件：nothing-*.md', 'govreport: 找不到文件或没有匹配的文件：missing.txt']);
  assert.equal(bad.code, 2);
  const text = runCli(['check', '--no-progress', '--lang', 'en', 'good.txt', 'nothing-*.md'], { cwd: dir });
  assert.match(text.stderr, /^govreport: no such file, or nothing matched: nothing-\*\.md$/m);
  assert.match(text.stdout, /1 file\(s\) checked/);
  assert.equal(text.code, 2);

  // only missing inputs: nothing to check, still a valid (empty) JSON document, exit 2
  const none = runJson(['missing.txt'], { cwd: dir });
  assert.deepEqual(none.json.reports, []);
  assert.equal(none.code, 2);

  // a directory with no report in it is not an error: nothing checked, exit 0
  const emptyDir = runJson(['empty-dir'], { cwd: dir });
  assert.deepEqual(emptyDir.json.reports, []);
  assert.equal(emptyDir.stderr, '');
  assert.equal(emptyDir.code, 0);
});

test('the atomic write itself killed mid-way (100 MB, a wide window): old bytes or new bytes, leftovers ignored', { timeout: 300_000 }, sampled(async (t, sample) => {
  // The --fix runs above spend a few milliseconds writing; here a child process writes 100 MB with
  // cli/write.ts writeAtomic and is killed while it writes, so the kill lands inside the write.
  const dir = tempDir(t);
  const size = 100 * 1024 * 1024;
  const before = readFileSync(seedPath('004'));
  const after = Buffer.alloc(size, '已修复 ');
  const url = pathToFileURL(join(ROOT, 'cli', 'write.ts')).href;
  const outcome = { before: 0, after: 0, leftovers: 0 };
  const tries = Number(process.env.GOVREPORT_KILL_TRIES ?? sample.tries(10, 40));
  for (let i = 0; i < tries; i++) {
    const sub = join(dir, `try-${i}`);
    mkdirSync(sub);
    const file = join(sub, 'report.txt');
    writeFileSync(file, before);
    const code = `const { writeAtomic } = await import(${JSON.stringify(url)});
const data = Buffer.alloc(${size}, '已修复 ');
process.stdout.write('go\\n');
writeAtomic(${JSON.stringify(file)}, data);
process.stdout.write('done\\n');`;
    const delay = Math.round(((i + sample.random()) / tries) * 600);
    const result = await new Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolveRun, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (b: Buffer) => {
        if (!stdout.includes('go\n') && (stdout += b.toString()).includes('go\n')) setTimeout(() => child.kill('SIGKILL'), delay);
        else stdout += b.toString();
      });
      child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
      child.on('error', reject);
      child.on('close', (_code, signal) => resolveRun({ signal, stdout, stderr }));
    });
    assert.match(result.stdout, /go\n/, result.stderr);
    const now = readFileSync(file);
    if (now.equals(before)) outcome.before++;
    else if (now.equals(after)) outcome.after++;
    else assert.fail(`try ${i} (kill ${delay} ms into the write): ${now.length} bytes, neither the old nor the new content`);
    const others = readdirSync(sub).filter((f) => f !== 'report.txt');
    for (const o of others) assert.match(o, /^\.report\.txt\.govreport-\d+-[a-z0-9]+\.tmp$/, `unexpected file ${o}`);
    outcome.leftovers += others.length;
    if (others.length) {
      const next = runJson(['--lang', 'en', '.'], { cwd: sub });
      assert.deepEqual(next.json.reports.map((r: any) => r.path), ['report.txt'], 'a leftover temporary file is not checked as a report');
    }
  }
  t.diagnostic(`${tries} kills during a 100 MB atomic write: ${outcome.before} old, ${outcome.after} new, ${outcome.leftovers} temporary file(s) left (ignored by the next run)`);
}));

test('a temporary file left by a killed --fix is never checked as a report, walked or globbed', { timeout: 120_000 }, (t) => {
  // SIGKILL cannot be caught: writeAtomic's temporary file (`.<name>.govreport-<pid>-<random>.tmp`,
  // fully or partly written) can stay next to the report, as the test above shows.
  const dir = tempDir(t);
  writeFileSync(join(dir, 'r.txt'), seedText('004'));
  writeFileSync(join(dir, '.r.txt.govreport-4242-k3j9az.tmp'), seedText('004').slice(0, 2000));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'q.md'), seedText('000'));
  writeFileSync(join(dir, 'sub', '.q.md.govreport-17-0abc12.tmp'), seedText('000'));
  const expected = ['r.txt', 'sub/q.md'];
  for (const operands of [['.'], ['*', 'sub/*'], ['**'], ['**/*'], ['**/.*']]) {
    const run = runJson(['--lang', 'en', ...operands], { cwd: dir });
    assert.deepEqual(run.json.reports.map((r: any) => r.path).filter((p: string) => !expected.includes(p)), [], operands.join(' '));
  }
  // named explicitly, it is checked like any file
  const named = runJson(['--lang', 'en', '.r.txt.govreport-4242-k3j9az.tmp'], { cwd: dir });
  assert.deepEqual(named.json.reports.map((r: any) => r.path), ['.r.txt.govreport-4242-k3j9az.tmp']);
});
