// TEXT-BRACKETS: brackets and quotes left open (or closed without opening) within one paragraph
// — a Markdown paragraph, or a line of plain text — outside tables and code. Full- and half-width
// round brackets pair with each other; the closer of a leading ordinal ("1）", "一）") is not a
// bracket. Each kind is matched on its own, so one stray mark yields one finding, not a cascade.
import { defineRule } from '../api.ts';
import { blockedLines } from './prose.ts';

const KINDS: { open: string; close: string }[] = [
  { open: '（(', close: '）)' },
  { open: '《', close: '》' },
  { open: '“', close: '”' },
  { open: '〔', close: '〕' },
  { open: '【', close: '】' },
];

/** Bracket character → [kind index, opens?]: one lookup per character of prose. */
const BRACKETS = new Map<string, [number, boolean]>();
KINDS.forEach((k, i) => {
  for (const c of k.open) BRACKETS.set(c, [i, true]);
  for (const c of k.close) BRACKETS.set(c, [i, false]);
});

/** Any character of BRACKETS (none of them is special inside a character class). */
const ANY_BRACKET = new RegExp(`[${[...BRACKETS.keys()].join('')}]`, 'g');

const LEADING_ORDINAL = /^[ \t\u3000]*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})[)）]/;

/** Whether a text holds any bracket: most lines hold none, and need no more than this. */
const HAS_BRACKET = new RegExp(ANY_BRACKET.source);

export default defineRule({
  id: 'TEXT-BRACKETS',
  severity: 'info',
  versions: ['any'],
  always: true,
  summary: { zh: '括号或引号应成对', en: 'Brackets and quotes come in pairs' },
  messages: {
    default: { zh: '括号或引号不成对：“{char}”未闭合', en: 'Unbalanced bracket or quote: “{char}” is not closed' },
  },
  check(ctx) {
    const blocked = blockedLines(ctx);
    const markdown = ctx.report.language === 'markdown';
    // One paragraph at a time, as its lines come: only its lines holding a bracket are kept, and
    // the stacks are reused, so a document of a million one-character lines allocates next to nothing.
    // Offsets only (small integers, no object per bracket): the character is the text's at that offset.
    const stacks = KINDS.map(() => [] as number[]);
    const stray: number[] = [];
    let open = false;
    // Offsets held in the stacks and in `stray` together: a paragraph that left none (most) is
    // flushed without looking at each stack.
    let held = 0;
    const flush = () => {
      if (!open) return;
      open = false;
      if (held === 0) return;
      const unmatched = new Float64Array(held);
      held = 0;
      let k = 0;
      for (const st of [...stacks, stray]) {
        for (const o of st) unmatched[k++] = o;
        st.length = 0;
      }
      unmatched.sort();
      for (const o of unmatched) ctx.emit({ range: { start: o, end: o + 1 }, args: { char: ctx.text[o] } });
    };
    const scan = (start: number, text: string) => {
      // Leading ordinals are checked at every line start: "1）…" lines often follow each other
      // inside one Markdown paragraph.
      const ordinal = LEADING_ORDINAL.exec(text);
      const skip = ordinal ? ordinal[0].length - 1 : -1;
      // The regex engine skips the text between brackets far faster than a loop over characters.
      ANY_BRACKET.lastIndex = 0;
      for (let m = ANY_BRACKET.exec(text); m; m = ANY_BRACKET.exec(text)) {
        const i = m.index;
        if (i === skip) continue;
        const ch = m[0];
        const [k, opens] = BRACKETS.get(ch)!;
        if (opens) {
          stacks[k].push(start + i);
          held++;
        } else if (stacks[k].pop() !== undefined) held--;
        else {
          stray.push(start + i);
          held++;
        }
      }
    };
    for (const line of ctx.index.lines) {
      if (blocked.has(line.index) || !/\S/.test(line.text)) {
        flush();
        continue;
      }
      // Where the line's own text starts: after a heading's #s or a list item's marker.
      const heading = ctx.structure.headings.get(line.index);
      const bullet = ctx.structure.bullets.get(line.index);
      const startsBlock = !markdown || heading !== undefined || bullet !== undefined;
      if (startsBlock) flush();
      open = true;
      if (HAS_BRACKET.test(line.text)) {
        const from = heading?.kind === 'atx' ? heading.contentStart : bullet ?? line.start;
        scan(from, from === line.start ? line.text : ctx.text.slice(from, line.end));
      }
      if (!markdown || heading) flush();
    }
    flush();
  },
});
