// The engine's public surface: pure functions from text to model and findings.
export { check, type CheckOptions, type CheckResult } from './check.ts';
export { parseReport, isMarkdown, type ParseOptions, type Parsed } from './parse/report.ts';
export { LineIndex, type Position } from './text.ts';
export { RULES, ruleById } from './rules/index.ts';
export { readConfig, unparsableConfig } from './config.ts';
export type * from './model.ts';
export type * from './finding.ts';
export { applyEdits, recomputeTotals } from './fix.ts';
