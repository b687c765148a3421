// STRUCT-* rules (rules.md), one file each.
import type { Rule } from '../api.ts';

export const STRUCT_RULES: Rule[] = [];
