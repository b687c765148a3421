// The rule pages are generated, current and self-contained: every rule any host reports has a
// source and a Chinese and an English page; the pages on disk are exactly what `npm run docs`
// writes (a stale page fails here); no page sends its reader to a file they do not have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rulePagePath } from '../../engine/index.ts';
import { catalogue } from '../../scripts/rule-docs/catalogue.ts';
import { renderAll, stalePages } from '../../scripts/rule-docs/pages.ts';
import { discoverRules, staleIndexes } from '../../scripts/rule-docs/registry.ts';
import { RULES } from '../../engine/index.ts';

const all = catalogue();
const pages = renderAll(all);

const groups = await discoverRules();

describe('the rule registry', () => {
  it('is current: each group index lists every rule file of its folder (npm run docs writes them)', () => {
    assert.deepEqual(staleIndexes(groups), [], 'run npm run docs');
  });
  it('holds every rule file, and nothing else', () => {
    const files = groups.flatMap((g) => g.rules.map((r) => r.rule.id)).sort();
    assert.deepEqual(RULES.map((r) => r.id).sort(), files);
  });
});

describe('rule pages', () => {
  it('rule ids are unique, so each has one page per language', () => {
    const ids = all.map((d) => d.rule.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('are current: the pages on disk are what `npm run docs` writes', () => {
    assert.deepEqual(stalePages(pages), [], 'run npm run docs');
  });

  it('exist for every rule in Chinese and in English, titled by the rule', () => {
    for (const { rule } of all) {
      for (const lang of ['zh', 'en'] as const) {
        const page = pages.get(rulePagePath(rule.id, lang));
        assert.ok(page, `${rule.id} ${lang}`);
        assert.ok(page.startsWith(`# ${rule.id}\n\n**${rule.summary[lang]}**\n`), `${rule.id} ${lang}: title and summary`);
      }
    }
  });

  it('cite nothing outside the pages: no spec or design file, every link to another page', () => {
    for (const [path, text] of pages) {
      assert.doesNotMatch(text, /docs\/spec|\b(rules|format|layouts|seeds|design)\.md\b/, `${path} cites a repository file`);
      for (const [, target] of text.matchAll(/\]\(([^)]+)\)/g)) {
        if (/^https?:/.test(target)) continue;
        const resolved = new URL(target, `file:///rules/${path}`).pathname.replace(/^\/rules\//, '');
        assert.ok(pages.has(resolved), `${path} links to ${target}, which is no page`);
      }
    }
  });

  it('speak their language: the English explanation is English, the Chinese one Chinese', () => {
    const cjk = (s: string) => [...s].filter((c) => /[\u4e00-\u9fff]/.test(c)).length / Math.max(1, [...s].filter((c) => /\S/.test(c)).length);
    for (const { rule } of all) {
      const prose = (lang: 'zh' | 'en', heads: string[]) => {
        const page = pages.get(rulePagePath(rule.id, lang))!;
        return heads.map((h) => page.split(`\n## ${h}\n`)[1]?.split('\n## ')[0] ?? '').join('\n').replace(/`[^`]*`|“[^”]*”/g, '');
      };
      const zh = prose('zh', ['检查内容', '为什么']);
      const en = prose('en', ['What it checks', 'Why']);
      assert.ok(cjk(zh) > 0.5, `${rule.id}: the Chinese page explains in Chinese`);
      assert.ok(cjk(en) < 0.2, `${rule.id}: the English page explains in English`);
    }
  });
});
