// Diagnostics as the Problems panel shows them (English): plain text, code in ‘quotes’, one error
// with an "Insert RUN" fix for a line that lost its RUN, and YAML syntax errors in our words.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, diagnosticCode, openAndActivate, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

function assertPlain(uri: vscode.Uri): void {
  for (const diagnostic of stevedoreDiagnostics(uri)) assert.doesNotMatch(diagnostic.message, /`|\*\*/, `${diagnosticCode(diagnostic)}: ${diagnostic.message}`);
}

suite('Plain diagnostic messages (English)', () => {
  test('a Dockerfile line that forgot RUN: one error, code in quotes, and Insert RUN fixes it', async () => {
    const editor = await openAndActivate('plain-messages/Dockerfile');
    const { document } = editor;
    const original = document.getText();
    const diagnostic = await waitForDiagnostic(document.uri, 'unknown-instruction');
    assert.equal(diagnostic.message, '‘npm’ is not a Dockerfile instruction; to run it as a command, start the line with RUN.');
    assert.deepEqual(stevedoreDiagnostics(document.uri).filter((d) => d.range.start.line === 2).map(diagnosticCode), ['unknown-instruction'], 'no casing warning on the same line');
    assertPlain(document.uri);
    try {
      const actions = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const insert = actions.find((a) => a.title === 'Insert RUN');
      assert.ok(insert?.edit, `no Insert RUN among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(insert.edit));
      assert.equal(document.lineAt(2).text, 'RUN npm run lint');
      await waitFor('the unknown-instruction error to go away', () => !stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'unknown-instruction'));
    } finally {
      if (document.getText() !== original) await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), original));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('a Kubernetes finding quotes its code', async () => {
    const { document } = await openAndActivate('plain-messages/unknown-field.yaml');
    const diagnostic = await waitForDiagnostic(document.uri, 'schema-unknown-field');
    assert.equal(diagnostic.message, 'Unknown field ‘imagePullPolcy’ in Container; did you mean ‘imagePullPolicy’?');
    assertPlain(document.uri);
  });

  test('a YAML syntax error says what is wrong in our words', async () => {
    const { document } = await openAndActivate('plain-messages/nested-mapping.yaml');
    const diagnostic = await waitForDiagnostic(document.uri, 'yaml-syntax');
    assert.match(diagnostic.message, /^YAML: A value cannot start a new mapping on the line of its key \(‘a: b: c’\)/);
    assertPlain(document.uri);
  });
});
