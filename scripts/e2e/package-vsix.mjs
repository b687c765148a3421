// Packs the extension as a .vsix OUTSIDE the repository with the repo's own @vscode/vsce:
//   node scripts/e2e/package-vsix.mjs [<out dir>]   → prints the .vsix path
// Build first (node esbuild.mjs): vsce packs whatever is in out/ (no vscode:prepublish script).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './tooling.mjs';

export function packageVsix(outDir = mkdtempSync(join(tmpdir(), 'govreport-vsix-'))) {
  mkdirSync(outDir, { recursive: true });
  const vsix = resolve(outDir, 'govreport.vsix');
  const vsce = join(REPO, 'node_modules', '.bin', 'vsce');
  if (!existsSync(vsce)) throw new Error(`${vsce} not found (npm ci)`);
  for (const f of ['out/client.cjs', 'out/server.cjs']) {
    if (!existsSync(join(REPO, f))) throw new Error(`${f} missing: build first (node esbuild.mjs)`);
  }
  const r = spawnSync(vsce, ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license', '-o', vsix], {
    cwd: REPO, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0 || !existsSync(vsix)) {
    throw new Error(`vsce package failed (${r.status ?? r.signal}):\n${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  return { vsix, log: `${r.stdout}${r.stderr}` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { vsix } = packageVsix(process.argv[2]);
  console.log(vsix);
}
