// CELL-* rules (docs/spec/rules.md §1), one file each.
import type { Rule } from '../api.ts';
import cellEmpty from './cell-empty.ts';
import cellPlaceholder from './cell-placeholder.ts';
import cellNotNumber from './cell-not-number.ts';
import cellExtraText from './cell-extra-text.ts';
import cellFullwidthDigit from './cell-fullwidth-digit.ts';
import cellThousandsSep from './cell-thousands-sep.ts';
import cellOcrNoise from './cell-ocr-noise.ts';

export const CELL_RULES: Rule[] = [cellEmpty, cellPlaceholder, cellNotNumber, cellExtraText, cellFullwidthDigit, cellThousandsSep, cellOcrNoise];
