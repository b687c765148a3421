// govreport — the reviewers' command line: files, standard input, URLs → findings → text | json |
// sarif | junit | html. Exit codes: 0 no error-severity finding, 1 some error (or more warnings than
// --max-warnings), 2 usage or I/O failure.
import { closeSync, openSync, readSync, realpathSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { readConfig } from '../engine/config.ts';
import type { Finding } from '../engine/finding.ts';
import { CONFIG_OUTSIDE, FILE_FETCH, FILE_FIX_SKIPPED, FILE_UNREADABLE, noticeMessage } from '../engine/notices.ts';
import { compareYears, digestPosition, pairConsecutive, type XYearDigest } from '../engine/xyear.ts';
import { ConfigFiles, configValue, readRcFile, type Discovery } from '../host/config.ts';
import { formatBytes, readBounded } from '../host/read.ts';
import pkg from '../package.json' with { type: 'json' };
import { safeAnalyze } from './analyze.ts';
import { helpText, parseArgs, sniffLang, UsageError, type Format, type Options } from './args.ts';
import { summarize, type FormatInput } from './format/common.ts';
import { formatHtml } from './format/html.ts';
import { formatJson } from './format/json.ts';
import { formatJunit } from './format/junit.ts';
import { formatSarif } from './format/sarif.ts';
import { escapeForTerminal, formatText, useColor } from './format/text.ts';
import { attachmentUrl, Fetcher, isUrl, parseUrlList, type Fetched } from './fetch.ts';
import { expandOperands, type Target } from './inputs.ts';
import { Progress } from './progress.ts';
import { catalogue } from './rules.ts';
import { stored, packResult, type Stored } from './store.ts';
import type { FileResult, OutFinding, Task } from './types.ts';
import { applyBatchFlags } from './v8flags.ts';
import { runTasks, settle } from './workers.ts';

const VERSION: string = pkg.version;

const FORMATTERS: Record<Format, (input: FormatInput) => Iterable<string | Uint8Array>> = {
  text: formatText, json: formatJson, sarif: formatSarif, junit: formatJunit, html: formatHtml,
};

function say(lang: 'zh' | 'en', zh: string, en: string): void {
  process.stderr.write(`govreport: ${lang === 'zh' ? zh : en}\n`);
}

/**
 * Cross-year findings (docs/spec/rules.md §8), attached to the later report of each pair. The workers
 * give only each report's pairing key; a paired report is read again here for its digest.
 */
async function crossYear(results: Stored[], tasks: Task[], lang: 'zh' | 'en'): Promise<void> {
  const items = results.map((r) => r.digestKey ?? { agencyKey: null, year: null });
  const full = new Map<number, XYearDigest | null>();
  const digestOf = async (i: number): Promise<XYearDigest | null> => {
    if (!full.has(i)) {
      const kept = items[i];
      const again = (await safeAnalyze({ ...tasks[i], fix: false, grid: false, related: false, xyear: true, sentences: true })).digest;
      // The same report as before (a file changed since would pair differently): else no pair.
      const same = again && again.agencyKey === kept.agencyKey && again.year === kept.year;
      full.set(i, same ? again : null);
    }
    return full.get(i)!;
  };
  for (const [p, c] of pairConsecutive(items)) {
    const prev = await digestOf(p);
    const cur = await digestOf(c);
    if (!prev || !cur) continue;
    const levels = readConfig(tasks[c].config).config.rules;
    const found: Finding[] = compareYears(prev, cur, { lang, levels, previousName: results[p].path });
    if (!found.length) continue;
    const pos = (o: number) => digestPosition(cur, o);
    const out: OutFinding[] = found.map((f) => ({
      rule: f.rule, severity: f.severity,
      message: f.message,
      range: { start: pos(f.range.start), end: pos(f.range.end) },
      cell: f.cell, written: f.written, computed: f.computed, fix: null,
    }));
    const all = [...results[c].findings, ...out];
    all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    results[c].findings = all;
  }
}

class ClosedPipe extends Error {}

/** Writes the formatter's pieces: strings gathered into 32 KB writes, bytes (spilled findings) as they are. */
function writeOutput(chunks: Iterable<string | Uint8Array>, output: string | undefined): void {
  const fd = output ? openSync(output, 'w') : 1;
  try {
    let buffer = '';
    const put = (bytes: Uint8Array) => {
      let off = 0;
      while (off < bytes.length) {
        try {
          off += writeSync(fd, bytes, off, bytes.length - off);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EPIPE' && !output) throw new ClosedPipe(); // reader went away (e.g. `| head`)
          if (code !== 'EAGAIN') throw e;
        }
      }
    };
    const flush = () => {
      if (!buffer) return;
      put(Buffer.from(buffer, 'utf8'));
      buffer = '';
    };
    for (const c of chunks) {
      if (typeof c !== 'string') {
        flush();
        put(c);
        continue;
      }
      buffer += c;
      if (buffer.length > 1 << 15) flush();
    }
    flush();
  } finally {
    if (output) closeSync(fd);
  }
}

/** Standard input, all of it up to `max` bytes; null past that. */
function readStdin(max: number): Buffer | null {
  const parts: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    total += n;
    if (total > max) return null;
    parts.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(parts);
}

/** Whether `path` is (or would overwrite) one of the inputs: same real path, or the same inode. */
function isInput(path: string, targets: Target[]): Target | undefined {
  // A path that does not exist yet is compared through its directory's real path.
  const real = statSafe(path) ? realOrSelf(path) : join(realOrSelf(dirname(path)), basename(path));
  let ino: { dev: number; ino: number } | undefined;
  try {
    const st = statSync(path);
    ino = { dev: st.dev, ino: st.ino };
  } catch {
    ino = undefined;
  }
  return targets.find((t) => {
    if (realOrSelf(t.abs) === real) return true;
    if (!ino) return false;
    try {
      const st = statSync(t.abs);
      return st.dev === ino.dev && st.ino === ino.ino;
    } catch {
      return false;
    }
  });
}

function statSafe(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

const within = (dir: string, root: string) => {
  const rel = relative(root, dir);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
};

/** Rules a configuration turns off. */
function rulesOff(value: unknown): string[] {
  return Object.entries(readConfig(value).config.rules).filter(([, l]) => l === 'off').map(([id]) => id).sort();
}

function printConfig(options: Options, cwd: string): number {
  const { targets, missing } = expandOperands(options.operands.filter((o) => o !== '-'), cwd, { ignorePath: options.ignorePath });
  const finder = new ConfigFiles({ stable: true });
  const out = targets.map((t) => {
    const d: Discovery | null = options.config ? null : finder.discover(t.abs, t.stopAtRoot ? [t.root] : []);
    const rc = options.config ? readRcFile(resolve(cwd, options.config)) : d!.file;
    const reading = readConfig(configValue(rc));
    return {
      path: t.path,
      config: rc?.path ?? null,
      searched: d ? d.searched : [],
      stop: d ? d.stop : 'given',
      rules: reading.config.rules,
      ...(reading.error ? { error: reading.error } : {}),
      ...(reading.unknown.length ? { unknown: reading.unknown } : {}),
    };
  });
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  for (const m of missing) say(options.lang, `找不到文件或没有匹配的文件：${m}`, `no such file, or nothing matched: ${m}`);
  return missing.length ? 2 : 0;
}

async function run(argv: string[]): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const lang = sniffLang(argv);
    say(lang, e.zh, e.en);
    say(lang, '运行 govreport --help 查看用法', 'run govreport --help for usage');
    return 2;
  }
  const { lang } = options;
  if (options.command === 'help') {
    process.stdout.write(helpText(lang, VERSION));
    return 0;
  }
  if (options.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const cwd = process.cwd();
  if (options.command === 'print-config') return printConfig(options, cwd);

  let failed = false; // usage or I/O failure → exit 2
  let fixedConfig: unknown;
  if (options.config) {
    const rc = readRcFile(resolve(cwd, options.config));
    if (!rc.ok && rc.kind === 'read') {
      say(lang, `无法读取配置文件 ${options.config}：${rc.error}`, `cannot read configuration file ${options.config}: ${rc.error}`);
      return 2;
    }
    fixedConfig = configValue(rc);
  }

  const stdinAt = options.operands.indexOf('-');
  const urls = options.operands.filter(isUrl);
  if (options.urls) {
    const list = readBounded(resolve(cwd, options.urls), 16 * 2 ** 20);
    if (!list.ok) {
      const why = list.reason === 'io' ? list.code : list.reason === 'special' ? list.kind : 'too large';
      say(lang, `无法读取网址列表 ${options.urls}：${why}`, `cannot read the URL list ${options.urls}: ${why}`);
      return 2;
    }
    urls.push(...parseUrlList(list.bytes.toString('utf8')));
  }
  const paths = options.operands.filter((o) => o !== '-' && !isUrl(o));
  const { targets, missing, unreadableDirs } = expandOperands(paths, cwd, { ignorePath: options.ignorePath });
  for (const m of missing) {
    say(lang, `找不到文件或没有匹配的文件：${m}`, `no such file, or nothing matched: ${m}`);
    failed = true;
  }
  if (options.output) {
    const clash = isInput(resolve(cwd, options.output), targets);
    if (clash) {
      say(lang, `--output ${options.output} 是被检查的文件（${clash.path}），拒绝覆盖`, `--output ${options.output} is one of the inputs (${clash.path}); refusing to overwrite it`);
      return 2;
    }
  }

  // Configuration per report: the nearest file, searched up to the folder the operand named.
  const finder = new ConfigFiles({ stable: true });
  const used = new Map<string, { above: boolean; outside: boolean; off: string[] }>();
  const configOf = (abs: string, root: string, stop: boolean): { value: unknown; outside?: OutFinding } => {
    if (options.config) return { value: fixedConfig };
    const rc = finder.find(abs, stop ? [root] : []);
    if (!rc) return { value: undefined };
    const value = configValue(rc);
    const dir = dirname(rc.path);
    const outside = !within(dir, root);
    const off = rulesOff(value);
    used.set(rc.path, { above: !within(dir, cwd), outside, off });
    if (!outside || !off.length) return { value };
    const zero = { line: 0, character: 0 };
    const message = noticeMessage(CONFIG_OUTSIDE, lang, 'default', { path: rc.path, n: off.length, rules: off.slice(0, 8).join(', ') + (off.length > 8 ? ', …' : '') });
    return { value, outside: { rule: CONFIG_OUTSIDE.id, severity: CONFIG_OUTSIDE.severity, message, range: { start: zero, end: zero }, cell: null, written: null, computed: null, fix: null } };
  };

  const tasks: Task[] = [];
  const outsideFindings = new Map<number, OutFinding>();
  const common = {
    lang, fix: options.fix, grid: options.format === 'html', related: options.format === 'json', maxBytes: options.maxBytes,
  };
  for (const t of targets) {
    const c = configOf(t.abs, t.root, t.stopAtRoot);
    if (c.outside) outsideFindings.set(tasks.length, c.outside);
    tasks.push({ ...common, index: tasks.length, path: t.path, abs: t.abs, config: c.value, xyear: false });
  }
  if (stdinAt >= 0) {
    const name = options.stdinFilename ?? '<stdin>';
    const abs = resolve(cwd, options.stdinFilename ?? 'stdin.txt');
    const bytes = readStdin(options.maxBytes);
    const c = configOf(abs, cwd, false);
    if (c.outside) outsideFindings.set(tasks.length, c.outside);
    if (bytes === null) {
      say(lang, `标准输入超过上限 ${formatBytes(options.maxBytes)}，未检查`, `standard input is over the limit of ${formatBytes(options.maxBytes)}; not checked`);
      failed = true;
    } else tasks.push({ ...common, fix: false, index: tasks.length, path: name, abs, config: c.value, xyear: false, bytes });
  }
  // URLs: fetched (politely, per host), then checked like files; a failed fetch is FILE-FETCH.
  const fetcher = new Fetcher({ timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, perHost: options.perHost });
  const fetchFailures: FileResult[] = [];
  const urlTask = (listed: string, got: Extract<Fetched, { ok: true }>, index: number): Task => ({
    ...common, fix: false, index, path: listed, abs: resolve(cwd, 'url.txt'), url: got.finalUrl, fileName: urlFileName(got.finalUrl, got.mediaType),
    mediaType: got.mediaType, bytes: got.bytes, config: configOf(resolve(cwd, 'url.txt'), cwd, false).value, xyear: false,
  });
  const uniqueUrls = [...new Set(urls)];
  const xyear = tasks.length + uniqueUrls.length + unreadableDirs.length > 1;
  for (const t of tasks) t.xyear = xyear;

  const label = uniqueUrls.length ? (lang === 'zh' ? '已下载并检查' : 'fetched and checked') : '';
  const progress = new Progress(tasks.length + uniqueUrls.length, options.progress, process.stderr, label);
  applyBatchFlags();
  const fileRun = runTasks(tasks, options.jobs, (n) => progress.tick(n));
  // Each URL is checked in this thread as soon as it arrives, while the next ones are fetched: the
  // run is then bound by the servers (4 requests at a time per host), not by the checking.
  const noTables = (r: FileResult) => r.tables.T2 === 'missing' && r.tables.T3 === 'missing' && r.tables.T4 === 'missing';
  const fetched: ({ task: Task; result: Stored } | { failure: FileResult })[] = new Array(uniqueUrls.length);
  const urlRun = Promise.all(uniqueUrls.map(async (u, k) => {
    const got = await fetcher.fetch(u);
    if (!got.ok) {
      fetched[k] = { failure: fetchFailure(u, got.reason, lang) };
      progress.tick();
      return;
    }
    let task = { ...urlTask(u, got, -1), xyear };
    let result = await settle(task);
    // A page that is no report itself but links its report (a .pdf or .docx attachment, as many
    // government sites publish it): that link is fetched once and checked in the page's place.
    const link = result.attachments?.length && noTables(result) ? attachmentUrl(result.attachments[0], got.finalUrl) : null;
    if (link) {
      const attached = await fetcher.fetch(link);
      if (!attached.ok) {
        fetched[k] = { failure: { ...fetchFailure(u, attached.reason, lang), url: attached.url } };
        progress.tick();
        return;
      }
      task = { ...urlTask(u, attached, -1), xyear };
      result = await settle(task);
    }
    fetched[k] = { task, result };
    progress.tick();
  }));
  const [fromFiles] = await Promise.all([fileRun, urlRun]);
  progress.end();
  const checked = [...fromFiles];
  for (const f of fetched) {
    if ('failure' in f) fetchFailures.push(f.failure);
    else {
      f.task.index = tasks.length;
      tasks.push(f.task);
      checked.push(f.result);
    }
  }

  await crossYear(checked, tasks, lang);
  for (const [i, f] of outsideFindings) checked[i].findings = [f, ...checked[i].findings];
  // A directory the walk could not list stands in the results as an unreadable input of its own.
  const dirResults = unreadableDirs.map((d) => stored(packResult(unreadableDir(d.path, d.code, lang))));
  const results = [...checked, ...dirResults, ...fetchFailures.map((f) => stored(packResult(f)))].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const r of results) {
    if (r.ioError) failed = true;
    if (options.quiet) r.findings = r.findings.filter((f) => f.severity === 'error');
  }

  let fixedFiles = 0;
  if (options.fix) {
    for (const r of results) {
      if (r.fix?.written) fixedFiles++;
      if (r.fix?.skipped === 'write-failed') failed = true;
      // The report carries FILE-FIX-SKIPPED; stderr says it too, whatever the format.
      const note = r.fix?.skipped && r.fix.skipped !== 'unreadable' ? r.findings.find((f) => f.rule === FILE_FIX_SKIPPED.id) : undefined;
      if (note) process.stderr.write(`govreport: ${escapeForTerminal(r.path)}: ${escapeForTerminal(note.message)}\n`);
    }
    if (options.format !== 'text') say(lang, `已修复并写回 ${fixedFiles} 个文件`, `${fixedFiles} file(s) fixed in place`);
  }

  const summary = summarize(results);
  const configsAbove = [...used].filter(([, u]) => u.above).map(([p]) => p).sort();
  const input: FormatInput = {
    results, summary, lang, version: VERSION, rules: catalogue(), cwd, fixedFiles, configsAbove,
    color: options.format === 'text' && !options.output && useColor(options.color, process.stdout, process.env),
  };
  try {
    writeOutput(FORMATTERS[options.format](input), options.output);
  } catch (e) {
    if (!(e instanceof ClosedPipe)) {
      say(lang, `无法写出结果：${(e as Error).message}`, `cannot write the output: ${(e as Error).message}`);
      return 2;
    }
  }
  if (failed) return 2;
  if (summary.errors > 0) return 1;
  if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
    say(lang, `警告 ${summary.warnings} 个，超过 --max-warnings ${options.maxWarnings}`, `${summary.warnings} warning(s), more than --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

/**
 * A name for a fetched document, from which the engine reads its kind where the bytes do not tell
 * (Markdown from plain text): a text media type first, else the URL's last path segment.
 */
function urlFileName(url: string, mediaType: string | undefined): string | undefined {
  const type = (mediaType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'page.md';
  if (type === 'text/plain') return 'page.txt';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'page.html';
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  try {
    return /\.[A-Za-z0-9]{1,8}$/.test(last) ? decodeURIComponent(last) : undefined;
  } catch {
    return undefined;
  }
}

function fetchFailure(url: string, reason: string, lang: 'zh' | 'en'): FileResult {
  const zero = { line: 0, character: 0 };
  return {
    path: url, url, encoding: null, ioError: true, unreadable: false, fetchFailed: true, agency: null, year: null, template: null,
    tables: { T2: 'missing', T3: 'missing', T4: 'missing' },
    findings: [{
      rule: FILE_FETCH.id, severity: FILE_FETCH.severity, message: noticeMessage(FILE_FETCH, lang, 'default', { reason }),
      range: { start: zero, end: zero }, cell: null, written: null, computed: null, fix: null,
    }],
  };
}

function unreadableDir(path: string, code: string, lang: 'zh' | 'en'): FileResult {
  const zero = { line: 0, character: 0 };
  return {
    path, encoding: null, ioError: true, unreadable: true, agency: null, year: null, template: null,
    tables: { T2: 'missing', T3: 'missing', T4: 'missing' },
    findings: [{
      rule: FILE_UNREADABLE.id, severity: FILE_UNREADABLE.severity, message: noticeMessage(FILE_UNREADABLE, lang, 'directory', { reason: code }),
      range: { start: zero, end: zero }, cell: null, written: null, computed: null, fix: null,
    }],
  };
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`govreport: ${(e as Error)?.stack ?? e}\n`);
    process.exitCode = 2;
  },
);
