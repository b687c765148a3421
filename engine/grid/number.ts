// The cell-value grammar of docs/spec/rules.md §1. Steps only strip characters from the ends or map one
// code unit to one code unit, so the number's own offsets inside the cell stay known: fixes can
// then replace the digits and leave padding, units and the rest of the cell as written.
import type { CellFlag, CellState } from '../model.ts';
import type { ValueKind } from '../template/types.ts';

export interface ParsedValue {
  state: CellState;
  value?: number;
  unit?: string;
  flags: CellFlag[];
  /** [lo, hi) of the number inside the raw text. */
  numberAt?: [number, number];
  /** What the cell holds besides the number, for messages. */
  residue?: string;
}

const PLACEHOLDERS = new Set(['/', '／', '\\', '-', '－', '—', '——', '–', '―', '~', '～', '无', '暂无', '空', '不适用', '未发生']);
const PADDING = /[\u3000\u00a0\u2000-\u200b\ufeff]/;
const COUNT_UNITS = ['件', '个', '项', '条', '次'];
const MONEY_UNITS = ['万元', '亿元', '元', '万'];
const NUMBER = /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

export function isPlaceholder(s: string): boolean {
  return PLACEHOLDERS.has(s);
}

/**
 * Full-width digits and signs to ASCII, one code unit for one (docs/spec/rules.md §1 step 5), so offsets into
 * the cell stay true. `，` is never a separator and is left as written (the cell is then invalid).
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[０-９．－−]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 48);
    return ch === '．' ? '.' : '-';
  });
}

function describePadding(chars: string): string {
  const names: string[] = [];
  const count = (re: RegExp) => [...chars].filter((c) => re.test(c)).length;
  const full = count(/\u3000/);
  const nbsp = count(/\u00a0/);
  const zw = count(/[\u2000-\u200b\ufeff]/);
  if (full) names.push(full > 1 ? `全角空格×${full}` : '全角空格');
  if (nbsp) names.push(nbsp > 1 ? `不间断空格×${nbsp}` : '不间断空格');
  if (zw) names.push(zw > 1 ? `零宽字符×${zw}` : '零宽字符');
  return names.join('、');
}

const PLAIN_DIGITS = /^\d{1,15}$/;

/**
 * Reads one value cell. `raw` is the cell text without layout delimiters; `isOwnLabel` tells
 * whether a leading word is the row's own label (value with echo, "行政处罚 0").
 */
export function parseValue(raw: string, kind: ValueKind, isOwnLabel?: (word: string) => boolean): ParsedValue {
  const flags: CellFlag[] = [];
  let lo = 0;
  let hi = raw.length;
  // 1. layout delimiters are already gone; ASCII spaces/tabs at the ends are layout too.
  while (lo < hi && (raw[lo] === ' ' || raw[lo] === '\t')) lo++;
  while (hi > lo && (raw[hi - 1] === ' ' || raw[hi - 1] === '\t')) hi--;
  // 2. blank
  if (lo === hi) return { state: 'blank', flags };
  const core = raw.slice(lo, hi);
  // Most cells are bare ASCII digits, which every step below would leave as they are.
  if (PLAIN_DIGITS.test(core)) return { state: 'number', value: Number(core), unit: undefined, flags, numberAt: [lo, hi], residue: undefined };
  // 3. placeholder
  if (isPlaceholder(core)) return { state: 'placeholder', flags };
  const residue: string[] = [];
  // 4. invisible padding
  let padding = '';
  while (lo < hi && PADDING.test(raw[lo])) padding += raw[lo++];
  while (hi > lo && PADDING.test(raw[hi - 1])) padding += raw[--hi];
  if (padding) {
    flags.push('padding');
    residue.push(describePadding(padding));
  }
  if (lo === hi) return { state: 'blank', flags };
  if (isPlaceholder(raw.slice(lo, hi))) return { state: 'placeholder', flags };
  // 5. full-width digits and signs map one-to-one
  const original = raw.slice(lo, hi);
  let text = toHalfWidth(original);
  if (text !== original) flags.push('fullwidth');
  // 6. the row's own label echoed before the value
  const echo = /^(\S+)[ \t\u3000\u00a0]+/.exec(text);
  if (echo && isOwnLabel?.(echo[1])) {
    flags.push('echo');
    residue.push(echo[1]);
    lo += echo[0].length;
    text = text.slice(echo[0].length);
  }
  // 7. a trailing unit
  const units = kind === 'money' || kind === 'fee' ? MONEY_UNITS : COUNT_UNITS;
  const wrongUnits = kind === 'money' || kind === 'fee' ? COUNT_UNITS : MONEY_UNITS;
  let unit: string | undefined;
  for (const u of units) {
    if (text.endsWith(u) && text.length > u.length) {
      unit = u === '万' ? '万元' : u;
      const cut = text.length - u.length;
      const trimmed = text.slice(0, cut).replace(/[ \t]+$/, '');
      hi -= text.length - trimmed.length;
      text = trimmed;
      flags.push('unit');
      residue.push(u);
      break;
    }
  }
  if (!unit && wrongUnits.some((u) => text.endsWith(u) && text.length > u.length && /\d$/.test(text.slice(0, -u.length).trim()))) {
    return { state: 'invalid', flags };
  }
  // 8. the number itself
  if (NUMBER.test(text)) {
    if (text.includes(',')) flags.push('thousands');
    const value = Number(text.replace(/,/g, ''));
    return { state: 'number', value, unit, flags, numberAt: [lo, hi], residue: residue.join('、') || undefined };
  }
  // 9. anything else
  return { state: 'invalid', flags };
}
