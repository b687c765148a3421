// The page's tree as parse5 builds it, through parse5's own extension point (a tree adapter): every
// node — document, element, text, comment, doctype — is one class, PageNode. The reader walks the
// tree several times (locating text in the source, the page's text, the report's blocks, its
// tables); with parse5's default adapter each kind of node is an object literal of its own shape,
// so every step of those walks read `childNodes` or `nodeName` from several shapes, and what the
// reader learnt about a node (its text's place in the source, the span of its text) lived in Maps
// keyed by node. One shape with those fields makes each access a fixed-offset load and each fact a
// field (bench/RESULTS.md, "Where a 100 KB page's time goes").
import { defaultTreeAdapter, parse, type Token, type TreeAdapter, type TreeAdapterTypeMap, type html } from 'parse5';

/** Nothing is ever added to it: the children of a text, comment or doctype node. */
const NO_CHILDREN: PageNode[] = [];
const NO_ATTRS: Token.Attribute[] = [];

/** PageNode.kind: the DOM's node type numbers. */
export const ELEMENT = 1;
export const TEXT = 3;
const COMMENT = 8;
const DOCUMENT = 9;
const DOCTYPE = 10;
const FRAGMENT = 11;

export class PageNode {
  /** ELEMENT, TEXT, COMMENT, DOCUMENT, DOCTYPE or FRAGMENT. */
  kind: number;
  /** '#document', '#document-fragment', '#text', '#comment', '#documentType', or the element's tag name. */
  nodeName: string;
  /** The element's tag name; '' for every other node. */
  tagName: string;
  attrs: Token.Attribute[];
  namespaceURI: html.NS | undefined;
  childNodes: PageNode[];
  parentNode: PageNode | null = null;
  /** A text node's text; a comment's data; a doctype's name. */
  value: string;
  // What only a few nodes have is not a field of every node (parse5's adapter functions add it
  // where it is: a smaller node is less for the young generation to copy while the tree lives).
  /** A <template>'s content (a document fragment outside `childNodes`). */
  declare content?: PageNode;
  /** Set only when parsed with parse5's location info. */
  declare sourceCodeLocation?: Token.ElementLocation | null;
  /** The document's quirks mode. */
  declare mode?: html.DOCUMENT_MODE;
  /** A text node's place in the page: the offset of its first unit when written as is, else -1 and `units`. */
  at = -1;
  /** A text node's place in the page, per UTF-16 unit (entities, CR LF, markup dropped inside it). */
  units: Int32Array | null = null;
  /** An element's rendered text: the text nodes [first, end) of the page text (html.ts), or -1 when not rendered there. */
  first = -1;
  end = -1;
  /** What the page text learnt of an element (html.ts). */
  flags = 0;

  constructor(kind: number, nodeName: string, tagName: string, namespaceURI: html.NS | undefined, attrs: Token.Attribute[], childNodes: PageNode[], value: string) {
    this.kind = kind;
    this.nodeName = nodeName;
    this.tagName = tagName;
    this.namespaceURI = namespaceURI;
    this.attrs = attrs;
    this.childNodes = childNodes;
    this.value = value;
  }
}

type Map1 = TreeAdapterTypeMap<PageNode, PageNode, PageNode, PageNode, PageNode, PageNode, PageNode, PageNode, PageNode, PageNode>;

const text = (value: string) => new PageNode(TEXT, '#text', '', undefined, NO_ATTRS, NO_CHILDREN, value);

function appendChild(parent: PageNode, node: PageNode): void {
  parent.childNodes.push(node);
  node.parentNode = parent;
}

/** The default adapter's behaviour (parse5's own, which reads and writes the same field names), on PageNodes. */
export const pageTreeAdapter: TreeAdapter<Map1> = {
  ...(defaultTreeAdapter as unknown as TreeAdapter<Map1>),
  createDocument: () => new PageNode(DOCUMENT, '#document', '', undefined, NO_ATTRS, [], ''),
  createDocumentFragment: () => new PageNode(FRAGMENT, '#document-fragment', '', undefined, NO_ATTRS, [], ''),
  createElement: (tagName, namespaceURI, attrs) => new PageNode(ELEMENT, tagName, tagName, namespaceURI, attrs, [], ''),
  createCommentNode: (data) => new PageNode(COMMENT, '#comment', '', undefined, NO_ATTRS, NO_CHILDREN, data),
  createTextNode: text,
  appendChild,
  setDocumentType(document, name) {
    const doctype = document.childNodes.find((n) => n.nodeName === '#documentType');
    if (doctype) doctype.value = name;
    else appendChild(document, new PageNode(DOCTYPE, '#documentType', '', undefined, NO_ATTRS, NO_CHILDREN, name));
  },
  getCommentNodeContent: (node) => node.value,
  getDocumentTypeNodeName: (node) => node.value,
  getDocumentTypeNodePublicId: () => '',
  getDocumentTypeNodeSystemId: () => '',
  isElementNode: (node): node is PageNode => node.kind === ELEMENT,
  isTextNode: (node): node is PageNode => node.kind === TEXT,
  insertText(parent, value) {
    const kids = parent.childNodes;
    const last = kids[kids.length - 1];
    if (last !== undefined && last.kind === TEXT) last.value += value;
    else appendChild(parent, text(value));
  },
  insertTextBefore(parent, value, reference) {
    const kids = parent.childNodes;
    const at = kids[kids.length - 1] === reference ? kids.length - 1 : kids.indexOf(reference);
    const before = kids[at - 1];
    if (before !== undefined && before.kind === TEXT) before.value += value;
    else pageTreeAdapter.insertBefore(parent, text(value), reference);
  },
};

/** The page's tree; `locations`: with parse5's source locations on every node (slower, twice the garbage). */
export function parseTree(html: string, locations = false): PageNode {
  return parse(html, { treeAdapter: pageTreeAdapter, sourceCodeLocationInfo: locations });
}
