// Everything a host can report, as the pages describe it: the engine's rules, and the notices the
// hosts raise about a whole file, a configuration or a pair of reports of consecutive years.
import type { Severity } from '../../engine/finding.ts';
import type { MessageTemplate, Rule } from '../../engine/rules/api.ts';
import { RULES } from '../../engine/index.ts';
import { CONFIG_INVALID } from '../../engine/config.ts';
import { XYEAR_RULES } from '../../engine/xyear.ts';
import { FILE_RULES } from '../../cli/rules.ts';

/** Who raises a notice: the checker about a whole file, about its configuration, or across years. */
export type NoticeScope = 'file' | 'config' | 'xyear';

/** What a page needs of a notice: it has no check, no template versions and no fixes. */
export interface NoticeEntry {
  id: string;
  severity: Severity;
  summary: MessageTemplate;
  messages: Record<string, MessageTemplate>;
}

export type Documented = { rule: Rule; notice?: undefined } | { rule: NoticeEntry; notice: NoticeScope };

/** The rules (the engine's registry unless given) and the notices, in page order. */
export function catalogue(rules: Rule[] = RULES): Documented[] {
  return [
    ...rules.map((rule) => ({ rule })),
    ...FILE_RULES.map((rule) => ({ rule, notice: 'file' as const })),
    { rule: CONFIG_INVALID, notice: 'config' as const },
    ...XYEAR_RULES.map((rule) => ({ rule, notice: 'xyear' as const })),
  ];
}
