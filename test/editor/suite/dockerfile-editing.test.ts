// Dockerfile editing features through the real client: flag completion, rename, outline, formatting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, openAndActivate, positionOf, waitFor } from './util';

suite('Dockerfile editing in the editor', () => {
  teardown(async () => {
    // Leave the editor as we found it: undo edits and close without saving.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('typing `RUN --` offers --mount, --network and --security', async () => {
    const editor = await openAndActivate('Dockerfile.multistage');
    const line = positionOf(editor.document, 'RUN go test').line;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 4), '--'));
    const labels = await waitFor('RUN flag completions', async () => {
      const found = await completionLabels(editor.document.uri, new vscode.Position(line, 6));
      return found.includes('--mount') ? found : undefined;
    });
    assert.ok(labels.includes('--network') && labels.includes('--security'), JSON.stringify(labels));
  });

  test('renaming a stage updates its definition and every --from= and FROM that names it', async () => {
    const { document } = await openAndActivate('Dockerfile.multistage');
    const at = positionOf(document, 'AS builder', 4);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, at, 'compile');
    assert.ok(edit, 'no rename edit returned');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = document.getText();
    assert.match(text, /AS compile\n/);
    assert.match(text, /^FROM compile AS tester$/m);
    assert.equal((text.match(/--from=compile /g) ?? []).length, 2);
    assert.doesNotMatch(text, /builder/);
  });

  test('the outline lists stages with their instructions', async () => {
    const { document } = await openAndActivate('Dockerfile.multistage');
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
      return found?.length ? found : undefined;
    });
    const names = symbols.map((s) => s.name).join(' | ');
    assert.match(names, /builder/);
    assert.match(names, /tester/);
    const builder = symbols.find((s) => s.name.includes('builder'));
    assert.ok(builder && builder.children.length >= 4, `builder stage children: ${builder?.children.map((c) => c.name).join(', ')}`);
  });

  test('formatting upper-cases keywords and indents continuation lines', async () => {
    const editor = await openAndActivate('Dockerfile.multistage');
    const line = positionOf(editor.document, 'RUN go build').line;
    await editor.edit((edit) => edit.replace(editor.document.lineAt(line).range, 'run apk add --no-cache git \\\n  && go build -o /out/app ./cmd/app'));
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', editor.document.uri, { tabSize: 4, insertSpaces: true });
    assert.ok(edits?.length, 'formatting returned no edits');
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(editor.document.uri, edits);
    assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[line], 'RUN apk add --no-cache git \\');
    assert.equal(lines[line + 1], '    && go build -o /out/app ./cmd/app');
  });
});
