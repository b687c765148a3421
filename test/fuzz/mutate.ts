// Mutations of report text for property tests: what pasting from Word, WPS, web pages and OCR
// does to a report. Each mutation is a pure function of the text and fast-check's choices.
import fc from 'fast-check';

export type Mutation = (text: string) => string;

const lines = (t: string) => t.split('\n');
const join = (ls: string[]) => ls.join('\n');
const NOISE = ['-', ':', '471', '<b>红木</b>', '|', '||', '\t', '　', '\u00a0', '（', '）', '一、', '总计', '自然人', '0', '８', '1,691', '约5', '—', '/', '无', '\r', '😀', '\u200b', '#', '> ', '- '];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((i): Mutation => (t) => { const ls = lines(t); ls.splice(i % ls.length, 1); return join(ls); }),
  fc.nat().map((i): Mutation => (t) => { const ls = lines(t); const k = i % ls.length; ls.splice(k, 0, ls[k]); return join(ls); }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => { const ls = lines(t); const x = a % ls.length; const y = b % ls.length; [ls[x], ls[y]] = [ls[y], ls[x]]; return join(ls); }),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })).map(([i, d]): Mutation => (t) => {
    const digits = [...t.matchAll(/\d/g)];
    if (!digits.length) return t;
    const at = digits[i % digits.length].index!;
    return t.slice(0, at) + d + t.slice(at + 1);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...NOISE)).map(([i, n]): Mutation => (t) => { const at = i % (t.length + 1); return t.slice(0, at) + n + t.slice(at); }),
  fc.nat().map((i): Mutation => (t) => { const tabs = [...t.matchAll(/\t/g)]; if (!tabs.length) return t; const at = tabs[i % tabs.length].index!; return t.slice(0, at) + t.slice(at + 1); }), // merge cells
  fc.nat().map((i): Mutation => (t) => { const tabs = [...t.matchAll(/\t/g)]; if (!tabs.length) return t; const at = tabs[i % tabs.length].index!; return t.slice(0, at) + '\t\t' + t.slice(at + 1); }), // split cells
  fc.constantFrom<Mutation>((t) => t.replace(/\n/g, '\r\n'), (t) => t.replace(/\n/g, '\r'), (t) => t.replace(/\n/g, (_m, off: number) => (off % 3 === 0 ? '\r\n' : off % 3 === 1 ? '\r' : '\n'))),
  fc.nat().map((i): Mutation => (t) => t.slice(0, i % (t.length + 1))), // truncate anywhere
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('```\n', '> ', '- ', '    ', '<!-- ', '| ', '# ')).map(([a, b, wrap]): Mutation => (t) => {
    const ls = lines(t);
    const x = a % ls.length;
    const y = Math.min(ls.length, x + 1 + (b % 30));
    for (let k = x; k < y; k++) ls[k] = wrap === '```\n' ? ls[k] : wrap + ls[k];
    if (wrap === '```\n') { ls.splice(y, 0, '```'); ls.splice(x, 0, '```'); }
    return join(ls);
  }),
);

export const mutations = (max: number) => fc.array(mutation, { minLength: 1, maxLength: max });

export function apply(text: string, ms: Mutation[]): string {
  return ms.reduce((t, m) => m(t), text);
}
