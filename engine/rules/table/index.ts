// T2-, T3- and T4- rules (docs/spec/rules.md §4–§6), one file each.
import type { Rule } from '../api.ts';
import t3RowTotal from './t3-row-total.ts';
import t3LegalSubtotal from './t3-legal-subtotal.ts';
import t3ResultTotal from './t3-result-total.ts';
import t3Balance from './t3-balance.ts';
import t3NonnegInt from './t3-nonneg-int.ts';
import t4Sum from './t4-sum.ts';
import t4NonnegInt from './t4-nonneg-int.ts';
import t4PostWithoutReview from './t4-post-without-review.ts';

export const TABLE_RULES: Rule[] = [t3RowTotal, t3LegalSubtotal, t3ResultTotal, t3Balance, t3NonnegInt, t4Sum, t4NonnegInt, t4PostWithoutReview];
