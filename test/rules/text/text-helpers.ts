// Helpers of the TEXT-* tests: seed lines, edits of one phrase, and the place a finding points at.
import assert from 'node:assert/strict';
import type { Finding } from '../../../engine/finding.ts';
import { lineOf, replaceLine, seed } from '../harness.ts';

export const SEED = [0, 1, 2, 3, 4].map((n) => seed(n).text);

/** 1-based line `n` of the text. */
export const lineText = (text: string, n: number) => text.split('\n')[n - 1];

/** Offset of the start of 1-based line `n`. */
export function lineStart(text: string, n: number): number {
  return text.split('\n').slice(0, n - 1).reduce((a, l) => a + l.length + 1, 0);
}

/** Seed `n` with `from` replaced by `to` on 1-based line `line` (which must contain `from`). */
export function edit(n: number, line: number, from: string, to: string): string {
  const text = SEED[n];
  const l = lineText(text, line);
  assert.ok(l.includes(from), `seed ${n} line ${line} contains ${from}`);
  return replaceLine(text, line, l.replace(from, to));
}

/** Asserts the finding's range is exactly `sub` at its `nth` occurrence on 1-based `line`. */
export function assertRange(text: string, f: Finding, line: number, sub: string, at: number) {
  assert.equal(lineOf(text, f.range.start), line, 'line');
  assert.equal(text.slice(f.range.start, f.range.end), sub, 'range text');
  assert.equal(f.range.start, lineStart(text, line) + at, 'column');
}

/** Column of `sub` inside `needle` found on the line: e.g. the digit inside "新收到9件". */
export function columnOf(text: string, line: number, needle: string, offsetInNeedle: number): number {
  const i = lineText(text, line).indexOf(needle);
  assert.ok(i >= 0, `line ${line} contains ${needle}`);
  return i + offsetInNeedle;
}
