// The Compose language in the real editor (English pass): the file opens as `dockercompose`,
// hover explains keys and services, completion offers service names in depends_on, the outline
// lists the services, and a misspelt key is an error with a rename fix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, completionLabels, diagnosticCode, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

const fixture = 'compose/compose.yaml';

suite('Compose files in the editor', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('compose.yaml opens as the dockercompose language and gets no finding when it is right', async () => {
    const { document } = await openAndActivate(fixture);
    assert.equal(document.languageId, 'dockercompose');
    // Wait for the server to have looked at it: hover answers once the document is parsed.
    await waitFor('a hover on a key', async () => (await hoverText(document.uri, positionOf(document, 'image:', 2))) || undefined);
    assert.deepEqual(stevedoreDiagnostics(document.uri).map((d) => `${diagnosticCode(d)}: ${d.message}`), []);
  });

  test('hover on a service key explains it, in English', async () => {
    const { document } = await openAndActivate(fixture);
    const text = await waitFor('the hover on depends_on', async () => (await hoverText(document.uri, positionOf(document, 'depends_on:', 3))) || undefined);
    assert.match(text, /depends_on/);
    assert.match(text, /Services to start before this one/);
    assert.match(text, /docker stack deploy/);
  });

  test('hover on a Swarm-only key says docker compose up ignores it', async () => {
    const { document } = await openAndActivate(fixture);
    const text = await waitFor('the hover on placement', async () => (await hoverText(document.uri, positionOf(document, 'placement:', 2))) || undefined);
    assert.match(text, /Swarm only/);
    assert.match(text, /docker compose up/);
  });

  test('hover on a service name shows its image, ports and dependencies', async () => {
    const { document } = await openAndActivate(fixture);
    const text = await waitFor('the hover on web', async () => (await hoverText(document.uri, positionOf(document, '  web:', 3))) || undefined);
    assert.match(text, /nginx:1\.27/);
    assert.match(text, /8080:80/);
    assert.match(text, /api/);
  });

  test('completion in depends_on offers the other services', async () => {
    const editor = await openAndActivate(fixture);
    const at = positionOf(editor.document, '      - api', '      - api'.length);
    // A new list entry under web's depends_on.
    await editor.edit((edit) => edit.insert(at, '\n      - '));
    const position = new vscode.Position(at.line + 1, '      - '.length);
    const labels = await waitFor('service names in depends_on', async () => {
      const found = await completionLabels(editor.document.uri, position);
      return found.includes('db') ? found : undefined;
    });
    assert.ok(labels.includes('db'), JSON.stringify(labels));
    assert.ok(!labels.includes('web'), 'a service never depends on itself');
    assert.ok(!labels.includes('api'), 'api is listed already');
  });

  test('a misspelt key is an error whose quick fix renames it', async () => {
    const editor = await openAndActivate(fixture);
    const at = positionOf(editor.document, '    ports:');
    await editor.edit((edit) => edit.replace(new vscode.Range(at, at.translate(0, '    ports'.length)), '    prots'));
    const diagnostic = await waitForDiagnostic(editor.document.uri, 'compose-unknown-key');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /did you mean ‘ports’/);
    const actions = await codeActionsAt(editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const rename = actions.find((action) => /ports/.test(action.title) && action.edit);
    assert.ok(rename, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(rename.edit!));
    assert.match(editor.document.getText(), /\n {4}ports:\n/);
    await waitFor('the unknown-key error to go away', () => !stevedoreDiagnostics(editor.document.uri).some((d) => diagnosticCode(d) === 'compose-unknown-key'));
  });

  test('the outline lists the services', async () => {
    const { document } = await openAndActivate(fixture);
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found && found.length > 0 ? found : undefined;
    });
    const services = symbols.find((symbol) => symbol.name === 'services');
    assert.deepEqual(services?.children.map((child) => child.name), ['web', 'api', 'db']);
  });
});
