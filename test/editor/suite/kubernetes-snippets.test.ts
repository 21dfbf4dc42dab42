// Kubernetes manifest snippets, offered by the server's completion in an empty YAML document,
// inserted the way a user accepts them, and checked by our own diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { stevedoreDiagnostics, waitFor, waitForDiagnostic } from './util';

/** Resolves on the next diagnostics change for `uri` (an empty list counts: it is a fresh verdict). */
function nextDiagnosticsChange(uri: vscode.Uri): Promise<void> {
  return new Promise((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) {
        listener.dispose();
        resolve();
      }
    });
  });
}

async function insertManifestSnippet(prefix: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  const item = await waitFor(`the "${prefix}" snippet in completion`, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
    return list?.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === prefix && i.kind === vscode.CompletionItemKind.Snippet);
  });
  assert.ok(item.insertText instanceof vscode.SnippetString, 'the snippet item carries a snippet');
  const verdict = nextDiagnosticsChange(document.uri);
  const range = item.range instanceof vscode.Range ? item.range : item.range?.replacing;
  assert.ok(await editor.insertSnippet(item.insertText, range));
  await verdict;
  return editor;
}

async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('Kubernetes snippets in the editor', () => {
  for (const [prefix, kind] of [['deployment', 'Deployment'], ['daemonset', 'DaemonSet']] as const) {
    test(`the ${kind} snippet scaffolds a manifest with no warning`, async () => {
      const editor = await insertManifestSnippet(prefix);
      try {
        const text = editor.document.getText();
        assert.match(text, new RegExp(`^apiVersion: apps/v1\\nkind: ${kind}\\n`));
        assert.match(text, /image: \S+:\d[\w.-]*/, 'a pinned image tag, never latest');
        assert.match(text, /readOnlyRootFilesystem: true/);
        const problems = stevedoreDiagnostics(editor.document.uri).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.deepEqual(problems.map((d) => `${String(d.code)}: ${d.message}`), []);

        // The same document is checked live: pinning to latest now gets a warning.
        const imageLine = editor.document.getText().split('\n').findIndex((l) => /^\s+image: /.test(l));
        const line = editor.document.lineAt(imageLine);
        await editor.edit((edit) => edit.replace(line.range, line.text.replace(/:[^:\s]+$/, ':latest')));
        await waitForDiagnostic(editor.document.uri, 'image-tag-mutable');
      } finally {
        await closeWithoutSaving();
      }
    });
  }
});
