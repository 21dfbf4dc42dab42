// Kubernetes schema docs, completion and meaning checks with their quick fixes, in the real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, completionLabels, diagnosticCode, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

suite('Kubernetes schema and checks in the editor', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('hovering `replicas` in a Deployment shows the field docs and its type', async () => {
    const { document } = await openAndActivate('deployment.yaml');
    const text = await hoverText(document.uri, positionOf(document, 'replicas', 2));
    assert.match(text, /replicas/i);
    assert.match(text, /desired/i);
    assert.match(text, /integer|int32/);
  });

  test('completion after `imagePullPolicy: ` offers its enum values', async () => {
    const { document } = await openAndActivate('selector-mismatch.yaml');
    const at = positionOf(document, 'imagePullPolicy: ', 'imagePullPolicy: '.length);
    const labels = await waitFor('imagePullPolicy values', async () => {
      const found = await completionLabels(document.uri, at);
      return found.includes('IfNotPresent') ? found : undefined;
    });
    for (const value of ['Always', 'IfNotPresent', 'Never']) assert.ok(labels.includes(value), `${value} missing from ${JSON.stringify(labels)}`);
  });

  test('the preferred selector fix labels the pod template and leaves the (immutable) selector alone', async () => {
    const { document } = await openAndActivate('selector-mismatch.yaml');
    const diagnostic = await waitForDiagnostic(document.uri, 'selector-mismatch');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const selectorBefore = document.getText(new vscode.Range(positionOf(document, '  selector:'), positionOf(document, '  template:')));
    const actions = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = JSON.stringify(actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`));
    // Both directions are offered; nothing in the workspace selects these pods, so the template one is preferred.
    assert.ok(actions.some((a) => /^Change the selector/.test(a.title)), titles);
    const preferred = actions.filter((a) => a.isPreferred);
    assert.equal(preferred.length, 1, titles);
    assert.match(preferred[0].title, /^Label the pod template app\.kubernetes\.io\/name=api \(/, titles);
    assert.ok(preferred[0].edit && await vscode.workspace.applyEdit(preferred[0].edit));
    await waitFor('the selector-mismatch error to go away after the fix',
      () => !stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'selector-mismatch'));
    const text = document.getText();
    assert.equal(document.getText(new vscode.Range(positionOf(document, '  selector:'), positionOf(document, '  template:'))), selectorBefore, 'the selector is unchanged');
    assert.match(text, /template:\n {4}metadata:\n {6}labels:\n {8}app\.kubernetes\.io\/name: api\n/, 'the template carries the selector\'s label');
  });
});
