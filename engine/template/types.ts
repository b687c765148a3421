// Shapes of the template data. The data itself lives in y2021.ts / y2019.ts (and shared.ts for
// what both versions share); binding code reads only these shapes, never a version literal.
import type { SectionKey, T2Col, T2Row, T3Col, T3Row, T4Col, TemplateVersion } from '../model.ts';

export interface Display {
  zh: string;
  en: string;
}

export interface SectionSpec {
  key: SectionKey;
  index: number; // 1..6
  ordinal: string; // 一 … 六
  /** Template heading title (without ordinal). */
  title: string;
  /** Further titles accepted as template wording (no STRUCT-HEADING-WORDING). */
  alsoAccepted?: string[];
  /** Matcher over the normalised title (docs/spec/format.md §2.1). */
  match(normTitle: string): boolean;
  display: Display;
}

export type ValueKind = 'count' | 'delta' | 'fee' | 'money';

export interface ColumnSpec<Key extends string = T2Col | T3Col | T4Col> {
  key: Key;
  /** Template header label (for header matching, without a trailing bracketed part). */
  label: string;
  kind: ValueKind;
  display: Display;
}

export interface T2RowSpec {
  key: T2Row;
  label: string;
  /** Matcher over the normalised label head (text before the first bracket). */
  match(head: string): boolean;
  display: Display;
}

export interface T2BlockSpec {
  key: string; // 一 五 六 八 九
  caption: string; // 第二十条第（一）项
  columns: ColumnSpec<T2Col>[];
  rows: T2RowSpec[];
}

export interface T3RowSpec {
  key: T3Row;
  label: string;
  /** Keyword matched in the normalised label (the whole label). */
  keyword?: string;
  /** Group the row belongs to ('r3' for （三）不予公开 …). */
  group?: string;
  display: Display;
}

export interface T3GroupSpec {
  key: string; // r3 r4 r5 r6 results
  keyword: string;
  display: Display;
}

export interface TemplateSpec {
  version: TemplateVersion;
  notice: string;
  /**
   * The notice's own name without its number, when a report may cite it by name alone ("《…关于政府
   * 信息公开工作年度报告有关事项的通知》"); the part of it no other document's name has.
   */
  noticeName?: string;
  t2: { blocks: T2BlockSpec[]; signals: string[] };
  t3: { rows: T3RowSpec[]; items: T3Row[] };
}
