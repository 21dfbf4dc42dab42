// Compose cross-references in the real editor: an undeclared network is an error with a fix that
// declares it, and build.dockerfile leads to the Dockerfile (definition and document link).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, diagnosticCode, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

const fixture = 'compose-navigation/compose.yaml';

suite('Compose navigation and references in the editor', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('an undeclared network is an error, and its fix declares it under networks', async () => {
    const { document } = await openAndActivate(fixture);
    const diagnostic = await waitForDiagnostic(document.uri, 'compose-undeclared-network');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(diagnostic.range), 'backend');
    const all = stevedoreDiagnostics(document.uri).filter((d) => diagnosticCode(d) === 'compose-undeclared-network');
    assert.equal(all.length, 2, 'both services using backend are flagged');
    const actions = await codeActionsAt(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const declare = actions.find((action) => /backend/.test(action.title) && action.edit);
    assert.ok(declare, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(declare.edit!));
    assert.match(document.getText(), /networks:\n {2}frontend: \{\}\n {2}backend: \{\}\n/);
    await waitFor('the undeclared-network errors to go away after the fix',
      () => !stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'compose-undeclared-network'));
  });

  test('go to definition on build.dockerfile opens the Dockerfile; the value is a link to it', async () => {
    const { document } = await openAndActivate(fixture);
    const at = positionOf(document, 'dockerfile: Dockerfile', 'dockerfile: '.length + 2);
    const locations = await waitFor('a definition for build.dockerfile', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, at);
      return found && found.length > 0 ? found : undefined;
    });
    const target = 'targetUri' in locations[0] ? locations[0].targetUri : locations[0].uri;
    assert.match(target.path, /compose-navigation\/app\/Dockerfile$/);
    const opened = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(target));
    assert.match(opened.document.getText(), /^FROM node:20-alpine/);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', document.uri);
    assert.ok(links.some((link) => link.target?.path.endsWith('compose-navigation/app/Dockerfile')), JSON.stringify(links.map((l) => l.target?.toString())));
  });

  test('go to definition on a depends_on entry lands on the service', async () => {
    const { document } = await openAndActivate(fixture);
    const locations = await waitFor('a definition for db', async () => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, '[db]', 1));
      return found && found.length > 0 ? found : undefined;
    });
    const range = 'targetRange' in locations[0] ? (locations[0].targetSelectionRange ?? locations[0].targetRange) : locations[0].range;
    assert.equal(document.getText(range), 'db');
    assert.equal(range.start.line, positionOf(document, '  db:').line);
  });
});
