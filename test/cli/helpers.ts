// Shared by the CLI tests: build the CLI once if needed, run it, make temporary fixture folders.
import { Ajv } from 'ajv';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'out', 'cli.cjs');
export const SEEDS = join(ROOT, 'test', 'fixtures', 'seeds');

export function seedPath(prefix: string): string {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!name) throw new Error(`no seed ${prefix}`);
  return join(SEEDS, name);
}

export function seedText(prefix: string): string {
  return readFileSync(seedPath(prefix), 'utf8');
}

let built = false;
/**
 * Builds out/cli.cjs and out/worker.cjs when missing (`npm test` builds before testing). Test files
 * run in parallel processes, so one builds under a lock directory and the others wait for it.
 */
export function ensureBuilt(): void {
  if (built) return;
  const ready = () => existsSync(CLI) && existsSync(join(ROOT, 'out', 'worker.cjs'));
  if (!ready()) {
    const lock = join(ROOT, 'out', '.cli-build.lock');
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      mine = false;
    }
    if (mine) {
      try {
        const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    } else {
      const deadline = Date.now() + 120_000;
      while (existsSync(lock) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
    if (!ready()) throw new Error('out/cli.cjs was not built');
  }
  built = true;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  ensureBuilt();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, ...options.env }, maxBuffer: 256 << 20,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `check --format json` and parses stdout. */
export function runJson(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { code: number | null; json: any; stderr: string } {
  const r = runCli(['check', '--format', 'json', '--no-progress', ...args], options);
  let json: any;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.stdout.slice(0, 500)}\n${r.stderr}`);
  }
  return { code: r.code, json, stderr: r.stderr };
}

export function tempDir(t: { after(fn: () => void): void }, name = 'govreport-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), name));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function copySeed(prefix: string, dir: string, name?: string): string {
  const src = seedPath(prefix);
  const dest = join(dir, name ?? src.split('/').pop()!);
  cpSync(src, dest);
  return dest;
}

/** A comparable digest of findings: rule, severity, range, message, cell. */
export function findingKeys(report: any): string[] {
  return report.findings.map((f: any) =>
    `${f.rule}|${f.severity}|${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}|${f.cell ? `${f.cell.table}.${f.cell.row}.${f.cell.col}` : '-'}|${f.message}`);
}

/** A validator of the vendored SARIF 2.1.0 schema (schemas/sarif-2.1.0-rtm.5.json): "" when valid, else the errors. */
export function sarifValidator() {
  // The schema is draft-04 ("id"); ajv 8 speaks draft-07, which reads it the same once "id" → "$id".
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp: false — one pattern of the schema (`language`) is not valid with the u flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s]*$/);
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
  const validate = ajv.compile(schema);
  return (doc: unknown) => (validate(doc) ? '' : ajv.errorsText(validate.errors, { separator: '\n' }));
}
