// TEXT-* rules (docs/spec/rules.md §7), one file each; prose.ts holds what they share.
import type { Rule } from '../api.ts';
import textNew from './text-new.ts';
import textCarry from './text-carry.ts';
import textFwd from './text-fwd.ts';
import textNoneReceived from './text-none-received.ts';
import textAllDone from './text-all-done.ts';
import textResult from './text-result.ts';
import textReview from './text-review.ts';
import textLitigation from './text-litigation.ts';
import textRegdocs from './text-regdocs.ts';
import textExportArtifact from './text-export-artifact.ts';
import textBrackets from './text-brackets.ts';

export const TEXT_RULES: Rule[] = [
  textNew, textCarry, textFwd, textNoneReceived, textAllDone, textResult, textReview, textLitigation, textRegdocs, textExportArtifact, textBrackets,
];
