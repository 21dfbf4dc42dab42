// The image graph in a real editor: a Deployment with `runAsNonRoot: true` whose image
// skaffold.yaml builds from graph-app/Dockerfile, which ends with `USER node` (a user name the
// kubelet cannot check). The warning shows on `image:`, its fix sets runAsUser to node's UID,
// and go-to-definition on `image:` opens the Dockerfile's final stage.
// Files: fixtures/workspace/image-graph/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeActionsAt, diagnosticCode, hoverText, openAndActivate, positionOf, stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

suite('image graph: Dockerfile ↔ Kubernetes', () => {
  test('runAsNonRoot on an image ending USER node: warning, fix sets runAsUser, image: goes to the Dockerfile', async () => {
    const editor = await openAndActivate('image-graph/deploy.yaml');
    const { document } = editor;
    const original = document.getText();
    try {
      const warning = await waitForDiagnostic(document.uri, 'image-user-not-numeric', 30_000);
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(warning.message, /cannot verify the user is non-root/);
      assert.equal(warning.range.start.line, positionOf(document, 'example.com/stevedore-graph').line);

      const hover = await hoverText(document.uri, positionOf(document, 'stevedore-graph/app'));
      assert.match(hover, /Built from/);
      assert.match(hover, /graph-app\/Dockerfile/);
      assert.match(hover, /skaffold/);

      const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, positionOf(document, 'stevedore-graph/app'));
      const target = definitions[0];
      const uri = target instanceof vscode.Location ? target.uri : target.targetUri;
      const range = target instanceof vscode.Location ? target.range : target.targetRange;
      assert.match(uri.path, /image-graph\/graph-app\/Dockerfile$/);
      const dockerfile = await vscode.workspace.openTextDocument(uri);
      assert.equal(dockerfile.lineAt(range.start.line).text, 'FROM node:20-bookworm-slim', 'the final stage, not the build stage');

      const actions = await codeActionsAt(document.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((action) => action.title === 'Set runAsUser: 1000 (the UID of node)');
      assert.ok(fix?.edit, `no fix among ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.getText(), /allowPrivilegeEscalation: false\n\s+runAsUser: 1000\n/);
      await waitFor('the warning to go once fixed', () => !stevedoreDiagnostics(document.uri).some((d) => diagnosticCode(d) === 'image-user-not-numeric'));
    } finally {
      if (document.getText() !== original) await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, document.lineCount, 0), original));
      if (document.isDirty) await document.save();
    }
  });
});
