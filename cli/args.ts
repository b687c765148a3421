// Command-line arguments → options, or a usage error (exit code 2). Parsed by node:util parseArgs;
// this file only says which options exist and what their values may be.
import { availableParallelism, cpus } from 'node:os';
import { parseArgs as parseNodeArgs } from 'node:util';
import type { Lang } from '../engine/finding.ts';
import { DEFAULT_MAX_BYTES, parseSize } from '../host/read.ts';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface Options {
  command: 'check' | 'help' | 'version' | 'print-config';
  operands: string[];
  format: Format;
  output?: string;
  lang: Lang;
  fix: boolean;
  jobs: number;
  quiet: boolean;
  progress: boolean;
  config?: string;
  /** Name (and so the kind: .md or .txt) of the report read from standard input (`-`). */
  stdinFilename?: string;
  /** More warnings than this fail the run (exit 1), as in eslint. */
  maxWarnings?: number;
  /** Colour in the text format: forced on, off, or when stdout is a terminal ('auto'). */
  color: 'auto' | 'always' | 'never';
  maxBytes: number;
  /** A file listing URLs, one a line (`#` comments). */
  urls?: string;
  /** Requests at a time to one host. */
  perHost: number;
  /** Per-request timeout in milliseconds. */
  timeoutMs: number;
  ignorePath?: string | null;
}

export class UsageError extends Error {
  constructor(readonly zh: string, readonly en: string) {
    super(en);
  }
}

function defaultJobs(): number {
  try {
    return Math.max(1, availableParallelism());
  } catch {
    return Math.max(1, cpus().length);
  }
}

/** Language wanted before the arguments are fully parsed (for usage errors). */
export function sniffLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return 'zh';
  const v = argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
  return v === 'en' ? 'en' : 'zh';
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  lang: { type: 'string' },
  fix: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  quiet: { type: 'boolean', short: 'q' },
  'no-progress': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  'stdin-filename': { type: 'string' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  'print-config': { type: 'boolean' },
  urls: { type: 'string' },
  'per-host': { type: 'string' },
  timeout: { type: 'string' },
  'ignore-path': { type: 'string' },
  'no-ignore': { type: 'boolean' },
} as const;

const positiveInt = (name: string, v: string, zero = false): number => {
  if (!/^\d+$/.test(v) || (!zero && Number(v) < 1)) {
    throw new UsageError(`${name} 的值“${v}”无效，应为${zero ? '非负' : '正'}整数`, `invalid ${name} “${v}”; expected a ${zero ? 'non-negative' : 'positive'} integer`);
  }
  return Number(v);
};

