// CELL-OCR-NOISE: a token inside a table that is neither label, ordinal fragment, header text nor
// value (docs/spec/layouts.md §2) — OCR debris, HTML tags, a stray number before a label. It was ignored
// when binding, which the user should know: it might have been meant as data.
// The fix deletes only debris without a Chinese character in what it shows (a stray "471", "-",
// ":", markup): text with words in it may be a label the template words differently (a header
// "本年新<br/>制作数量" once was), and no fix may delete a label.
import { withoutInlineMarkup } from '../../text.ts';
import { defineRule } from '../api.ts';
import { valueTables } from './shared.ts';

const WORDS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export default defineRule({
  id: 'CELL-OCR-NOISE',
  severity: 'warning',
  versions: ['any'],
  summary: { zh: '表格中有无法识别的内容', en: 'Unrecognised text in a table' },
  messages: {
    default: { zh: '表格中无法识别的内容“{text}”，已忽略', en: 'Unrecognised text “{text}” in the table was ignored' },
    fix: { zh: '删除“{text}”', en: 'Delete “{text}”' },
  },
  fixes: { fix: 'unsafe' },
  check({ report, emit }) {
    for (const table of valueTables(report)) {
      for (const n of [...table.noise].sort((a, b) => a.start - b.start)) {
        if (!n.text.trim()) continue;
        const args = { text: n.text };
        const fixes = WORDS.test(withoutInlineMarkup(n.text)) ? [] : [{ title: 'fix', args, edits: [{ start: n.start, end: n.end, newText: '' }] }];
        emit({ range: { start: n.start, end: n.end }, args, fixes });
      }
    }
  },
});
