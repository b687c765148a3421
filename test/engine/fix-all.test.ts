// The fix-all policy (engine/fix-all.ts): the first safe fix of each finding, whole, never two
// that touch the same text; round after round until nothing is left; edits reported against the
// original text; a fix that loses a table or a section is not made. Both hosts call it
// (test/conventions/fix-all.test.ts holds them to the same bytes).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { applyEdits, check, fixAll, safeEdits, type Finding, type Fix } from '../../engine/index.ts';
import { EditLog } from '../../engine/fix.ts';

const fix = (kind: Fix['kind'], start: number, end: number, newText: string): Fix => ({ title: newText, kind, edits: [{ start, end, newText }] });
const finding = (...fixes: Fix[]): Finding => ({
  rule: 'X', severity: 'info', message: '', range: { start: 0, end: 0 }, cell: null, written: null, computed: null, related: [], fix: fixes[0] ?? null, fixes,
});
const TEXT = 'x'.repeat(100);

it('takes the first safe fix of each finding, first come first served on overlaps', () => {
  const edits = safeEdits([
    finding(fix('safe', 0, 2, 'a')),
    finding(fix('unsafe', 10, 12, 'u')),
    finding(fix('safe', 1, 3, 'overlaps a')),
    finding(fix('safe', 2, 4, 'touches a')),
    finding(fix('safe', 20, 20, 'insert'), fix('safe', 30, 31, 'alternative')),
    finding(fix('safe', 20, 20, 'second insert at the same point')),
    finding(fix('safe', 90, 120, 'past the end of the text')),
  ], TEXT);
  assert.deepEqual(edits.map((e) => e.newText), ['a', 'touches a', 'insert']);
});

it('skips a fix whose edits partly overlap, as a whole, and one whose own edits overlap', () => {
  const both: Fix = { title: 'two edits', kind: 'safe', edits: [{ start: 50, end: 51, newText: 'x' }, { start: 5, end: 6, newText: 'y' }] };
  const self: Fix = { title: 'self', kind: 'safe', edits: [{ start: 60, end: 62, newText: 'x' }, { start: 61, end: 63, newText: 'y' }] };
  assert.deepEqual(safeEdits([finding(fix('safe', 5, 7, 'first')), finding(both), finding(self)], TEXT).map((e) => e.newText), ['first']);
});

it('writes the line breaks of a CRLF text', () => {
  assert.deepEqual(safeEdits([finding(fix('safe', 0, 0, 'a\nb'))], 'x\r\ny').map((e) => e.newText), ['a\r\nb']);
});

it('the edit log gives edits of the original text however later edits fall on earlier ones', () => {
  const original = 'abcdefghij';
  const cases: [number, number, string][][] = [
    [[2, 4, 'XYZ'], [3, 3, '-']], // inside an earlier edit's text
    [[2, 4, 'XYZ'], [4, 7, '+']], // straddling its end
    [[5, 6, ''], [1, 5, '*']], // straddling its start, touching
    [[8, 9, 'QQ'], [0, 1, 'P'], [0, 11, '']], // covering all
  ];
  for (const steps of cases) {
    const log = new EditLog(original);
    let current = original;
    for (const [start, end, newText] of steps) {
      current = current.slice(0, start) + newText + current.slice(end);
      log.add({ start, end, newText });
    }
    assert.equal(applyEdits(original, log.all), current, JSON.stringify(steps));
  }
});

const seed = (prefix: string) => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'seeds');
  return readFileSync(join(dir, ['000_bb11c9eb4a4a9df5.txt', '004_bf0c3beead923054.txt'].find((n) => n.startsWith(prefix))!), 'utf8');
};

it('fixes a report until nothing safe is left; its edits make the same text; twice changes nothing more', () => {
  const text = seed('004');
  const out = fixAll(text, { fileName: 'r.txt' });
  assert.ok(out.applied > 0 && out.text !== text);
  assert.equal(applyEdits(text, out.edits), out.text);
  assert.equal(out.result.findings.filter((f) => f.fixes.some((x) => x.kind === 'safe')).length, 0);
  assert.deepEqual(out.result.findings, check(out.text, { fileName: 'r.txt' }).findings, 'result is the check of the fixed text');
  assert.equal(fixAll(out.text, { fileName: 'r.txt' }).text, out.text);
});

it('refuses a report with a table it could not read whole, and a page', () => {
  const lines = seed('004').split('\n');
  const at = lines.findIndex((l) => /^0(\t0){14}\s*$/.test(l));
  lines[at] = Array(12).fill('0').join('\t');
  const cut = lines.join('\n');
  assert.ok(check(cut, { fileName: 'r.txt' }).findings.some((f) => f.fixes.some((x) => x.kind === 'safe')));
  const out = fixAll(cut, { fileName: 'r.txt' });
  assert.deepEqual([out.text === cut, out.edits, out.refused], [true, [], 'unparsed-table']);
  // A page whose paragraphs are the seed's lines: its safe fixes are in the page's rendering.
  const page = `<html><body>${seed('000').split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`;
  assert.ok(check(page, { fileName: 'r.html' }).findings.some((f) => f.fixes.some((x) => x.kind === 'safe')));
  const html = fixAll(page, { fileName: 'r.html' });
  assert.deepEqual([html.text === page, html.edits, html.refused], [true, [], 'not-text']);
});

it('converted headings that are list items get their ordinals; every section and table is kept', () => {
  // Converted Word Markdown whose headings are list items ("1.  **总体情况**"): STRUCT-ORDINAL's
  // fix writes "**一、总体情况**" (an ordinal before the title inside the emphasis, behind the list
  // number, would make the headings unreadable); fix-all makes it with the others.
  const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'converted', '000.pandoc-docx.gfm.md'), 'utf8');
  const before = check(text, { fileName: 'r.md' });
  assert.equal(before.findings.filter((f) => f.rule === 'STRUCT-ORDINAL').length, 6);
  const out = fixAll(text, { fileName: 'r.md' }, before);
  assert.ok(out.applied > 6);
  assert.deepEqual(out.result.findings.filter((f) => f.rule === 'STRUCT-ORDINAL'), []);
  assert.ok(out.text.includes('\n**一、总体情况**\n'));
  assert.deepEqual(out.result.report.sections.map((s) => s.key), before.report.sections.map((s) => s.key));
  assert.deepEqual(Object.values(out.result.report.tables).map((t) => t.status), Object.values(before.report.tables).map((t) => t.status));
});
