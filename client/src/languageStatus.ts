import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { documentSummaryRequest, type DocumentSummaryParams, type DocumentSummaryResult } from '../../server/src/lsp/customRequests';

/**
 * The language status items (the `{}` in the status bar) of Dockerfiles and YAML files: what the
 * server recognised in the active document ("Dockerfile · 3 stages", "Kubernetes 1.36 ·
 * Deployment, Service"), with a link to the server's output, and the server itself (version,
 * running or not), with a link to restart it. A status item has one link, hence two items.
 * A YAML file the server finds shaped like a Compose file (a Swarm `stack.yml`) gets a link that
 * switches the document to the `dockercompose` language instead.
 */

/** What an item shows, read back from the item (the extension's API exposes it to the editor tests). */
export interface LanguageStatusView {
  text: string;
  detail?: string;
  severity: 'information' | 'warning' | 'error';
  busy: boolean;
  command?: string;
}

export interface LanguageStatus {
  view(): { document: LanguageStatusView; server: LanguageStatusView };
}

/** The command behind the "treat as Compose" link (not in the palette: it acts on the document the item describes). */
export const useComposeLanguageCommand = 'stevedore.useComposeLanguage';

/** Diagnostics arrive in bursts while typing; one summary request per pause is plenty. */
const refreshDelayMs = 150;

const severityNames = {
  [vscode.LanguageStatusSeverity.Information]: 'information',
  [vscode.LanguageStatusSeverity.Warning]: 'warning',
  [vscode.LanguageStatusSeverity.Error]: 'error',
} as const;

function viewOf(item: vscode.LanguageStatusItem): LanguageStatusView {
  return { text: item.text, detail: item.detail, severity: severityNames[item.severity], busy: item.busy, command: item.command?.command };
}

export function registerLanguageStatus(context: vscode.ExtensionContext, client: LanguageClient, selector: vscode.DocumentSelector): LanguageStatus {
  const documentItem = vscode.languages.createLanguageStatusItem('stevedore.document', selector);
  documentItem.name = vscode.l10n.t('Stevedore: what was detected');
  documentItem.text = 'Stevedore';
  const showOutput: vscode.Command = { title: vscode.l10n.t('Show Output'), command: 'stevedore.showOutput' };
  documentItem.command = showOutput;

  const serverItem = vscode.languages.createLanguageStatusItem('stevedore.server', selector);
  serverItem.name = vscode.l10n.t('Stevedore language server');
  serverItem.command = { title: vscode.l10n.t('Restart'), command: 'stevedore.restartServer' };

  function showServerState(state: State): void {
    const version = client.initializeResult?.serverInfo?.version;
    serverItem.busy = state === State.Starting;
    serverItem.severity = state === State.Stopped ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    serverItem.text = version && state === State.Running ? `Stevedore ${version}` : 'Stevedore';
    serverItem.detail = state === State.Running ? vscode.l10n.t('language server running')
      : state === State.Starting ? vscode.l10n.t('language server starting') : vscode.l10n.t('language server stopped');
  }

  let timer: NodeJS.Timeout | undefined;
  /** Requests are numbered: only the answer to the latest one is shown. */
  let latest = 0;
  /** The document the item describes: another file's summary is never shown, not even for a moment. */
  let shown: string | undefined;

  async function refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    // The editor shows the items only for matching documents; for others there is nothing to ask.
    if (!document || vscode.languages.match(selector, document) === 0 || client.state !== State.Running) return;
    const ticket = ++latest;
    if (shown !== document.uri.toString()) {
      shown = document.uri.toString();
      documentItem.text = 'Stevedore';
      documentItem.detail = undefined;
      documentItem.command = showOutput;
    }
    documentItem.busy = true;
    try {
      const params: DocumentSummaryParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } };
      const summary = await client.sendRequest<DocumentSummaryResult>(documentSummaryRequest, params);
      if (ticket !== latest) return;
      // null: the server has not seen the document yet; its first diagnostics bring another refresh.
      if (summary) {
        documentItem.text = summary.text;
        documentItem.detail = summary.detail;
        documentItem.command = summary.suggestedLanguage === 'dockercompose'
          ? { title: vscode.l10n.t('Treat as Compose'), command: useComposeLanguageCommand, arguments: [document.uri] }
          : showOutput;
      }
    } catch (error) {
      if (ticket === latest) client.outputChannel.appendLine(`stevedore: document summary failed: ${String(error)}`);
    } finally {
      if (ticket === latest) documentItem.busy = false;
    }
  }

  function schedule(): void {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), refreshDelayMs);
  }

  showServerState(client.state);
  context.subscriptions.push(
    documentItem,
    serverItem,
    { dispose: () => clearTimeout(timer) },
    vscode.commands.registerCommand(useComposeLanguageCommand, async (uri?: vscode.Uri) => {
      const document = uri ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      if (document) await vscode.languages.setTextDocumentLanguage(document, 'dockercompose');
    }),
    client.onDidChangeState(({ newState }) => {
      showServerState(newState);
      if (newState === State.Running) schedule();
    }),
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && event.uris.some((uri) => uri.toString() === active)) schedule();
    }),
  );
  schedule();
  return { view: () => ({ document: viewOf(documentItem), server: viewOf(serverItem) }) };
}
