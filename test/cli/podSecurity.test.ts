import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { cli, tree } from './helpers';

const hostPidPod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: nginx:1.27\n';

/** `--pod-security` sets the Pod Security Standards level for a run, over `.stevedore.yaml`. */
describe('--pod-security', () => {
  it('takes off, baseline or restricted, and refuses anything else', () => {
    const parsed = parseArgs(['lint', '--pod-security', 'Restricted', '.']);
    assert.ok(parsed.action === 'lint' && parsed.options.podSecurity === 'restricted');
    const wrong = parseArgs(['lint', '--pod-security=high']);
    assert.ok(wrong.action === 'error' && /off, baseline, restricted/.test(wrong.message.en));
  });

  const rulesOf = async (root: string, args: string[]) => {
    const run = await cli(['lint', '.', '--format', 'json', ...args], { cwd: root });
    const report = JSON.parse(run.stdout) as { files: { diagnostics: { ruleId: string }[] }[] };
    return new Set(report.files.flatMap((file) => file.diagnostics.map((d) => d.ruleId)));
  };

  it('checks the standard when asked, from the flag or from .stevedore.yaml, the flag winning', async () => {
    const plain = tree({ 'pod.yaml': hostPidPod });
    assert.ok(!(await rulesOf(plain, [])).has('pod-security-baseline'));
    const baseline = await rulesOf(plain, ['--pod-security', 'baseline']);
    assert.ok(baseline.has('pod-security-baseline') && !baseline.has('pod-security-restricted'));
    assert.ok((await rulesOf(plain, ['--pod-security', 'restricted'])).has('pod-security-restricted'));
    const project = tree({ 'pod.yaml': hostPidPod, '.stevedore.yaml': 'kubernetes:\n  podSecurity: restricted\n' });
    assert.ok((await rulesOf(project, [])).has('pod-security-restricted'));
    assert.ok(!(await rulesOf(project, ['--pod-security', 'off'])).has('pod-security-baseline'));
  });
});
