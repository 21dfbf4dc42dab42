// The quiet default: a plain Deployment under the recommended profile, then under
// `stevedore.profile: strict` (set in the user settings, restored afterwards).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, openAndActivate, stevedoreDiagnostics, waitFor } from './util';

const fixture = 'profiles/plain-deployment.yaml';

async function setProfile(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('stevedore').update('profile', value, vscode.ConfigurationTarget.Global);
}

function summary(document: vscode.TextDocument): string[] {
  return stevedoreDiagnostics(document.uri).map((d) => `${diagnosticCode(d)} @ ${d.range.start.line + 1}:${d.range.start.character + 1} "${document.getText(d.range)}"`).sort();
}

/** Waits until the file shows exactly `count` findings, and they stay (a re-check may still be on its way). */
async function settledCount(document: vscode.TextDocument, count: number, what: string): Promise<vscode.Diagnostic[]> {
  await waitFor(what, () => stevedoreDiagnostics(document.uri).length === count);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const found = stevedoreDiagnostics(document.uri);
  assert.equal(found.length, count, `${what}: ${JSON.stringify(summary(document))}`);
  return found;
}

suite('rule profiles', () => {
  test('a plain Deployment: one finding by default, nineteen under the strict profile', async () => {
    const { document } = await openAndActivate(fixture);
    const recommended = await settledCount(document, 1, 'the recommended profile\'s single finding');
    assert.deepEqual(recommended.map(diagnosticCode), ['run-as-root-allowed']);
    assert.equal(document.getText(recommended[0].range), 'name: shop');
    console.log(`      plain Deployment, recommended profile: ${recommended.length} finding(s): ${summary(document).join('; ')}`);
    try {
      await setProfile('strict');
      // Nine of our hardening findings, ten of kube-linter's opt-in conventions (owner label, namespace, sorted keys…).
      const strict = await settledCount(document, 19, 'nineteen findings once stevedore.profile is strict');
      console.log(`      plain Deployment, strict profile: ${strict.length} findings: ${summary(document).join('; ')}`);
      const byCode = new Map(strict.map((d) => [diagnosticCode(d), document.getText(d.range)]));
      // Fields the container lacks gather on its name entry; the others sit where they belong.
      for (const code of ['liveness-probe-missing', 'readiness-probe-missing', 'cpu-request-missing', 'memory-limit-missing', 'run-as-root-allowed', 'root-filesystem-writable', 'net-raw-not-dropped']) {
        assert.equal(byCode.get(code), 'name: shop', code);
      }
      assert.equal(byCode.get('image-pull-policy-unset'), 'registry.example.com/shop:1.4.2');
      assert.equal(byCode.get('no-pod-anti-affinity'), 'replicas');
    } finally {
      await setProfile(undefined);
    }
    await settledCount(document, 1, 'back to one finding once the setting is removed');
  });
});
