// The server also runs over Node IPC, which is how the VS Code client starts it (TransportKind.ipc).
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, ROOT, TestClient } from './lsp.ts';

let client: TestClient;
before(async () => {
  ensureBuilt();
  client = await TestClient.start({ transport: 'ipc', locale: 'zh' });
});
after(async () => {
  await client?.stop();
});

it('checks a report over --node-ipc', async () => {
  assert.equal(client.initializeResult.serverInfo?.name, 'govreport');
  const text = readFileSync(join(ROOT, 'test/fixtures/seeds/002_c7925c89c326f8ac.txt'), 'utf8');
  const uri = 'file:///virtual/ipc.txt';
  await client.open(uri, text, 'govreport', 1);
  const p = await client.waitForDiagnostics(uri, (x) => x.version === 1);
  // expected.json of seed 002: （七）总计·自然人 (line 350, 1-based) is 8 while its results sum to 4.
  assert.ok(p.diagnostics.some((d) => d.code === 'T3-RESULT-TOTAL' && d.range.start.line === 349));
});
