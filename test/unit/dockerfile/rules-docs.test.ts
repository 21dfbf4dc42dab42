import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { docsDir, documentedRules, renderAll } from '../../../scripts/gen-rule-docs';

test('docs/rules is up to date with the rule registry (run: node --import tsx scripts/gen-rule-docs.ts)', () => {
  const expected = renderAll();
  const stale = [...expected].filter(([name, text]) => !existsSync(join(docsDir, name)) || readFileSync(join(docsDir, name), 'utf8') !== text).map(([name]) => name);
  const extra = readdirSync(docsDir).filter((name) => name.endsWith('.md') && !expected.has(name));
  assert.deepEqual({ stale, extra }, { stale: [], extra: [] });
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

test('the rule page links diagnostics to the generated file', () => {
  const page = renderAll().get('multiple-cmd.md')!;
  assert.match(page, /# multiple-cmd/);
  assert.match(page, /`DL4003`, `MultipleInstructionsDisallowed`/);
  assert.match(page, /## 中文/);
  assert.match(page, /# hadolint ignore=DL4003/);
});
