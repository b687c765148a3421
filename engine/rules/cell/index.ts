// CELL-* rules (rules.md), one file each.
import type { Rule } from '../api.ts';

export const CELL_RULES: Rule[] = [];
