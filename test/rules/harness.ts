// Shared checks for rule tests: findings of one rule, and the fix contract — the fixed text no
// longer has the finding, gains no new finding, and a second pass offers nothing more to do.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyEdits, check, type CheckOptions } from '../../engine/index.ts';
import type { Finding } from '../../engine/finding.ts';

const SEEDS = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));

/** Seed text by number (0–4). */
export function seed(n: number): { name: string; text: string } {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(String(n).padStart(3, '0')) && f.endsWith('.txt'))!;
  return { name, text: readFileSync(SEEDS + name, 'utf8') };
}

/** Replaces 1-based line `n` (without its line break). */
export function replaceLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

export function findings(text: string, rule: string, opts: CheckOptions = {}): Finding[] {
  return check(text, { fileName: 'report.txt', ...opts }).findings.filter((f) => f.rule === rule);
}

const key = (f: Finding) => `${f.rule}|${f.message}`;

/**
 * Applies `fixIndex` of the finding, then asserts: the finding is gone, no finding appeared that
 * was not there before, and the fixed text offers no fix for the same rule at the same place.
 * Returns the fixed text.
 */
export function assertFixResolves(text: string, finding: Finding, opts: CheckOptions = {}, fixIndex = 0): string {
  const fix = finding.fixes[fixIndex];
  assert.ok(fix, `${finding.rule} offers fix #${fixIndex}`);
  const before = check(text, { fileName: 'report.txt', ...opts }).findings;
  const fixed = applyEdits(text, fix.edits);
  assert.notEqual(fixed, text, 'the fix changes the text');
  const after = check(fixed, { fileName: 'report.txt', ...opts }).findings;
  assert.ok(!after.some((f) => key(f) === key(finding)), `${finding.rule} gone after its fix: ${finding.message}`);
  const old = new Set(before.map(key));
  const fresh = after.filter((f) => !old.has(key(f)));
  assert.deepEqual(fresh.map(key), [], 'no new finding after the fix');
  const again = after.filter((f) => f.rule === finding.rule && f.fix && f.range.start === fix.edits[0].start);
  assert.deepEqual(again.map(key), [], 'applying the fix a second time has nothing left to do');
  return fixed;
}
