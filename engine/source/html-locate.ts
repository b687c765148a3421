// Where each text node of a parsed page is in the page's source, found without parse5's location
// info. With `sourceCodeLocationInfo` parse5 gives every element, attribute and text node a
// location object: on a 100 KB report page that doubles the parse's time and most of its garbage,
// while the reader needs the places of text only. Here the tree's text nodes, in document order, are
// matched against the page's text runs in source order, character by character (entities, CR LF,
// markup the parser dropped between two runs). Every match is verified; where the tree does not
// follow the source (text the parser moved out of a table, a template's content, an entity not
// known here), the answer is undefined and the caller parses again with locations — slower, never
// wrong.
import { TEXT, type PageNode } from './html-tree.ts';

/** Elements whose content is one run of text up to their end tag: no markup inside; entities decoded only in RCDATA. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const RCDATA = new Set(['title', 'textarea']);

/** Named references as parse5 decodes them (with their `;`); a name not here makes the page take the located parse. */
const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  middot: '·', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', times: '×',
  divide: '÷', copy: '©', reg: '®', bull: '•', deg: '°', laquo: '«', raquo: '»', yen: '¥', sect: '§', plusmn: '±',
  zwnj: '\u200c', zwj: '\u200d', shy: '\u00ad', permil: '‰', prime: '′', Prime: '″', larr: '←', rarr: '→', uarr: '↑', darr: '↓',
};

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;

/**
 * Where a start or end tag whose '<' is at `q` ends (after its '>'), as the HTML tokenizer reads it:
 * the tag name up to whitespace, '/' or '>'; attribute names; values quoted ('>' inside is text of
 * the value) or unquoted (up to whitespace or '>'). A quote elsewhere (`<div class=a"b>`) is part
 * of a name or an unquoted value. -1 when the page ends inside the tag (the tokenizer drops it).
 * `nameEnd` is where the tag name ended.
 */
let nameEnd = 0;
function tagEnd(html: string, q: number): number {
  const n = html.length;
  let i = html.charCodeAt(q + 1) === 47 ? q + 2 : q + 1;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (isSpace(c) || c === 47 || c === 62) break;
    i++;
  }
  nameEnd = i;
  for (;;) {
    // Before an attribute name: whitespace and '/' (a '/' not followed by '>' starts nothing).
    while (i < n && (isSpace(html.charCodeAt(i)) || html.charCodeAt(i) === 47)) i++;
    if (i >= n) return -1;
    if (html.charCodeAt(i) === 62) return i + 1;
    // The name: its first character may be '=' (a parse error the tokenizer takes as part of it).
    i++;
    while (i < n) {
      const c = html.charCodeAt(i);
      if (isSpace(c) || c === 47 || c === 62 || c === 61) break;
      i++;
    }
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (i >= n) return -1;
    if (html.charCodeAt(i) !== 61) continue; // no value: '>' , '/' or the next name
    i++;
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (i >= n) return -1;
    const c = html.charCodeAt(i);
    if (c === 34 || c === 39) {
      const close = html.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else if (c === 62) {
      return i + 1; // `<a href=>`: a missing value ends the tag
    } else {
      while (i < n) {
        const d = html.charCodeAt(i);
        if (isSpace(d) || d === 62) break;
        i++;
      }
    }
  }
}

/** Where the end tag `</name` of a raw-text element opened before `from` starts (its name followed by whitespace, '/' or '>'); the page's end if none. */
function rawTextEnd(html: string, name: string, from: number): number {
  for (let q = html.indexOf('</', from); q >= 0; q = html.indexOf('</', q + 2)) {
    let k = 0;
    while (k < name.length && (html.charCodeAt(q + 2 + k) | 0x20) === name.charCodeAt(k)) k++;
    if (k < name.length) continue;
    const c = html.charCodeAt(q + 2 + k);
    if (isSpace(c) || c === 47 || c === 62) return q;
  }
  return html.length;
}

/** The text a character reference at `p` decodes to, and its length in the source; undefined when not known here. */
function reference(html: string, p: number): { text: string; length: number } | undefined {
  const m = /^&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/.exec(html.slice(p, p + 40));
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const text = NAMED[m[3]];
    return text === undefined ? undefined : { text, length: m[0].length };
  }
  const code = m[1] !== undefined ? Number.parseInt(m[1], 10) : Number.parseInt(m[2], 16);
  // What the parser replaces or remaps (NUL, surrogates, C1 controls, past Unicode) is left to it.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x80 && code <= 0x9f)) return undefined;
  return { text: String.fromCodePoint(code), length: m[0].length };
}

class Cursor {
  p = 0;
  /** Inside a raw-text or RCDATA element: where its end tag starts, and whether references are decoded there. */
  private rawEnd = -1;
  private decodes = true;

  constructor(private readonly html: string) {}

  /** Whether a `<` at `q` starts markup (a tag, a comment, a declaration) rather than being text. */
  private markupAt(q: number): boolean {
    if (this.rawEnd >= 0) return q === this.rawEnd;
    const c = this.html.charCodeAt(q + 1);
    return isLetter(c) || c === 47 /* / */ || c === 33 /* ! */ || c === 63; /* ? */
  }

