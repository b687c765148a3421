// One build for everything that ships: the VS Code client, the language server, the CLI and its
// worker, and the in-editor test module. Entries that do not exist yet are skipped.
// `--production` (the .vsix's vscode:prepublish): minified, no source maps.
// Each output is written to a temporary file and renamed over the old one, so a process starting
// out/cli.cjs while a build runs (tests run in parallel; packaging a .vsix rebuilds) reads an
// old or a new bundle, never half of one.
import { build } from 'esbuild';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pdfCMaps } from './scripts/pdf-cmaps.mjs';
import { pdfjsTextOnly } from './scripts/pdfjs-text-only.mjs';

// The language server loads pdfjs (3.4 MB of its 5 MB) only when it reads a PDF (the workspace
// check, last year's report beside this one): kept in bundles of their own, so starting the server
// reads and compiles a third as much (bench/RESULTS.md, real editor latency). The CLI and its
// worker do the same: each worker thread compiles its bundle as it starts, and a run of Markdown
// and text never needs pdfjs (start-up 0.15 → 0.10 s of CPU per thread, issue 18).
const PDFJS = /^pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/;
const pdfjsApart = {
  name: 'pdfjs-apart',
  setup(b) {
    b.onResolve({ filter: PDFJS }, (a) => ({ path: a.path.endsWith('.worker.mjs') ? './pdf-worker.cjs' : './pdfjs.cjs', external: true }));
  },
};

// The Chinese CMaps (0.7 MB of base64, scripts/pdf-cmaps.mjs) are one bundle of their own, which
// every other bundle reads from beside itself with the first PDF: written once, not in each.
const cmapsApart = {
  name: 'pdf-cmaps-apart',
  setup(b) {
    b.onResolve({ filter: /[\\/]pdf-cmaps\.ts$/ }, () => ({ path: './pdf-cmaps.cjs', external: true }));
  },
};

const entries = [
  { in: 'client/extension.ts', out: 'client' },
  { in: 'server/main.ts', out: 'server', plugins: [pdfjsApart] },
  { in: 'node_modules/pdfjs-dist/legacy/build/pdf.mjs', out: 'pdfjs' },
  { in: 'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs', out: 'pdf-worker' },
  { in: 'engine/source/pdf-cmaps.ts', out: 'pdf-cmaps' },
  { in: 'cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node', plugins: [pdfjsApart] },
  { in: 'cli/worker.ts', out: 'worker', plugins: [pdfjsApart] },
  { in: 'test/e2e/suite/index.ts', out: 'test/e2e/index' },
];

const production = process.argv.includes('--production');
const results = await Promise.all(
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
      // Every bundle that takes in pdfjs's worker code takes it patched: text positions need no font
      // program (scripts/pdfjs-text-only.mjs; the build fails if the patched code is not found).
      plugins: [...(e.plugins ?? []), pdfjsTextOnly, e.out === 'pdf-cmaps' ? pdfCMaps : cmapsApart],
      logLevel: 'warning',
      write: false,
    }),
  ),
);
for (const r of results) {
  for (const f of r.outputFiles) {
    mkdirSync(dirname(f.path), { recursive: true });
    const tmp = `${f.path}.${process.pid}.tmp`;
    writeFileSync(tmp, f.contents, { mode: f.path.endsWith('cli.cjs') ? 0o755 : 0o644 });
    renameSync(tmp, f.path);
  }
}
