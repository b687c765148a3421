// User configuration: `{ "rules": { "RULE-ID": "off" | "error" | "warning" | "info" } }`.
// A bad value is reported (CONFIG-INVALID) and the defaults apply; it never throws.
import type { Severity } from './finding.ts';
import { defineRule } from './rules/api.ts';
import type { Display } from './template/types.ts';

export interface Config {
  rules: Record<string, Severity | 'off'>;
}

const LEVELS = new Set(['off', 'error', 'warning', 'info']);
const UNPARSABLE = '$govreportUnparsable';

/**
 * What a host passes as `config` when its configuration file does not parse: the engine reports
 * CONFIG-INVALID with the host's reason, like any other unusable configuration. `rules` that still
 * apply (the editor's own settings) may come with it. A plain object, so it crosses worker threads.
 */
export function unparsableConfig(reason: Display, rules?: Record<string, unknown>): Record<string, unknown> {
  return rules ? { [UNPARSABLE]: reason, rules } : { [UNPARSABLE]: reason };
}

export function readConfig(raw: unknown): { config: Config; error?: string | Display } {
  const config: Config = { rules: {} };
  if (raw === undefined || raw === null) return { config };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { config, error: 'not a JSON object' };
  const unparsable = (raw as Record<string, unknown>)[UNPARSABLE] as Display | undefined;
  if (unparsable) {
    const usable = readConfig({ rules: (raw as { rules?: unknown }).rules });
    return { config: usable.config, error: unparsable };
  }
  const rules = (raw as { rules?: unknown }).rules;
  if (rules === undefined) return { config };
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return { config, error: '"rules" is not an object' };
  const bad: string[] = [];
  for (const [id, level] of Object.entries(rules)) {
    if (typeof level === 'string' && LEVELS.has(level)) config.rules[id] = level as Severity | 'off';
    else bad.push(id);
  }
  return bad.length ? { config, error: `invalid level for ${bad.join(', ')}` } : { config };
}

/** Reported by check() itself when the configuration it was given cannot be used. */
export const CONFIG_INVALID = defineRule({
  id: 'CONFIG-INVALID',
  severity: 'warning',
  versions: ['any'],
  always: true,
  summary: { zh: '配置文件无效', en: 'Invalid configuration file' },
  messages: {
    default: { zh: '配置文件 .govreportrc.json 无效（{reason}），已按默认设置检查', en: 'The .govreportrc.json configuration is invalid ({reason}); defaults were used' },
  },
  check() {},
});
