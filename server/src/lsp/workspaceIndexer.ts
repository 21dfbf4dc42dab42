import { promises as fs, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification, FileChangeType,
  type Connection, type FileEvent, type InitializeParams, type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDockerfileName, isYamlName, languageKindOf } from '../common/fileKinds';
import { baseImagesOf } from '../dockerfile/baseImages';
import type { ManifestFile } from '../kubernetes/model';
import { WorkspaceIndex } from '../kubernetes/workspace';

/**
 * Feeds the Kubernetes workspace index from the front: walks the workspace folders once in the
 * background (bounded: skips dependency and VCS folders, big files, and stops at a file cap), keeps
 * it current from open documents and watched-file events, and asks for open documents to be
 * re-validated (debounced) when what other files see has changed.
 */

export interface IndexerOptions {
  /** The parsed model of an open document (shared with the other features), if it is YAML. */
  modelOf(document: TextDocument): ManifestFile | undefined;
  /** Re-validate these open documents: the index changed under them. */
  revalidate(uris: string[]): void;
  log(message: string): void;
  maxFileBytes?: number;
  maxFiles?: number;
  /** Milliseconds to wait for more changes before re-validating. */
  debounceMs?: number;
}

/** Folders that hold dependencies, build output or VCS data, never the user's manifests. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '.terraform', 'bower_components', '.vscode-test', '.idea', '.cache', '__pycache__']);
const configNames = new Set(['.kube-linter.yaml', '.kube-linter.yml']);

export class WorkspaceIndexer {
  readonly index = new WorkspaceIndex();
  private roots: string[] = [];
  private canWatch = false;
  private readonly open = new Set<string>();
  private readonly changedBy = new Set<string>();
  private debounce: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly maxFileBytes: number;
  private readonly maxFiles: number;

  constructor(private readonly options: IndexerOptions) {
    this.maxFileBytes = options.maxFileBytes ?? 1024 * 1024;
    this.maxFiles = options.maxFiles ?? 5000;
  }

  /** Reads the workspace folders and the client's abilities from `initialize`. */
  initialize(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.roots = uris.flatMap((uri) => {
      if (!uri.startsWith('file:')) return [];
      try { return [fileURLToPath(uri)]; } catch { return []; }
    });
    if (this.roots.length === 0 && params.rootPath) this.roots = [params.rootPath];
    this.index.roots = this.roots;
    this.canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  /** After `initialized`: watch YAML files, then index the folders in the background. */
  start(connection: Connection): void {
    if (this.canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.kube-linter.{yaml,yml}' }],
      }).catch((error: unknown) => this.options.log(`stevedore: could not watch files: ${String(error)}`));
    }
    void this.walkAll();
  }

  /** Open documents are indexed from the editor's text, not the disk. */
  listen(documents: TextDocuments<TextDocument>): void {
    documents.onDidOpen((e) => { this.open.add(e.document.uri); this.documentChanged(e.document); });
    documents.onDidChangeContent((e) => this.documentChanged(e.document));
    documents.onDidClose((e) => {
      this.open.delete(e.document.uri);
      // Unsaved edits are gone: the file on disk is the truth again.
      void this.indexFromDisk(e.document.uri);
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce) clearTimeout(this.debounce);
  }

  documentChanged(document: TextDocument): void {
    try {
      if (languageKindOf(document.languageId, document.uri) === 'dockerfile') {
        this.index.setDockerfileImages(document.uri, baseImagesOf(document.getText()));
        return;
      }
      const model = this.options.modelOf(document);
      const changed = model ? this.index.updateFile(document.uri, model) : this.index.remove(document.uri);
      if (changed) this.noteChange(document.uri);
    } catch (error) {
      this.options.log(`stevedore: indexing ${document.uri} failed: ${String(error)}`);
    }
  }

  watchedFilesChanged(changes: FileEvent[]): void {
    for (const change of changes) {
      const name = change.uri.slice(change.uri.lastIndexOf('/') + 1);
      if (configNames.has(name)) {
        this.noteChange('');
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        if (this.index.remove(change.uri) || this.index.removeUnder(change.uri)) this.noteChange(change.uri);
        continue;
      }
      if (this.open.has(change.uri) || !isYamlName(name)) continue;
      void this.indexFromDisk(change.uri);
    }
  }

  private noteChange(uri: string): void {
    this.changedBy.add(uri);
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      const changers = [...this.changedBy];
      this.changedBy.clear();
      // The document being typed in validates itself; the others learn about its change here.
      const targets = [...this.open].filter((uri) => !(changers.length === 1 && changers[0] === uri));
      if (targets.length > 0 && !this.disposed) this.options.revalidate(targets);
    }, this.options.debounceMs ?? 250);
  }

  private async indexFromDisk(uri: string): Promise<void> {
    if (!uri.startsWith('file:') || this.open.has(uri)) return;
    let path: string;
    try { path = fileURLToPath(uri); } catch { return; }
    const text = await this.readSmallFile(path);
    if (this.open.has(uri)) return; // opened while we were reading
    if (isDockerfileName(path)) {
      this.index.setDockerfileImages(uri, text === undefined ? [] : baseImagesOf(text));
      return;
    }
    const changed = text === undefined || !mightBeKubernetes(text) ? this.index.remove(uri) : this.index.updateText(uri, text);
    if (changed) this.noteChange(uri);
  }

  private async readSmallFile(path: string): Promise<string | undefined> {
    try {
      const stats = await fs.stat(path);
      if (!stats.isFile() || stats.size > this.maxFileBytes) return undefined;
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Breadth-first over every folder, a few files at a time so requests are served in between. */
  private async walkAll(): Promise<void> {
    const started = Date.now();
    let seen = 0;
    const queue = [...this.roots];
    while (queue.length > 0 && !this.disposed && seen < this.maxFiles) {
      const dir = queue.shift()!;
      let entries: Dirent[];
      try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { continue; }
      for (const entry of entries) {
        if (this.disposed || seen >= this.maxFiles) break;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!skippedFolders.has(entry.name)) queue.push(full);
        } else if (entry.isFile() && isDockerfileName(entry.name)) {
          // Only their base images are of interest (offered for `image:` in manifests).
          const text = await this.readSmallFile(full);
          if (text !== undefined) this.index.setDockerfileImages(pathToFileURL(full).toString(), baseImagesOf(text));
        } else if (entry.isFile() && isYamlName(entry.name)) {
          seen++;
          const uri = pathToFileURL(full).toString();
          if (this.open.has(uri)) continue;
          const text = await this.readSmallFile(full);
          if (text !== undefined && mightBeKubernetes(text) && !this.open.has(uri) && this.index.updateText(uri, text)) this.noteChange(uri);
          // Parsing is synchronous: give the event loop a turn between files.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
    this.options.log(`stevedore: indexed ${this.index.fileCount} Kubernetes file(s) of ${seen} YAML file(s) in ${Date.now() - started} ms${seen >= this.maxFiles ? ` (stopped at ${this.maxFiles} files)` : ''}`);
  }
}

/** Cheap pre-check before parsing: a manifest names both an apiVersion and a kind. */
function mightBeKubernetes(text: string): boolean {
  return text.includes('apiVersion') && text.includes('kind');
}
