import { promises as fs, type Dirent } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification, FileChangeType,
  type Connection, type FileEvent, type InitializeParams, type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDockerfileName, isJsonName, isYamlName, languageKindOf } from '../common/fileKinds';
import type { WorkspaceFiles } from '../common/service';
import { CachedFiles } from '../config/cachedFiles';
import { maxProjectFileBytes, ProjectFileFilter } from '../config/projectFiles';
import type { ImageGraph } from '../common/imageGraph';
import type { ManifestFile } from '../kubernetes/model';
import type { DockerfileModel } from '../dockerfile/model';
import type { WorkspaceIndex } from '../kubernetes/workspace';
import { workspaceEngine } from '../services';
import { IndexWorkerClient } from './indexWorkerClient';
import { ListedFolders, WalkFolder } from './walkListing';
import { mightBeKubernetes } from './manifestPrecheck';
import { readSmallFile } from './smallFiles';
import type { WalkResult } from './walkSummaries';
import { unpackWalkResult, type PackedWalkResults } from './walkResultsWire';

/**
 * Feeds the Kubernetes workspace index from the front: walks the workspace folders once in the
 * background (bounded: only the project's files as ProjectFileFilter says — the command line's
 * rule: no git-ignored files, no dependency or VCS folders, no big files — and stops at a file
 * cap), keeps it current from open documents and watched-file events, and asks for open documents
 * to be re-validated (debounced) when what other files see has changed.
 */

/** Reads `.gitignore` files for the filter; a cache the front shares is told when one changes. */
export type IndexerFiles = WorkspaceFiles & { invalidate?(absolutePath: string): unknown };

export interface IndexerOptions {
  /** The parsed model of an open document (shared with the other features), if it is YAML. */
  modelOf(document: TextDocument): ManifestFile | undefined;
  /**
   * An open document's parse of its current version as the other features share it, of any kind:
   * the image graph then reads an edited Dockerfile's facts from it instead of parsing it again.
   */
  parsedOf?(document: TextDocument): { kind: string; model: unknown } | undefined;
  /** Re-validate these open documents: the index changed under them. */
  revalidate(uris: string[]): void;
  log(message: string): void;
  /** Default: a cache of its own. */
  files?: IndexerFiles;
  /** Default: the project-wide cap (maxProjectFileBytes); tests lower it. */
  maxFileBytes?: number;
  /** YAML/JSON files the background walk reads at most (default `defaultMaxIndexedFiles`). */
  maxFiles?: number;
  /**
   * The index worker's script (default: `server-index-worker.js` beside the bundled server; none
   * from source); null: never use a worker.
   */
  indexWorkerScript?: string | null;
  /** Plain manifests a walk must find to use the worker (default `workerMinFiles`). */
  workerMinFiles?: number;
  /** Told when a walk with the index worker starts (true) and ends (false): such a walk is big work (bigDocumentFlags.ts). */
  onWorkerWalk?(running: boolean): void;
  /** Milliseconds the walk may work before it lets requests in (default `walkSliceMs`). */
  sliceMs?: number;
  /** Milliseconds to wait for more changes before re-validating. */
  debounceMs?: number;
  /** Milliseconds of typing pause before an edited Compose / skaffold / Tilt / kustomize file is read again for the image graph. */
  graphFeedDelayMs?: number;
}

const configNames = new Set(['.kube-linter.yaml', '.kube-linter.yml']);

/**
 * YAML/JSON files the background walk reads at most: a monorepo of 10,000 manifests is indexed
 * whole (about 15 MB of summaries), and the bound keeps a checkout full of unrelated YAML (vendored
 * charts, generated fixtures) from growing the server without end. Past it the walk stops and logs
 * so; open files are always indexed.
 */
export const defaultMaxIndexedFiles = 20_000;

/**
 * How long the walk works between two turns of the event loop: a hover or a keystroke on an open
 * file waits at most about this long behind it. Reads go out a few at a time and parsing happens in
 * between, file by file, so no slice parses a batch at once.
 */
