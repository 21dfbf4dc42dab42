import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ruleDocsPath } from '../../../server/src/common/rules';
import { documentedRules } from '../../../scripts/gen-rule-docs';
import { repoRoot, ruleModuleFolders, ruleModules, testFilesMentioning } from '../../../scripts/rule-sources';

/**
 * Rules as a house: a rule is found from its id. Its export is the camelCase of the id, so a search
 * for either finds the other, and its page names the module and the tests (the "Source" line).
 * (The ids below are made up: a real one here would count as a test of that rule.)
 */
const camelCaseOf = (id: string) => id.replace(/-([a-z0-9])/g, (_, next: string) => next.toUpperCase());

test('camelCaseOf turns a kebab id into the export name', () => {
  assert.equal(camelCaseOf('alpha-beta-gamma'), 'alphaBetaGamma');
  assert.equal(camelCaseOf('x-2-parts'), 'x2Parts');
  assert.equal(camelCaseOf('single'), 'single');
});

for (const folder of ruleModuleFolders) {
  test(`every rule exported from ${folder} is named after its id`, () => {
    const modules = ruleModules(folder);
    assert.ok(modules.length > 0, `no rule modules found in ${folder}`);
    const misnamed = modules.flatMap((module) =>
      module.rules.filter((rule) => rule.exportName !== camelCaseOf(rule.id)).map((rule) => `${module.file}: ${rule.exportName} should be ${camelCaseOf(rule.id)} (rule ${rule.id})`),
    );
    assert.deepEqual(misnamed, []);
  });
}

/** `Rule: `server/…/x.ts` (export `name`)` / `规则：`server/…/x.ts`（导出名 `name`）` on a generated page. */
const sourcePattern = /^(?:Rule: |规则：)`([^`]+)` ?[(（](?:export|导出名) `([^`]+)`[)）]/m;

test('every rule page names, in both languages, a module that exports the rule under its camelCase id', () => {
  const rules = documentedRules();
  assert.ok(rules.length > 100, `only ${rules.length} rules documented`);
  const wrong: string[] = [];
  for (const { meta } of rules) {
    for (const lang of ['en', 'zh-cn'] as const) {
      const page = join(repoRoot, ruleDocsPath(meta.id, lang));
      const match = existsSync(page) ? sourcePattern.exec(readFileSync(page, 'utf8')) : null;
      if (!match) {
        wrong.push(`${meta.id} (${lang}): no Source line on its page`);
        continue;
      }
      const [, file, exportName] = match;
      if (!existsSync(join(repoRoot, file))) {
        wrong.push(`${meta.id} (${lang}): ${file} does not exist`);
        continue;
      }
      const exported = (require(join(repoRoot, file)) as Record<string, { meta?: { id?: string } } | undefined>)[exportName];
      if (exported?.meta?.id !== meta.id) wrong.push(`${meta.id} (${lang}): ${file} exports no rule ${meta.id} as ${exportName}`);
      if (exportName !== camelCaseOf(meta.id)) wrong.push(`${meta.id} (${lang}): exported as ${exportName}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('every rule is named by at least one test file (its id or its export)', () => {
  const untested = documentedRules().map(({ meta }) => meta.id).filter((id) => testFilesMentioning(id).length === 0);
  assert.deepEqual(untested, []);
});

test('a test file counts for a rule only when it names that exact id', () => {
  // The Dockerfile tests name `useless-command`; a made-up longer id that contains it names no file.
  assert.ok(testFilesMentioning('useless-command').some((file) => file.startsWith('test/unit/dockerfile/')));
  assert.deepEqual(testFilesMentioning(['useless', 'command', 'x'].join('-')), []);
  // Built here, so that this file does not name it either.
  assert.deepEqual(testFilesMentioning(['no', 'such', 'rule', 'anywhere'].join('-')), []);
});
