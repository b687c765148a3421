// Settings and .govreportrc.json → the language and configuration check() runs with.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFor, normalizeSettings, RcFiles, resolveLang, unknownRulesMessage } from '../../server/settings.ts';
import { readConfig } from '../../engine/index.ts';

// Real rule ids (an id no rule has is left out of the settings).
const [A, B, C] = ['T3-BALANCE', 'T3-ROW-TOTAL', 'T4-SUM'];

it('normalises whatever the client sends', () => {
  assert.deepEqual(normalizeSettings(undefined), { validate: 'auto', language: 'auto', rules: {}, unknownRules: [] });
  assert.deepEqual(normalizeSettings({ validate: 'never', language: 'en', rules: { [A]: 'off', [B]: 'loud', [C]: 3 }, trace: { server: 'off' } }), {
    validate: 'never', language: 'en', rules: { [A]: 'off' }, unknownRules: [],
  });
  assert.deepEqual(normalizeSettings({ validate: 'sometimes', rules: ['x'] }), { validate: 'auto', language: 'auto', rules: {}, unknownRules: [] });
});

it('leaves out rule ids that do not exist and names the nearest real one (the CLI and .govreportrc.json do the same)', () => {
  const s = normalizeSettings({ rules: { 'T3-ROW-TOTL': 'off', 'NO-SUCH-THING-AT-ALL': 'off', [A]: 'warning' } });
  assert.deepEqual(s.rules, { [A]: 'warning' });
  assert.deepEqual(s.unknownRules, [{ id: 'T3-ROW-TOTL', closest: 'T3-ROW-TOTAL' }, { id: 'NO-SUCH-THING-AT-ALL', closest: null }]);
  assert.equal(unknownRulesMessage(s.unknownRules, 'zh'), '设置 govreport.rules 中的规则“T3-ROW-TOTL”不存在（是否应为 T3-ROW-TOTAL？），此项未生效；设置 govreport.rules 中的规则“NO-SUCH-THING-AT-ALL”不存在，此项未生效');
  assert.match(unknownRulesMessage(s.unknownRules, 'en')!, /^The setting govreport\.rules names no rule “T3-ROW-TOTL” \(did you mean T3-ROW-TOTAL\?\)/);
  assert.equal(unknownRulesMessage([], 'zh'), null);
  // Not passed on to check(): its message would blame .govreportrc.json.
  assert.deepEqual(configFor(s, null), { rules: { [A]: 'warning' } });
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
  const editor = normalizeSettings({ rules: { [A]: 'off', [B]: 'warning' } });
  assert.equal(configFor(normalizeSettings({}), null), undefined);
  assert.deepEqual(configFor(editor, null), { rules: { [A]: 'off', [B]: 'warning' } });
  assert.deepEqual(configFor(editor, { path: '/x', ok: true, value: { rules: { [B]: 'info', [C]: 'error' } } }), { rules: { [A]: 'off', [B]: 'info', [C]: 'error' } });
  assert.deepEqual(configFor(editor, { path: '/x', ok: true, value: {} }), { rules: { [A]: 'off', [B]: 'warning' } });
  assert.equal(configFor(editor, { path: '/x', ok: true, value: 'text' }), 'text');
  assert.deepEqual(configFor(editor, { path: '/x', ok: true, value: { rules: [1] } }), { rules: [1] });
  // Unparsable: the editor's rules alone, and the engine reports the file with the parser's reason.
  const unparsable = readConfig(configFor(editor, { path: '/x', ok: false, error: 'bad' }));
  assert.deepEqual(unparsable.config, { rules: { [A]: 'off', [B]: 'warning' } });
  assert.deepEqual(unparsable.error, { zh: 'JSON 解析错误：bad；/x', en: 'JSON parse error: bad; /x' });
  assert.equal(readConfig(configFor(normalizeSettings({}), { path: '/x', ok: false, error: 'bad' })).config.rules[A], undefined);
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