export const walkSliceMs = 4;

/** Files of one folder read at once (their reads overlap; each is then parsed on its own). */
const readAhead = 8;

/**
 * The index, the image graph and the parsers they read files with are loaded on first use
 * (services.ts' workspaceEngine): the server builds its indexer before `initialize`, and the first
 * use comes after it (a document opens, the walk starts), so start-up reads none of that code.
 */
const baseImagesOf = (text: string): string[] => workspaceEngine().baseImagesOf(text);
const feedImageGraph: typeof import('../imageGraphFeed').feedImageGraph = (...args) => workspaceEngine().feedImageGraph(...args);
const feedsImageGraph = (name: string): boolean => workspaceEngine().feedsImageGraph(name);

export class WorkspaceIndexer {
  private lazyIndex: WorkspaceIndex | undefined;
  private lazyGraph: ImageGraph | undefined;
  private roots: string[] = [];
  private canWatch = false;
  private readonly open = new Set<string>();
  private readonly changedBy = new Set<string>();
  private debounce: NodeJS.Timeout | undefined;
  /** Image-graph reads of edited evidence files, waiting for a pause in typing (by URI). */
  private readonly pendingGraphFeeds = new Map<string, NodeJS.Timeout>();
  private disposed = false;
  private readonly maxFileBytes: number;
  private readonly maxFiles: number;
  private readonly files: IndexerFiles;
  /** What the project-file filter reads through: `files`, told by the walk which folders have no `.git` or `.gitignore`. */
  private readonly listedFiles: ListedFolders;
  private filter: ProjectFileFilter;
  /** Files indexed from disk (not from the editor), so a changed `.gitignore` can take back what it now excludes. */
  private readonly fromDisk = new Set<string>();
  /** Index workers of walks under way (stopped on dispose, so none outlives the server's indexer). */
  private readonly workers = new Set<IndexWorkerClient>();

  constructor(private readonly options: IndexerOptions) {
    this.maxFileBytes = options.maxFileBytes ?? maxProjectFileBytes;
    this.maxFiles = options.maxFiles ?? defaultMaxIndexedFiles;
    this.files = options.files ?? new CachedFiles();
    this.listedFiles = new ListedFolders(this.files);
    this.filter = new ProjectFileFilter({ files: this.listedFiles });
  }

  /** The Kubernetes workspace index (created, with its engine loaded, on first use). */
  get index(): WorkspaceIndex {
    if (!this.lazyIndex) {
      const { WorkspaceIndex: Index, imageGraphOf } = workspaceEngine();
      // The index holds as many files as the walk may read, plus the open ones it never counts.
      this.lazyIndex = new Index({ maxFiles: this.maxFiles + 1000, maxObjectsPerFile: 500 });
      this.lazyIndex.roots = this.roots;
      this.lazyGraph = imageGraphOf(this.lazyIndex)!;
    }
    return this.lazyIndex;
  }

  /** Which Dockerfile builds which image (common/imageGraph.ts), held beside the index. */
  get graph(): ImageGraph {
    if (!this.lazyGraph) void this.index;
    return this.lazyGraph!;
  }

  /** Reads the workspace folders and the client's abilities from `initialize`. */
  initialize(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.roots = uris.flatMap((uri) => {
      if (!uri.startsWith('file:')) return [];
      try { return [fileURLToPath(uri)]; } catch { return []; }
    });
    if (this.roots.length === 0 && params.rootPath) this.roots = [params.rootPath];
    if (this.lazyIndex) this.lazyIndex.roots = this.roots;
    this.filter = new ProjectFileFilter({ files: this.listedFiles, roots: this.roots });
    this.canWatch = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  }

