// Command-line arguments → options, or a usage error (exit code 2).
import { availableParallelism, cpus } from 'node:os';
import type { Lang } from '../engine/finding.ts';

export const FORMATS = ['text', 'json', 'sarif', 'junit', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface Options {
  command: 'check' | 'help' | 'version';
  operands: string[];
  format: Format;
  output?: string;
  lang: Lang;
  fix: boolean;
  jobs: number;
  quiet: boolean;
  progress: boolean;
  config?: string;
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

export function parseArgs(argv: string[]): Options {
  const o: Options = { command: 'check', operands: [], format: 'text', lang: 'zh', fix: false, jobs: defaultJobs(), quiet: false, progress: true };
  let command: string | undefined;
  let endOfOptions = false;
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (endOfOptions || !a.startsWith('-') || a === '-') {
      if (command === undefined) command = a;
      else o.operands.push(a);
      continue;
    }
    if (a === '--') {
      endOfOptions = true;
      continue;
    }
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`选项 ${a} 需要一个值`, `option ${a} needs a value`);
      return v;
    };
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`选项 ${a} 不带值`, `option ${a} takes no value`);
    };
    switch (a) {
      case '-h':
      case '--help':
        flag();
        o.command = 'help';
        break;
      case '-V':
      case '--version':
        flag();
        o.command = 'version';
        break;
      case '-f':
      case '--format': {
        const v = value();
        if (!(FORMATS as readonly string[]).includes(v)) {
          throw new UsageError(`--format 的值“${v}”无效，可选：${FORMATS.join('、')}`, `invalid --format “${v}”; expected one of ${FORMATS.join(', ')}`);
        }
        o.format = v as Format;
        break;
      }
      case '-o':
      case '--output':
        o.output = value();
        break;
      case '--lang': {
        const v = value();
        if (v !== 'zh' && v !== 'en') throw new UsageError(`--lang 的值“${v}”无效，可选：zh、en`, `invalid --lang “${v}”; expected zh or en`);
        o.lang = v;
        break;
      }
      case '--fix':
        flag();
        o.fix = true;
        break;
      case '-j':
      case '--jobs': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--jobs 的值“${v}”无效，应为正整数`, `invalid --jobs “${v}”; expected a positive integer`);
        o.jobs = Number(v);
        break;
      }
      case '-q':
      case '--quiet':
        flag();
        o.quiet = true;
        break;
      case '--no-progress':
        flag();
        o.progress = false;
        break;
      case '-c':
      case '--config':
        o.config = value();
        break;
      default:
        throw new UsageError(`未知选项：${a}`, `unknown option: ${a}`);
    }
  }
  if (o.command === 'help' || o.command === 'version') return o;
  if (command === undefined) throw new UsageError('缺少命令；用法：govreport check [选项] <文件|目录|通配符>...', 'missing command; usage: govreport check [options] <file|dir|glob>...');
  if (command === 'help') {
    o.command = 'help';
    return o;
  }
  if (command !== 'check') throw new UsageError(`未知命令：${command}（可用命令：check）`, `unknown command: ${command} (available: check)`);
  if (!o.operands.length) throw new UsageError('请至少指定一个文件、目录或通配符', 'give at least one file, directory or glob');
  return o;
}

export function helpText(lang: Lang, version: string): string {
  if (lang === 'en') {
    return `govreport ${version} — checks government information-disclosure annual reports

Usage: govreport check [options] <file|dir|glob>...

Directories are searched for .md, .markdown and .txt files (node_modules and .git skipped);
globs may use *, ** and ? (quote them so the shell leaves them alone).

Options:
  -f, --format <text|json|sarif|junit|html>  output format (default text)
  -o, --output <file>    write the output to a file instead of stdout
      --lang <zh|en>     message language (default zh)
      --fix              apply safe fixes in place (encoding and line endings kept)
  -j, --jobs <n>         worker threads (default: number of CPU cores)
  -q, --quiet            report errors only
      --no-progress      no progress bar on stderr
  -c, --config <file>    configuration file (default: .govreportrc.json searched upward)
  -h, --help             this help
  -V, --version          version

Exit codes: 0 no error found, 1 errors found, 2 usage or I/O failure.
`;
  }
  return `govreport ${version} —— 政府信息公开工作年度报告检查工具

用法：govreport check [选项] <文件|目录|通配符>...

目录中查找 .md、.markdown、.txt 文件（跳过 node_modules 和 .git）；
通配符支持 *、** 和 ?（请加引号，以免被 shell 展开）。

选项：
  -f, --format <text|json|sarif|junit|html>  输出格式（默认 text）
  -o, --output <文件>    输出写入文件，而不是标准输出
      --lang <zh|en>     提示语言（默认 zh）
      --fix              就地应用安全修复（保持原编码和换行符）
  -j, --jobs <n>         工作线程数（默认为 CPU 核数）
  -q, --quiet            只报告错误
      --no-progress      不在标准错误输出上显示进度条
  -c, --config <文件>    配置文件（默认向上查找 .govreportrc.json）
  -h, --help             显示本帮助
  -V, --version          显示版本

退出码：0 未发现错误；1 发现错误；2 用法错误或读写失败。
`;
}
