import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const repoRoot = resolve(__dirname, '..', '..');
/** What other editors start (`stevedore-language-server --stdio` → dist/boot.js → dist/server.js). */
export const serverPath = resolve(repoRoot, 'dist', 'boot.js');

export interface StartOptions {
  locale?: string;
  settings?: unknown;
  rootUri?: string | null;
  neverAnswerConfiguration?: boolean;
  configurationDelayMs?: number;
  /** Another server's Node entry point (the peer bench); ours by default. */
  serverScript?: string;
  /** Changes to the server process's environment (a key set to undefined is left out), as an editor's client may make. */
  env?: Record<string, string | undefined>;
  /** The configuration section `settings` answers; `stevedore` by default. */
  section?: string;
  /** Workspace folders sent with initialize (the client then also announces folder changes). */
  workspaceFolders?: { uri: string; name: string }[];
  /** Per workspace folder URI, what a `workspace/configuration` item scoped to it answers (else `settings`). */
  folderSettings?: Record<string, unknown>;
  /** Declare dynamic registration of `workspace/didChangeConfiguration`, as VS Code does. */
  registersConfigurationChanges?: boolean;
  /** Declare `workspace.workspaceEdit.documentChanges` (versioned edits), as VS Code does. */
  versionedEdits?: boolean;
}

/**
 * A real LSP client for tests: spawns the bundled server with `--stdio` and speaks JSON-RPC to it,
 * exactly as Neovim, Helix or Emacs would.
 */
export class StdioClient {
  readonly connection: MessageConnection;
  readonly stderr: string[] = [];
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; accept: (p: PublishDiagnosticsParams) => boolean; done: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();
  /** Every `workspace/configuration` request's items, oldest first. */
  readonly configurationRequests: { scopeUri?: string; section?: string }[][] = [];
  /** Every `client/registerCapability` registration's method and options. */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** Every `window/logMessage` text, oldest first. */
  readonly logs: string[] = [];
  private readonly logWaiters: { pattern: RegExp; done: (line: string) => void }[] = [];
  /** What scoped configuration items answer, by folder URI; tests change it before announcing a change. */
  folderSettings: Record<string, unknown>;

  private constructor(readonly child: ChildProcess, public configuration: unknown, neverAnswerConfiguration = false, configurationDelayMs = 0, section = 'stevedore', folderSettings: Record<string, unknown> = {}) {
    this.folderSettings = folderSettings;
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.done(params);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(params.items);
      // As an editor does: a folder's own settings when the item is scoped to it, else the window's.
      const answer = (item: { scopeUri?: string; section?: string }): unknown => {
        if (item.section !== section) return null;
        return item.scopeUri !== undefined && item.scopeUri in this.folderSettings ? this.folderSettings[item.scopeUri] : this.configuration;
      };
      return neverAnswerConfiguration ? new Promise<never>(() => undefined)
        : new Promise((resolve) => setTimeout(() => resolve(params.items.map(answer)), configurationDelayMs));
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations.map(({ method, registerOptions }) => ({ method, registerOptions })));
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      for (const waiter of [...this.logWaiters]) {
        if (!waiter.pattern.test(params.message)) continue;
        this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
        waiter.done(params.message);
      }
    });
    this.connection.listen();
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(options: StartOptions = {}): Promise<{ client: StdioClient; init: InitializeResult }> {
    const script = options.serverScript ?? serverPath;
    if (!existsSync(script)) throw new Error(`${script} is missing: run \`node scripts/build.mjs\` first`);
    const env = options.env ? ({ ...process.env, ...options.env } as NodeJS.ProcessEnv) : process.env;
    const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const client = new StdioClient(child, options.settings ?? {}, options.neverAnswerConfiguration, options.configurationDelayMs, options.section, options.folderSettings);
    const init = await client.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: options.rootUri ?? options.workspaceFolders?.[0]?.uri ?? null,
      ...(options.workspaceFolders ? { workspaceFolders: options.workspaceFolders } : {}),
      locale: options.locale ?? 'en',
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: options.registersConfigurationChanges ?? false },
          ...(options.workspaceFolders ? { workspaceFolders: true } : {}),
          ...(options.versionedEdits ? { workspaceEdit: { documentChanges: true } } : {}),
        },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    await client.connection.sendNotification('initialized', {});
    return { client, init };
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-range incremental change) and returns the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  /** Sends incremental changes, as editors do while typing; returns the new version. */
  async changeIncremental(uri: string, contentChanges: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Tells the server the settings changed (a pulling server reads them again). */
  async settingsChanged(): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  async changeWorkspaceFolders(added: { uri: string; name: string }[], removed: { uri: string; name: string }[] = []): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added, removed } });
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Every publishDiagnostics received for a URI so far, oldest first. */
  published(uri: string): PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /**
   * Resolves with the first publishDiagnostics for `uri` (already received or future) that `accept`
   * takes; rejects after `timeoutMs` so a missing notification fails the test instead of hanging it.
   */
  waitForDiagnostics(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000, includeReceived = true): Promise<Diagnostic[]> {
    if (includeReceived) {
      const existing = this.published(uri).find(accept);
      if (existing) return Promise.resolve(existing.diagnostics);
    }
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.findIndex((w) => w.done === done), 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      const done = (p: PublishDiagnosticsParams): void => {
        clearTimeout(timer);
        resolvePromise(p.diagnostics);
      };
      this.waiters.push({ uri, accept, done });
    });
  }

  /** Orderly shutdown/exit, as editors do; resolves with the server's exit code. */
  /** The first log line (already received or still to come) that matches. */
  waitForLog(pattern: RegExp, timeoutMs = 5000): Promise<string> {
    const seen = this.logs.find((line) => pattern.test(line));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms`)), timeoutMs);
      this.logWaiters.push({ pattern, done: (line) => { clearTimeout(timer); resolve(line); } });
    });
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolveExit) => this.child.once('exit', (code) => resolveExit(code)));
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    const code = await Promise.race([exited, new Promise<null>((r) => setTimeout(() => { this.child.kill('SIGKILL'); r(null); }, 3000))]);
    this.connection.dispose();
    return code;
  }
}

/** Line/character of the first occurrence of `needle` in `text` (plus `offset` characters). */
export function positionOf(text: string, needle: string, offset = 0): { line: number; character: number } {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, index + offset);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
