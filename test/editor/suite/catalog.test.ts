// The built-in CRD catalog and the OpenShift kinds in the real editor (fixtures/workspace/catalog/):
// no CRD in the workspace, no setting, no network.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, diagnosticCode, waitFor, waitForDiagnostic } from './util';

suite('CRD catalog and OpenShift kinds in the editor', () => {
  teardown(async () => {
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('hover on a Gateway API field shows the CRD\'s description and where the schema comes from', async () => {
    const { document } = await openAndActivate('catalog/httproute.yaml');
    const field = await waitFor('the hover of parentRefs', async () => {
      const text = await hoverText(document.uri, positionOf(document, 'parentRefs', 2));
      return text.includes('Gateways') ? text : undefined;
    });
    assert.match(field, /parentRefs/);
    const kind = await hoverText(document.uri, positionOf(document, 'HTTPRoute', 2));
    assert.match(kind, /Gateway API: HTTP routing rules/);
    assert.match(kind, /built-in catalog: Gateway API/);
  });

  test('completion offers an HTTPRoute\'s keys, and its unknown keys are errors', async () => {
    const editor = await openAndActivate('catalog/httproute.yaml');
    const { document } = editor;
    const spec = positionOf(document, 'spec:', 0, 1);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(spec.line + 1, 0), '  \n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const labels = await completionLabels(document.uri, new vscode.Position(spec.line + 1, 2));
    assert.ok(labels.includes('hostnames'), `hostnames missing from ${JSON.stringify(labels)}`);
    const typo = new vscode.WorkspaceEdit();
    typo.insert(document.uri, new vscode.Position(spec.line + 1, 2), 'hostname: [shop.example.com]');
    assert.ok(await vscode.workspace.applyEdit(typo));
    const unknown = await waitForDiagnostic(document.uri, 'schema-unknown-field');
    assert.match(unknown.message, /‘hostname’.*did you mean ‘hostnames’/);
  });

  test('a route to a Service the workspace lacks is noted', async () => {
    const { document } = await openAndActivate('catalog/httproute.yaml');
    const note = await waitForDiagnostic(document.uri, 'gateway-route-backend-missing');
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
    assert.match(note.message, /catalog-missing-service/);
    assert.ok(!stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'gateway-route-parent-missing'), 'the Gateway is in the same file');
  });

  test('a DeploymentConfig: the deprecation note in its hover, and the workload rules', async () => {
    const { document } = await openAndActivate('catalog/deploymentconfig.yaml');
    const text = await waitFor('the DeploymentConfig hover', async () => {
      const found = await hoverText(document.uri, positionOf(document, 'DeploymentConfig', 2));
      return found.includes('OpenShift') ? found : undefined;
    });
    assert.match(text, /Deprecated since OpenShift 4\.14: use a Kubernetes Deployment/);
    await waitForDiagnostic(document.uri, 'image-tag-mutable');
  });
});
