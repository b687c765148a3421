// Lines, offsets and label normalisation. JavaScript strings are UTF-16, so offsets are already
// the code units LSP counts; a character outside the BMP takes two units and shifts nothing else.

export interface Line {
  index: number; // 0-based
  start: number; // offset of the first character
  end: number; // offset just after the last character, before the line break
  text: string;
}

export interface Position {
  line: number; // 0-based
  character: number; // UTF-16 code units
}

/** Splits on CRLF, LF and lone CR, keeping every offset true to the original text. */
export class LineIndex {
  readonly lines: Line[] = [];

  constructor(readonly text: string) {
    const n = text.length;
    let start = 0;
    let i = 0;
    if (!text.includes('\r')) {
      // LF only (nearly every document): the search for the next line break runs in native code.
      for (let lf = text.indexOf('\n'); lf >= 0; lf = text.indexOf('\n', start)) {
        this.lines.push({ index: this.lines.length, start, end: lf, text: text.slice(start, lf) });
        start = lf + 1;
      }
      this.lines.push({ index: this.lines.length, start, end: n, text: text.slice(start, n) });
      return;
    }
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lines.push({ index: this.lines.length, start, end: i, text: text.slice(start, i) });
        i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
        start = i;
      } else {
        i++;
      }
    }
    this.lines.push({ index: this.lines.length, start, end: n, text: text.slice(start, n) });
  }

  /** 0-based line holding `offset` (an offset on a line break belongs to the line it ends). */
  lineAt(offset: number): number {
    const lines = this.lines;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(o);
    const l = this.lines[line];
    return { line, character: Math.min(o, l.end) - l.start + Math.max(0, o - l.end) };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lines.length) return this.text.length;
    const l = this.lines[pos.line];
    return Math.min(l.start + Math.max(0, pos.character), l.end);
  }
}

const WHITESPACE = /[\s\u3000\u00a0\u2000-\u200b\ufeff]+/g;

/**
 * Inline markup a converter leaves around text (Markdown emphasis `**`/`__`, inline HTML tags such
 * as `<span lang="zh-CN">` or a self-closed `<br/>`, backslash escapes): what the reader of the rendered document never sees.
 * Matching labels and titles reads past it; ranges still cover the characters as written.
 */
