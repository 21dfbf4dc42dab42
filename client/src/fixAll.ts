import * as vscode from 'vscode';

/** The language server's "fix every safe problem in this file" action (see server/src/common/codeActions.ts). */
const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('stevedore');

/**
 * How often to ask VS Code for the fix-all action, and how long to wait between asks. VS Code (1.100)
 * gives up a code action request in flight whenever any extension registers or removes a code
 * action provider (the built-in JSON features do when settings.json is first opened): the request
 * then throws "Canceled" or resolves to an empty list though the server answered. A few quick
 * retries ride that out; a server with nothing to fix answers empty every time, which costs the
 * user only the short waits below before "nothing to fix" shows.
 */
const attempts = 3;
const retryDelayMs = 150;

function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'Canceled' || error.message === 'Canceled');
}

/** The code actions of `kind` for `range`, asked again while VS Code cancels the request or answers empty. */
async function codeActionsOfKind(document: vscode.TextDocument, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const version = document.version;
  for (let attempt = 1; ; attempt++) {
    let actions: vscode.CodeAction[] = [];
    try {
      actions = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, range, kind)) ?? [];
    } catch (error) {
      if (!isCancellation(error) || attempt >= attempts) throw error;
    }
    // Typed into meanwhile: the caller gives up anyway, so stop asking.
    if (actions.length > 0 || attempt >= attempts || document.version !== version) return actions;
    await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
  }
}

/**
 * "Stevedore: Fix All Safe Problems" on the active file: the same `source.fixAll.stevedore` action
 * that `"editor.codeActionsOnSave": { "source.fixAll.stevedore": "explicit" }` runs, asked of the
 * server and applied. Resolves to whether anything was fixed.
 */
export function registerFixAllCommand(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('stevedore.fixAll', async (): Promise<boolean> => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return false;
    const version = document.version;
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await codeActionsOfKind(document, whole, fixAllKind.value);
    const fixAll = actions.find((action) => action.kind?.value === fixAllKind.value && action.edit);
    // Typed into meanwhile: the edits were computed for the text before; the user can run it again.
    if (!fixAll?.edit || document.version !== version) {
      if (!fixAll) vscode.window.setStatusBarMessage(vscode.l10n.t('Stevedore: nothing to fix safely in this file.'), 4000);
      return false;
    }
    return vscode.workspace.applyEdit(fixAll.edit);
  }));
}
