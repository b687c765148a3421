// "Format table" in process (server/format.ts): the canonical rewrite of every table of every seed
// reads back as the same cells with no new finding, in plain text (TAB rows) and in Markdown (GFM).
// Seed 002's 表二 is the 2019 form, whose 收费 and 采购 blocks have two values under a header of
// three slots: as TAB rows the covered slot must not be written (an empty slot between two values
// reads as a third, missing value, and the row is then not read at all).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyEdits, check } from '../../engine/index.ts';
import { formatTable } from '../../server/format.ts';
import { SEED_DIR, seedNames } from '../helpers/seeds.ts';

const seeds = seedNames();

test('every table of every seed: formatted, already canonical, or refused for its own text, never for a reading the rewrite changed', () => {
  let edits = 0;
  for (const name of seeds) {
    const text = readFileSync(SEED_DIR + name, 'utf8');
    for (const [fileName, languageId] of [[name, 'plaintext'], [name.replace(/\.txt$/, '.md'), 'markdown']] as const) {
      const options = { fileName, languageId };
      const result = check(text, options);
      for (const id of ['T2', 'T3', 'T4'] as const) {
        const f = formatTable(result, text, languageId, id, options);
        assert.notEqual(f.refused, 'changes-reading', `${name} ${languageId} ${id}`);
        if (!f.edit) continue;
        edits++;
        const after = check(applyEdits(text, [f.edit]), options);
        for (const [key, c] of result.report.tables[id].cells) assert.equal(after.report.tables[id].cells.get(key)?.raw, c.raw, `${name} ${languageId} ${key}`);
      }
    }
  }
  assert.ok(edits >= seeds.length, `${edits} tables rewritten`);
});

test('seed 002 (2019): its 表二 is rewritten as TAB rows, the two-value rows with two values', () => {
  const name = seeds.find((f) => f.startsWith('002_'))!;
  const text = readFileSync(SEED_DIR + name, 'utf8');
  const options = { fileName: name };
  const f = formatTable(check(text, options), text, 'plaintext', 'T2', options);
  assert.ok(f.edit, f.refused);
  assert.ok(f.edit.newText.split('\n').includes('行政事业性收费\t6\t-2'), f.edit.newText);
});
