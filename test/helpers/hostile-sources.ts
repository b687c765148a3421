// Truncated and malformed documents of each source kind (issue 14), one definition for the test that
// holds what each gives (test/engine/hostile.test.ts) and the benchmark that measures them
// (bench/hostile.bench.ts): a seed's Word form, web page and PDF cut in half, and the web page as tag
// soup — the markup a careless CMS or a hand edit leaves, which a browser still shows as the report.
import { readFileSync } from 'node:fs';

const FORMS = new URL('../fixtures/forms/', import.meta.url).pathname;

/** The first half of a seed's form (`002.docx`, `002.html`, `002.pdf`): a download cut short. */
export function cutInHalf(form: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(`${FORMS}${form}`));
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

/**
 * A seed's web page as tag soup: every `</td>`, `</tr>` and `</p>` gone, a stray `<table>` opened in
 * its first paragraph, every run's `<span>` closed inside misnested `<b><i>` (`<b><i><span>…</b></span></i>`),
 * an unclosed `<font>` at the start of every cell, and a `<td>` outside any table. A browser repairs all
 * of it (the HTML standard's tree building) and shows the report's text and tables unchanged.
 */
export function tagSoup(form: string): string {
  return readFileSync(`${FORMS}${form}`, 'utf8')
    .replace(/<\/(?:td|tr|p)>/g, '')
    .replace('<p ', '<table><p ')
    .replace(/<span\b([^>]*)>/g, '<b><i><span$1>')
    .replace(/<\/span>/g, '</b></span></i>')
    .replace(/(<td\b[^>]*>)/g, '$1<font color="red">')
    .replace('<body', '<td>孤立单元格</td><body');
}
