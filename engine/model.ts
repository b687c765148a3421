// The report model: what the engine knows about one document after parsing and binding.
// Every node carries offsets (UTF-16 code units) into the original text; hosts convert them to
// line/character with `LineIndex` (engine/text.ts) in one place.

export interface Span {
  start: number;
  end: number;
}

export type TemplateVersion = '2019' | '2021';
export type SectionKey = 's1' | 's2' | 's3' | 's4' | 's5' | 's6';
export type TableId = 'T2' | 'T3' | 'T4';
export type TableStatus = 'bound' | 'partial' | 'missing' | 'unparseable';
export type AgencyKind = 'zone' | 'subdistrict' | 'government' | 'department' | 'unknown';

export interface Heading extends Span {
  /** The whole heading line (without EOL). */
  line: number;
  /** Offsets of the top-level ordinal ("一、"), when written. */
  ordinal?: Span & { text: string };
  /**
   * A converter's list number where the ordinal belongs ("1.  **总体情况**": Word's numbering
   * rendered as a Markdown ordered list), with the spaces after it; such a heading has no ordinal.
   */
  listNumber?: Span & { text: string };
  /** The title after the ordinal, up to 。/：/end of line. */
  title: Span & { text: string };
  /** Markdown `#` level; undefined for plain lines and list items. */
  level?: number;
  /** Offsets of the `#` run of an ATX heading. */
  hashes?: Span;
  /** `markup`: a heading the source's markup says is one (HTML `<hN>`, a Word outline level). */
  kind: 'atx' | 'setext' | 'markup' | 'plain' | 'list';
}

export interface Section {
  key: SectionKey;
  heading: Heading;
  /** From the end of the heading line to the start of the next section heading (or end of text). */
  body: Span;
  /** Later headings matching the same section (STRUCT-SECTION-DUPLICATE). */
  duplicates: Heading[];
}

/**
 * `covered`: the slot lies under a merged cell that starts in another slot (an HTML or Word table):
 * it holds no value of its own — never a blank, never 0.
 */
export type CellState = 'number' | 'blank' | 'placeholder' | 'invalid' | 'covered';
export type CellFlag = 'fullwidth' | 'thousands' | 'padding' | 'unit' | 'echo' | 'glued';

export interface Cell extends Span {
  id: CellId;
  table: TableId;
  row: string;
  col: string;
  /** Cell text without layout delimiters (TAB, `|`, ASCII spaces at the ends). */
  raw: string;
  state: CellState;
  value?: number;
  unit?: string;
  flags: CellFlag[];
  /** The number's own offsets inside the cell (for fixes that keep padding etc.). */
  number?: Span;
  /** Characters of the cell that are not the number (padding, echo, unit), for messages. */
  residue?: string;
}

export type RowState = 'bound' | 'inferred' | 'missing' | 'values' | 'duplicate';

export interface RowBinding {
  key: string;
  state: RowState;
  /** The label cell(s) of the row (first to last label character); absent for missing/inferred rows. */
  label?: Span & { text: string };
  /** For 'values': how many value cells were found and how many were expected. */
  found?: number;
  expected?: number;
  /** For 'duplicate': where the row first appeared. */
  first?: Span;
  /** Value cells found for this row (even when not bound), in order. */
  valueSpans?: Span[];
  /** The values of an unbound row, for hints (split digits). */
  rawValues?: string[];
}

export interface UnknownRow extends Span {
  text: string;
  values?: string[];
  after?: string;
}

export interface NoiseToken extends Span {
  text: string;
}

/** Row and column keys of each table (docs/spec/tables.md); the template data is typed by them. */
export type T2Row = 'reg' | 'norm' | 'permit' | 'service' | 'penalty' | 'enforce' | 'fee' | 'purchase';
export type T2Col = 'made' | 'repealed' | 'valid' | 'decisions' | 'amount' | 'new' | 'pub' | 'total' | 'prev' | 'delta' | 'count';
export type T3Row =
  | 'new' | 'carry' | 'r1' | 'r2'
  | 'r3_1' | 'r3_2' | 'r3_3' | 'r3_4' | 'r3_5' | 'r3_6' | 'r3_7' | 'r3_8'
  | 'r4_1' | 'r4_2' | 'r4_3'
  | 'r5_1' | 'r5_2' | 'r5_3' | 'r5_4' | 'r5_5'
  | 'r6' | 'r6_1' | 'r6_2' | 'r6_3'
  | 'r7' | 'fwd';
