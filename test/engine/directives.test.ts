// Disable comments count only where Markdown makes them comments (issue 18): inside fenced code,
// an indented code block or an inline code span `<!-- govreport-disable -->` is literal text and
// silences nothing. In plain text a comment counts anywhere outside fenced code (README,
// "Configuration").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check } from '../../engine/index.ts';
import { seedText } from '../cli/helpers.ts';

const SEED = seedText('002'); // has error findings
const DISABLE = '<!-- govreport-disable -->';

test('disable comments: only where Markdown reads a comment', () => {
  const all = check(SEED, { fileName: 'r.md' }).findings.length;
  assert.ok(all > 0);
  const count = (prefix: string, fileName: string) => check(prefix + SEED, { fileName }).findings.length;
  for (const [prefix, md, txt] of [
    [`${DISABLE}\n`, 0, 0],
    [`前文 ${DISABLE} 后文\n\n`, 0, 0],
    [`\`\`\`\n${DISABLE}\n\`\`\`\n`, all, all],
    [`~~~markdown\n${DISABLE}\n~~~\n`, all, all],
    [`    ${DISABLE}\n\n`, all, 0],
    [`\`${DISABLE}\`\n\n`, all, 0],
    [`说明：\`${DISABLE}\` 用于关闭规则。\n\n`, all, 0],
    [`\`\`${DISABLE}\`\`\n\n`, all, 0],
  ] as const) {
    assert.equal(count(prefix, 'r.md'), md, `Markdown: ${JSON.stringify(prefix)}`);
    assert.equal(count(prefix, 'r.txt'), txt, `plain text: ${JSON.stringify(prefix)}`);
  }
});
