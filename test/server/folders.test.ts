// The configuration search stops at the client's workspace folders (issue 18): a .govreportrc.json
// in a parent of the workspace (a shared temporary directory, a home directory) configures nothing
// inside it, and the boundary follows workspace/didChangeWorkspaceFolders.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { WorkspaceFolders } from '../../server/folders.ts';
import { isRepositoryRoot } from '../../host/config.ts';
import { seed } from '../rules/harness.ts';
import { ensureBuilt, TestClient } from './lsp.ts';

const SEED_002 = seed(2).text;
const RULE = 'T3-BALANCE';

describe('WorkspaceFolders', () => {
  it('reads workspaceFolders, else rootUri, else rootPath, follows changes and skips junk', () => {
    const f = new WorkspaceFolders();
    f.initialize({ workspaceFolders: [{ uri: 'file:///w/a' }, { uri: 5 }, null, { uri: 'untitled:x' }], rootUri: 'file:///ignored' });
    assert.deepEqual([...f.stops], ['/w/a']);
    f.initialize({ workspaceFolders: null, rootUri: 'file:///w/root' });
    assert.deepEqual([...f.stops], ['/w/root']);
    f.initialize({ rootUri: null, rootPath: '/w/path' });
    assert.deepEqual([...f.stops], ['/w/path']);
    f.initialize({ rootUri: null });
    assert.deepEqual([...f.stops], []);
    assert.equal(f.change({ added: [{ uri: 'file:///w/b' }], removed: [] }), true);
    assert.equal(f.change({ added: [{ uri: 'file:///w/b' }] }), false, 'the same folder again is no change');
    assert.equal(f.change({ removed: [{ uri: 'file:///w/b' }], added: 'x' }), true);
    for (const junk of [null, 5, 'x', { added: 5, removed: [null, 3] }]) assert.equal(f.change(junk), false);
    assert.deepEqual([...f.stops], []);
  });
});

describe('server: configuration search bounded by the workspace folders', () => {
  let dir: string;
  let c: TestClient;
  before(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'govreport-folders-'));
  });
  after(async () => {
    await c?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a .govreportrc.json above the workspace folder is not used; removing or adding folders moves the boundary', { timeout: 120_000 }, async (t) => {
    // The search would stop at a repository root above the temporary directory before the folder matters.
    for (let d = dir; ; d = join(d, '..')) {
      if (isRepositoryRoot(d)) return t.skip(`a repository root above ${dir}`);
      if (join(d, '..') === d) break;
    }
    const ws = join(dir, 'ws');
    mkdirSync(join(ws, 'reports'), { recursive: true });
    // The parent's file would silence the rule as an error (here: make it info, which is visible).
    writeFileSync(join(dir, '.govreportrc.json'), JSON.stringify({ rules: { [RULE]: 'info' } }));
    const file = join(ws, 'reports', 'report.txt');
    writeFileSync(file, SEED_002);
    const uri = pathToFileURL(file).href;
    const wsUri = pathToFileURL(ws).href;
    c = await TestClient.start({ locale: 'zh-cn', initializationOptions: { debounceMs: 0 }, workspaceFolders: [wsUri] });
    const severities = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === RULE).map((d) => d.severity);
    const next = async (after: number) => c.waitForDiagnostics(uri, (p) => (c.diagnostics.get(uri) ?? []).indexOf(p) >= after, 30_000);
    const count = () => (c.diagnostics.get(uri) ?? []).length;

    await c.open(uri, SEED_002, 'plaintext', 1);
    const inside = await c.waitForDiagnostics(uri, (p) => p.version === 1);
    assert.ok(severities(inside).length > 0, `${RULE} is reported for the seed`);
    assert.ok(severities(inside).every((s) => s === 1), 'the file above the workspace folder does not apply: defaults (error)');

    // No folder left: the document is outside every folder, searched up to the file-system root.
    let n = count();
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: wsUri, name: 'ws' }] } });
    const outside = await next(n);
    assert.ok(severities(outside).length > 0 && severities(outside).every((s) => s === 3), 'with no folder bounding it, the parent file applies');

    // The parent itself as the folder: its file is inside, and applies.
    n = count();
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(dir).href, name: 'p' }, { uri: wsUri, name: 'ws' }], removed: [] } });
    const nested = await next(n);
    assert.ok(severities(nested).every((s) => s === 1), 'the nearest folder (ws) bounds the search, nested in another');

    // Malformed events are ignored; the server keeps working.
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: null });
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', null);
    await c.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: 7, removed: [{ uri: 3 }] } });
    await c.changeFull(uri, SEED_002, 2);
    const after2 = await c.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.ok(severities(after2).every((s) => s === 1));
  });
});
