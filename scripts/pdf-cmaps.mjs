// The esbuild plugin that gives engine/source/pdf-cmaps.ts, in a bundle, the bytes of pdfjs-dist's
// Chinese CMaps (that module says why): simplified (GB, Adobe-GB1) and traditional (CNS, Big5,
// HKSCS, Adobe-CNS1) Chinese, about 0.55 MB, kept as base64 and decoded when pdfjs asks for one.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The CMaps bundled, by name (pdfjs-dist's file names without ".bcmap"). */
export const CHINESE_CMAPS = /^(?:Uni(?:GB|CNS)-|Adobe-(?:GB1|CNS1)-|GB|B5|CNS|ETen|HKscs)/;

export const pdfCMaps = {
  name: 'pdf-cmaps',
  setup(b) {
    b.onLoad({ filter: /[\\/]engine[\\/]source[\\/]pdf-cmaps\.ts$/ }, () => {
      const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
      const names = readdirSync(dir).filter((f) => f.endsWith('.bcmap')).map((f) => f.slice(0, -6)).filter((n) => CHINESE_CMAPS.test(n)).sort();
      if (!names.includes('UniGB-UCS2-H') || !names.includes('Adobe-GB1-UCS2')) throw new Error('scripts/pdf-cmaps.mjs: pdfjs-dist/cmaps has not the Chinese CMaps it had (pdfjs-dist changed?)');
      const data = Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, `${n}.bcmap`)).toString('base64')]));
      return {
        loader: 'js',
        contents: `const data = ${JSON.stringify(data)};
export function bundledCMap(name) {
  const s = Object.hasOwn(data, name) ? data[name] : undefined;
  return s === undefined ? undefined : new Uint8Array(Buffer.from(s, 'base64'));
}
export const cMapUrl = undefined;
`,
      };
    });
  },
};
