// The engine's public surface: pure functions from text to model and findings.
export { check, parseReport, type CheckOptions, type CheckResult, type ParseOptions, type Parsed } from './pipeline.ts';
export { isMarkdown } from './source/index.ts';
export { LineIndex, type Position } from './text.ts';
export { RULES, ruleById } from './rules/index.ts';
export { readConfig, unparsableConfig } from './config.ts';
export type * from './model.ts';
export type * from './finding.ts';
export { applyEdits, recomputeTotals } from './fix.ts';