  /** Skips the markup starting at `q` (a `<` for which markupAt holds); returns where it ends. */
  private skipMarkup(q: number): number {
    const html = this.html;
    if (this.rawEnd >= 0) this.rawEnd = -1; // the raw element's end tag, skipped below as one
    if (html.startsWith('<!--', q)) {
      const end = html.indexOf('-->', q + 4);
      return end < 0 ? html.length : end + 3;
    }
    const c = html.charCodeAt(q + 1);
    if (c === 33 || c === 63 || (c === 47 && !isLetter(html.charCodeAt(q + 2)))) {
      const end = html.indexOf('>', q);
      return end < 0 ? html.length : end + 1;
    }
    const closing = c === 47;
    const end = tagEnd(html, q);
    if (end < 0) return html.length;
    // Only a few names open raw text; most tags are not looked up at all.
    const length = nameEnd - q - 1;
    if (!closing && length >= 3 && length <= 9) {
      const name = html.slice(q + 1, nameEnd).toLowerCase();
      if (RAW_TEXT.has(name) || RCDATA.has(name)) {
        this.rawEnd = rawTextEnd(html, name, end);
        this.decodes = RCDATA.has(name);
      }
    }
    return end;
  }

  /** Moves past markup to the next character of text. */
  toText(): void {
    while (this.p < this.html.length && this.html[this.p] === '<' && this.markupAt(this.p)) this.p = this.skipMarkup(this.p);
  }

  /** Whether the text from here to the next markup is whitespace only (a run the parser may drop). */
  private blankRun(): number | undefined {
    let q = this.p;
    while (q < this.html.length && !(this.html[q] === '<' && this.markupAt(q))) {
      if (!isSpace(this.html.charCodeAt(q))) return undefined;
      q++;
    }
    return q > this.p ? q : undefined;
  }

  /**
   * Matches `value` (a text node's) at the cursor: the source offset of its first unit when it is
   * written as is, else the offset of each unit; undefined when the source there is not that text.
   */
  match(value: string): number | Int32Array | undefined {
    for (;;) {
      this.toText();
      const rawEnd = this.rawEnd;
      const decodes = this.decodes;
      const m = this.matchHere(value);
      if (m !== undefined) return m;
      // A failed match may have stepped into markup: the state is the one before it.
      this.rawEnd = rawEnd;
      this.decodes = decodes;
      const blank = this.blankRun();
      if (blank === undefined) return undefined;
      this.p = blank; // whitespace the parser dropped (between </head> and <body>, in <tr> …)
    }
  }

  private matchHere(value: string): number | Int32Array | undefined {
    const html = this.html;
    const start = this.p;
    if (this.rawEnd < 0 && html.startsWith(value, start)) {
      // Written as is — unless a reference or a CR inside it was taken literally above.
      const slice = html.slice(start, start + value.length);
      if (!slice.includes('&') && !slice.includes('\r') && !slice.includes('<')) {
        this.p = start + value.length;
        return start;
      }
    }
    const out = new Int32Array(value.length);
    let q = start;
    const rawEnd = this.rawEnd;
    const decodes = this.decodes || rawEnd < 0;
    for (let i = 0; i < value.length; ) {
      if (q >= html.length) return undefined;
      const c = html[q];
      if (c === '<' && (rawEnd >= 0 ? q === rawEnd : this.markupAt(q))) {
        if (rawEnd >= 0) return undefined;
        q = this.skipMarkup(q); // markup the parser dropped between two runs of one node
        if (this.rawEnd >= 0) return undefined;
        continue;
      }
      if (c === '&' && decodes) {
        const ref = reference(html, q);
        if (ref) {
          if (!value.startsWith(ref.text, i)) return undefined;
          for (let k = 0; k < ref.text.length; k++) out[i + k] = q;
          i += ref.text.length;
          q += ref.length;
          continue;
        }
        if (/^&[A-Za-z#]/.test(html.slice(q, q + 2)) && value[i] !== '&') return undefined;
      }
      if (c === '\r') {
        if (value[i] !== '\n') return undefined;
        out[i++] = q;
        q += html[q + 1] === '\n' ? 2 : 1;
        continue;
      }
      if (c === value[i]) {
        out[i++] = q++;
        continue;
      }
      // The newline the parser drops right after <pre> or <textarea>.
      if (i === 0 && c === '\n' && q === start) {
        q++;
        continue;
      }
      return undefined;
    }
    this.p = q;
    if (rawEnd >= 0 && q === rawEnd) this.p = q;
    return out;
  }
}

/**
 * Places text nodes met in document order: `at`, the offset of the node's first unit when its text
 * is written as is, else `units`, the offset of each unit. False when the source there is not the
 * node's text: the tree does not follow the source (the places set so far are then not to be used).
 * The reader walks the tree once for its page text and places each text node on the way.
 */
export class TextLocator {
  private readonly cursor: Cursor;

  constructor(html: string) {
    this.cursor = new Cursor(html);
  }

  place(n: PageNode): boolean {
    const at = this.cursor.match(n.value);
    if (at === undefined) return false;
    if (typeof at === 'number') n.at = at;
    else n.units = at;
    return true;
  }
}

/** Places every text node under `root` (document order); false when the tree does not follow the source, or holds a <template> (its text lives in another tree). */
export function locateTexts(html: string, root: PageNode): boolean {
  const locator = new TextLocator(html);
  const stack: PageNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.kind === TEXT) {
      if (!locator.place(n)) return false;
      continue;
    }
    if (n.content !== undefined) return false;
    const kids = n.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return true;
}
