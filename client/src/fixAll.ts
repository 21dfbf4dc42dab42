import * as vscode from 'vscode';

/** The language server's "fix every safe problem in this file" action (see server/src/common/codeActions.ts). */
const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('stevedore');

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
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, whole, fixAllKind.value);
    const fixAll = actions?.find((action) => action.kind?.value === fixAllKind.value && action.edit);
    // Typed into meanwhile: the edits were computed for the text before; the user can run it again.
    if (!fixAll?.edit || document.version !== version) {
      if (!fixAll) vscode.window.setStatusBarMessage(vscode.l10n.t('Stevedore: nothing to fix safely in this file.'), 4000);
      return false;
    }
    return vscode.workspace.applyEdit(fixAll.edit);
  }));
}