/** parseArgs' own errors, said in both languages. */
function usageFrom(e: unknown): UsageError {
  const err = e as NodeJS.ErrnoException;
  const name = /'([^']+)'/.exec(err.message)?.[1]?.split(',').pop()?.trim().split(' ')[0] ?? '';
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`未知选项：${name}`, `unknown option: ${name}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(err.message)
        ? new UsageError(`选项 ${name} 需要一个值`, `option ${name} needs a value`)
        : new UsageError(`选项 ${name} 不带值`, `option ${name} takes no value`);
    default:
      return new UsageError(`参数无效：${err.message}`, `invalid arguments: ${err.message}`);
  }
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Options {
  let parsed;
  try {
    parsed = parseNodeArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageFrom(e);
  }
  const v = parsed.values;
  const o: Options = {
    command: 'check', operands: [], format: 'text', lang: 'zh', fix: v.fix === true, jobs: defaultJobs(),
    quiet: v.quiet === true, progress: v['no-progress'] !== true, color: 'auto',
    maxBytes: env.GOVREPORT_MAX_FILE_MB && Number(env.GOVREPORT_MAX_FILE_MB) > 0 ? Math.floor(Number(env.GOVREPORT_MAX_FILE_MB) * 2 ** 20) : DEFAULT_MAX_BYTES,
    perHost: 4, timeoutMs: 30_000,
  };
  if (v.lang !== undefined) {
    if (v.lang !== 'zh' && v.lang !== 'en') throw new UsageError(`--lang 的值“${v.lang}”无效，可选：zh、en`, `invalid --lang “${v.lang}”; expected zh or en`);
    o.lang = v.lang;
  }
  if (v.help) return { ...o, command: 'help' };
  if (v.version) return { ...o, command: 'version' };
  if (v.format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(v.format)) {
      throw new UsageError(`--format 的值“${v.format}”无效，可选：${FORMATS.join('、')}`, `invalid --format “${v.format}”; expected one of ${FORMATS.join(', ')}`);
    }
    o.format = v.format as Format;
  }
  o.output = v.output;
  o.config = v.config;
  if (v.jobs !== undefined) o.jobs = positiveInt('--jobs', v.jobs);
  if (v['max-warnings'] !== undefined) o.maxWarnings = positiveInt('--max-warnings', v['max-warnings'], true);
  if (v['per-host'] !== undefined) o.perHost = positiveInt('--per-host', v['per-host']);
  if (v.timeout !== undefined) o.timeoutMs = positiveInt('--timeout', v.timeout) * 1000;
  if (v['max-file-size'] !== undefined) {
    const n = parseSize(v['max-file-size']);
    if (n === undefined) throw new UsageError(`--max-file-size 的值“${v['max-file-size']}”无效（如 64M、512K）`, `invalid --max-file-size “${v['max-file-size']}” (e.g. 64M, 512K)`);
    o.maxBytes = n;
  }
  if (v.color && v['no-color']) throw new UsageError('--color 与 --no-color 不能同时使用', '--color and --no-color cannot be used together');
  o.color = v.color ? 'always' : v['no-color'] ? 'never' : 'auto';
  o.stdinFilename = v['stdin-filename'];
  o.urls = v.urls;
  o.ignorePath = v['no-ignore'] ? null : v['ignore-path'];

  // `govreport check <paths>` or just `govreport <paths>`; `help` as a word too.
  const positionals = [...parsed.positionals];
  if (positionals[0] === 'check') positionals.shift();
  else if (positionals[0] === 'help' && positionals.length === 1) return { ...o, command: 'help' };
  o.operands = positionals;
  if (v['print-config']) {
    if (!o.operands.length) throw new UsageError('--print-config 需要至少一个文件或目录', '--print-config needs at least one file or directory');
    return { ...o, command: 'print-config' };
  }
  if (!o.operands.length && !o.urls) {
    throw new UsageError('请至少指定一个文件、目录、通配符或网址；用法：govreport [check] [选项] <文件|目录|通配符|网址>...', 'give at least one file, directory, glob or URL; usage: govreport [check] [options] <file|dir|glob|url>...');
  }
  if (o.operands.filter((x) => x === '-').length > 1) throw new UsageError('标准输入（-）只能指定一次', 'standard input (-) can be given only once');
  if (o.stdinFilename !== undefined && !o.operands.includes('-')) throw new UsageError('--stdin-filename 只能与 -（标准输入）一起使用', '--stdin-filename is only for - (standard input)');
  if (o.fix && o.operands.includes('-')) throw new UsageError('--fix 不能用于标准输入', '--fix cannot be used on standard input');
  return o;
}

export function helpText(lang: Lang, version: string): string {
  if (lang === 'en') {
    return `govreport ${version} — checks government information-disclosure annual reports

Usage: govreport [check] [options] <file|dir|glob|url|->...

Directories are searched for .md, .markdown and .txt files (names starting with a dot, and
node_modules, skipped; so is whatever .govreportignore lists, in gitignore syntax). Globs may use
*, **, ?, [..] and {a,b} (quote them so the shell leaves them alone); !glob leaves files out.
- reads one report from standard input. http:// and https:// operands are fetched.

