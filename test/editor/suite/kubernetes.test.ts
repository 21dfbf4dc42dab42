// Kubernetes manifests in the editor, and the line between Kubernetes YAML and other YAML.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, waitForDiagnostic } from './util';

suite('Kubernetes manifests in the editor', () => {
  test('hovering `kind: Deployment` explains the kind', async () => {
    const { document } = await openAndActivate('deployment.yaml');
    const text = await hoverText(document.uri, positionOf(document, 'Deployment', 2));
    assert.match(text, /ReplicaSets/);
  });

  test('a YAML syntax error in a manifest is reported', async () => {
    const { document } = await openAndActivate('broken-configmap.yaml');
    const diagnostic = await waitForDiagnostic(document.uri, 'yaml-syntax');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diagnostic.range.start.line >= 5, `expected the error at the unterminated quote, got line ${diagnostic.range.start.line}`);
  });

  test('a Compose file, even a broken one, gets no Kubernetes diagnostics (only the Compose engine reads it)', async () => {
    const compose = (await openAndActivate('compose.yaml')).document;
    // Then open a new, broken manifest and wait for its error: the server handles documents in
    // the order they were opened, so by then it has looked at the Compose file too.
    const manifest = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "open\n' });
    await waitForDiagnostic(manifest.uri, 'yaml-syntax');
    assert.deepEqual(stevedoreDiagnostics(compose.uri).filter((d) => !diagnosticCode(d)?.startsWith('compose-')).map((d) => d.message), []);
  });
});
