// Reading the XML parts of a Word document (word/document.xml, styles.xml, numbering.xml) as a
// stream of start tags, end tags and text. What Word, WPS and LibreOffice write is plain XML 1.0:
// elements, attributes, the five predefined entities and character references, comments,
// processing instructions and CDATA sections. That much is read here, and the document must be
// well-formed in it — every tag closed in order, one root, attribute values quoted, every `&` a
// reference — or it is damaged (XmlError). A DOCTYPE is refused outright: no DTD is ever read, so
// no entity is declared, expanded or fetched (a billion-laughs or an external entity is a damaged
// file, not work). This replaced saxes, a conformant general parser that reads one character at a
// time: on a report's document.xml it was two thirds of the time to read the .docx.

export class XmlError extends Error {}

/** A start tag. Its attributes are read when asked for: most tags of a part are never asked. */
export class XmlTag {
  private parsed?: Record<string, string>;

  constructor(
    /** The qualified name as written (`w:p`). */
    readonly name: string,
    /** The attributes as written (checked well-formed, not yet decoded). */
    private readonly source: string,
  ) {}

  /** Attributes by qualified name, values with references decoded. */
  get attributes(): Record<string, string> {
    if (this.parsed) return this.parsed;
    const out: Record<string, string> = Object.create(null);
    ATTRIBUTE.lastIndex = 0;
    for (let a = ATTRIBUTE.exec(this.source); a; a = ATTRIBUTE.exec(this.source)) {
      if (a[1] in out) throw new XmlError(`attribute ${a[1]} given twice`);
      out[a[1]] = attributeValue(a[2] ?? a[3]);
    }
    return (this.parsed = out);
  }
}

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** A start tag, well-formed: its name, its attributes (each value quoted, no `<` in one), `/` when it is empty. */
const START_TAG = /<([^\s/>=<"'&]+)((?:\s+[^\s/>=<"'&]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const ATTRIBUTE = /\s+([^\s/>=<"'&]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(lt|gt|amp|quot|apos));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** A code point XML allows in a document (XML 1.0 §2.2, Char). */
function allowed(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Text with its references decoded; a `&` that starts no reference is an error. */
function decodeText(s: string): string {
  if (!s.includes('&')) return s;
  let out = '';
  let last = 0;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(s); m; m = REFERENCE.exec(s)) {
    if (s.indexOf('&', last) !== m.index) throw new XmlError('a bare & or an undeclared entity');
    let ch: string;
    if (m[3]) ch = PREDEFINED[m[3]];
    else {
      const cp = m[1] ? Number.parseInt(m[1], 16) : Number(m[2]);
      if (!allowed(cp)) throw new XmlError(`character reference to U+${cp.toString(16)}`);
      ch = String.fromCodePoint(cp);
    }
    out += s.slice(last, m.index) + ch;
    last = m.index + m[0].length;
  }
  if (s.includes('&', last)) throw new XmlError('a bare & or an undeclared entity');
  return out + s.slice(last);
}

/** Line ends as XML reads them (§2.11): CRLF and a lone CR are one LF. */
const lineEnds = (s: string) => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);
/** Attribute-value normalisation (§3.3.3): each literal TAB, LF or CR is a space. */
const attributeValue = (s: string) => decodeText(/[\t\n\r]/.test(s) ? s.replace(/\r\n|[\t\n\r]/g, ' ') : s);

/** Reads `xml` through, calling the handlers in document order. Throws XmlError where it is not well-formed. */
export function readXml(xml: string, handlers: XmlHandlers): void {
  const { open, close, text } = handlers;
  const stack: string[] = [];
  let rootSeen = false;
  let at = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = xml.length;
  while (at < n) {
    const lt = xml.indexOf('<', at);
    const end = lt < 0 ? n : lt;
    if (end > at) {
      const raw = xml.slice(at, end);
      if (!stack.length && raw.trim()) throw new XmlError('text outside the root element');
      if (raw.includes('>') && raw.includes(']]>')) throw new XmlError(']]> in text');
      if (text && stack.length) text(lineEnds(decodeText(raw)));
      else decodeText(raw);
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x2f) {
      // </name>
      const close_ = xml.indexOf('>', lt + 2);
      if (close_ < 0) throw new XmlError('an end tag is not closed');
      const name = xml.slice(lt + 2, close_).trimEnd();
      if (stack.pop() !== name) throw new XmlError(`</${name}> does not close the open element`);
      close?.(name);
      at = close_ + 1;
      continue;
    }
    if (next === 0x3f) {
      // <?target …?>
      const stop = xml.indexOf('?>', lt + 2);
      if (stop < 0) throw new XmlError('a processing instruction is not closed');
      at = stop + 2;
      continue;
    }
    if (next === 0x21) {
      if (xml.startsWith('<!--', lt)) {
        const stop = xml.indexOf('-->', lt + 4);
        if (stop < 0) throw new XmlError('a comment is not closed');
        at = stop + 3;
        continue;
      }
      if (xml.startsWith('<![CDATA[', lt)) {
        if (!stack.length) throw new XmlError('CDATA outside the root element');
        const stop = xml.indexOf(']]>', lt + 9);
        if (stop < 0) throw new XmlError('a CDATA section is not closed');
        text?.(lineEnds(xml.slice(lt + 9, stop)));
        at = stop + 3;
        continue;
      }
      // <!DOCTYPE …>: no DTD is read (see the file's head), so a document with one is refused.
      throw new XmlError('a DOCTYPE or other declaration');
    }
    START_TAG.lastIndex = lt;
    const tag = START_TAG.exec(xml);
    if (!tag) throw new XmlError('a < that starts no well-formed tag');
    const name = tag[1];
    if (!stack.length) {
      if (rootSeen) throw new XmlError('a second root element');
      rootSeen = true;
    }
    open?.(new XmlTag(name, tag[2]));
    if (tag[3]) close?.(name);
    else stack.push(name);
    at = START_TAG.lastIndex;
  }
  if (stack.length) throw new XmlError(`<${stack[stack.length - 1]}> is not closed`);
  if (!rootSeen) throw new XmlError('no root element');
}
