// govreport — the reviewers' command line: files → findings → text | json | sarif | junit | html.
// Exit codes: 0 no error-severity finding, 1 some error, 2 usage or I/O failure.
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfig } from '../engine/config.ts';
import type { Finding } from '../engine/finding.ts';
import { compareYears, digestPosition, pairConsecutive, type XYearDigest } from '../engine/xyear.ts';
import pkg from '../package.json' with { type: 'json' };
import { helpText, parseArgs, sniffLang, UsageError, type Format, type Options } from './args.ts';
import { ConfigFinder, expandOperands, readConfigFile } from './files.ts';
import { summarize, type FormatInput } from './format/common.ts';
import { formatHtml } from './format/html.ts';
import { formatJson } from './format/json.ts';
import { formatJunit } from './format/junit.ts';
import { formatSarif } from './format/sarif.ts';
import { formatText } from './format/text.ts';
import { Progress } from './progress.ts';
import { allRules } from './rules.ts';
import type { OutFinding, Task } from './types.ts';
import { runTasks } from './workers.ts';
import { safeAnalyze } from './analyze.ts';
import { applyBatchFlags } from './v8flags.ts';
import type { Stored } from './store.ts';

const VERSION: string = pkg.version;

const FORMATTERS: Record<Format, (input: FormatInput) => Iterable<string>> = {
  text: formatText, json: formatJson, sarif: formatSarif, junit: formatJunit, html: formatHtml,
};

function say(lang: 'zh' | 'en', zh: string, en: string): void {
  process.stderr.write(`govreport: ${lang === 'zh' ? zh : en}\n`);
}

/**
 * Cross-year findings (docs/spec/rules.md §8), attached to the later report of each pair. The workers leave
 * the prose out of the digests; a paired report is read again here for its sentence hashes.
 */
function crossYear(results: Stored[], tasks: Task[], configs: unknown[], lang: 'zh' | 'en'): void {
  const items = results.map((r) => r.digestKey ?? { agencyKey: null, year: null });
  const full = new Map<number, XYearDigest>();
  const digestOf = (i: number): XYearDigest => {
    const stored = results[i].digest as XYearDigest;
    if (stored.sentences) return stored;
    if (!full.has(i)) {
      const again = safeAnalyze({ ...tasks[i], fix: false, grid: false, related: false, xyear: true, sentences: true }).digest;
      // The same report as before (a file changed since would pair differently): else no sentences.
      const same = again && again.agencyKey === stored.agencyKey && again.year === stored.year;
      full.set(i, same ? again : stored);
    }
    return full.get(i)!;
  };
  for (const [p, c] of pairConsecutive(items)) {
    const prev = digestOf(p);
    const cur = digestOf(c);
    const levels = readConfig(configs[c]).config.rules;
    const found: Finding[] = compareYears(prev, cur, { lang, levels });
    if (!found.length) continue;
    const pos = (o: number) => digestPosition(cur, o);
    const out: OutFinding[] = found.map((f) => ({
      rule: f.rule, severity: f.severity,
      message: `${f.message}${lang === 'zh' ? `（上一年度报告：${results[p].path}）` : ` (last year’s report: ${results[p].path})`}`,
      range: { start: pos(f.range.start), end: pos(f.range.end) },
      cell: f.cell, written: f.written, computed: f.computed, fix: null,
    }));
    const all = [...results[c].findings, ...out];
    all.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    results[c].findings = all;
  }
}

class ClosedPipe extends Error {}

function writeOutput(chunks: Iterable<string>, output: string | undefined): void {
  const fd = output ? openSync(output, 'w') : 1;
  try {
    let buffer = '';
    const flush = () => {
      if (!buffer) return;
      const bytes = Buffer.from(buffer, 'utf8');
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
      buffer = '';
    };
    for (const c of chunks) {
      buffer += c;
      if (buffer.length > 1 << 15) flush();
    }
    flush();
  } finally {
    if (output) closeSync(fd);
  }
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

  let failed = false; // usage or I/O failure → exit 2
  const cwd = process.cwd();
  let fixedConfig: unknown;
  if (options.config) {
    if (!existsSync(resolve(cwd, options.config))) {
      say(lang, `找不到配置文件：${options.config}`, `configuration file not found: ${options.config}`);
      return 2;
    }
    try {
      fixedConfig = readConfigFile(resolve(cwd, options.config));
    } catch (e) {
      say(lang, `无法读取配置文件 ${options.config}：${(e as Error).message}`, `cannot read configuration file ${options.config}: ${(e as Error).message}`);
      return 2;
    }
  }

  const { targets, missing } = expandOperands(options.operands, cwd);
  for (const m of missing) {
    say(lang, `找不到文件或没有匹配的文件：${m}`, `no such file, or nothing matched: ${m}`);
    failed = true;
  }

  const finder = new ConfigFinder();
  const configCache = new Map<string, unknown>();
  const configs: unknown[] = targets.map((t) => {
    if (options.config) return fixedConfig;
    const file = finder.find(t.abs);
    if (!file) return undefined;
    if (!configCache.has(file)) {
      try {
        configCache.set(file, readConfigFile(file));
      } catch (e) {
        configCache.set(file, `cannot read: ${(e as Error).message}`);
      }
    }
    return configCache.get(file);
  });

  const tasks: Task[] = targets.map((t, index) => ({
    index, path: t.path, abs: t.abs, config: configs[index], lang, fix: options.fix,
    grid: options.format === 'html', xyear: targets.length > 1, related: options.format === 'json',
  }));
  const progress = new Progress(tasks.length, options.progress);
  applyBatchFlags();
  const results = await runTasks(tasks, options.jobs, (n) => progress.tick(n));
  progress.end();

  crossYear(results, tasks, configs, lang);
  for (const r of results) {
    r.dropDigest();
    if (r.ioError) failed = true;
    if (options.quiet) r.findings = r.findings.filter((f) => f.severity === 'error');
  }

  let fixedFiles = 0;
  if (options.fix) {
    for (const r of results) {
      if (r.fix?.written) fixedFiles++;
      if (r.fix?.skipped === 'unparsed-table') say(lang, `${r.path}：有表格未能完整识别，--fix 未修改此文件`, `${r.path}: a table could not be fully read; --fix left the file untouched`);
      if (r.fix?.skipped === 'encoding') say(lang, `${r.path}：无法按原编码无损写回，--fix 未修改此文件`, `${r.path}: the file cannot be written back losslessly in its encoding; --fix left it untouched`);
      if (r.fix?.skipped === 'write-failed') {
        say(lang, `${r.path}：写回失败：${r.fix.error}`, `${r.path}: writing failed: ${r.fix.error}`);
        failed = true;
      }
    }
    if (options.format !== 'text') say(lang, `已修复并写回 ${fixedFiles} 个文件`, `${fixedFiles} file(s) fixed in place`);
  }

  const summary = summarize(results);
  const input: FormatInput = { results, summary, lang, version: VERSION, rules: allRules(), cwd, fixedFiles };
  try {
    writeOutput(FORMATTERS[options.format](input), options.output);
  } catch (e) {
    if (e instanceof ClosedPipe) return failed ? 2 : summary.errors > 0 ? 1 : 0;
    say(lang, `无法写出结果：${(e as Error).message}`, `cannot write the output: ${(e as Error).message}`);
    return 2;
  }
  if (failed) return 2;
  return summary.errors > 0 ? 1 : 0;
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
