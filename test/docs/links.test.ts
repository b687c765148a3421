// The hosts link to the generated pages in the language of their messages: SARIF's helpUri and
// help text (the CLI) and the diagnostics' codeDescription (the language server) point at a page
// that exists, docs/rules/<ID>.md for Chinese and docs/rules/en/<ID>.md for English.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { check, LineIndex } from '../../engine/index.ts';
import { toDiagnostic } from '../../server/diagnostics.ts';
import { catalogue } from '../../scripts/rule-docs/catalogue.ts';
import { DOCS_DIR } from '../../scripts/rule-docs/pages.ts';
import { runCli } from '../cli/helpers.ts';

const SEED = 'test/fixtures/seeds/002_c7925c89c326f8ac.txt';

describe('links from the hosts to the rule pages', () => {
  for (const lang of ['zh', 'en'] as const) {
    const dir = lang === 'zh' ? 'docs/rules/' : 'docs/rules/en/';

    it(`SARIF (${lang}): every rule's helpUri is its ${lang} page, and the help is that page`, () => {
      const r = runCli(['check', '--format', 'sarif', '--no-progress', '--lang', lang, SEED]);
      const driver = JSON.parse(r.stdout).runs[0].tool.driver;
      const documented = new Set(catalogue().map((d) => d.rule.id));
      for (const rule of driver.rules) {
        assert.ok(rule.helpUri.endsWith(`${dir}${rule.id}.md`), rule.helpUri);
        if (!documented.has(rule.id)) continue;
        const page = readFileSync(`${DOCS_DIR}${dir.slice('docs/rules/'.length)}${rule.id}.md`, 'utf8');
        assert.equal(rule.help.markdown, page, `${rule.id}: the help is the page`);
      }
    });

    it(`language server (${lang}): every diagnostic's codeDescription is an existing ${lang} page`, () => {
      const text = readFileSync(SEED, 'utf8');
      const base = pathToFileURL(DOCS_DIR).href;
      const { findings } = check(text, { fileName: 'report.txt', lang });
      assert.ok(findings.length > 0);
      for (const f of findings) {
        const href = toDiagnostic(f, new LineIndex(text), 'file:///report.txt', base, lang).codeDescription!.href;
        assert.ok(href.endsWith(`${dir}${f.rule}.md`), href);
        assert.ok(existsSync(fileURLToPath(href)), href);
      }
    });
  }
});
