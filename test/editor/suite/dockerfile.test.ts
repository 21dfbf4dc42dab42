// Dockerfile features as a user meets them in the editor: hover, completion, diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, diagnosticCode, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

suite('Dockerfile in the editor', () => {
  test('hovering the RUN keyword explains the instruction', async () => {
    const { document } = await openAndActivate('Dockerfile');
    const text = await hoverText(document.uri, positionOf(document, 'RUN npm', 1));
    assert.match(text, /Runs a command/);
  });

  test('completion at the start of an empty line offers instructions', async () => {
    const { document } = await openAndActivate('Dockerfile');
    const emptyLine = document.getText().split('\n').findIndex((line) => line.trim() === '');
    assert.ok(emptyLine > 0, 'the fixture needs an empty line between the stages');
    const labels = await completionLabels(document.uri, new vscode.Position(emptyLine, 0));
    assert.ok(labels.includes('WORKDIR'), `WORKDIR missing from ${JSON.stringify(labels)}`);
    assert.ok(labels.includes('HEALTHCHECK'), `HEALTHCHECK missing from ${JSON.stringify(labels)}`);
  });

  test('a misspelled instruction gets an unknown-instruction error', async () => {
    const { document } = await openAndActivate('Dockerfile.typo');
    assert.equal(document.languageId, 'dockerfile');
    const diagnostic = await waitForDiagnostic(document.uri, 'unknown-instruction');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line, 0);
    assert.equal(document.getText(diagnostic.range), 'FORM');
    assert.match(diagnostic.message, /FORM/);
  });

  test('fixing the typo clears the diagnostic', async () => {
    const editor = await openAndActivate('Dockerfile.typo');
    const uri = editor.document.uri;
    await waitForDiagnostic(uri, 'unknown-instruction');
    const fixed = await editor.edit((edit) => edit.replace(editor.document.getWordRangeAtPosition(new vscode.Position(0, 1))!, 'FROM'));
    assert.ok(fixed, 'the edit was not applied');
    await waitFor('the unknown-instruction diagnostic to go away after the fix',
      () => !stevedoreDiagnostics(uri).some((d) => diagnosticCode(d) === 'unknown-instruction'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
