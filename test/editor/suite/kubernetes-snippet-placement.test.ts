// Kubernetes manifest snippets appear where a Kubernetes object can start, never in other YAML (a GitHub
// workflow), and completion items explain each value they offer.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openAndActivate, waitFor } from './util';

const workflow = 'snippet-placement/.github/workflows/ci.yml';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertedText(item: vscode.CompletionItem): string {
  if (typeof item.insertText === 'string') return item.insertText;
  return item.insertText?.value ?? labelOf(item);
}

/** Items that would insert a Kubernetes object (our manifest snippets). */
function manifestSnippets(list: vscode.CompletionList | undefined): vscode.CompletionItem[] {
  return (list?.items ?? []).filter((item) => /^(?:---\n)?apiVersion: .*\nkind: /.test(insertedText(item)));
}

async function completionsAt(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionList> {
  return vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
}

async function untitled(language: string, content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(document);
}

async function closeWithoutSaving(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/**
 * Types at the end of the document the way a user does, a line at a time, closing the suggestion list
 * before each Enter (which would otherwise accept a suggestion), and returns the cursor position.
 */
async function typeAtEnd(editor: vscode.TextEditor, lines: string[]): Promise<vscode.Position> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  editor.selection = new vscode.Selection(end, end);
  let typed = '';
  for (const [i, line] of lines.entries()) {
    const text = i === 0 ? line : `\n${line}`;
    if (i > 0) await vscode.commands.executeCommand('hideSuggestWidget');
    await vscode.commands.executeCommand('type', { text });
    typed += text;
    await waitFor(`"${typed}" to be typed`, () => editor.document.getText().endsWith(typed));
  }
  await vscode.commands.executeCommand('hideSuggestWidget');
  return editor.selection.active;
}

suite('Kubernetes snippets only where they belong', () => {
  test('an empty YAML file offers the manifest snippets', async () => {
    const editor = await untitled('yaml', '');
    try {
      const snippets = await waitFor('manifest snippets in an empty YAML file', async () => {
        const found = manifestSnippets(await completionsAt(editor.document, new vscode.Position(0, 0)));
        return found.length > 0 && found;
      });
      assert.ok(snippets.some((item) => labelOf(item) === 'deployment'), `no deployment among ${JSON.stringify(snippets.map(labelOf))}`);
    } finally {
      await closeWithoutSaving();
    }
  });

  test('after --- in a Kubernetes file, typing "deploy" offers the Deployment snippet', async () => {
    const editor = await untitled('yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: info\n');
    try {
      const at = await typeAtEnd(editor, ['---', 'deploy']);
      const snippets = await waitFor('the Deployment snippet after ---', async () => {
        const found = manifestSnippets(await completionsAt(editor.document, at));
        return found.some((item) => labelOf(item) === 'deployment') && found;
      });
      assert.match(insertedText(snippets.find((item) => labelOf(item) === 'deployment')!), /^apiVersion: apps\/v1\nkind: Deployment\n/);
    } finally {
      await closeWithoutSaving();
    }
  });

  test('after --- in a GitHub workflow, typing "deploy" offers no Kubernetes snippet', async () => {
    const editor = await openAndActivate(workflow);
    try {
      const at = await typeAtEnd(editor, ['---', 'deploy']);
      assert.equal(editor.document.lineAt(at.line).text, 'deploy');
      const list = await completionsAt(editor.document, at);
      assert.deepEqual(manifestSnippets(list).map(labelOf), []);
      // Nor on the empty line right after the separator (completion asked for explicitly).
      await vscode.commands.executeCommand('deleteLeft');
      for (let i = 0; i < 'deploy'.length - 1; i++) await vscode.commands.executeCommand('deleteLeft');
      await waitFor('the typed word to be deleted', () => editor.document.getText().endsWith('---\n'));
      const afterSeparator = await completionsAt(editor.document, editor.selection.active);
      assert.deepEqual(manifestSnippets(afterSeparator).map(labelOf), []);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('in the Deployment snippet the image follows the name typed into the first placeholder', async () => {
    const editor = await untitled('yaml', '');
    try {
      const item = await waitFor('the deployment snippet', async () => (await completionsAt(editor.document, new vscode.Position(0, 0))).items
        .find((i) => labelOf(i) === 'deployment' && i.insertText instanceof vscode.SnippetString));
      assert.ok(await editor.insertSnippet(item.insertText as vscode.SnippetString, new vscode.Position(0, 0)));
      await vscode.commands.executeCommand('type', { text: 'billing' });
      const text = await waitFor('the name in every linked place', () => {
        const content = editor.document.getText();
        return /^ {2}name: billing$/m.test(content) && content;
      });
      assert.match(text, /^ {10}image: registry\.example\.com\/billing:1\.0\.0$/m);
      assert.match(text, /^ {8}- name: billing$/m);
      assert.doesNotMatch(text, /my-app/);

    } finally {
      await vscode.commands.executeCommand('leaveSnippet');
      await closeWithoutSaving();
    }
  });
});

suite('completion details', () => {
  test('imagePullPolicy values say what they do; the default for a tagged image comes first', async () => {
    const editor = await untitled('yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27.3\n      imagePullPolicy: ');
    try {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      const list = await waitFor('imagePullPolicy values', async () => {
        const found = await completionsAt(editor.document, end);
        return found.items.some((i) => labelOf(i) === 'IfNotPresent') && found;
      });
      const sorted = [...list.items].filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.deepEqual(sorted.map(labelOf), ['IfNotPresent', 'Always', 'Never']);
      const ifNotPresent = sorted[0]!;
      assert.equal(ifNotPresent.detail, 'Pulls only when the node does not have the image yet');
      assert.equal(typeof ifNotPresent.label === 'string' ? undefined : ifNotPresent.label.description, 'default');
      assert.equal(sorted[2]!.detail, 'Never pulls: the image must already be on the node');
      const docs = ifNotPresent.documentation instanceof vscode.MarkdownString ? ifNotPresent.documentation.value : String(ifNotPresent.documentation);
      assert.match(docs, /Used when the field is left out/);
    } finally {
      await closeWithoutSaving();
    }
  });

  test('RUN --network= values say what they do, the default first', async () => {
    const editor = await untitled('dockerfile', 'FROM alpine:3.20\nRUN --network=');
    try {
      const end = editor.document.lineAt(1).range.end;
      const list = await waitFor('--network values', async () => {
        const found = await completionsAt(editor.document, end);
        return found.items.some((i) => labelOf(i) === 'none') && found;
      });
      const sorted = [...list.items].filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.deepEqual(sorted.map(labelOf), ['default', 'none', 'host']);
      assert.equal(sorted[1]!.detail, 'No network apart from loopback: proves the step is hermetic');
    } finally {
      await closeWithoutSaving();
    }
  });
});

/**
 * Why the README suggests `editor.suggest.snippetsPreventQuickSuggestions` for YAML: inside a snippet
 * placeholder VS Code offers the document's words (it asks its word provider whenever the language
 * servers return nothing, and a server has nothing to offer for a name), and Tab then accepts a word
 * instead of moving on. The extension cannot switch that off for its own documents only; the setting
 * can, and this test proves both halves in the real editor.
 */
suite('word suggestions inside a snippet placeholder', () => {
  /** Inserts the Deployment snippet, types "a" as the name and presses what Tab does while suggestions show. */
  async function nameAfterTypingA(untilChanged: boolean): Promise<string> {
    const editor = await untitled('yaml', '');
    try {
      const item = await waitFor('the deployment snippet', async () => (await completionsAt(editor.document, new vscode.Position(0, 0))).items
        .find((i) => labelOf(i) === 'deployment' && i.insertText instanceof vscode.SnippetString));
      assert.ok(await editor.insertSnippet(item.insertText as vscode.SnippetString, new vscode.Position(0, 0)));
      await vscode.commands.executeCommand('type', { text: 'a' });
      const nameLine = () => editor.document.lineAt(3).text;
      if (untilChanged) {
        return await waitFor('the suggestion list to take over the name', async () => {
          await vscode.commands.executeCommand('acceptSelectedSuggestion');
          return nameLine() !== '  name: a' && nameLine();
        }, 5_000);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return nameLine();
    } finally {
      await vscode.commands.executeCommand('leaveSnippet');
      await closeWithoutSaving();
    }
  }

  test('by default the document\'s words are offered in the name placeholder; with snippetsPreventQuickSuggestions for YAML they are not', async () => {
    const atPlaceholder = await completionsAt((await untitled('yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a')).document, new vscode.Position(3, 9));
    await closeWithoutSaving();
    assert.ok(atPlaceholder.items.some((i) => labelOf(i) === 'apiVersion' && i.kind === vscode.CompletionItemKind.Text), 'VS Code\'s word suggestions fill in for a server with nothing to offer');
    assert.notEqual(await nameAfterTypingA(true), '  name: a');
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    await config.update('suggest.snippetsPreventQuickSuggestions', true, vscode.ConfigurationTarget.Global, true);
    try {
      assert.equal(await nameAfterTypingA(false), '  name: a');
    } finally {
      await config.update('suggest.snippetsPreventQuickSuggestions', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });
});
