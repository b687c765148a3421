// The rule registry: every rule file of every group, in a stable order. Each group folder's
// index lists its own files, so adding a rule touches only its group.
import type { Rule } from './api.ts';
import { CELL_RULES } from './cell/index.ts';
import { STRUCT_RULES } from './struct/index.ts';
import { T2_RULES } from './t2/index.ts';
import { TABLE_RULES } from './table/index.ts';
import { TEXT_RULES } from './text/index.ts';
import { TPL_RULES } from './tpl/index.ts';

export const RULES: Rule[] = [...TPL_RULES, ...STRUCT_RULES, ...CELL_RULES, ...T2_RULES, ...TABLE_RULES, ...TEXT_RULES];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
