// TPL-* rules (rules.md), one file each.
import type { Rule } from '../api.ts';

export const TPL_RULES: Rule[] = [];
