// TEXT-SELF-BALANCE: a sentence that states what came in and what became of it ("受理25件，办结20件，
// 结转3件") must add up by itself: 受理 = 办结 + 结转, or 上年结转 + 新收 = 办结 + 结转 when it names
// the carry-over. No table is needed: the sentence contradicts itself, whatever the tables say.
import { defineRule } from '../api.ts';
import { cellOf, isNum, round } from '../helpers.ts';
import { APP_UNIT, gatedSentences, matchAll, N, resolve, type Hit, type Sentence } from './prose.ts';
import { matchCarry } from './text-carry.ts';
import { matchFwd } from './text-fwd.ts';
import { matchNew } from './text-new.ts';
import { WITH_CARRY } from './text-applicant.ts';

/** "受理25件": the bare count after the verb, read only beside 办结 and 结转 in one sentence. */
const RECEIVED = `(?:收到|受理|接收)(?:了)?(?:共)?${N}${APP_UNIT}`;
const DONE = [
  `(?:办结|办理完毕|处理完毕|答复完毕|已答复|予以答复|完成办理)(?:了)?(?:的)?(?:申请)?(?:共)?${N}${APP_UNIT}`,
  `${N}${APP_UNIT}(?:申请)?(?:已|已经|均已)?(?:办结|办理完毕|处理完毕|答复完毕)`,
];
/** "结转3件" without 下年度: not the carry-over from last year (上年结转). */
const FWD_BARE = `(?<!上年度?|上一年度?|以前年度)结转(?:的)?(?:申请)?${N}${APP_UNIT}`;

interface Statement {
  carry?: Hit;
  received?: Hit;
  done: Hit;
  fwd: Hit;
}

/** The one count of each kind the sentence states; undefined when a kind is missing or stated twice. */
export function matchBalance(s: Sentence): Statement | undefined {
  if (!/办结|办理完毕|处理完毕|答复/.test(s.text) || !s.text.includes('结转')) return undefined;
  const hits = resolve([
    ...matchCarry(s).map((h) => ({ ...h, form: 'carry' })),
    ...matchNew(s),
    ...matchAll(s, RECEIVED, 'received', 45),
    ...DONE.flatMap((re) => matchAll(s, re, 'done', 35)),
    ...matchFwd(s),
    ...matchAll(s, FWD_BARE, 'fwd', 22),
  ]);
  const one = (forms: string[]): Hit | undefined | null => {
    const of = hits.filter((h) => forms.includes(h.form));
    const values = new Set(of.map((h) => h.num!.value));
    return values.size > 1 ? null : of[0];
  };
  const carry = one(['carry']);
  const received = one(['new', 'received']);
  const done = one(['done']);
  const fwd = one(['fwd']);
  if (carry === null || !received || !done || !fwd) return undefined;
  return { carry, received, done, fwd };
}

export default defineRule({
  id: 'TEXT-SELF-BALANCE',
  severity: 'warning',
  versions: ['any'],
  always: true,
  summary: { zh: '正文所述受理、办结、结转件数应前后相符', en: 'Received, completed and carried-forward counts in one sentence add up' },
  messages: {
    default: {
      zh: '正文所述申请数前后不符：受理 {r} 件，但办结 {d} 件加结转 {f} 件为 {out}',
      en: 'The sentence does not add up: {r} received, but {d} completed + {f} carried forward = {out}',
    },
    withCarry: {
      zh: '正文所述申请数前后不符：上年结转 {c} 件加{verb} {r} 件为 {in}，但办结 {d} 件加结转 {f} 件为 {out}',
      en: 'The sentence does not add up: {c} carried over + {r} {verbEn} = {in}, but {d} completed + {f} carried forward = {out}',
    },
  },
  check(ctx) {
    // A carry-over the sentence leaves unsaid may still be in the table: 受理 may then be the new
    // applications alone, and 受理 + 上年结转 is what was handled.
    const tableCarry = cellOf(ctx.report, 't3.carry.tot');
    const unsaid = isNum(tableCarry) && tableCarry.value > 0 ? tableCarry.value : undefined;
    for (const s of gatedSentences(ctx)) {
      if (!(s.text.includes('申请') || s.section === 's3')) continue;
      const st = matchBalance(s);
      if (!st) continue;
      const r = st.received!.num!.value;
      const d = st.done.num!.value;
      const f = st.fwd.num!.value;
      const out = round(d + f);
      const inputs = new Set<number>();
      if (st.carry) {
        inputs.add(round(r + st.carry.num!.value));
        // 受理/收到 may already count the carry-over; "（含上年结转2件）" says it does.
        if (st.received!.form === 'received' || WITH_CARRY.test(s.text)) inputs.add(r);
      } else {
        inputs.add(r);
        if (unsaid !== undefined) inputs.add(round(r + unsaid));
      }
      if (inputs.has(out)) continue;
      const nums = [st.carry, st.received!, st.done, st.fwd].filter((h): h is Hit => !!h).map((h) => h.num!);
      const range = { start: Math.min(...nums.map((x) => x.start)), end: Math.max(...nums.map((x) => x.end)) };
      const isNew = st.received!.form === 'new';
      const c = st.carry?.num?.value ?? 0;
      ctx.emit({
        range, message: st.carry ? 'withCarry' : 'default',
        args: {
          r, d, f, out, c, in: round(r + c),
          verb: isNew ? '新收' : '受理', verbEn: isNew ? 'new' : 'received',
        },
        cell: null, written: r, computed: out,
      });
    }
  },
});