const INLINE_MARKUP = /<\/?[a-zA-Z][\w:-]*(?:\s[^<>]*)?\/?>|\*\*|__|\\(?=[!-/:-@[-`{-~])/g;
export const withoutInlineMarkup = (s: string): string => (/[<*_\\]/.test(s) ? s.replace(INLINE_MARKUP, '') : s);

/**
 * A text without its inline markup, for reading prose statements through it ("2020<span>年</span>1
 * <span>月</span>…" is a date): the plain text and, for each of its units, the offset in `text`.
 * Undefined when the text has no inline markup.
 */
export function plainText(text: string): { text: string; offsets: Int32Array } | undefined {
  if (!/<\/?[a-zA-Z]|\*\*|__/.test(text)) return undefined;
  const offsets: number[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE_MARKUP)) {
    out += text.slice(last, m.index);
    for (let i = last; i < m.index!; i++) offsets.push(i);
    last = m.index! + m[0].length;
  }
  out += text.slice(last);
  for (let i = last; i < text.length; i++) offsets.push(i);
  return { text: out, offsets: Int32Array.from(offsets) };
}

const WRAPPER_START = /^(?:\*\*|__|<[a-zA-Z][\w:-]*(?:\s[^<>]*)?>)/;
const WRAPPER_END = /(?:\*\*|__|<\/[a-zA-Z][\w:-]*\s*>)$/;

/**
 * The part of `text` inside the markup wrapped around it (`**4**`, `<span lang="zh-CN">4</span>`,
 * spaces between): [start, end) offsets into `text`.
 */
export function unwrapped(text: string): [number, number] {
  // Markup opens with `*`, `_` or `<` and closes with `*`, `_` or `>`: text that neither starts
  // nor ends so (most lines) is not wrapped, and spares the end pattern's scan of the whole text.
  const first = text[0];
  const last = text[text.length - 1];
  if (first !== '*' && first !== '_' && first !== '<' && last !== '*' && last !== '_' && last !== '>') return [0, text.length];
  let a = 0;
  let b = text.length;
  for (let guard = 0; guard < 16; guard++) {
    const inner = text.slice(a, b);
    const lead = WRAPPER_START.exec(inner);
    const trail = WRAPPER_END.exec(inner);
    if (!lead && !trail) break;
    if (lead) a += lead[0].length;
    if (trail && b - trail[0].length >= a) b -= trail[0].length;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
  }
  return [a, b];
}
const QUOTES = /[“”"'‘’「」『』]/g;

/**
 * `f` remembered for short arguments. Labels and cell texts repeat across reports (every report
 * has the template's), and NFKC goes through ICU. Long strings are prose and would only crowd the
 * memo; a full memo is emptied rather than evicted from one entry at a time.
 */
export function memoizedShort<T>(f: (s: string) => T, maxLength = 64, maxEntries = 20_000): (s: string) => T {
  const memo = new Map<string, T>();
  return (s: string): T => {
    if (s.length > maxLength) return f(s);
    let out = memo.get(s);
    if (out === undefined) {
      out = f(s);
      if (memo.size >= maxEntries) memo.clear();
      memo.set(detached(s), typeof out === 'string' ? (detached(out) as T) : out);
    }
    return out;
  };
}

/**
 * A copy of `s` that does not keep a larger string alive. V8 represents a substring of 13 or more
 * characters as a view into its parent, so a label sliced from a 10 MB document and kept in a memo
 * would keep the whole document in memory after it is closed. Concatenating makes a new string;
 * slicing that one keeps only it (one character longer than `s`) alive.
 */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}

/** Label normalisation (docs/spec/format.md §2.5): NFKC, no whitespace, no quotes. Never used for values. */
export const normLabel = memoizedShort((s: string): string => withoutInlineMarkup(s).normalize('NFKC').replace(WHITESPACE, '').replace(QUOTES, ''));

/** Section-title normalisation (docs/spec/format.md §2.2): NFKC, no whitespace, no trailing 。：: */
export const normTitle = memoizedShort((s: string): string => withoutInlineMarkup(s).normalize('NFKC').replace(WHITESPACE, '').replace(/[。.:：]+$/u, ''));

const PUNCT = /[\p{P}\p{S}]/gu;
/** For header matching: normalised label without any punctuation. */
export const stripPunct = memoizedShort((s: string): string => normLabel(s).replace(PUNCT, ''));

/**
 * A year as titles and preambles write it: four digits (full-width too, ２０２３, as some sites and
 * converters write them), or four Chinese digits (二〇二三, with ○ for 〇).
 */
export const YEAR_DIGITS = '(?:\\d{4}|[０-９]{4}|[〇○零一二三四五六七八九]{4})';

/** Full-width digits as ASCII ones, one character for one (offsets into the text stay true). */
export const asciiDigits = (s: string): string => (/[０-９]/.test(s) ? s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)) : s);

/** The value of a YEAR_DIGITS match (二〇二三 → 2023, ２０２３ → 2023). */
export const yearNumber = (digits: string): number => {
  const ascii = asciiDigits(digits);
  return /^\d+$/.test(ascii) ? Number(ascii) : Number([...digits].map((c) => chineseToNumber(c === '○' ? '〇' : c)).join(''));
};

const CN_DIGIT_VALUE: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Chinese numeral below 10000 → number (一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105). */
export function chineseToNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const digit = (c: string) => CN_DIGIT_VALUE[c] ?? -1;
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let current = -1;
  for (const c of s) {
    if (c in units) {
      total += (current < 0 ? 1 : current) * units[c];
      current = -1;
    } else {
      const d = digit(c);
      if (d < 0) return undefined;
      current = d;
    }
  }
  if (current >= 0) total += current;
  return s.length ? total : undefined;
}

/** Top-level Chinese ordinal value (一 → 1 … 十 → 10), or undefined. */
export function ordinalValue(s: string): number | undefined {
  const n = chineseToNumber(s);
  return n && n > 0 ? n : undefined;
}

