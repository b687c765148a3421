// STRUCT-SECTION-ORDER: the six parts follow the template order 一 to 六; a heading that comes
// after one with a higher template index is out of place.
import { defineRule } from '../api.ts';
import { departure } from '../outline.ts';
import { headingSpan, sectionArgs, specOf } from './shared.ts';

export default defineRule({
  id: 'STRUCT-SECTION-ORDER',
  severity: 'warning',
  versions: ['2019', '2021'],
  summary: { zh: '六个部分应按模板顺序排列', en: 'The six sections follow the template order' },
  messages: {
    default: { zh: '第{ordinal}部分出现在第{other}部分之后，与模板顺序不符', en: 'Section {n} comes after section {m}; the template order is 一 to 六' },
  },
  check({ report, index, emit }) {
    if (departure({ report, index })) return;
    const ordered = [...report.sections].sort((a, b) => a.heading.start - b.heading.start);
    let highest: (typeof ordered)[number] | undefined;
    for (const s of ordered) {
      const index = specOf(s.key).index;
      // The highest part seen so far is the one this heading should have preceded.
      if (highest && specOf(highest.key).index > index) {
        const other = sectionArgs(highest.key);
        emit({ range: headingSpan(s), args: { ...sectionArgs(s.key), other: other.ordinal, m: other.n } });
      }
      if (!highest || specOf(highest.key).index < index) highest = s;
    }
  },
});
