/**
 * Helpers for the rule page tests (rule-docs.test.ts in each display language): what the user
 * sees of "Stevedore: Explain Rule" is a Markdown preview tab of a page shipped in the extension.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticCode, stevedore, stevedoreDiagnostics, waitFor } from './util';

export const explainRule = 'stevedore.explainRule';

/** The Markdown preview tabs showing a file of this name (VS Code's own markdown.preview webview). */
export function previewTabs(fileName: string): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview') && tab.label.endsWith(fileName));
}

export async function closePreviews(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview'));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** The page the extension ships for a rule, and that a preview of it is open. */
export async function assertPreviewOf(page: vscode.Uri | undefined, relativePath: string): Promise<string> {
  assert.ok(page, 'the command opened no page');
  assert.equal(page.toString(), vscode.Uri.joinPath(stevedore().extensionUri, relativePath).toString());
  const fileName = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  await waitFor(`a Markdown preview of ${fileName}`, () => previewTabs(fileName).length > 0);
  // What the preview renders: the bundled file (read from the extension, no network involved).
  return (await vscode.workspace.openTextDocument(page)).getText();
}

/**
 * Runs a diagnostic's code link the way the editor does when it is clicked (the Problems panel and
 * the hover hand `command:` links to the opener, which runs the command with the JSON arguments of
 * the query).
 */
export async function followCodeLink(diagnostic: vscode.Diagnostic): Promise<vscode.Uri | undefined> {
  const code = diagnostic.code;
  assert.ok(typeof code === 'object', `the ${diagnosticCode(diagnostic)} code has no link`);
  assert.equal(code.target.scheme, 'command', `the ${diagnosticCode(diagnostic)} code links to ${code.target.toString()}`);
  const args = JSON.parse(code.target.query) as unknown[];
  return vscode.commands.executeCommand<vscode.Uri | undefined>(code.target.path, ...args);
}

/** The first Stevedore diagnostic of a rule in a document, once the server has published it. */
export function waitForRule(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${rule} diagnostic`, () => stevedoreDiagnostics(uri).find((d) => diagnosticCode(d) === rule));
}

/**
 * Runs the command without an argument (as from the Command Palette) and accepts the first item
 * of its quick pick as soon as it shows; returns what the command opened.
 */
export async function explainFromPalette(): Promise<vscode.Uri | undefined> {
  let settled = false;
  const opened = Promise.resolve(vscode.commands.executeCommand<vscode.Uri | undefined>(explainRule)).finally(() => { settled = true; });
  await waitFor('the rule quick pick to take a choice', async () => {
    if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 200));
    return settled;
  });
  return opened;
}
