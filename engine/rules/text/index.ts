// TEXT-* rules (rules.md), one file each.
import type { Rule } from '../api.ts';

export const TEXT_RULES: Rule[] = [];
