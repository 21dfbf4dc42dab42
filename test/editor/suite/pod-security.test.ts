// `stevedore.kubernetes.podSecurity` in a real editor: off by default, Baseline and Restricted
// findings as the setting changes (set in the user settings, restored afterwards), a quick fix that
// sets the field, and a Namespace's enforce label deciding with the setting left off.
// Files: fixtures/workspace/pod-security/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, diagnosticCode, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

async function setPodSecurity(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('stevedore').update('kubernetes.podSecurity', value, vscode.ConfigurationTarget.Global);
}

const podSecurityFindings = (uri: vscode.Uri) => stevedoreDiagnostics(uri).filter((d) => diagnosticCode(d)?.startsWith('pod-security-'));

suite('pod security standards', () => {
  teardown(async () => {
    await setPodSecurity(undefined);
  });

  test('off by default; baseline reports the host port; restricted adds privilege escalation, and its fix sets the field', async () => {
    const editor = await openAndActivate('pod-security/pod.yaml');
    const { document } = editor;
    const original = document.getText();
    // Give the first check time to arrive: nothing comes from Pod Security while the setting is off.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.deepEqual(podSecurityFindings(document.uri).map((d) => d.message), []);
    try {
      await setPodSecurity('baseline');
      const hostPort = await waitForDiagnostic(document.uri, 'pod-security-baseline');
      assert.match(hostPort.message, /Host ports/);
      assert.equal(hostPort.range.start.line, positionOf(document, 'hostPort').line);
      assert.ok(!podSecurityFindings(document.uri).some((d) => diagnosticCode(d) === 'pod-security-restricted'), 'no Restricted finding under baseline');

      await setPodSecurity('restricted');
      const escalation = await waitFor('the Restricted privilege-escalation finding', () => podSecurityFindings(document.uri).find((d) => diagnosticCode(d) === 'pod-security-restricted' && /Privilege escalation/.test(d.message)));
      console.log(`      pod-security restricted: ${podSecurityFindings(document.uri).map((d) => d.message).join(' | ')}`);
      const actions = await codeActionsAt(document.uri, escalation.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((action) => action.title === 'Set allowPrivilegeEscalation: false');
      assert.ok(fix?.edit, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.getText(), /allowPrivilegeEscalation: false/);
      await waitFor('the privilege-escalation finding to go once fixed', () => !podSecurityFindings(document.uri).some((d) => /Privilege escalation/.test(d.message)));
    } finally {
      if (document.getText() !== original) await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), original));
      if (document.isDirty) await document.save();
    }
    await setPodSecurity(undefined);
    await waitFor('Pod Security findings to go once the setting is removed', () => podSecurityFindings(document.uri).length === 0);
  });

  test('a Namespace labelled pod-security.kubernetes.io/enforce: restricted checks its pods with the setting off', async () => {
    const { document } = await openAndActivate('pod-security/namespaced.yaml');
    const finding = await waitFor('the enforced Restricted finding', () => podSecurityFindings(document.uri).find((d) => diagnosticCode(d) === 'pod-security-restricted'));
    assert.match(finding.message, /Privilege escalation/);
    assert.match(finding.message, /namespace .pss-enforced. enforces Restricted/);
  });
});
