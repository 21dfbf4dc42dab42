import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownLeftIn } from '../plainCheck';
import { ruleCases } from './rules-cases';
import { diagnose, messageOf } from './rules-helpers';

/**
 * Every rule's example findings (rules-cases.ts, under the strict profile so every rule runs), in
 * both languages, as the editor and the command line receive them: plain text, code in quotes.
 * The best-practice rules are checked the same way by rules-kit.ts's assertReports.
 */
for (const lang of ['en', 'zh-cn'] as const) {
  test(`the example findings of every rule read as plain text (${lang})`, () => {
    let seen = 0;
    const withMarkdown: string[] = [];
    for (const [id, { bad, options }] of Object.entries(ruleCases)) {
      const settings = { profile: 'strict', ...(options?.settings as object | undefined) };
      for (const diagnostic of diagnose(bad, { ...options, settings, lang })) {
        seen++;
        if (markdownLeftIn(messageOf(diagnostic))) withMarkdown.push(`${id} → ${diagnostic.code}: ${messageOf(diagnostic)}`);
      }
    }
    assert.ok(seen >= Object.keys(ruleCases).length, `only ${seen} findings`);
    assert.deepEqual(withMarkdown, []);
  });
}

test('a message with code quotes it: ‘…’ in English, 「…」 in Chinese with no space beside', () => {
  const text = 'FROM alpine\nRUN apt-get install -y curl\n';
  const [en] = diagnose(text, { lang: 'en' }).filter((d) => d.code === 'apt-get-install-recommends').map(messageOf);
  const [zh] = diagnose(text, { lang: 'zh-cn' }).filter((d) => d.code === 'apt-get-install-recommends').map(messageOf);
  assert.equal(en, '‘apt-get install’ also installs recommended packages; add ‘--no-install-recommends’.');
  assert.equal(zh, '「apt-get install」会同时安装推荐的软件包；请加上「--no-install-recommends」。');
});
