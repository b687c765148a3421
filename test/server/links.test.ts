// Diagnostics link every rule to docs/rules/<RULE-ID>.md (codeDescription): each page must exist,
// or the link in the editor leads nowhere.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../engine/index.ts';
import { CONFIG_INVALID } from '../../engine/config.ts';
import { ROOT } from './lsp.ts';

it('every rule the server can report has its documentation page', () => {
  const ids = [...RULES.map((r) => r.id), CONFIG_INVALID.id];
  assert.ok(ids.length > 10);
  const missing = ids.filter((id) => !existsSync(join(ROOT, 'docs', 'rules', `${id}.md`)));
  assert.deepEqual(missing, []);
});
