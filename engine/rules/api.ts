// The shape of a rule: everything about one check in one file — id, severity, the versions it
// applies to, its messages in Chinese and English, its check and its fixes.
import type { Prose } from '../prose.ts';
import type { Cell, Report, Span, TemplateVersion } from '../model.ts';
import type { Edit, Lang, Severity } from '../finding.ts';
import type { Display } from '../template/types.ts';
import type { LineIndex } from '../text.ts';
import type { DocStructure } from '../source/types.ts';

/** A message template per language; `{name}` placeholders are filled from the emission's args. */
export type MessageTemplate = { zh: string; en: string };

export type Arg = string | number | Display | (string | Display)[];

/**
 * `safe`: cannot change any value or meaning (digit width, separators, padding, heading marks,
 * ordinals) — applied by `--fix` and fix-on-save. `unsafe`: changes a value or the content —
 * offered as a quick fix, applied only on request.
 */
export type FixKind = 'safe' | 'unsafe';

export interface FixSpec {
  /** Key into the rule's messages for the fix title; its kind is the rule's `fixes[title]`. */
  title: string;
  args?: Record<string, Arg>;
  edits: Edit[];
}

export interface Emission {
  range: Span;
  /** Key into the rule's messages (default 'default'). */
  message?: string;
  args?: Record<string, Arg>;
  /** Extra text appended to the message (another message key with its args). */
  suffix?: { message: string; args?: Record<string, Arg> };
  cell?: Cell | null;
  written?: number | null;
  computed?: number | null;
  related?: { cell?: Cell; range: Span; value?: number | null; label: Display }[];
  fixes?: FixSpec[];
}

export interface RuleContext {
  text: string;
  report: Report;
  index: LineIndex;
  structure: DocStructure;
  /** The report's prose (lines, sentences, ordinal paragraphs), read once per check for every rule. */
  prose: Prose;
  emit(e: Emission): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  /** Template versions the rule applies to; 'any' also runs without a known template. */
  versions: (TemplateVersion | 'any')[];
  summary: MessageTemplate;
  messages: Record<string, MessageTemplate>;
  /**
   * Every fix the rule can offer, by its title (a key of `messages`), with its kind. Declared here
   * rather than at each emission so the documentation and the hosts read one list.
   */
  fixes?: Record<string, FixKind>;
  /** Rules that still run on reports older than the 2019 format. */
  always?: boolean;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  if (!rule.messages.default) throw new Error(`${rule.id}: no default message`);
  for (const title of Object.keys(rule.fixes ?? {})) {
    if (!rule.messages[title]) throw new Error(`${rule.id}: fix ${title} has no title message`);
  }
  return rule;
}

export function render(template: MessageTemplate, args: Record<string, Arg> | undefined, lang: Lang): string {
  const t = template[lang];
  return t.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = args?.[name];
    if (v === undefined) return whole;
    return formatArg(v, lang);
  });
}

export function formatArg(v: Arg, lang: Lang): string {
  if (Array.isArray(v)) return v.map((x) => formatArg(x, lang)).join(lang === 'zh' ? '、' : ', ');
  if (typeof v === 'object') return v[lang];
  if (typeof v === 'number') return formatNumber(v);
  return v;
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e6) / 1e6);
}
