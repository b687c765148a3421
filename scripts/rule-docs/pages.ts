// The rule pages: docs/rules/<ID>.md and docs/rules/en/<ID>.md (and each folder's README index),
// rendered from the rule objects and their sources in docs/rules/src/; which pages on disk are
// stale. main.ts writes them; test/docs checks them. Pages are never edited by hand.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rulePagePath } from '../../engine/rule-pages.ts';
import { catalogue, type Documented } from './catalogue.ts';
import { renderIndex, renderPage } from './page.ts';
import { parseSource, type DocSource, type Lang } from './source.ts';

export const DOCS_DIR = fileURLToPath(new URL('../../docs/rules/', import.meta.url));
export const SOURCE_DIR = `${DOCS_DIR}src/`;
const LANGS: Lang[] = ['zh', 'en'];

export function readSources(): Map<string, DocSource> {
  const out = new Map<string, DocSource>();
  for (const name of readdirSync(SOURCE_DIR).filter((n) => n.endsWith('.md') && n !== 'README.md').sort()) {
    const src = parseSource(`docs/rules/src/${name}`, readFileSync(SOURCE_DIR + name, 'utf8'));
    if (`${src.id}.md` !== name) throw new Error(`docs/rules/src/${name} is titled ${src.id}`);
    out.set(src.id, src);
  }
  return out;
}

/** Every generated page, by its path under docs/rules/. Throws when a rule has no source or a source no rule. */
export function renderAll(all: Documented[] = catalogue(), sources = readSources()): Map<string, string> {
  const ids = new Set(all.map((d) => d.rule.id));
  const missing = all.filter((d) => !sources.has(d.rule.id)).map((d) => d.rule.id);
  const orphans = [...sources.keys()].filter((id) => !ids.has(id));
  if (missing.length) throw new Error(`no documentation source for ${missing.join(', ')} (write docs/rules/src/<ID>.md)`);
  if (orphans.length) throw new Error(`documentation sources for no rule: ${orphans.join(', ')}`);
  const pages = new Map<string, string>();
  for (const lang of LANGS) {
    for (const d of all) pages.set(rulePagePath(d.rule.id, lang), renderPage(d, sources.get(d.rule.id)!, lang));
    pages.set(rulePagePath('README', lang), renderIndex(all, lang));
  }
  return pages;
}

/** Pages on disk that differ from the generated ones, are missing, or belong to no rule. */
export function stalePages(pages: Map<string, string>): string[] {
  const stale: string[] = [];
  for (const [path, text] of pages) {
    const file = DOCS_DIR + path;
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(path);
  }
  for (const path of pagesOnDisk()) if (!pages.has(path)) stale.push(path);
  return stale;
}

/** The .md files directly in docs/rules/ and docs/rules/en/: generated pages only live there. */
export function pagesOnDisk(): string[] {
  const list = (dir: string) => (existsSync(DOCS_DIR + dir) ? readdirSync(DOCS_DIR + dir).filter((n) => n.endsWith('.md')).map((n) => dir + n) : []);
  return [...list(''), ...list('en/')];
}