Options:
  -f, --format <text|json|sarif|junit|html>  output format (default text)
  -o, --output <file>      write the output to a file instead of stdout (never over an input)
      --lang <zh|en>       message language (default zh)
      --fix                apply safe fixes in place (encoding and line endings kept)
  -j, --jobs <n>           worker threads (default: number of CPU cores)
  -q, --quiet              report errors only
      --max-warnings <n>   exit 1 when there are more than n warnings
      --no-progress        no progress line on stderr
      --color, --no-color  colour the text output (default: when stdout is a terminal)
  -c, --config <file>      configuration file (default: the nearest .govreportrc.json above
                           each report, searched up to the repository root or the folder named)
      --print-config       print the configuration each named file gets, and where it is from
      --stdin-filename <name>  the name of the report read from - (its extension picks Markdown or text)
      --max-file-size <size>   larger inputs are not checked (default 64M)
      --ignore-path <file>     ignore file instead of ./.govreportignore; --no-ignore for none
      --urls <file>        check the URLs listed in a file, one a line (# comments)
      --per-host <n>       requests at a time to one host (default 4)
      --timeout <seconds>  per request (default 30)
  -h, --help               this help
  -V, --version            version

Environment:
  NO_COLOR             any value: no colour (as --no-color)
  FORCE_COLOR          1: colour even when stdout is not a terminal (as --color)
  TERM                 dumb: no colour on that terminal
  GOVREPORT_MAX_FILE_MB    default for --max-file-size, in MiB
  GOVREPORT_V8_FLAGS   V8 flags for a batch run instead of the built-in ones ('' for none)
  GOVREPORT_WORKER_HEAP_MB, GOVREPORT_WORKER_YOUNG_MB  heap limits of a worker thread (192, 32)
  GOVREPORT_SPILL_AFTER_MB  findings kept in memory before they go to a temporary file (8)
  GOVREPORT_DEBUG      any value: internal errors print their stack trace

Exit codes: 0 no error found, 1 errors found (or more warnings than --max-warnings),
2 usage or I/O failure (a file or URL that could not be read, an internal error).
`;
  }
  return `govreport ${version} —— 政府信息公开工作年度报告检查工具

用法：govreport [check] [选项] <文件|目录|通配符|网址|->...

目录中查找 .md、.markdown、.txt 文件（跳过以点开头的文件和目录、node_modules，以及
.govreportignore 中按 gitignore 语法列出的文件）；通配符支持 *、**、?、[..] 和 {a,b}
（请加引号，以免被 shell 展开）；!通配符 表示排除。- 表示从标准输入读取一份报告。
以 http:// 或 https:// 开头的参数按网址下载后检查。

选项：
  -f, --format <text|json|sarif|junit|html>  输出格式（默认 text）
  -o, --output <文件>      输出写入文件，而不是标准输出（不会覆盖被检查的文件）
      --lang <zh|en>       提示语言（默认 zh）
      --fix                就地应用安全修复（保持原编码和换行符）
  -j, --jobs <n>           工作线程数（默认为 CPU 核数）
  -q, --quiet              只报告错误
      --max-warnings <n>   警告多于 n 个时以退出码 1 结束
      --no-progress        不在标准错误输出上显示进度
      --color, --no-color  文本输出是否着色（默认：标准输出为终端时着色）
  -c, --config <文件>      配置文件（默认：每份报告向上查找最近的 .govreportrc.json，
                           最多找到代码仓库根目录或命令行指定的目录为止）
      --print-config       打印每个指定文件所用的配置及其来源
      --stdin-filename <名称>  从 - 读入的报告的文件名（按扩展名区分 Markdown 和纯文本）
      --max-file-size <大小>   超过此大小的输入不检查（默认 64M）
      --ignore-path <文件>     用此忽略文件代替 ./.govreportignore；--no-ignore 不用忽略文件
      --urls <文件>        检查文件中列出的网址，每行一个（# 开头为注释）
      --per-host <n>       对同一网站同时发出的请求数（默认 4）
      --timeout <秒>       每个请求的超时（默认 30）
  -h, --help               显示本帮助
  -V, --version            显示版本

环境变量：
  NO_COLOR             任意值：不着色（同 --no-color）
  FORCE_COLOR          1：标准输出不是终端时也着色（同 --color）
  TERM                 dumb：该终端不着色
  GOVREPORT_MAX_FILE_MB    --max-file-size 的默认值，单位 MiB
  GOVREPORT_V8_FLAGS   批量检查时代替内置设置的 V8 参数（空字符串表示不设）
  GOVREPORT_WORKER_HEAP_MB、GOVREPORT_WORKER_YOUNG_MB  工作线程的堆上限（192、32）
  GOVREPORT_SPILL_AFTER_MB  结果在内存中保留多少 MB 后转存到临时文件（8）
  GOVREPORT_DEBUG      任意值：内部错误时打印调用栈

退出码：0 未发现错误；1 发现错误（或警告多于 --max-warnings）；2 用法错误或读取失败
（文件或网址无法读取、程序内部错误）。
`;
}
