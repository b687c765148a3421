// Where each text node of a parsed page is in the page's source, found without parse5's location
// info. With `sourceCodeLocationInfo` parse5 gives every element, attribute and text node a
// location object: on a 100 KB report page that doubles the parse's time and most of its garbage,
// while the reader needs the places of text only. Here the tree's text nodes, in document order, are
// matched against the page's text runs in source order, character by character (entities, CR LF,
// markup the parser dropped between two runs). Every match is verified; where the tree does not
// follow the source (text the parser moved out of a table, a template's content, an entity not
// known here), the answer is undefined and the caller parses again with locations — slower, never
// wrong.
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type TextNode = DefaultTreeAdapterMap['textNode'];

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

/** A start or end tag from its '<': the name, then attributes (quoted values may hold '>'), then '>'. */
const TAG = /<\/?([A-Za-z][^\s/>]*)(?:[^>"']|"[^"]*"|'[^']*')*>/y;

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;

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
    // The tag up to its '>'; a quoted value may hold '>'.
    TAG.lastIndex = q;
    const m = TAG.exec(html);
    if (!m || !m[0].endsWith('>')) return html.length;
    const name = m[1].toLowerCase();
    const r = q + m[0].length - 1;
    const end = Math.min(html.length, r + 1);
    if (!closing && (RAW_TEXT.has(name) || RCDATA.has(name))) {
      const endTag = new RegExp(`</${name}`, 'gi');
      endTag.lastIndex = end;
      const close = endTag.exec(html)?.index ?? -1;
      this.rawEnd = close < 0 ? html.length : close;
      this.decodes = RCDATA.has(name);
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
 * The source place of every text node under `root` (document order), or undefined when the tree
 * does not follow the source. A number is the offset of the node's first unit, its text written as
 * is; an array gives the offset of each unit.
 */
export function locateTexts(html: string, root: Node): Map<TextNode, number | Int32Array> | undefined {
  const cursor = new Cursor(html);
  const out = new Map<TextNode, number | Int32Array>();
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeName === '#text') {
      const t = n as TextNode;
      const at = cursor.match(t.value);
      if (at === undefined) return undefined;
      out.set(t, at);
      continue;
    }
    if ('content' in n && n.nodeName === 'template') return undefined; // its text lives in another tree
    const kids = 'childNodes' in n ? n.childNodes : [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}
