// Shared by the real-editor test entries: skip-or-fail when the tooling is missing, build if needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, SETUP_HINT } from '../../scripts/e2e/tooling.mjs';

export { REPO };

/**
 * node:test `skip` value: false when everything is installed. When something is missing the tests
 * are skipped locally, but under CI (process.env.CI set) they run and fail on the first assertion.
 */
export function skipUnlessTooling(missing: string[]): string | false {
  if (!missing.length || process.env.CI) return false;
  return `real-editor tooling missing (${missing.join(', ')}): ${SETUP_HINT}`;
}

export function toolingMessage(missing: string[]): string {
  return `real-editor tooling missing under CI (${missing.join(', ')}): ${SETUP_HINT} before the tests`;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

const OUTPUTS = ['out/client.cjs', 'out/server.cjs', 'out/test/e2e/index.cjs'];
const SOURCES = ['client', 'server', 'engine', 'test/e2e/suite', 'esbuild.mjs', 'package.json'];

/** Runs `node esbuild.mjs` when a bundle is missing or older than its sources. */
export function buildIfNeeded(): void {
  const outputs = OUTPUTS.map((f) => join(REPO, f));
  const oldest = Math.min(...outputs.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  const newest = Math.max(...SOURCES.map((s) => newestMtime(join(REPO, s))));
  if (oldest > 0 && oldest >= newest) return;
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`node esbuild.mjs failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  for (const f of outputs) if (!existsSync(f)) throw new Error(`${f} was not built (does its source exist?)`);
}
