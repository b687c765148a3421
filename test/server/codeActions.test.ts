// source.fixAll: only safe fixes, never two that touch the same text, one fix per finding.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, Fix } from '../../engine/index.ts';
import { safeFixEdits } from '../../server/codeActions.ts';

const fix = (kind: Fix['kind'], start: number, end: number, newText: string): Fix => ({ title: newText, kind, edits: [{ start, end, newText }] });
const finding = (...fixes: Fix[]): Finding => ({
  rule: 'X', severity: 'info', message: '', range: { start: 0, end: 0 }, cell: null, written: null, computed: null, related: [], fix: fixes[0] ?? null, fixes,
});

it('takes safe fixes only, first come first served on overlaps', () => {
  const edits = safeFixEdits([
    finding(fix('safe', 0, 2, 'a')),
    finding(fix('unsafe', 10, 12, 'u')),
    finding(fix('safe', 1, 3, 'overlaps a')),
    finding(fix('safe', 2, 4, 'touches a')),
    finding(fix('safe', 20, 20, 'insert'), fix('safe', 30, 31, 'alternative')),
    finding(fix('safe', 20, 20, 'second insert at the same point')),
  ]);
  assert.deepEqual(edits.map((e) => e.newText), ['a', 'touches a', 'insert']);
});

it('skips a fix whose edits partly overlap, as a whole', () => {
  const both: Fix = { title: 'two edits', kind: 'safe', edits: [{ start: 50, end: 51, newText: 'x' }, { start: 5, end: 6, newText: 'y' }] };
  const edits = safeFixEdits([finding(fix('safe', 5, 7, 'first')), finding(both)]);
  assert.deepEqual(edits.map((e) => e.newText), ['first']);
});
