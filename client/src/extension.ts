import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerFixAllCommand } from './fixAll';
import { registerLanguageStatus, type LanguageStatus } from './languageStatus';
import { registerRuleDocs } from './ruleDocs';
import { serverEnvironment } from './serverEnvironment';

/**
 * The client is thin: it starts the bundled language server and registers editor-only things.
 * Everything a user sees (hover, completion, diagnostics…) comes from the server.
 */
let client: LanguageClient | undefined;

/**
 * Files on disk and unsaved ones. A virtual workspace's files (`vscode-vfs:` and the like) are
 * not served: the server reads config files beside a document from the disk, and would give them
 * answers that ignore their project (package.json declares `virtualWorkspaces` limited).
 */
const servedSchemes = ['file', 'untitled'];
const served = (languages: string[]): { scheme: string; language: string }[] => languages.flatMap((language) => servedSchemes.map((scheme) => ({ scheme, language })));

/** What the extension returns from activate: the editor tests read the language status through it. */
export interface StevedoreApi {
  languageStatus: LanguageStatus['view'];
}

export async function activate(context: vscode.ExtensionContext): Promise<StevedoreApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'boot.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env: serverEnvironment } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env: serverEnvironment, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Rule pages open in the Markdown preview: "Explain Rule", and the rule code of each diagnostic.
  const ruleDocs = registerRuleDocs(context);
  const clientOptions: LanguageClientOptions = {
    // JSON manifests too; the server skips JSON that names no Kubernetes object with a substring check.
    // `dockercompose` is VS Code's language id for Compose files (YAML grammar), shared with Docker's extension.
    documentSelector: served(['dockerfile', 'yaml', 'dockercompose', 'json']),
    // Sent with initialize so the server starts with the user's settings, before its first pull.
    initializationOptions: { settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('stevedore'))) as unknown },
    outputChannelName: 'Stevedore',
    middleware: ruleDocs.middleware,
  };
  client = new LanguageClient('stevedore', 'Stevedore', serverOptions, clientOptions);
  // Not on JSON: most JSON files are no manifest, and the item would only say so.
  const languageStatus = registerLanguageStatus(context, client, served(['dockerfile', 'yaml', 'dockercompose']));
  context.subscriptions.push(
    vscode.commands.registerCommand('stevedore.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('stevedore.showOutput', () => client?.outputChannel.show(true)),
  );
  registerFixAllCommand(context);
  try {
    await client.start();
  } catch (error) {
    // The editor keeps working without us; tell the user why features are missing and where to look.
    const message = vscode.l10n.t('Stevedore: the language server could not start ({0}). See the "Stevedore" output for details.', String(error));
    void vscode.window.showErrorMessage(message, vscode.l10n.t('Show Output')).then((choice) => {
      if (choice) client?.outputChannel.show(true);
    });
  }
  return { languageStatus: languageStatus.view };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
