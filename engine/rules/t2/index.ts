// T2-* rules (docs/spec/rules.md §4), one file each. Each checks the version of table 2 itself, so a 2021
// report that pasted a 2019 table is still checked as 2019 (and TPL-VERSION says so).
import type { Rule } from '../api.ts';
import t2NonnegInt from './t2-nonneg-int.ts';
import t2FeeUnit from './t2-fee-unit.ts';
import t2FeeDecimals from './t2-fee-decimals.ts';
import t2ValidGeNet from './t2-valid-ge-net.ts';
import t2RegulationAuthority from './t2-regulation-authority.ts';
import t2NewLeTotal from './t2-2019-new-le-total.ts';
import t2DeltaBound from './t2-2019-delta-bound.ts';
import t2PurchaseUnit from './t2-2019-purchase-unit.ts';

export const T2_RULES: Rule[] = [t2NonnegInt, t2FeeUnit, t2FeeDecimals, t2ValidGeNet, t2RegulationAuthority, t2NewLeTotal, t2DeltaBound, t2PurchaseUnit];
