// Plain text (.txt, pasted drafts): a line scanner for the Markdown constructs drafts carry even
// outside Markdown files (`#` headings, bullets, fences, GFM tables).
import type { LineIndex } from '../text.ts';
import { addGfmTable, atxMark, BULLET, FENCE, gfmBlockEnd, scanComments, SETEXT } from './blocks.ts';
import { emptyStructure, type DocStructure } from './types.ts';

/** Line scanner for plain text: the Markdown constructs drafts carry even in .txt files. */
export function scanPlainText(idx: LineIndex): DocStructure {
  const s = emptyStructure();
  const lines = idx.lines;
  let fence: string | null = null;
  for (let l = 0; l < lines.length; l++) {
    const { text, start } = lines[l];
    if (fence !== null) {
      s.code.add(l);
      if (text.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    const f = FENCE.exec(text);
    if (f) {
      fence = f[1];
      s.code.add(l);
      continue;
    }
    if (text.length > 2000 && !text.includes('\t')) continue; // no construct of interest is that long
    const atx = atxMark(l, text, start);
    if (atx) {
      s.headings.set(l, atx);
      continue;
    }
    const b = BULLET.exec(text);
    if (b) s.bullets.set(l, start + b[0].length);
    // GFM table: a header row with a pipe followed by a delimiter row.
    const last = gfmBlockEnd(lines, l);
    if (last >= 0) {
      addGfmTable(s, idx, l, l + 1, last);
      l = last;
      continue;
    }
    // Setext underline under a paragraph line.
    if (l > 0 && SETEXT.test(text) && lines[l - 1].text.trim() && !s.headings.has(l - 1) && !s.bullets.has(l - 1) && !lines[l - 1].text.includes('\t')) {
      const prev = lines[l - 1];
      const content = prev.text.trim();
      const contentStart = prev.start + prev.text.indexOf(content);
      s.headings.set(l - 1, { line: l - 1, level: text.trim()[0] === '=' ? 1 : 2, kind: 'setext', contentStart, contentEnd: contentStart + content.length });
    }
  }
  scanComments(s, idx.text);
  return s;
}
