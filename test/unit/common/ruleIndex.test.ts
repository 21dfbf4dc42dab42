import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { ruleCategories, type RuleRegistry } from '../../../server/src/common/rules';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { kubernetesRules } from '../../../server/src/kubernetes/rules';

const repoRoot = resolve(__dirname, '..', '..', '..');

test('the rule registries are what scripts/gen-rule-index.mjs generates from the rule modules', () => {
  try {
    execFileSync(process.execPath, [resolve(repoRoot, 'scripts', 'gen-rule-index.mjs'), '--check'], { stdio: 'pipe' });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? error);
    assert.fail(`stale rule registry (a rule was added, renamed or removed): run node scripts/gen-rule-index.mjs\n${stderr}`);
  }
});

for (const [language, registry] of [['Dockerfile', dockerfileRules], ['Kubernetes', kubernetesRules]] as [string, RuleRegistry<unknown>][]) {
  test(`${language} rules run in reporting order: syntax first, style last`, () => {
    const ranks = registry.rules.map((rule) => ruleCategories.indexOf(rule.meta.category));
    assert.ok(!ranks.includes(-1), 'every rule has a known category');
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
  });
}
