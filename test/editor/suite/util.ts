/**
 * Helpers for tests that run inside the real extension host. Waiting is always bounded by a
 * deadline and fails with a message that says what never happened; nothing here retries a test.
 */
import * as vscode from 'vscode';

export const extensionId = 'stevedore.stevedore';

/** Generous: the first request of a run may wait for the language server to start. */
export const defaultDeadlineMs = 20_000;

export function stevedore(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not loaded in this editor`);
  return extension;
}

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace folder is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a file of the test workspace in an editor, as a user would. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** Polls `probe` until it returns something truthy, or fails once the deadline has passed. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, deadlineMs = defaultDeadlineMs): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${deadlineMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a fixture and waits until the extension is active (activation starts the server). */
export async function openAndActivate(name: string): Promise<vscode.TextEditor> {
  const editor = await openFixture(name);
  await waitFor(`${extensionId} to activate after opening ${name}`, () => stevedore().isActive);
  return editor;
}

export function stevedoreDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'stevedore');
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Waits until the file has a Stevedore diagnostic with the given rule code and returns it. */
export function waitForDiagnostic(uri: vscode.Uri, code: string, deadlineMs = defaultDeadlineMs): Promise<vscode.Diagnostic> {
  return waitFor(`a "${code}" diagnostic on ${uri.path}`, () => stevedoreDiagnostics(uri).find((d) => diagnosticCode(d) === code), deadlineMs);
}

/**
 * The position of the `occurrence`-th match of `text` in the document, moved `offset` characters
 * into the match (e.g. 1 to land inside a keyword rather than on its first character).
 */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0, occurrence = 0): vscode.Position {
  const content = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = content.indexOf(text, index + 1);
    if (index < 0) throw new Error(`"${text}" (occurrence ${occurrence}) not found in ${document.uri.path}`);
  }
  return document.positionAt(index + offset);
}

function hoverContentText(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return content.value;
}

/** The text of every hover the editor would show at a position (all providers). */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? []).flatMap((hover) => hover.contents.map(hoverContentText)).join('\n\n');
}

export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return (list?.items ?? []).map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The error VS Code throws for a request it cancelled itself. */
function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}

/**
 * The code actions of a kind (e.g. `vscode.CodeActionKind.QuickFix.value`) the editor offers for a
 * range. VS Code (1.100) gives up a code action request in flight whenever a code action provider
 * is registered or removed, for any language (another extension waking up: the JSON language
 * features do when a run's first settings write opens settings.json): the request then throws
 * "Canceled" or, when the answer had already arrived, resolves to an empty list, though the server
 * answered. Such an answer is asked for again, a few times; one that stays empty is returned, so a
 * server offering nothing still shows.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind: string, attempts = 5): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    let actions: vscode.CodeAction[] = [];
    try {
      actions = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
    } catch (error) {
      if (!isCancellation(error) || attempt >= attempts) throw error;
    }
    if (actions.length > 0 || attempt >= attempts) return actions;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
