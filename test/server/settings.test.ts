// Settings and .govreportrc.json → the language and configuration check() runs with.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFor, normalizeSettings, RcFiles, resolveLang } from '../../server/settings.ts';
import { readConfig } from '../../engine/index.ts';

it('normalises whatever the client sends', () => {
  assert.deepEqual(normalizeSettings(undefined), { validate: 'auto', language: 'auto', rules: {} });
  assert.deepEqual(normalizeSettings({ validate: 'never', language: 'en', rules: { A: 'off', B: 'loud', C: 3 }, trace: { server: 'off' } }), {
    validate: 'never', language: 'en', rules: { A: 'off' },
  });
  assert.deepEqual(normalizeSettings({ validate: 'sometimes', rules: ['x'] }), { validate: 'auto', language: 'auto', rules: {} });
});

it('picks the language: setting first, then the locale (zh* → Chinese, otherwise English)', () => {
  const s = normalizeSettings({});
  assert.equal(resolveLang(s, 'zh-cn'), 'zh');
  assert.equal(resolveLang(s, 'zh-TW'), 'zh');
  assert.equal(resolveLang(s, 'en-US'), 'en');
  assert.equal(resolveLang(s, 'de'), 'en');
  assert.equal(resolveLang(s, undefined), 'en');
  assert.equal(resolveLang(normalizeSettings({ language: 'zh' }), 'en'), 'zh');
  assert.equal(resolveLang(normalizeSettings({ language: 'en' }), 'zh-cn'), 'en');
});

it('merges editor rules under the rc file, and passes a malformed rc file through for the engine to report', () => {
  const editor = normalizeSettings({ rules: { A: 'off', B: 'warning' } });
  assert.equal(configFor(normalizeSettings({}), null), undefined);
  assert.deepEqual(configFor(editor, null), { rules: { A: 'off', B: 'warning' } });
  assert.deepEqual(configFor(editor, { path: '/x', ok: true, value: { rules: { B: 'info', C: 'error' } } }), { rules: { A: 'off', B: 'info', C: 'error' } });
  assert.deepEqual(configFor(editor, { path: '/x', ok: true, value: {} }), { rules: { A: 'off', B: 'warning' } });
  assert.equal(configFor(editor, { path: '/x', ok: true, value: 'text' }), 'text');
  assert.deepEqual(configFor(editor, { path: '/x', ok: true, value: { rules: [1] } }), { rules: [1] });
  // Unparsable: the editor's rules alone, and the engine reports the file with the parser's reason.
  const unparsable = readConfig(configFor(editor, { path: '/x', ok: false, error: 'bad' }));
  assert.deepEqual(unparsable.config, { rules: { A: 'off', B: 'warning' } });
  assert.deepEqual(unparsable.error, { zh: 'JSON 解析错误：bad；/x', en: 'JSON parse error: bad; /x' });
  assert.equal(readConfig(configFor(normalizeSettings({}), { path: '/x', ok: false, error: 'bad' })).config.rules.A, undefined);
});

it('finds the nearest .govreportrc.json upwards and re-reads it when it changes', () => {
  const root = mkdtempSync(join(tmpdir(), 'govreport-settings-'));
  try {
    const deep = join(root, 'a', 'b');
    mkdirSync(deep, { recursive: true });
    const rc = new RcFiles();
    writeFileSync(join(root, '.govreportrc.json'), '{"rules":{"A":"off"}}');
    assert.deepEqual(rc.find(join(deep, 'r.txt')), { path: join(root, '.govreportrc.json'), ok: true, value: { rules: { A: 'off' } } });
    writeFileSync(join(root, 'a', '.govreportrc.json'), '\ufeff{"rules":{"B":"info"}}');
    assert.deepEqual(rc.find(join(deep, 'r.txt')), { path: join(root, 'a', '.govreportrc.json'), ok: true, value: { rules: { B: 'info' } } });
    const file = join(root, 'a', '.govreportrc.json');
    writeFileSync(file, '{"rules":');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const broken = rc.find(join(deep, 'r.txt'));
    assert.equal(broken?.ok, false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
