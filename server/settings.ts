// Settings (`govreport.*` from the editor) and `.govreportrc.json` files, turned into what check()
// takes: a language and a configuration object. Re-read whenever the editor says they changed;
// rc files are looked up on every check (host/config.ts).
import { readConfig, unparsableConfig, type Lang } from '../engine/index.ts';

export type Validate = 'auto' | 'always' | 'never';
export type Level = 'off' | 'error' | 'warning' | 'info';

export interface Settings {
  validate: Validate;
  language: 'auto' | Lang;
  rules: Record<string, Level>;
  /**
   * Rule ids govreport.rules names that no rule has, with the nearest real id: left out of `rules`
   * (they would have no effect, and the engine's CONFIG-INVALID message would blame
   * .govreportrc.json for them); the server warns about them instead (unknownRulesMessage).
   */
  unknownRules: { id: string; closest: string | null }[];
}

export const DEFAULT_SETTINGS: Settings = { validate: 'auto', language: 'auto', rules: {}, unknownRules: [] };

const LEVELS = new Set(['off', 'error', 'warning', 'info']);

/** Whatever the client sent (possibly nothing, possibly junk) → complete settings. */
export function normalizeSettings(raw: unknown): Settings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validate = s.validate === 'always' || s.validate === 'never' ? s.validate : 'auto';
  const language = s.language === 'zh' || s.language === 'en' ? s.language : 'auto';
  const rules: Record<string, Level> = {};
  let unknownRules: Settings['unknownRules'] = [];
  if (s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules)) {
    // The editor validates the level enum already; a bad level is ignored rather than reported as
    // a broken .govreportrc.json, which the engine's CONFIG-INVALID message would claim.
    unknownRules = readConfig({ rules: s.rules }).unknown;
    const unknown = new Set(unknownRules.map((u) => u.id));
    for (const [id, level] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof level === 'string' && LEVELS.has(level) && !unknown.has(id)) rules[id] = level as Level;
    }
  }
  return { validate, language, rules, unknownRules };
}

/** The warning for rule ids in govreport.rules that do not exist, naming the nearest real id; null when there are none. */
export function unknownRulesMessage(unknown: Settings['unknownRules'], lang: Lang): string | null {
  if (!unknown.length) return null;
  const zh = lang === 'zh';
  return unknown.map((u) => zh
    ? `设置 govreport.rules 中的规则“${u.id}”不存在${u.closest ? `（是否应为 ${u.closest}？）` : ''}，此项未生效`
    : `The setting govreport.rules names no rule “${u.id}”${u.closest ? ` (did you mean ${u.closest}?)` : ''}; that entry has no effect`).join(zh ? '；' : '; ');
}

/** govreport.language wins; otherwise the client's locale (zh, zh-cn, zh-tw … → Chinese), else English. */
export function resolveLang(settings: Settings, locale: string | undefined): Lang {
  if (settings.language !== 'auto') return settings.language;
  return locale && /^zh\b/i.test(locale) ? 'zh' : 'en';
}

// Discovery of .govreportrc.json is shared with the CLI (host/config.ts): nearest file wins, the
// search stops at a repository root, and each file is re-read when its size or mtime changes.
export { CONFIG_NAME as RC_NAME, ConfigFiles as RcFiles, type RcFile } from '../host/config.ts';
import type { RcFile } from '../host/config.ts';

/**
 * The `config` passed to check(): the rc file's rules over the editor's (the project file is the
 * more specific of the two). An rc file of the wrong shape is passed through untouched, and an
 * unparsable one as the engine's marker with the editor's rules: the engine reports either as
 * CONFIG-INVALID.
 */
export function configFor(settings: Settings, rc: RcFile | null): unknown {
  const editor = Object.keys(settings.rules).length ? { rules: settings.rules } : undefined;
  if (rc && !rc.ok) {
    const reason = { zh: `JSON 解析错误：${rc.error}；${rc.path}`, en: `JSON parse error: ${rc.error}; ${rc.path}` };
    return unparsableConfig(reason, editor?.rules);
  }
  if (!rc) return editor;
  const v = rc.value as { rules?: unknown } | null;
  if (!editor) return v;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
  if (v.rules === undefined) return { ...v, rules: settings.rules };
  if (!v.rules || typeof v.rules !== 'object' || Array.isArray(v.rules)) return v;
  return { ...v, rules: { ...settings.rules, ...(v.rules as object) } };
}
