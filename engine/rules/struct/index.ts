// STRUCT-* rules (docs/spec/rules.md §2), one file each.
import type { Rule } from '../api.ts';
import structSectionMissing from './struct-section-missing.ts';
import structSectionDuplicate from './struct-section-duplicate.ts';
import structSectionOrder from './struct-section-order.ts';
import structOrdinal from './struct-ordinal.ts';
import structHeadingWording from './struct-heading-wording.ts';
import structHeadingLevel from './struct-heading-level.ts';
import structNumberingRestart from './struct-numbering-restart.ts';
import structNumberingHierarchy from './struct-numbering-hierarchy.ts';
import structTableMissing from './struct-table-missing.ts';
import structTablePlacement from './struct-table-placement.ts';
import structTableUnparseable from './struct-table-unparseable.ts';
import structTableHeader from './struct-table-header.ts';
import structRowMissing from './struct-row-missing.ts';
import structRowValues from './struct-row-values.ts';
import structRowDuplicate from './struct-row-duplicate.ts';
import structRowUnknown from './struct-row-unknown.ts';
import structRowInferred from './struct-row-inferred.ts';

export const STRUCT_RULES: Rule[] = [
  structSectionMissing, structSectionDuplicate, structSectionOrder, structOrdinal, structHeadingWording, structHeadingLevel,
  structNumberingRestart, structNumberingHierarchy, structTableMissing, structTablePlacement, structTableUnparseable,
  structTableHeader, structRowMissing, structRowValues, structRowDuplicate, structRowUnknown, structRowInferred,
];
