import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { docsDir, documentedRules, extraFiles, renderAll } from '../../../scripts/gen-rule-docs';

test('docs/rules is up to date with the rule registry (run: node --import tsx scripts/gen-rule-docs.ts)', () => {
  const expected = renderAll();
  const stale = [...expected].filter(([name, text]) => !existsSync(join(docsDir, name)) || readFileSync(join(docsDir, name), 'utf8') !== text).map(([name]) => name);
  assert.deepEqual({ stale, extra: extraFiles(expected) }, { stale: [], extra: [] });
});

test('a page left by a removed rule counts as stale, in either language', () => {
  const expected = renderAll();
  expected.delete('multiple-cmd.md');
  expected.delete('zh-cn/multiple-cmd.md');
  assert.deepEqual(extraFiles(expected).sort(), ['multiple-cmd.md', 'zh-cn/multiple-cmd.md']);
});

test('every rule has an id, a title and docs in both languages', () => {
  for (const { meta } of documentedRules()) {
    assert.match(meta.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, meta.id);
    for (const text of [meta.title, meta.docs]) {
      assert.ok(text.en.trim().length > 0, `${meta.id} lacks English`);
      assert.match(text.zh, /[\u4e00-\u9fff]/, `${meta.id} lacks Chinese`);
    }
  }
});

test('every Dockerfile rule can be found by each of its names', () => {
  for (const rule of dockerfileRules.rules) {
    for (const name of [rule.meta.id, ...rule.meta.aliases]) assert.equal(dockerfileRules.find(name.toUpperCase()), rule, name);
    for (const group of rule.meta.groups ?? []) assert.ok(dockerfileRules.matching(group).includes(rule), group);
  }
});

test('each rule has an English page and a Chinese one, linked to each other and to their index', () => {
  const files = renderAll();
  const en = files.get('multiple-cmd.md')!;
  const zh = files.get('zh-cn/multiple-cmd.md')!;
  assert.match(en, /^# multiple-cmd$/m);
  assert.match(en, /`DL4003`, `MultipleInstructionsDisallowed`/);
  assert.match(en, /# hadolint ignore=DL4003/);
  assert.match(en, /\[简体中文\]\(zh-cn\/multiple-cmd\.md\) · \[All rules\]\(README\.md\)/);
  assert.doesNotMatch(en.replace('[简体中文]', ''), /[\u4e00-\u9fff]/u, 'the English page is in English, but for the link to the Chinese one');
  assert.match(zh, /^# multiple-cmd$/m);
  assert.match(zh, /\[English\]\(\.\.\/multiple-cmd\.md\) · \[全部规则\]\(README\.md\)/);
  assert.match(zh, /## 如何关闭/);
  assert.doesNotMatch(zh, /## Turning it off/);
  assert.match(files.get('README.md')!, /\[multiple-cmd\]\(multiple-cmd\.md\)/);
  assert.match(files.get('zh-cn/README.md')!, /\[multiple-cmd\]\(multiple-cmd\.md\)/);
});

test('rules.json lists every rule with its names and both titles, for the editor\'s rule picker', () => {
  const list = JSON.parse(renderAll().get('rules.json')!) as { id: string; language: string; names: string[]; title: { en: string; zh: string } }[];
  assert.deepEqual(list.map((rule) => rule.id), documentedRules().map(({ meta }) => meta.id));
  const multipleCmd = list.find((rule) => rule.id === 'multiple-cmd')!;
  assert.deepEqual(multipleCmd, { id: 'multiple-cmd', language: 'dockerfile', names: ['DL4003', 'MultipleInstructionsDisallowed'], title: dockerfileRules.find('multiple-cmd')!.meta.title });
});
