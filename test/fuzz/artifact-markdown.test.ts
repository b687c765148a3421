// TEXT-EXPORT-ARTIFACT's safe fix is Markdown-aware (issue 18): over documents built from random
// Markdown constructs, applying its fixes until none is left never changes what Markdown shows as
// written or hides — inline code, code blocks, link destinations and titles, autolinks, HTML
// comments, backslash escapes — as a whole-document remark parse (the oracle, independent of the
// rule's paragraph-by-paragraph reading) sees them; removes every leftover in the prose; and a
// second application changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { applyEdits, check } from '../../engine/index.ts';

const RULE = 'TEXT-EXPORT-ARTIFACT';

/** Constructs that must survive the fix as they are. */
const LITERAL = [
  '`<b>代码</b>`', '`[bookmark: _Toc1]`', '``含 ` 的 <span>代码</span>``',
  '<!-- 注：<b>加粗</b>保留 -->', '<!-- [bookmark: x] -->',
  '[链接](<http://gov.cn/[bookmark: a]>)', '[链接](http://gov.cn/a "<b>标题</b>")', '<span://gov.cn/a>',
  '\\<b\\>', '\\<span style="x"\\>', '\\[bookmark: x]',
];
/** Leftovers in the prose, which the fix must remove. */
const LEFTOVER = ['<b>', '</b>', '<span style="font-family:宋体">', '</span>', '[bookmark: _GoBack]', '<!--[if !supportLists]-->', '<!--[endif]-->', '<br>', '<font face="仿宋">'];
const PROSE = ['本机关', '依法公开政府信息', '共计 12 件', '。', '，', ' '];

const inlinePiece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROSE) },
  { weight: 2, arbitrary: fc.constantFrom(...LITERAL) },
  { weight: 2, arbitrary: fc.constantFrom(...LEFTOVER) },
);
const paragraph = fc.array(inlinePiece, { minLength: 1, maxLength: 8 }).map((p) => p.join(''));
const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 1, arbitrary: paragraph.map((p) => `    ${p.replace(/\n/g, ' ')}`) }, // indented code (after a blank line)
  { weight: 1, arbitrary: paragraph.map((p) => `\`\`\`\n${p}\n\`\`\``) },
  { weight: 1, arbitrary: paragraph.map((p) => `## ${p}`) },
  { weight: 1, arbitrary: paragraph.map((p) => `- ${p}`) },
);
const documentArb = fc.array(block, { minLength: 1, maxLength: 6 }).map((bs) => `# 某某局2024年政府信息公开工作年度报告\n\n${bs.join('\n\n')}\n`);

interface Node {
  type: string;
  value?: string;
  url?: string;
  title?: string | null;
  children?: Node[];
}
const parser = unified().use(remarkParse).use(remarkGfm);

/** What the fix must leave alone, as a whole-document parse reads it. */
function literals(md: string): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.type === 'inlineCode' || n.type === 'code') out.push(`${n.type}:${n.value}`);
    else if (n.type === 'html' && /^\s*<!--/.test(n.value ?? '') && !/^\s*<!--\[(if|endif)/.test(n.value ?? '')) {
      // the comment itself; raw HTML after it on its line is markup, where a <b> is a leftover like any
      const v = n.value ?? '';
      const close = v.indexOf('-->');
      out.push(`comment:${close < 0 ? v : v.slice(0, close + 3)}`);
    }
    else if (n.type === 'link' || n.type === 'image') out.push(`url:${n.url} ${n.title ?? ''}`);
    if (n.type === 'text' || n.type === 'link') out.push(...[...(n.value ?? '').matchAll(/[<>[\]]/g)].map(() => `char`)); // escaped brackets read as text
    for (const c of n.children ?? []) walk(c);
  };
  walk(parser.runSync(parser.parse(md)) as Node);
  return out.filter((x) => x !== 'char').sort();
}

function fixAll(md: string): string {
  let text = md;
  for (let round = 0; round < 8; round++) {
    const edits = check(text, { fileName: 'r.md' }).findings.filter((f) => f.rule === RULE).flatMap((f) => f.fixes.find((x) => x.kind === 'safe')?.edits ?? []);
    // (a leftover alone on its line is offered as an unsafe fix: see the rule)
    if (!edits.length) break;
    const next = applyEdits(text, edits);
    if (next === text) break;
    text = next;
  }
  return text;
}

/** Escapes in the source outside code: the fix must keep every one. */
const escapes = (md: string) => (md.match(/\\[<[]/g) ?? []).length;

test('TEXT-EXPORT-ARTIFACT fixes never touch code, comments, URLs, autolinks or escapes; they remove the leftovers; idempotent', () => {
  fc.assert(
    fc.property(documentArb, (md) => {
      const fixed = fixAll(md);
      assert.deepEqual(literals(fixed), literals(md), 'Markdown literals unchanged');
      assert.equal(escapes(fixed), escapes(md), 'escapes kept');
      assert.equal(fixAll(fixed), fixed, 'a second application changes nothing');
      const left = check(fixed, { fileName: 'r.md' }).findings.filter((f) => f.rule === RULE && f.fixes.some((x) => x.kind === 'safe'));
      assert.deepEqual(left.map((f) => f.message), [], 'no leftover with a safe fix remains in the prose');
    }),
    { numRuns: Number(process.env.GOVREPORT_FUZZ_RUNS ?? 300), seed: Number(process.env.GOVREPORT_FUZZ_SEED ?? 1815) },
  );
});

test('the cases of issues 18 and 14, one by one', () => {
  const cases: [string, string][] = [
    ['前`<b>x</b>`后[bookmark: _GoBack]加粗', '前`<b>x</b>`后加粗'],
    ['前<!-- <b>注</b> -->后', '前<!-- <b>注</b> -->后'],
    ['[链接](http://gov.cn/a "<b>t</b>")', '[链接](http://gov.cn/a "<b>t</b>")'],
    ['<span://gov.cn/a>', '<span://gov.cn/a>'],
    ['\\<b\\>保留\\<b\\>', '\\<b\\>保留\\<b\\>'],
    // Issue 14: raw HTML is markup the rendered document's reader never sees — pandoc's
    // `<span lang="EN-US">` around a .docx run, a `<b>`, a Word conditional comment — so it stays;
    // what Markdown shows as written (a bare `<![endif]-->`, a bookmark) is the leftover.
    ['<span lang="EN-US">2023</span>年<b>加粗</b>', '<span lang="EN-US">2023</span>年<b>加粗</b>'],
    ['甲<!--[if !supportLists]-->乙<!--[endif]-->丙', '甲<!--[if !supportLists]-->乙<!--[endif]-->丙'],
    ['甲<![endif]-->乙[bookmark: _Toc1]丙', '甲乙丙'],
  ];
  for (const [body, want] of cases) {
    const md = `# 某某局2024年政府信息公开工作年度报告\n\n${body}\n`;
    assert.equal(fixAll(md), `# 某某局2024年政府信息公开工作年度报告\n\n${want}\n`, body);
  }
  // plain text: only the escape rule applies
  assert.equal(check('标题\n\n\\<b\\>保留\n', { fileName: 'r.txt' }).findings.filter((f) => f.rule === RULE).length, 0);
});
