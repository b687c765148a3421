// Everything a host can report, as the pages describe it: the engine's rules, and the notices the
// hosts raise about a whole file, a URL, a fix, a configuration or a pair of reports of
// consecutive years (engine/notices.ts), with the two facts about each notice that its page states
// and the notice object does not carry. test/docs holds both facts to what the CLI does.
import type { Rule } from '../../engine/rules/api.ts';
import { RULES } from '../../engine/index.ts';
import { CONFIG_NOTICES, FILE_NOTICES, XYEAR_NOTICES, type Notice } from '../../engine/notices.ts';

/**
 * What a notice is about: a file the command line checks, a URL it fetches, a file `--fix`
 * rewrites, the configuration, or two reports of consecutive years.
 */
export type NoticeScope = 'file' | 'url' | 'fix' | 'config' | 'xyear';

export interface NoticeFacts {
  scope: NoticeScope;
  /** Whether `.govreportrc.json` can turn it off or change its level, as it can a rule's. */
  configurable: boolean;
}

const FACTS: Record<string, NoticeFacts> = {
  'FILE-UNREADABLE': { scope: 'file', configurable: true },
  'FILE-EMPTY': { scope: 'file', configurable: true },
  'FILE-NOT-A-REPORT': { scope: 'file', configurable: true },
  // An incomplete check or a failed fetch is never silenced: the result would read as clean.
  'FILE-INTERNAL': { scope: 'file', configurable: false },
  'FILE-FIX-SKIPPED': { scope: 'fix', configurable: true },
  'FILE-FETCH': { scope: 'url', configurable: false },
  // About the configuration itself, which cannot vouch for itself.
  'CONFIG-INVALID': { scope: 'config', configurable: false },
  'CONFIG-OUTSIDE': { scope: 'config', configurable: false },
  'XYEAR-CARRY': { scope: 'xyear', configurable: true },
  'XYEAR-VALID-CHAIN': { scope: 'xyear', configurable: true },
  'XYEAR-DUPLICATE-TEXT': { scope: 'xyear', configurable: true },
  'XYEAR-DUPLICATE-TABLES': { scope: 'xyear', configurable: true },
};

export type Documented = { rule: Rule; notice?: undefined } | { rule: Notice; notice: NoticeFacts };

/** The rules (the engine's registry unless given) and the notices, in page order. Throws on a notice without its facts. */
export function catalogue(rules: Rule[] = RULES): Documented[] {
  const notices = [...FILE_NOTICES, ...CONFIG_NOTICES, ...XYEAR_NOTICES].map((rule) => {
    const facts = FACTS[rule.id];
    if (!facts) throw new Error(`${rule.id}: say in scripts/rule-docs/catalogue.ts what it is about and whether the configuration can turn it off`);
    return { rule, notice: facts };
  });
  return [...rules.map((rule) => ({ rule })), ...notices];
}
