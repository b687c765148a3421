// The engine's public surface: pure functions from text to model and findings.
export { check, checkAsync, parseReport, parseReportAsync, type CheckOptions, type CheckResult, type Input, type ParseOptions, type Parsed } from './pipeline.ts';
export { isHtml, isMarkdown, sniff, type Location, type SourceDoc, type SourceKind } from './source/index.ts';
export { decode, type Decoded, type Encoding } from './source/decode.ts';
export { CONFIG_INVALID, FILE_INTERNAL, FILE_UNREADABLE, noticeFinding } from './notices.ts';
export { looksLikeReport, nothingOfAReport, readsAsReport } from './detect.ts';
export { LineIndex, type Position } from './text.ts';
export { RULES, ruleById } from './rules/index.ts';
export { readConfig, unparsableConfig } from './config.ts';
export type * from './model.ts';
export { cellId, cellIn, readable } from './model.ts';
export type * from './finding.ts';
export { applyEdits, recomputeTotals } from './fix.ts';
export { fixAll, fullyRead, overlap, safeEdits, type FixAllRefusal, type FixAllResult } from './fix-all.ts';
export { explainCell, type Explanation, type Formula } from './explain.ts';
// Writers: the official grid of a table, canonical GFM / TAB-row tables, a report as a Markdown draft.
export { filledShape, flatten, officialShape, type Shape, type ShapeCell } from './render/shape.ts';
export { displayWidth, toGfm, toTabRows } from './render/text-table.ts';
export { tableAsGfm, toMarkdownDraft } from './render/draft.ts';
export { tableText, tabRowsOf } from './render/tab-rows.ts';
export { rulePagePath } from './rule-pages.ts';
