// TPL-* rules (docs/spec/rules.md §3), one file each.
import type { Rule } from '../api.ts';
import tplYearUnknown from './tpl-year-unknown.ts';
import tplUnsupportedYear from './tpl-unsupported-year.ts';
import tplVersion from './tpl-version.ts';
import tplTitle from './tpl-title.ts';
import tplPeriod from './tpl-period.ts';
import tplYearConsistency from './tpl-year-consistency.ts';
import tplS1Aspects from './tpl-s1-aspects.ts';
import tplGovExtras from './tpl-gov-extras.ts';
import tplGovPoints from './tpl-gov-points.ts';
import tplS5Content from './tpl-s5-content.ts';
import tplS6Fee from './tpl-s6-fee.ts';
import tplDeadline from './tpl-deadline.ts';

export const TPL_RULES: Rule[] = [
  tplYearUnknown, tplUnsupportedYear, tplVersion, tplTitle, tplPeriod, tplYearConsistency,
  tplS1Aspects, tplGovExtras, tplGovPoints, tplS5Content, tplS6Fee, tplDeadline,
];
