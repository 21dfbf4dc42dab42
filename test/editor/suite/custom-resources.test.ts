// Custom resources in the real editor: checked, hovered and completed against a CRD of the workspace, no setting needed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, diagnosticCode, fixtureUri, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, waitFor } from './util';

const schemaCodes = (uri: vscode.Uri): string[] => stevedoreDiagnostics(uri).map(diagnosticCode).filter((code): code is string => !!code?.startsWith('schema-')).sort();

suite('Custom resources in the editor', () => {
  teardown(async () => {
    // Leave every fixture as it is on disk for the tests that follow.
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty) continue;
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('a Widget is checked against crds/widget-crd.yaml: unknown field, missing required field, enum', async () => {
    const { document } = await openAndActivate('widget.yaml');
    // The CRD is found by the background walk of the workspace: the errors may come on a second pass.
    await waitFor('the three schema errors on widget.yaml', () => schemaCodes(document.uri).length === 3);
    const diagnostics = stevedoreDiagnostics(document.uri);
    const byCode = (code: string) => diagnostics.find((d) => diagnosticCode(d) === code)!;
    assert.deepEqual(schemaCodes(document.uri), ['schema-enum', 'schema-required', 'schema-unknown-field']);
    for (const code of ['schema-enum', 'schema-required', 'schema-unknown-field']) assert.equal(byCode(code).severity, vscode.DiagnosticSeverity.Error);
    assert.match(byCode('schema-unknown-field').message, /‘sise’.*did you mean ‘size’/);
    assert.deepEqual(byCode('schema-unknown-field').range.start, positionOf(document, 'sise'));
    assert.match(byCode('schema-required').message, /‘size’/);
    assert.match(byCode('schema-enum').message, /‘green’.*red, blue/);
  });

  test('hover and completion in a Widget come from its CRD', async () => {
    const { document } = await openAndActivate('widget.yaml');
    const text = await waitFor('the hover of `color` from the CRD', async () => {
      const found = await hoverText(document.uri, positionOf(document, 'color', 2));
      return found.includes('red') ? found : undefined;
    });
    assert.match(text, /color/);
    const labels = await completionLabels(document.uri, positionOf(document, 'green', 0));
    for (const value of ['red', 'blue']) assert.ok(labels.includes(value), `${value} missing from ${JSON.stringify(labels)}`);
  });

  test('editing the CRD re-checks the open Widget', async () => {
    const widget = (await openAndActivate('widget.yaml')).document;
    await waitFor('the enum error on widget.yaml', () => schemaCodes(widget.uri).includes('schema-enum'));
    const crd = await vscode.workspace.openTextDocument(fixtureUri('crds/widget-crd.yaml'));
    await vscode.window.showTextDocument(crd);
    const edit = new vscode.WorkspaceEdit();
    const at = positionOf(crd, '[red, blue]', 1);
    edit.insert(crd.uri, at, 'green, ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor('the enum error on widget.yaml to go once the CRD allows green', () => !schemaCodes(widget.uri).includes('schema-enum'));
    assert.deepEqual(schemaCodes(widget.uri), ['schema-required', 'schema-unknown-field']);
  });
});
