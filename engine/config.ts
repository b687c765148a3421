// User configuration, the pure part shared by every host: `.govreportrc.json` text → a value,
// and a value → the rule levels check() applies, with what was wrong with it. Discovery (which
// file applies to a report) needs the file system and lives in host/config.ts.
//   { "root": true, "rules": { "RULE-ID": "off" | "error" | "warning" | "info" } }
// A bad value is reported (CONFIG-INVALID) and the defaults apply; nothing here throws.
import type { Severity } from './finding.ts';
import { NOTICES } from './notices.ts';
import { RULES } from './rules/index.ts';
import type { Display } from './template/types.ts';

export { CONFIG_INVALID } from './notices.ts';

export interface Config {
  rules: Record<string, Severity | 'off'>;
}

/** A rule id the configuration names that no rule or notice has, with the nearest real id. */
export interface UnknownRule {
  id: string;
  closest: string | null;
}

export interface ConfigReading {
  config: Config;
  /** Why the configuration (or part of it) could not be used. */
  error?: string | Display;
  /** Rule ids that exist nowhere (their entries are ignored). */
  unknown: UnknownRule[];
  /** `root: true`: configuration discovery stops at this file's directory. */
  root: boolean;
}

export const CONFIG_NAME = '.govreportrc.json';
const LEVELS = new Set(['off', 'error', 'warning', 'info']);
const KEYS = new Set(['rules', 'root', '$schema']);
const UNPARSABLE = '$govreportUnparsable';

/**
 * What a host passes as `config` when its configuration file does not parse: the engine reports
 * CONFIG-INVALID with the host's reason, like any other unusable configuration. `rules` that still
 * apply (the editor's own settings) may come with it. A plain object, so it crosses worker threads.
 */
export function unparsableConfig(reason: Display, rules?: Record<string, unknown>): Record<string, unknown> {
  return rules ? { [UNPARSABLE]: reason, rules } : { [UNPARSABLE]: reason };
}

/** A configuration file's text (a BOM allowed) → its JSON value, or the parser's complaint. */
export function parseConfigText(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\ufeff/, '')) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

let knownIds: string[] | undefined;
/** Every id a configuration may name: the rules' and the notices'. */
export function knownRuleIds(): string[] {
  return (knownIds ??= [...RULES.map((r) => r.id), ...NOTICES.map((n) => n.id)]);
}

/** Edit distance (insert, delete, substitute, swap two neighbours), capped at `max + 1`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The known id nearest to `id` (case and `_`/`-` ignored), or null when none is close. */
export function closestRuleId(id: string, known: readonly string[] = knownRuleIds()): string | null {
  const norm = (s: string) => s.toUpperCase().replace(/[_\s]+/g, '-');
  const want = norm(id);
  const max = Math.max(2, Math.floor(want.length / 3));
  let best: string | null = null;
  let bestDistance = max + 1;
  for (const k of known) {
    const d = distance(want, k, max);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

export function readConfig(raw: unknown): ConfigReading {
  const config: Config = { rules: {} };
  const none = { config, unknown: [], root: false };
  if (raw === undefined || raw === null) return none;
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ...none, error: 'not a JSON object' };
  const unparsable = (raw as Record<string, unknown>)[UNPARSABLE] as Display | undefined;
  if (unparsable) {
    const usable = readConfig({ rules: (raw as { rules?: unknown }).rules });
    return { ...usable, error: unparsable };
  }
  const root = (raw as { root?: unknown }).root === true;
  const problems: string[] = [];
  if ('root' in raw && typeof (raw as { root?: unknown }).root !== 'boolean') problems.push('"root" is not true or false');
  const extra = Object.keys(raw).filter((k) => !KEYS.has(k));
  if (extra.length) problems.push(`unknown key ${extra.map((k) => JSON.stringify(k)).join(', ')}`);
  const rules = (raw as { rules?: unknown }).rules;
  const unknown: UnknownRule[] = [];
  if (rules !== undefined) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) problems.push('"rules" is not an object');
    else {
      const known = new Set(knownRuleIds());
      const bad: string[] = [];
      for (const [id, level] of Object.entries(rules)) {
        if (typeof level === 'string' && LEVELS.has(level)) config.rules[id] = level as Severity | 'off';
        else bad.push(id);
        if (!known.has(id)) unknown.push({ id, closest: closestRuleId(id) });
      }
      if (bad.length) problems.push(`invalid level for ${bad.join(', ')}`);
    }
  }
  return problems.length ? { config, error: problems.join('; '), unknown, root } : { config, unknown, root };
}
