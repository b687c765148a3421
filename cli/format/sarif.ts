// SARIF 2.1.0: one run, the rule table in tool.driver.rules (summary, help, a link to the rule's
// docs page), one result per finding with 1-based regions (UTF-16 columns), fixes as replacements.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Notice } from '../../engine/notices.ts';
import { rulePagePath } from '../../engine/rule-pages.ts';
import { locationName } from './common.ts';
import type { OutFinding, Range } from '../types.ts';
import type { FormatInput } from './common.ts';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** Where the rule docs live: docs/rules next to the package (out/ is one level below it). */
function docsDir(): string {
  const here = typeof __filename === 'string' ? dirname(__filename) : process.cwd();
  for (const d of [join(here, '..', 'docs', 'rules'), join(here, '..', '..', 'docs', 'rules')]) if (existsSync(d)) return d;
  return join(here, '..', 'docs', 'rules');
}

function homepage(): string | null {
  const here = typeof __filename === 'string' ? dirname(__filename) : process.cwd();
  for (const p of [join(here, '..', 'package.json'), join(here, '..', '..', 'package.json')]) {
    try {
      const pkg = JSON.parse(readFileSync(p, 'utf8')) as { homepage?: string; repository?: string | { url?: string } };
      if (pkg.homepage) return pkg.homepage.replace(/\/$/, '');
      const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
      if (repo && /^https?:/.test(repo)) return repo.replace(/\.git$/, '').replace(/\/$/, '');
      if (pkg.homepage === undefined && repo === undefined) return null;
    } catch {
      /* next */
    }
  }
  return null;
}

/** The rule's page in the output's language (docs/rules/<ID>.md, or en/<ID>.md). */
export function helpUri(id: string, lang: 'zh' | 'en' = 'zh'): string {
  const home = homepage();
  if (home) return `${home}/blob/main/docs/rules/${rulePagePath(id, lang)}`;
  return pathToFileURL(join(docsDir(), rulePagePath(id, lang))).href;
}

function ruleDescriptor(rule: Notice, lang: 'zh' | 'en') {
  const page = join(docsDir(), rulePagePath(rule.id, lang));
  let markdown: string | undefined;
  try {
    if (existsSync(page)) markdown = readFileSync(page, 'utf8');
  } catch {
    markdown = undefined;
  }
  const text = `${rule.summary[lang]}\n\n${rule.messages.default[lang]}`;
  return {
    id: rule.id,
    shortDescription: { text: rule.summary[lang] },
    helpUri: helpUri(rule.id, lang),
    help: markdown ? { text, markdown } : { text },
    defaultConfiguration: { level: LEVEL[rule.severity] },
  };
}

function region(r: Range) {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

function uriOf(path: string): string {
  return path.split('/').map((s) => encodeURIComponent(s)).join('/');
}

export function* formatSarif(input: FormatInput): Generator<string> {
  const rules = input.rules;
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  const artifacts: { location: { uri: string; uriBaseId?: string } }[] = [];
  const absolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:/.test(p);
  for (const r of input.results) {
    const location = absolute(r.path) ? { uri: pathToFileURL(r.path).href } : { uri: uriOf(r.path), uriBaseId: '%SRCROOT%' };
    const artifactIndex = artifacts.length;
    artifacts.push({ location });
    for (const f of r.findings) results.push(result(f, location, artifactIndex, index));
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govreport',
            version: input.version,
            semanticVersion: input.version,
            rules: rules.map((r) => ruleDescriptor(r, input.lang)),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(resolve(input.cwd) + '/').href } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  yield `${JSON.stringify(log, null, 2)}\n`;
}

function result(f: OutFinding, location: { uri: string; uriBaseId?: string }, artifactIndex: number, index: Map<string, number>) {
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    level: LEVEL[f.severity],
    message: { text: f.message },
    // A Word document or PDF has no text regions: the artifact and a logical location name the place.
    locations: [f.location
      ? { physicalLocation: { artifactLocation: { ...location, index: artifactIndex } }, logicalLocations: [{ fullyQualifiedName: locationName(f.location), kind: 'element' }], message: { text: f.location.text } }
      : { physicalLocation: { artifactLocation: { ...location, index: artifactIndex }, region: region(f.range) } }],
  };
  const ri = index.get(f.rule);
  if (ri !== undefined) out.ruleIndex = ri;
  if (f.cell) out.properties = { cell: `${f.cell.table.toLowerCase()}.${f.cell.row}.${f.cell.col}`, written: f.written, computed: f.computed };
  if (f.fix) {
    out.fixes = [{
      description: { text: `${f.fix.title} (${f.fix.kind})` },
      artifactChanges: [{
        artifactLocation: { ...location, index: artifactIndex },
        replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
      }],
    }];
  }
  return out;
}
