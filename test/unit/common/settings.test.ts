import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings, normalizeSettings } from '../../../server/src/common/settings';
import { resolveDocsLanguage } from '../../../server/src/i18n/locale';

test('missing or malformed settings fall back to the defaults', () => {
  assert.deepEqual(normalizeSettings(undefined), defaultSettings);
  assert.deepEqual(normalizeSettings(42), defaultSettings);
  assert.deepEqual(normalizeSettings({ docs: 'zh-cn', diagnostics: { trigger: 'sometimes' } }), defaultSettings);
});

test('user values are merged over the defaults, rule tables kept whole', () => {
  const s = normalizeSettings({ docs: { language: 'zh-cn' }, diagnostics: { trigger: 'onSave' }, dockerfile: { rules: { DL3008: 'off', 'unknown-instruction': 'warning' } } });
  assert.equal(s.docs.language, 'zh-cn');
  assert.equal(s.diagnostics.trigger, 'onSave');
  assert.equal(s.diagnostics.enable, true);
  assert.deepEqual(s.dockerfile.rules, { DL3008: 'off', 'unknown-instruction': 'warning' });
  assert.deepEqual(defaultSettings.dockerfile.rules, {}, 'defaults are never mutated');
});

test('values of the wrong type are ignored', () => {
  const s = normalizeSettings({ diagnostics: { enable: 'no' }, kubernetes: { customSchemas: 'crd.yaml' }, format: { continuationIndent: '8' } });
  assert.equal(s.diagnostics.enable, true);
  assert.deepEqual(s.kubernetes.customSchemas, []);
  assert.equal(s.format.continuationIndent, 4);
});

test('docs language: setting first, then the editor locale', () => {
  const auto = normalizeSettings(undefined);
  assert.equal(resolveDocsLanguage(auto, 'zh-cn'), 'zh-cn');
  assert.equal(resolveDocsLanguage(auto, 'zh-CN'), 'zh-cn');
  assert.equal(resolveDocsLanguage(auto, 'zh-hans'), 'zh-cn');
  assert.equal(resolveDocsLanguage(auto, 'zh-tw'), 'en', 'traditional-script readers are not given simplified text');
  assert.equal(resolveDocsLanguage(auto, 'de'), 'en');
  assert.equal(resolveDocsLanguage(auto, undefined), 'en');
  assert.equal(resolveDocsLanguage(normalizeSettings({ docs: { language: 'en' } }), 'zh-cn'), 'en');
  assert.equal(resolveDocsLanguage(normalizeSettings({ docs: { language: 'zh-cn' } }), 'fr'), 'zh-cn');
});
