// Helpers of the multi-root pass: the workspace (fixtures/multi-root/stevedore.code-workspace) has two folders, alpha and beta.
import * as vscode from 'vscode';
import { diagnosticCode, stevedoreDiagnostics } from '../util';

export function workspaceFolder(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  if (!folder) throw new Error(`workspace folder ${name} is not open (open: ${vscode.workspace.workspaceFolders?.map((f) => f.name).join(', ')})`);
  return folder;
}

export async function openInFolder(folder: string, file: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(folder).uri, file));
  await vscode.window.showTextDocument(document);
  return document;
}

export function finding(uri: vscode.Uri, code: string): vscode.Diagnostic | undefined {
  return stevedoreDiagnostics(uri).find((d) => diagnosticCode(d) === code);
}