  /** After `initialized`: watch manifests and ignore files, then index the folders in the background. */
  start(connection: Connection): void {
    if (this.canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,Containerfile,Tiltfile}' }, { globPattern: '**/.kube-linter.{yaml,yml}' }, { globPattern: '**/.gitignore' }],
      }).catch((error: unknown) => this.options.log(`stevedore: could not watch files: ${String(error)}`));
    }
    void this.walkAll();
  }

  /**
   * Workspace folders added or removed after start-up (multi-root): the files of a removed folder
   * leave the index (open documents stay: the editor still shows them), an added one is walked.
   */
  foldersChanged(added: readonly string[], removed: readonly string[]): void {
    const toPath = (uri: string): string | undefined => filePathOf(uri);
    const removedPaths = removed.flatMap((uri) => toPath(uri) ?? []);
    const addedPaths = added.flatMap((uri) => toPath(uri) ?? []).filter((path) => !this.roots.includes(path));
    if (removedPaths.length === 0 && addedPaths.length === 0) return;
    this.roots = [...this.roots.filter((root) => !removedPaths.includes(root)), ...addedPaths];
    this.index.roots = this.roots;
    this.filter = new ProjectFileFilter({ files: this.listedFiles, roots: this.roots });
    let changed = false;
    for (const path of removedPaths) {
      const prefix = pathToFileURL(path).toString();
      for (const uri of this.index.fileUris()) {
        if ((uri === prefix || uri.startsWith(`${prefix}/`)) && !this.open.has(uri)) changed = this.index.remove(uri) || changed;
      }
      changed = this.graph.removeUnder(prefix, (uri) => this.open.has(uri)) || changed;
    }
    if (changed) this.noteChange('');
    if (addedPaths.length > 0) void this.walk(addedPaths, 'indexed added folder(s):');
  }

  /** Open documents are indexed from the editor's text, not the disk. */
  listen(documents: TextDocuments<TextDocument>): void {
    documents.onDidOpen((e) => { this.open.add(e.document.uri); this.documentChanged(e.document); });
    documents.onDidChangeContent((e) => this.documentChanged(e.document, true));
    documents.onDidClose((e) => {
      this.open.delete(e.document.uri);
      this.cancelGraphFeed(e.document.uri);
      // Unsaved edits are gone: the file on disk is the truth again.
      void this.indexFromDisk(e.document.uri);
    });
  }

  dispose(): void {
    this.disposed = true;
    if (this.debounce) clearTimeout(this.debounce);
    for (const timer of this.pendingGraphFeeds.values()) clearTimeout(timer);
    this.pendingGraphFeeds.clear();
    for (const worker of this.workers) worker.dispose();
  }

  /**
   * An open document's text, as opened or as edited (`typing`). An edited Dockerfile or Compose /
   * skaffold / Tilt / kustomize file is read for the image graph once typing pauses: that read parses the whole file
   * again, and on a large Compose file it would otherwise sit between each keystroke and its diagnostics.
   */
  documentChanged(document: TextDocument, typing = false): void {
    try {
      const kind = languageKindOf(document.languageId, document.uri);
      // A Dockerfile or a Compose / skaffold / Tilt / kustomize file: the image graph's part.
      // Dockerfiles too: reading one for the graph parses it, and work between two changes of one
      // burst lets the zero-delay check run in between (each keystroke checked on its own).
      const dockerfile = kind === 'dockerfile';
      const graphFile = dockerfile || feedsImageGraph(nameOf(document.uri));
      if (graphFile && typing) this.feedGraphAfterPause(document, dockerfile);
      else if (graphFile && this.feedOpenDocument(document, dockerfile)) this.noteChange(document.uri);
      if (kind === 'dockerfile') {
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
    const ignoreFilesChanged: string[] = [];
    for (const change of changes) {
      const name = change.uri.slice(change.uri.lastIndexOf('/') + 1);
      if (name === '.gitignore') {
        const path = filePathOf(change.uri);
        if (!path) continue;
        this.files.invalidate?.(path);
        this.listedFiles.forget(dirname(path));
        if (this.filter.invalidate(path)) ignoreFilesChanged.push(dirname(path));
        continue;
      }
      if (configNames.has(name)) {
        this.noteChange('');
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        this.forgetFromDisk(change.uri);
        const graphChanged = this.graph.remove(change.uri) || this.graph.removeUnder(change.uri);
        if (this.index.remove(change.uri) || this.index.removeUnder(change.uri) || graphChanged) this.noteChange(change.uri);
        continue;
      }
      if (this.open.has(change.uri) || !(isManifestName(name) || feedsImageGraph(name))) continue;
      void this.indexFromDisk(change.uri);
    }
    if (ignoreFilesChanged.length > 0) void this.reapplyIgnoreFiles(ignoreFilesChanged);
  }

  /**
   * `.gitignore` files changed in these folders: their rules reach only below them. Files they
   * now exclude leave the index; files they no longer exclude come in with a walk of the folder.
   */
  private async reapplyIgnoreFiles(folders: string[]): Promise<void> {
    const outermost = folders.filter((folder) => !folders.some((other) => other !== folder && folder.startsWith(other + sep)));
    for (const uri of [...this.fromDisk]) {
      const path = filePathOf(uri);
      if (!path || !outermost.some((folder) => path.startsWith(folder + sep)) || !this.filter.isExcluded(path, false)) continue;
      this.fromDisk.delete(uri);
      if (!this.open.has(uri) && this.index.remove(uri)) this.noteChange(uri);
    }
    const stillIncluded = [...new Set(outermost)].filter((folder) => !this.filter.isExcluded(folder, true));
    if (stillIncluded.length > 0) await this.walk(stillIncluded, 're-indexed after a .gitignore change:');
  }

  /** Puts a file into the image graph; a failure there never stops the indexing. */
  private feedGraphAfterPause(document: TextDocument, dockerfile: boolean): void {
    this.cancelGraphFeed(document.uri);
    this.pendingGraphFeeds.set(document.uri, setTimeout(() => {
      this.pendingGraphFeeds.delete(document.uri);
      if (!this.disposed && this.open.has(document.uri) && this.feedOpenDocument(document, dockerfile)) this.noteChange(document.uri);
    }, this.options.graphFeedDelayMs ?? 300));
  }

  private cancelGraphFeed(uri: string): void {
    const timer = this.pendingGraphFeeds.get(uri);
    if (timer) clearTimeout(timer);
    this.pendingGraphFeeds.delete(uri);
  }

  /** An open document into the image graph; a Dockerfile's facts come from the shared parse of this version when there is one. */
  private feedOpenDocument(document: TextDocument, dockerfile: boolean): boolean {
    let model: DockerfileModel | undefined;
    try {
      const parsed = dockerfile && isDockerfileName(nameOf(document.uri)) ? this.options.parsedOf?.(document) : undefined;
      if (parsed?.kind === 'dockerfile') model = parsed.model as DockerfileModel;
    } catch { /* parsed again from the text below */ }
    return this.feedGraph(document.uri, document.getText(), dockerfile, model);
  }

  private feedGraph(uri: string, text: string | undefined, dockerfile: boolean, model?: DockerfileModel): boolean {
    try {
      return dockerfile && text === undefined ? this.graph.remove(uri) : feedImageGraph(this.graph, uri, text, model);
    } catch (error) {
      this.options.log(`stevedore: reading ${uri} for the image graph failed: ${String(error)}`);
      return false;
    }
  }

  private forgetFromDisk(uri: string): void {
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    for (const known of this.fromDisk) if (known === uri || known.startsWith(prefix)) this.fromDisk.delete(known);
  }

  private noteChange(uri: string): void {
    this.changedBy.add(uri);
    // A walk notes a change per file added: the pending timer starts over rather than a new one each time.
    if (this.debounce) {
      this.debounce.refresh();
      return;
    }
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
    if (this.open.has(uri)) return;
    const path = filePathOf(uri);
    if (!path) return;
    // A file outside the project (git-ignored, in a dependency folder) is not indexed, as in the CLI.
    const excluded = this.filter.isExcluded(path, false);
    const text = excluded ? undefined : await this.readSmallFile(path);
    if (this.open.has(uri)) return; // opened while we were reading
    if (feedsImageGraph(nameOf(uri)) && this.feedGraph(uri, text, isDockerfileName(path))) this.noteChange(uri);
    if (isDockerfileName(path)) {
      this.index.setDockerfileImages(uri, text === undefined ? [] : baseImagesOf(text));
      return;
    }
    if (isManifestName(path)) this.indexText(uri, path, text);
  }

  /** Indexes a file's text from disk (undefined: unreadable or not part of the project). */
  private indexText(uri: string, path: string, text: string | undefined): void {
    const manifest = text !== undefined && mightBeKubernetes(path, text);
    if (manifest) this.fromDisk.add(uri); else this.fromDisk.delete(uri);
    const changed = manifest ? this.index.updateText(uri, text) : this.index.remove(uri);
    if (changed) this.noteChange(uri);
  }

  private readSmallFile(path: string): Promise<string | undefined> {
    return readSmallFile(path, this.maxFileBytes);
  }

  private walkAll(): Promise<void> {
    return this.walk(this.roots, 'indexed');
  }

  /**
   * Breadth-first over every folder below `starts`, then reads and indexes the files found, in
   * slices of `walkSliceMs` so requests on open files are served in between (reads are
   * asynchronous; parsing and the ignore-file checks are not, so the walk yields between files,
   * never after a batch of them). A big walk has its manifests read, parsed and summarised by the
   * index worker instead (indexWithWorker): the main thread only adds the summaries, in the same order.
   */
  private async walk(starts: readonly string[], label: string): Promise<void> {
    const started = Date.now();
    const sliceMs = this.options.sliceMs ?? walkSliceMs;
    let sliceStart = performance.now();
    // Undefined while the slice lasts: the walk goes on without an await (and without the promise
    // each await of an async function makes, per file and per folder entry: garbage for the collector).
    const breathe = (): Promise<void> | undefined => {
      if (performance.now() - sliceStart < sliceMs) return undefined;
      return new Promise<void>((resolve) => setImmediate(resolve)).then(() => { sliceStart = performance.now(); });
    };
    const found = await this.findFiles(starts, breathe);
    if (!found) return;
    const { files, seen, capped } = found;
    let done = 0;
    const script = this.options.indexWorkerScript === undefined ? defaultIndexWorkerScript() : this.options.indexWorkerScript;
    const workerFiles = files.filter(isWorkerFile).length;
    if (script && workerFiles >= (this.options.workerMinFiles ?? workerMinFiles)) done = await this.indexWithWorker(script, files, breathe);
    if (done < files.length) await this.indexOnMainThread(files.slice(done), () => { sliceStart = performance.now(); }, breathe);
    if (this.disposed) return;
    if (capped) {
      this.options.log(`stevedore: the workspace walk stopped at its limit of ${this.maxFiles} YAML/JSON files; the files past it stay out of the workspace index, so cross-file checks (a Service selecting nothing, a missing ConfigMap) may miss their objects. Open files always count.`);
    }
    const how = done > 0 ? ' (parsed in the index worker)' : '';
    this.options.log(`stevedore: ${label} ${this.index.fileCount} Kubernetes file(s) of ${seen} YAML/JSON file(s) in ${Date.now() - started} ms${capped ? ` (stopped at ${this.maxFiles} files)` : ''}${how}`);
  }

  /** The walk's files in the order it indexes them: folder by folder, breadth-first (undefined: disposed meanwhile). */
  private async findFiles(starts: readonly string[], breathe: Breathe): Promise<{ files: WalkEntry[]; seen: number; capped: boolean } | undefined> {
    let seen = 0;
    let capped = false;
    const files: WalkEntry[] = [];
    const queue = [...starts];
    while (queue.length > 0 && !this.disposed && !capped) {
      const dir = queue.shift()!;
      let entries: Dirent[];
      try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { continue; }
      const folder = new WalkFolder(dir);
      this.listedFiles.note(folder.path, entries.map((entry) => entry.name));
      for (const entry of entries) {
        const pause = breathe();
        if (pause) await pause;
        if (this.disposed) return undefined;
        const { name } = entry;
        if (entry.isDirectory()) {
          const full = folder.pathOf(name);
          if (!this.filter.skipsEntry(full, true)) queue.push(full);
          continue;
        }
        if (!entry.isFile()) continue;
        const graph = feedsImageGraph(name);
        const yamlOrJson = isManifestName(name);
        if (!graph && !yamlOrJson) continue;
        const full = folder.pathOf(name);
        if (this.filter.skipsEntry(full, false)) continue;
        const manifest = yamlOrJson && !isDockerfileName(name);
        if (manifest && seen >= this.maxFiles) { capped = true; break; }
        if (manifest) seen++;
        files.push({ full, name, manifest, graph, uri: folder.uriOf(name, full) });
      }
    }
    // Listings are a snapshot of this walk: later questions go to the disk again.
    this.listedFiles.clear();
    return this.disposed ? undefined : { files, seen, capped };
  }

  /** Reads and indexes the walk's files here, a few reads at a time, each file parsed on its own. */
  private async indexOnMainThread(files: readonly WalkEntry[], readsDone: () => void, breathe: Breathe): Promise<void> {
    for (let i = 0; i < files.length && !this.disposed; i += readAhead) {
      const batch = files.slice(i, i + readAhead);
      const texts = await Promise.all(batch.map((file) => (this.open.has(file.uri) ? undefined : this.readSmallFile(file.full))));
      readsDone();
      for (const [k, file] of batch.entries()) {
        const pause = breathe();
        if (pause) await pause;
        const text = texts[k];
        if (this.disposed) return;
        if (text === undefined || this.open.has(file.uri)) continue;
        this.indexWalkedText(file, text);
      }
    }
  }

  /** What the walk does with a file's text from disk. */
  private indexWalkedText(file: WalkEntry, text: string): void {
    if (!file.manifest) {
      // Dockerfiles (their base images for `image:` completion, their final stage for the
      // image graph) and Tiltfiles (image graph evidence).
      if (this.feedGraph(file.uri, text, isDockerfileName(file.name))) this.noteChange(file.uri);
      if (isDockerfileName(file.name)) this.index.setDockerfileImages(file.uri, baseImagesOf(text));
      return;
    }
    if (file.graph && this.feedGraph(file.uri, text, false)) this.noteChange(file.uri);
    this.indexText(file.uri, file.full, text);
  }

  /**
   * The worker reads, parses and summarises the plain manifests (in chunks, a few requests ahead
   * of the chunk being added, so it works ahead); here each chunk's files are indexed in order as
   * its results come: summaries added, other files (Dockerfiles, image-graph evidence) read and indexed here as
   * before. Answers how many of `files` are done: all of them, or, if the worker failed, those
   * before the chunk it failed on (the caller indexes the rest itself).
   */
  private async indexWithWorker(script: string, files: readonly WalkEntry[], breathe: Breathe): Promise<number> {
    let worker: IndexWorkerClient;
    try {
      worker = new IndexWorkerClient(script, this.maxFileBytes);
    } catch (error) {
      this.options.log(`stevedore: the index worker could not start (${String(error)}); indexing on the main thread`);
      return 0;
    }
    this.workers.add(worker);
    this.options.onWorkerWalk?.(true);
    try {
      const chunks: { start: number; results: Promise<PackedWalkResults> }[] = [];
      const request = (): void => {
        const start = chunks.length * workerChunk;
        if (start >= files.length) return;
        const results = worker.summarise(files.slice(start, start + workerChunk).filter(isWorkerFile).map((file) => ({ path: file.full, uri: file.uri })));
        results.catch(() => undefined); // awaited below, chunk by chunk; a failure must not go unhandled meanwhile
        chunks.push({ start, results });
      };
      for (let k = 0; k < workerChunksAhead; k++) request();
      for (let added = 0; added < chunks.length; added++) {
        const chunk = chunks[added];
        let results: PackedWalkResults;
        try {
          results = await chunk.results;
          // One more chunk for the worker as each comes back: it keeps working ahead, and no turn
          // of this thread posts the whole walk's files at once (15 ms for 10,000 files).
          if (!this.disposed) request();
        } catch (error) {
          if (this.disposed) return files.length;
          this.options.log(`stevedore: the index worker failed (${String(error)}); indexing the rest (${files.length - chunk.start} of ${files.length} files) on the main thread`);
          return chunk.start;
        }
        let next = 0;
        for (const file of files.slice(chunk.start, chunk.start + workerChunk)) {
          const pause = breathe();
          if (pause) await pause;
          if (this.disposed) return files.length;
          if (isWorkerFile(file)) {
            const reading = this.indexWorkerResult(file, unpackWalkResult(results, next++, file.uri));
            if (reading) await reading;
          }
          else if (!this.open.has(file.uri)) {
            const text = await this.readSmallFile(file.full);
            if (text !== undefined && !this.open.has(file.uri) && !this.disposed) this.indexWalkedText(file, text);
          }
        }
      }
      return files.length;
    } finally {
      this.options.onWorkerWalk?.(false);
      this.workers.delete(worker);
      worker.dispose();
    }
  }

  /**
   * A plain manifest's result from the worker, indexed as `indexText` indexes its text. Synchronous
   * but for a file indexed meanwhile, which is read again (the promise of that read).
   */
  private indexWorkerResult(file: WalkEntry, result: WalkResult): Promise<void> | undefined {
    if (this.open.has(file.uri) || result.state === 'unread') return undefined;
    if (result.state === 'skipped') {
      this.indexText(file.uri, file.full, undefined);
      return undefined;
    }
    if (this.index.has(file.uri)) {
      // Indexed meanwhile (a watched-file event): replacing it is `updateText`'s work, on the text.
      return this.readSmallFile(file.full).then((text) => {
        if (text !== undefined && !this.open.has(file.uri) && !this.disposed) this.indexText(file.uri, file.full, text);
      });
    }
    this.fromDisk.add(file.uri);
    if (!result.summary) return undefined;
    const { uri, objects, crds, uses } = result.summary;
    this.index.addSummarisedFile(uri, objects, crds, uses);
    if (this.index.has(uri)) this.noteChange(uri);
    return undefined;
  }
}

/** Undefined, or a promise to await: the walk's slice is over and requests get their turn. */
type Breathe = () => Promise<void> | undefined;

/** A file the walk found: its path, name and URI, whether it is YAML/JSON, whether it feeds the image graph. */
interface WalkEntry { full: string; name: string; uri: string; manifest: boolean; graph: boolean }

/** The files the index worker reads: plain manifests (image-graph evidence and Dockerfiles stay here: few, and they feed the graph). */
function isWorkerFile(file: WalkEntry): boolean {
  return file.manifest && !file.graph;
}

/**
 * Below this many manifests a walk stays on the main thread: a worker's start (loading the parsers
 * once more) costs more than the parsing it takes over.
 */
export const workerMinFiles = 300;

/** Files per request to the index worker: the main thread adds a chunk's summaries as it arrives. */
const workerChunk = 64;

/** Requests the index worker has at most (sent or answered, not yet added): enough that it never waits for the next. */
const workerChunksAhead = 4;

/**
 * The bundled worker beside the server's scripts; none when running from source (tests pass one in)
 * or when `STEVEDORE_NO_INDEX_WORKER` is set (benchmarks and tests compare both walks with it).
 */
function defaultIndexWorkerScript(): string | undefined {
  if (process.env.STEVEDORE_NO_INDEX_WORKER) return undefined;
  return typeof __filename === 'string' && __filename.endsWith('.js') ? join(__dirname, 'server-index-worker.js') : undefined;
}

function nameOf(uri: string): string {
  try { return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)); } catch { return uri.slice(uri.lastIndexOf('/') + 1); }
}

function isManifestName(name: string): boolean {
  return isYamlName(name) || isJsonName(name);
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try { return fileURLToPath(uri); } catch { return undefined; }
}