export type T3Col = 'np' | 'biz' | 'sci' | 'ngo' | 'law' | 'oth' | 'sub' | 'tot';
export type T4Row = 'rev' | 'dir' | 'post';
export type T4Col = 'keep' | 'fix' | 'other' | 'pend' | 'tot';

export interface TableKeys {
  T2: { row: T2Row; col: T2Col };
  T3: { row: T3Row; col: T3Col };
  T4: { row: T4Row; col: T4Col };
}
export type RowKey<Id extends TableId = TableId> = TableKeys[Id]['row'];
export type ColKey<Id extends TableId = TableId> = TableKeys[Id]['col'];
/** A cell's id, `t3.r7.np`: a misspelt row or column in a literal id fails to compile. */
export type CellId = `t2.${T2Row}.${T2Col}` | `t3.${T3Row}.${T3Col}` | `t4.${T4Row}.${T4Col}`;

export interface TableBase {
  version: TemplateVersion | null;
  status: TableStatus;
  /** Layouts seen in the table's lines, e.g. ['L2'] or ['L4']. */
  layout: string[];
  /** From its first cell (caption or header) to its last cell. */
  range: Span;
  /** The section whose body holds the table, if any. */
  section?: SectionKey;
  rows: Map<string, RowBinding>;
  cells: Map<string, Cell>;
  /**
   * Labelled rows that name no template row: their label, the values written on them, and the
   * template row they follow in the document (so a writer can keep them in place).
   */
  unknownRows: UnknownRow[];
  /** Later occurrences of a template row (STRUCT-ROW-DUPLICATE). */
  duplicateRows: RowBinding[];
  noise: NoiseToken[];
  /** Template header labels not found in the header (STRUCT-TABLE-HEADER). */
  missingHeaderLabels: string[];
  /** Whether the optional T3 法人或其他组织小计 column is present. */
  hasSubtotal?: boolean;
  /** Why the table is unparseable. */
  unparseableReason?: 'glued' | 'few-rows' | 'not-15';
  /** T2: blocks (第二十条第（X）项) of the version not found. */
  missingBlocks?: string[];
  /** T2 2021: "保留N位小数" stated in the fee header. */
  feeDecimals?: number;
  /** T2 2019: unit named in the 采购总金额 header. */
  purchaseHeaderUnit?: string;
}

/** One of the three tables; `id` tells which, and so which row and column keys it has. */
export interface TableOf<Id extends TableId> extends TableBase {
  id: Id;
}
export type Table = TableOf<'T2'> | TableOf<'T3'> | TableOf<'T4'>;

export interface Period {
  startYear: number;
  endYear: number;
  /** The whole matched statement. */
  node: Span;
  /** The digits of the start year. */
  startYearSpan: Span;
}

export interface Title extends Span {
  line: number;
  /** The last line of a title that wraps over two lines. */
  lastLine?: number;
  text: string;
  year?: number;
  yearSpan?: Span;
  level?: number;
}

export interface Agency {
  name: string;
  kind: AgencyKind;
  /** County level or below (a government ending with 县/区/旗/自治县/镇/乡). */
  countyOrBelow?: boolean;
  township?: boolean;
}

export interface Report {
  year?: number;
  yearSource: 'title' | 'period' | 'prose' | null;
  agency?: Agency;
  template: TemplateVersion | null;
  title?: Title;
  period?: Period;
  sections: Section[];
  tables: { T2: TableOf<'T2'>; T3: TableOf<'T3'>; T4: TableOf<'T4'> };
  /** The signing date among the last lines, if any. */
  signDate?: Span & { year: number; month: number; day: number; text: string };
  /** Lines that are ordinal list items/paragraphs in section bodies, for numbering rules. */
  language: 'markdown' | 'plaintext';
  /** What the document was: Markdown, plain text, an HTML page, a Word document, a PDF. */
  source: 'markdown' | 'text' | 'html' | 'docx' | 'pdf';
}

/** `t3.r7.np`: the id of the cell in `row` and `col` of a table (the key of `Table.cells`). */
export const cellId = <Id extends TableId>(table: Id, row: RowKey<Id>, col: ColKey<Id>): CellId => `${table.toLowerCase()}.${row}.${col}` as CellId;

/** The cell in `row` and `col` of `table`, when it was found. */
export const cellIn = <Id extends TableId>(table: TableOf<Id>, row: RowKey<Id>, col: ColKey<Id>): Cell | undefined =>
  table.cells.get(cellId<Id>(table.id, row, col));

/** Whether the table's cells can be read: bound whole, or partly (some rows or values missing). */
export const readable = (table: Table): boolean => table.status === 'bound' || table.status === 'partial';
