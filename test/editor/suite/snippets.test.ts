// Snippets contributed in package.json, inserted through the editor's own command.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openAndActivate, waitFor } from './util';

suite('snippets', () => {
  test('the "HEALTHCHECK over HTTP" Dockerfile snippet inserts a HEALTHCHECK', async () => {
    const editor = await openAndActivate('Dockerfile');
    const endOfFile = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(endOfFile, endOfFile);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'dockerfile', name: 'HEALTHCHECK over HTTP' });
    try {
      const text = await waitFor('the snippet text to appear', () => {
        const content = editor.document.getText();
        return content.includes('HEALTHCHECK --interval=') && content;
      });
      assert.match(text, /HEALTHCHECK --interval=30s --timeout=5s/);
      assert.match(text, /CMD curl -fsS http:\/\/localhost:8080\/healthz \|\| exit 1/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
