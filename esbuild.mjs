// One build for everything that ships: the VS Code client, the language server, the CLI and its
// worker, and the in-editor test module. Entries that do not exist yet are skipped.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const entries = [
  { in: 'client/extension.ts', out: 'client' },
  { in: 'server/main.ts', out: 'server' },
  { in: 'cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'cli/worker.ts', out: 'worker' },
  { in: 'test/e2e/suite/index.ts', out: 'test/e2e/index' },
];

const production = process.argv.includes('--production');
await Promise.all(
  entries.filter((e) => existsSync(e.in)).map((e) =>
    build({
      entryPoints: [e.in],
      outfile: `out/${e.out}.cjs`,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      sourcemap: !production,
      minify: production,
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);
