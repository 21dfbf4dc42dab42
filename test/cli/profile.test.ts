import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { cli, samplePod, tree } from './helpers';

/** `--profile` picks the rule set for a run, over `.stevedore.yaml`; per-rule settings stay on top. */
describe('--profile', () => {
  it('takes recommended or strict, in any case, and refuses anything else', () => {
    const strict = parseArgs(['lint', '--profile', 'STRICT', '.']);
    assert.ok(strict.action === 'lint' && strict.options.profile === 'strict');
    const equals = parseArgs(['lint', '--profile=recommended']);
    assert.ok(equals.action === 'lint' && equals.options.profile === 'recommended');
    const wrong = parseArgs(['lint', '--profile', 'pedantic']);
    assert.ok(wrong.action === 'error' && /recommended or strict/.test(wrong.message.en));
    assert.equal(parseArgs(['lint', '--profile']).action, 'error');
  });

  const rulesOf = async (root: string, args: string[]) => {
    const run = await cli(['lint', '.', '--format', 'json', ...args], { cwd: root });
    const report = JSON.parse(run.stdout) as { files: { diagnostics: { ruleId: string }[] }[] };
    return new Set(report.files.flatMap((file) => file.diagnostics.map((d) => d.ruleId)));
  };

  it('strict adds the completeness advice the default leaves out', async () => {
    const root = tree({ 'pod.yaml': samplePod });
    assert.ok(!(await rulesOf(root, [])).has('memory-limit-missing'));
    assert.ok((await rulesOf(root, ['--profile', 'strict'])).has('memory-limit-missing'));
  });

  it('overrides the profile of .stevedore.yaml, both ways, but not a rule the settings name', async () => {
    const strictProject = tree({ 'pod.yaml': samplePod, '.stevedore.yaml': 'profile: strict\n' });
    assert.ok((await rulesOf(strictProject, [])).has('memory-limit-missing'));
    assert.ok(!(await rulesOf(strictProject, ['--profile', 'recommended'])).has('memory-limit-missing'));
    const named = tree({ 'pod.yaml': samplePod, '.stevedore.yaml': 'profile: strict\nkubernetes:\n  rules:\n    memory-limit-missing: warning\n' });
    assert.ok((await rulesOf(named, ['--profile', 'recommended'])).has('memory-limit-missing'));
  });
});
