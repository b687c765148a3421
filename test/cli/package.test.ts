// The npm package (issue 19): `npm pack` holds only what the CLI and the extension need (one
// `files` list serves npm and vsce, which refuses a .vscodeignore beside it), with no run-time
// dependencies (the bundles in out/ carry them), and the packed tarball installs and runs with
// npx offline, from an empty npm cache and with the registry unreachable.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureBuilt, ROOT, runJson, seedPath, tempDir } from './helpers.ts';

const ALLOWED = [/^package\.json$/, /^package\.nls(\.[a-z-]+)?\.json$/, /^README\.md$/, /^LICENSE$/, /^out\/(cli|worker|server|client|pdfjs|pdf-worker|pdf-cmaps)\.cjs$/, /^syntaxes\/[\w.-]+\.json$/, /^snippets\/[\w.-]+$/, /^docs\/rules\/(en\/)?[A-Z0-9-]+\.md$/, /^schemas\/govreport-report\.schema\.json$/, /^schemas\/README\.md$/];

test('npm pack → npx ./govreport-*.tgz check …, offline', { timeout: 180_000 }, (t) => {
  ensureBuilt();
  const dir = tempDir(t, 'govreport-pack-');
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(pack.status, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout);
  const files: string[] = info.files.map((f: { path: string }) => f.path);
  for (const f of files) assert.ok(ALLOWED.some((re) => re.test(f)), `unexpected file in the package: ${f}`);
  for (const need of ['out/cli.cjs', 'out/worker.cjs', 'package.json', 'README.md']) assert.ok(files.includes(need), `${need} packed`);
  // The rule pages the hosts link to, in both languages; their sources stay in the repository.
  for (const need of ['docs/rules/T3-BALANCE.md', 'docs/rules/en/T3-BALANCE.md']) assert.ok(files.includes(need), `${need} packed`);
  assert.ok(info.size < 5 * 2 ** 20, `packed size ${info.size} bytes`);
  t.diagnostic(`npm pack: ${files.length} files, ${(info.size / 2 ** 20).toFixed(2)} MiB packed, ${(info.unpackedSize / 2 ** 20).toFixed(2)} MiB unpacked`);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(manifest.private, undefined, 'publishable');
  assert.deepEqual(manifest.dependencies ?? {}, {}, 'no run-time dependencies: the bundles carry them');

  const tgz = join(dir, info.filename);
  const npx = spawnSync('npx', ['--yes', '--offline', '--package', tgz, 'govreport', 'check', '--format', 'json', '--no-progress', seedPath('002')], {
    cwd: dir, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, npm_config_cache: join(dir, 'npm-cache'), npm_config_registry: 'http://127.0.0.1:9/', npm_config_update_notifier: 'false' },
  });
  assert.equal(npx.status, 1, `npx exit ${npx.status}: ${npx.stderr}`);
  const fromPackage = JSON.parse(npx.stdout);
  const fromRepo = runJson([seedPath('002')], { cwd: dir });
  assert.deepEqual(fromPackage.reports, fromRepo.json.reports);
});
