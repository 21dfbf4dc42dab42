// Kubernetes schema docs, completion and meaning checks with their quick fixes, in the real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, diagnosticCode, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

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

  test('a selector that misses the template labels is flagged, and the quick fix makes them match', async () => {
    const { document } = await openAndActivate('selector-mismatch.yaml');
    const diagnostic = await waitForDiagnostic(document.uri, 'selector-mismatch');
    assert.ok(diagnostic.severity <= vscode.DiagnosticSeverity.Warning);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    // The command API does not hand back each action's diagnostics: pick the fix by its title.
    const fix = actions.find((a) => a.edit && /selector/i.test(a.title) && !/^ignore/i.test(a.title));
    assert.ok(fix?.edit, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor('the selector-mismatch warning to go away after the fix',
      () => !stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'selector-mismatch'));
  });
});
