// `npm run docs`: registers every rule file in its group's index (registry.ts), then writes
// docs/rules/<ID>.md and docs/rules/en/<ID>.md and each folder's README index from the rule
// objects and their sources in docs/rules/src/, and removes pages no rule has.
// `npm run docs -- --check` writes nothing and exits 1 when the registry or a page is stale
// (test/docs checks the same).
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { discoverRules, renderGroupIndex, RULES_DIR, staleIndexes } from './registry.ts';

const groups = await discoverRules();
const check = process.argv.includes('--check');
if (check) {
  const stale = staleIndexes(groups);
  if (stale.length) {
    console.error(`stale rule registry (run npm run docs): ${stale.join(', ')}`);
    process.exit(1);
  }
} else {
  for (const g of groups) writeIfChanged(`${RULES_DIR}${g.folder}/index.ts`, renderGroupIndex(g));
}

// Only now the registry is current: the pages read the rules through it.
const { catalogue } = await import('./catalogue.ts');
const { DOCS_DIR, pagesOnDisk, renderAll, stalePages } = await import('./pages.ts');
const pages = renderAll(catalogue());
if (check) {
  const stale = stalePages(pages);
  if (stale.length) {
    console.error(`stale rule pages (run npm run docs): ${stale.join(', ')}`);
    process.exit(1);
  }
} else {
  mkdirSync(`${DOCS_DIR}en`, { recursive: true });
  for (const path of pagesOnDisk()) if (!pages.has(path)) rmSync(DOCS_DIR + path);
  let written = 0;
  for (const [path, text] of pages) if (writeIfChanged(DOCS_DIR + path, text)) written++;
  console.log(`${groups.reduce((n, g) => n + g.rules.length, 0)} rules registered; ${pages.size} pages, ${written} written`);
}

function writeIfChanged(file: string, text: string): boolean {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return false;
  writeFileSync(file, text);
  return true;
}
