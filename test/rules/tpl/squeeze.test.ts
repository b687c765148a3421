// squeeze() cuts a long text into pieces after line breaks; the result must be the same as one
// NFKC + whitespace removal over the whole text, whatever sits at the cuts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { squeeze } from '../../../engine/rules/tpl/shared.ts';

const whole = (s: string) => s.normalize('NFKC').replace(/[\s\u3000\u00a0\u2000-\u200b\ufeff]+/g, '');

test('squeeze over a long text equals NFKC and whitespace removal over the whole of it', () => {
  // Combining marks right after line breaks, compatibility characters, CRLF, lone CR, full-width
  // spaces, and long lines, so the cuts fall everywhere.
  const bits = ['ｅ\u0301', '\r\n', '\n', '\n\u0301', '㈱ 全角１２３', 'abc\u3000', 'Ａ', '\r', '政府信息公开'.repeat(3000)];
  let text = '';
  for (let i = 0; text.length < 600_000; i++) text += bits[(i * 7919) % bits.length];
  // Long lines of e + combining acute: a cut anywhere but after a line break splits a pair that
  // NFKC composes into é.
  text += ('ｅ\u0301'.repeat(45_000) + '\n').repeat(4) + 'ｅ\u0301'.repeat(45_001);
  const got = squeeze(text);
  assert.equal(got, whole(text));
  assert.ok(!/\s/.test(got));
  // and a short text takes the direct path
  assert.equal(squeeze(' Ａ ㈱\n'), 'A(株)');
});
