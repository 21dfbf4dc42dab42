import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localeLanguage } from '../../../server/src/cli/args';
import { docsLanguageOfLocale } from '../../../server/src/i18n/locale';

test('editor locales (BCP 47) for Simplified Chinese map to zh-cn', () => {
  for (const locale of ['zh', 'zh-cn', 'zh-CN', 'zh-sg', 'zh-hans', 'zh-Hans', 'zh-Hans-CN', 'zh-Hans-HK', 'zh-CHS']) {
    assert.equal(docsLanguageOfLocale(locale), 'zh-cn', locale);
  }
});

test('POSIX locales for Simplified Chinese map to zh-cn', () => {
  for (const locale of ['zh_CN', 'zh_CN.UTF-8', 'zh_CN.GB18030', 'zh_SG.UTF-8', 'zh_CN.utf8@pinyin', 'zh.UTF-8']) {
    assert.equal(docsLanguageOfLocale(locale), 'zh-cn', locale);
  }
});

test('traditional-script Chinese and other languages get English', () => {
  for (const locale of ['zh-tw', 'zh-TW', 'zh-hk', 'zh-mo', 'zh-hant', 'zh-Hant-TW', 'zh-CHT', 'zh_TW.UTF-8', 'zh_HK.Big5', 'en', 'en_US.UTF-8', 'C', 'C.UTF-8', 'POSIX', 'ja_JP.UTF-8', 'de', '', undefined]) {
    assert.equal(docsLanguageOfLocale(locale), 'en', String(locale));
  }
});

test('the CLI reads the POSIX variables in their order of precedence and asks the same detector', () => {
  assert.equal(localeLanguage({ LANG: 'zh_CN.UTF-8' }), 'zh-cn');
  assert.equal(localeLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
  assert.equal(localeLanguage({ LC_MESSAGES: 'zh_SG', LANG: 'en_GB' }), 'zh-cn');
  assert.equal(localeLanguage({ LC_ALL: '', LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en');
  assert.equal(localeLanguage({}), 'en');
});
