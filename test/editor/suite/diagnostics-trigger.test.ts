// `stevedore.diagnostics.trigger`: onType re-checks while typing, onSave only when the file is saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, hoverText, openAndActivate, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

const hasTypo = (uri: vscode.Uri): boolean => stevedoreDiagnostics(uri).some((d) => diagnosticCode(d) === 'unknown-instruction');

async function setTrigger(value: 'onType' | 'onSave' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('stevedore').update('diagnostics.trigger', value, vscode.ConfigurationTarget.Global);
}

suite('diagnostics trigger setting', () => {
  teardown(async () => {
    await setTrigger(undefined);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('onType: a typo is reported before the file is saved', async () => {
    await setTrigger('onType');
    const editor = await openAndActivate('CentosDockerfile');
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), 'RUNN echo typo\n'));
    assert.ok(editor.document.isDirty);
    await waitForDiagnostic(editor.document.uri, 'unknown-instruction');
  });

  test('onSave: the typo appears only once the file is saved', async () => {
    await setTrigger('onSave');
    const editor = await openAndActivate('CentosDockerfile');
    const uri = editor.document.uri;
    const original = editor.document.getText();
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), 'RUNN echo typo\n'));
    // A request round trip, then a pause far longer than the server's debounce: still nothing.
    await hoverText(uri, new vscode.Position(0, 1));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.ok(!hasTypo(uri), 'onSave must not re-check unsaved edits');
    try {
      assert.ok(await editor.document.save());
      await waitForDiagnostic(uri, 'unknown-instruction');
    } finally {
      // Put the fixture back on disk for the other tests.
      await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
      await editor.document.save();
      await waitFor('the typo diagnostic to clear after restoring the file', () => !hasTypo(uri));
    }
  });
});
