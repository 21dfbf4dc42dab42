import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../../../package.json';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fixAllKind, stampVersion } from '../common/codeActions';
import { UserFacingError } from '../common/errors';
import { pick, type DocsLanguage } from '../common/localized';
import { semanticTokenLegend, type FeatureContext } from '../common/service';
import { languageKindOf, type LanguageKind } from '../common/fileKinds';
import { normalizeSettings, type StevedoreSettings } from '../common/settings';
import { CachedFiles } from '../config/cachedFiles';
import { ProjectConfig } from '../config/projectConfig';
import { resolveDocsLanguage } from '../i18n/locale';
import type { ManifestFile } from '../kubernetes/model';
import { anyLanguageHas, firstServiceWith } from '../services';
import { withRuleDocLinks } from '../ruleDocLinks';
import { firstWorkDone } from '../codeCache';
import { documentSummaryRequest, type DocumentSummaryParams, type DocumentSummaryResult } from './customRequests';
import { DocumentChangeLog } from './changeLog';
import { BigDocumentFlags } from './bigDocumentFlags';
import { afterQueuedMessages } from './afterQueuedMessages';
import { IdleCompaction, lazyCompactionStep, onIncomingTraffic } from './idleCompaction';
import { answerCodeActions } from './codeActionRequest';
import { ParsedDocumentCache, type ParsedDocument } from './documents';
import { FilePaths } from './filePaths';
import { runInSlices } from './slicedCheck';
import { createServerConnection } from './stdioTransport';
import { WorkspaceIndexer } from './workspaceIndexer';

/**
 * The LSP adapter: turns protocol requests into calls on the engine's pure functions and back.
 * No feature logic lives here. Runs over IPC under VS Code and over stdio (`--stdio`) elsewhere;
 * createConnection picks the transport from the command line.
 */

/**
 * No fixed wait before checking: a check waits only for the messages already received
 * (afterQueuedMessages.ts), which merges the changes that arrive together, and checking a large file
 * takes less than the gap between keystrokes.
 */
const validationDelayMs = 0;

const connection: Connection = createServerConnection();
/** Each document's recent edits: a diagnostic of an older version is placed in the current text through them. */
const changeLog = new DocumentChangeLog();
const documents = new TextDocuments<TextDocument>({
  create: TextDocument.create,
  update: (document, changes, version) => {
    changeLog.record(document, changes);
    return TextDocument.update(document, changes, version);
  },
});
const parsed = new ParsedDocumentCache(kindOfDocument);
/** A big open document gets V8's usual young generation and its optimizing compiler (bigDocumentFlags.ts). */
const bigDocumentFlags = new BigDocumentFlags();
const pendingValidation = new Map<string, { cancel(): void; force: boolean }>();

/**
 * The editor's `stevedore.*` settings: the window's (`settings`: documents outside every workspace
 * folder, completion items resolved without a document) and each workspace folder's (multi-root:
 * a folder's `.vscode/settings.json` over the user's). A document gets its folder's, over its
 * project's `.stevedore.yaml`.
 */
let settings: StevedoreSettings = normalizeSettings(undefined);
let folderSettings = new Map<string, StevedoreSettings>();
/** Workspace folders as the editor names them (any scheme: a virtual folder has settings too, but no files to search). */
let workspaceFolderUris: string[] = [];
let editorLocale: string | undefined;
/** The editor-wide docs language (completion items resolved without a document). */
let docsLanguage: DocsLanguage = 'en';
let canPullConfiguration = false;
let canWatchFiles = false;
/** The client takes versioned `documentChanges` in workspace edits (code actions then name the version they fit). */
let canApplyVersionedEdits = false;
let canTrackFolders = false;
let canRegisterConfigurationChanges = false;

/**
 * The project's config files (`.stevedore.yaml`, `.hadolint.yaml`, `.kube-linter.yaml`,
 * `.dockerignore`, custom schemas), read once and cached until the editor reports a change: the
 * same loader the command line uses, so both give the same answers.
 */
const projectFiles = new CachedFiles();
const project = new ProjectConfig(projectFiles);
/** Without file watching nothing tells us a config file changed: cached reads expire instead. */
const unwatchedConfigMaxAgeMs = 3000;
/** Files whose changes can change a check's answer (manifests are watched by the workspace indexer). */
const configWatchers = [
  { globPattern: '**/.{hadolint,stevedore,kube-linter}.{yaml,yml}' },
  { globPattern: '**/{.dockerignore,*.dockerignore}' },
  { globPattern: '**/*.json' },
  { globPattern: '**/.git/HEAD' },
  // Compose: the project's .env and env files, Dockerfiles (build.target stages, HEALTHCHECK). Overrides are YAML, watched by the indexer.
  { globPattern: '**/{.env,*.env,.env.*,*Dockerfile*,*.dockerfile,Containerfile*}' },
];

function workspaceFolderUrisOf(params: InitializeParams): string[] {
  return params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
}

/** Where config searches stop: the folders on disk (a virtual folder is never searched or walked). */
function workspaceRootsOf(folderUris: readonly string[]): string[] {
  return folderUris.flatMap((uri) => {
    const path = filePathOf(uri);
    return path ? [path] : [];
  });
}

/** The innermost workspace folder holding a document (URIs compared as the editor sent them). */
function workspaceFolderOf(uri: string): string | undefined {
  let found: string | undefined;
  for (const folder of workspaceFolderUris) {
    const inside = uri === folder || uri.startsWith(folder.endsWith('/') ? folder : `${folder}/`);
    if (inside && (!found || folder.length > found.length)) found = folder;
  }
  return found;
}

/** The editor's settings for a document: its workspace folder's, else the window's. */
function editorSettingsFor(uri: string): StevedoreSettings {
  const folder = workspaceFolderOf(uri);
  return (folder !== undefined ? folderSettings.get(folder) : undefined) ?? settings;
}

const filePaths = new FilePaths();
function filePathOf(uri: string): string | undefined {
  return filePaths.of(uri);
}

/** Kubernetes objects of the whole workspace, for cross-file checks and navigation. */
const workspaceIndexer = new WorkspaceIndexer({
  modelOf: (document) => {
    const doc = parsed.get(document);
    return doc?.kind === 'yaml' ? (doc.model as ManifestFile) : undefined;
  },
  parsedOf: (document) => parsed.get(document),
  revalidate: (uris) => {
    for (const uri of uris) {
      const document = documents.get(uri);
      if (document && parsed.get(document)?.kind === 'yaml') scheduleValidation(document, 0, true);
    }
  },
  log: (message) => connection.console.log(message),
  // `.gitignore` files are read through the same cache as config files (the indexer invalidates them).
  files: projectFiles,
  onWorkerWalk: (running) => bigDocumentFlags.noteWorkerWalk(running),
});

// The capabilities come from services.ts' table of features (anyLanguageHas): announcing them loads no language's engine.
connection.onInitialize((params: InitializeParams): InitializeResult => {
  editorLocale = params.locale;
  canPullConfiguration = !!params.capabilities.workspace?.configuration;
  canWatchFiles = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  canApplyVersionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
  canTrackFolders = !!params.capabilities.workspace?.workspaceFolders;
  canRegisterConfigurationChanges = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  settings = normalizeSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
  workspaceFolderUris = workspaceFolderUrisOf(params);
  const roots = workspaceRootsOf(workspaceFolderUris);
  project.setRoots(roots.length === 0 && params.rootPath ? [params.rootPath] : roots);
  if (!canWatchFiles) projectFiles.maxAgeMs = unwatchedConfigMaxAgeMs;
  workspaceIndexer.initialize(params);
  docsLanguage = resolveDocsLanguage(settings, editorLocale);
  const caps = capabilities();
  // Folders added to or removed from a multi-root workspace: their settings are pulled, their roots bound searches.
  if (canTrackFolders) caps.workspace = { ...caps.workspace, workspaceFolders: { supported: true, changeNotifications: true } };
  return { capabilities: caps, serverInfo: { name: 'stevedore-language-server', version: serverVersion } };
});

/** Advertise a feature only when some language really implements it. */
function capabilities(): ServerCapabilities {
  const caps: ServerCapabilities = { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } } };
  if (anyLanguageHas('hover')) caps.hoverProvider = true;
  if (anyLanguageHas('complete')) caps.completionProvider = { triggerCharacters: ['-', '=', '$', '{', ':', ' ', '/', ',', '@'], resolveProvider: anyLanguageHas('resolveCompletion') };
  if (anyLanguageHas('signatureHelp')) caps.signatureHelpProvider = { triggerCharacters: [' ', ','], retriggerCharacters: [' '] };
  if (anyLanguageHas('codeActions') || anyLanguageHas('diagnose')) caps.codeActionProvider = { codeActionKinds: ['quickfix', fixAllKind] };
  if (anyLanguageHas('symbols')) caps.documentSymbolProvider = true;
  if (anyLanguageHas('folding')) caps.foldingRangeProvider = true;
  if (anyLanguageHas('definition')) caps.definitionProvider = true;
  if (anyLanguageHas('references')) caps.referencesProvider = true;
  if (anyLanguageHas('highlights')) caps.documentHighlightProvider = true;
  if (anyLanguageHas('rename')) caps.renameProvider = { prepareProvider: anyLanguageHas('prepareRename') };
  if (anyLanguageHas('links')) caps.documentLinkProvider = { resolveProvider: false };
  if (anyLanguageHas('semanticTokens')) caps.semanticTokensProvider = { legend: semanticTokenLegend, full: true };
  if (anyLanguageHas('format')) caps.documentFormattingProvider = true;
  if (anyLanguageHas('formatRange')) caps.documentRangeFormattingProvider = true;
  if (anyLanguageHas('formatOnType')) caps.documentOnTypeFormattingProvider = { firstTriggerCharacter: '\n', moreTriggerCharacter: ['\\', '`'] };
  return caps;
}

/**
 * Requests and checks wait for a settings pull in flight (for at most `settingsGraceMs`), so the
 * first hover is already in the user's language and the first diagnostics honour their rule settings.
 */
let settingsReady: Promise<void> = Promise.resolve();

/** The version users see in `--version`, the CLI's reports and the editor's status: one number, package.json's. */
const serverVersion: string = (packageJson as { version: string }).version;

connection.onInitialized(() => {
  settingsReady = awaitedPull(refreshSettings());
  workspaceIndexer.start(connection);
  // A pulling client sends didChangeConfiguration only for sections the server registers (VS Code
  // without the deprecated `synchronize.configurationSection`); the notification then means "pull again".
  if (canPullConfiguration && canRegisterConfigurationChanges) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'stevedore' })
      .catch((error: unknown) => connection.console.error(`stevedore: could not follow settings changes: ${String(error)}`));
  }
  if (canTrackFolders) connection.workspace.onDidChangeWorkspaceFolders(workspaceFoldersChanged);
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: configWatchers })
      .catch((error: unknown) => connection.console.error(`stevedore: could not watch config files: ${String(error)}`));
  }
});

connection.onDidChangeConfiguration((change) => {
  if (canPullConfiguration) {
    void refreshSettings();
  } else {
    applySettings((change.settings as { stevedore?: unknown } | undefined)?.stevedore);
  }
});

function workspaceFoldersChanged(event: { added: readonly { uri: string }[]; removed: readonly { uri: string }[] }): void {
  const removed = new Set(event.removed.map((folder) => folder.uri));
  const kept = workspaceFolderUris.filter((uri) => !removed.has(uri));
  workspaceFolderUris = [...kept, ...event.added.map((folder) => folder.uri).filter((uri) => !kept.includes(uri))];
  project.setRoots(workspaceRootsOf(workspaceFolderUris));
  workspaceIndexer.foldersChanged(event.added.map((folder) => folder.uri), [...removed]);
  settingsReady = awaitedPull(refreshSettings());
  // The folders bound the config searches: every open document may have another `.stevedore.yaml` now.
  void settingsReady.then(() => {
    for (const document of documents.all()) scheduleValidation(document, 0, true);
  });
}

/** Requests wait for the settings pull; a client that never answers it must not stall them. */
const settingsPullTimeoutMs = 2000;
/** Pulls are numbered: an answer that arrives after a newer pull started is stale. */
let settingsPulls = 0;

/** One request per pull: the window's settings, then each workspace folder's (`scopeUri`). */
async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  const pull = ++settingsPulls;
  const folders = [...workspaceFolderUris];
  const items = [{ section: 'stevedore' }, ...folders.map((scopeUri) => ({ scopeUri, section: 'stevedore' }))];
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), settingsPullTimeoutMs); });
  try {
    const answer: unknown[] | 'timeout' = await Promise.race([connection.workspace.getConfiguration(items), timedOut]);
    if (answer === 'timeout') {
      connection.console.error(`stevedore: the editor did not answer workspace/configuration within ${settingsPullTimeoutMs} ms; using the settings from initialize`);
      return;
    }
    if (pull !== settingsPulls) return;
    applySettings(answer[0], new Map(folders.map((folder, i) => [folder, answer[i + 1]])));
  } catch (error) {
    connection.console.error(`stevedore: could not read settings: ${String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

function applySettings(raw: unknown, rawPerFolder: ReadonlyMap<string, unknown> = new Map()): void {
  const next = normalizeSettings(raw);
  const nextPerFolder = new Map([...rawPerFolder].map(([folder, value]) => [folder, normalizeSettings(value)]));
  // The same settings again re-check nothing (VS Code announces a change as soon as the server registers for them).
  const fingerprint = (window: StevedoreSettings, perFolder: ReadonlyMap<string, StevedoreSettings>) => JSON.stringify([window, [...perFolder]]);
  if (fingerprint(next, nextPerFolder) === fingerprint(settings, folderSettings)) return;
  settings = next;
  folderSettings = nextPerFolder;
  settingsGeneration++;
  docsLanguage = resolveDocsLanguage(settings, editorLocale);
  for (const document of documents.all()) scheduleValidation(document, 0);
}

/** Config problems already logged (the CLI prints them; here they go to the output channel once). */
let loggedProblems = 0;

/** Which engine reads a document: its language id and name, and the `stevedore.compose.files` globs that apply to it. */
function kindOfDocument(document: TextDocument): LanguageKind | undefined {
  const filePath = filePathOf(document.uri);
  const globs = project.settingsFor(filePath, editorSettingsFor(document.uri)).compose.files;
  return languageKindOf(document.languageId, document.uri, globs);
}

/** The document's context: the editor's settings over its project's files, the workspace index. */
function contextFor(document: TextDocument): FeatureContext {
  const filePath = filePathOf(document.uri);
  const documentSettings = project.settingsFor(filePath, editorSettingsFor(document.uri));
  const ctx: FeatureContext = {
    lang: resolveDocsLanguage(documentSettings, editorLocale),
    settings: documentSettings,
    filePath,
    project: project.factsFor(filePath, documentSettings, languageKindOf(document.languageId, document.uri, documentSettings.compose.files)),
    workspace: workspaceIndexer.index,
  };
  for (; loggedProblems < project.problems.length; loggedProblems++) {
    const problem = project.problems[loggedProblems];
    connection.console.error(`stevedore: ${problem.path}: ${problem.message}`);
  }
  return ctx;
}

/**
 * Runs one engine feature for a document. Any exception is logged and answered with the
 * fallback: bad input must never take the server down.
 */
async function withDocument<R>(uri: string, fallback: R, run: (doc: ParsedDocument, ctx: FeatureContext, text: TextDocument) => R | undefined | null): Promise<R> {
  await settingsSettled();
  const text = documents.get(uri);
  if (!text) return fallback;
  let lang = docsLanguage;
  try {
    const doc = parsed.get(text);
    if (!doc) return fallback;
    const ctx = contextFor(text);
    lang = ctx.lang;
    return run(doc, ctx, text) ?? fallback;
  } catch (error) {
    // A message meant for the user (e.g. an invalid new name on rename) goes back as the answer.
    if (error instanceof UserFacingError) throw new ResponseError(LSPErrorCodes.RequestFailed, pick(error.localized, lang));
    connection.console.error(`stevedore: request failed for ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return fallback;
  }
}

connection.onHover((p) => withDocument(p.textDocument.uri, null, (d, ctx) => d.service.hover?.(d.model, p.position, ctx)));
connection.onCompletion((p) => withDocument(p.textDocument.uri, null, (d, ctx) => d.service.complete?.(d.model, p.position, ctx)));
connection.onCompletionResolve((item) => {
  const resolve = firstServiceWith('resolveCompletion')?.resolveCompletion;
  try { return resolve ? resolve(item, { lang: docsLanguage, settings }) : item; } catch { return item; }
});
connection.onSignatureHelp((p) => withDocument(p.textDocument.uri, null, (d, ctx) => d.service.signatureHelp?.(d.model, p.position, ctx)));
connection.onDocumentSymbol((p) => withDocument(p.textDocument.uri, [], (d, ctx) => d.service.symbols?.(d.model, ctx)));
connection.onFoldingRanges((p) => withDocument(p.textDocument.uri, [], (d, ctx) => d.service.folding?.(d.model, ctx)));
connection.onDefinition((p) => withDocument(p.textDocument.uri, null, (d, ctx) => d.service.definition?.(d.model, p.position, ctx)));
connection.onReferences((p) => withDocument(p.textDocument.uri, [], (d, ctx) => d.service.references?.(d.model, p.position, p.context.includeDeclaration, ctx)));
connection.onDocumentHighlight((p) => withDocument(p.textDocument.uri, [], (d, ctx) => d.service.highlights?.(d.model, p.position, ctx)));
connection.onPrepareRename((p) => withDocument(p.textDocument.uri, null, (d, ctx) => d.service.prepareRename?.(d.model, p.position, ctx)));
connection.onRenameRequest((p) => withDocument(p.textDocument.uri, null, (d, ctx) => d.service.rename?.(d.model, p.position, p.newName, ctx)));
connection.onDocumentLinks((p) => withDocument(p.textDocument.uri, [], (d, ctx) => d.service.links?.(d.model, ctx)));
connection.languages.semanticTokens.on((p) => withDocument(p.textDocument.uri, { data: [] }, (d, ctx) => {
  const data = d.service.semanticTokens?.(d.model, ctx);
  return data ? { data } : null;
}));
connection.onDocumentFormatting((p) => withDocument(p.textDocument.uri, [], (d, ctx) => d.service.format?.(d.model, p.options, ctx)));
connection.onDocumentRangeFormatting((p) => withDocument(p.textDocument.uri, [], (d, ctx) => d.service.formatRange?.(d.model, p.range, p.options, ctx)));
connection.onDocumentOnTypeFormatting((p) => withDocument(p.textDocument.uri, [], (d, ctx) => d.service.formatOnType?.(d.model, p.position, p.ch, p.options, ctx)));
connection.onCodeAction((p) => withDocument(p.textDocument.uri, [], (d, ctx, document) => answerCodeActions({
  params: p, document, parsed: d, ctx,
  currentDiagnostics: () => findingsOf(document, d, ctx),
  mapPosition: (from, position) => changeLog.map(document.uri, from, position),
  versionedEdits: canApplyVersionedEdits,
})));

connection.onRequest(documentSummaryRequest, (p: DocumentSummaryParams) =>
  withDocument<DocumentSummaryResult>(p.textDocument.uri, null, (d, ctx) => d.service.summary?.(d.model, ctx)));

/** Bumped whenever settings are applied: a check is only redundant under the same settings. */
let settingsGeneration = 0;
/** Per document, the `version:settingsGeneration` last checked. */
const lastChecked = new Map<string, string>();
/** Per document, the findings of one `version:settingsGeneration`, stamped with the version they were computed for. */
const findings = new Map<string, { key: string; diagnostics: Diagnostic[] }>();

/** The document's findings now, checked once per version and settings (code actions need them even when on-save checks have not run). */
function findingsOf(document: TextDocument, d: ParsedDocument, ctx: FeatureContext): Diagnostic[] {
  const key = `${document.version}:${settingsGeneration}`;
  const known = findings.get(document.uri);
  if (known?.key === key) return known.diagnostics;
  const diagnostics = stampVersion(d.service.diagnose?.(d.model, ctx) ?? [], document.version);
  findings.set(document.uri, { key, diagnostics });
  return diagnostics;
}

/**
 * Checks a document and publishes the result. The same text under the same settings gives the same
 * answer, so an unforced check of an already checked version is skipped (an open racing the first
 * settings pull would otherwise publish twice). Checks caused by other files (the workspace index,
 * config files on disk) are forced.
 */
/**
 * How long the first checks wait for a settings pull in flight. An editor that answers quickly gets
 * one publish with the pulled settings; a busy one does not hold the diagnostics back for the
 * pull's 2 s timeout: they use the settings sent with initialize (VS Code sends the same ones), and
 * the answer, when it arrives and differs, re-checks what is open (`applySettings`).
 */
const settingsGraceMs = 400;

/** A pull requests wait for (the first one, and after workspace folders change) is under way. */
let waitedPullInFlight = false;

function awaitedPull(pull: Promise<void>): Promise<void> {
  waitedPullInFlight = true;
  return pull.finally(() => { waitedPullInFlight = false; });
}

/** The pull in flight has answered, or the grace period is over. Requests wait the same way. */
async function settingsSettled(): Promise<void> {
  // The usual case on every hover and keystroke: nothing to wait for, no timer to arm.
  if (!waitedPullInFlight) return;
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([settingsReady, new Promise<void>((resolve) => { grace = setTimeout(resolve, settingsGraceMs); })]);
  clearTimeout(grace);
}

/** Per document, the number of the check under way: starting another check of it stops that one. */
const runningChecks = new Map<string, number>();
let checksStarted = 0;

/**
 * The document's diagnostics (rule codes linked to the installed rule pages, in the document's
 * docs language), checked in slices so that hover, completion and the rest are answered during a
 * long check. Undefined when the check was dropped: a newer version of the document arrived (its
 * own check publishes), the settings changed, or a newer check of it started. A dropped check is
 * logged with how far it got.
 */
async function checkInSlices(document: TextDocument, key: string): Promise<Diagnostic[] | undefined> {
  const uri = document.uri;
  // The document object is updated in place by later changes: keep the version being checked.
  const version = document.version;
  if (documents.get(uri) !== document) return undefined;
  const check = ++checksStarted;
  runningChecks.set(uri, check);
  try {
    const d = parsed.get(document);
    if (!d) return [];
    const ctx = contextFor(document);
    const steps = d.service.diagnoseSteps?.(d.model, ctx);
    if (!steps) return withRuleDocLinks(d.service.diagnose?.(d.model, ctx) ?? [], ctx.lang);
    const run = await runInSlices(steps, () => {
      if (documents.get(uri) !== document) return 'the document was closed';
      if (document.version !== version) return `version ${document.version} arrived`;
      if (`${version}:${settingsGeneration}` !== key) return 'the settings changed';
      if (runningChecks.get(uri) !== check) return 'a newer check of the document started';
      return undefined;
    });
    if (!run.finished) {
      connection.console.log(`stevedore: dropped the check of ${uri} version ${version} after ${run.slices} slices (${Math.round(run.elapsedMs)} ms): ${run.reason}`);
      return undefined;
    }
    return withRuleDocLinks(run.value, ctx.lang);
  } catch (error) {
    connection.console.error(`stevedore: checking ${uri} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return [];
  } finally {
    if (runningChecks.get(uri) === check) runningChecks.delete(uri);
  }
}

async function validate(document: TextDocument, force: boolean): Promise<void> {
  await settingsSettled();
  const key = `${document.version}:${settingsGeneration}`;
  if (!force && lastChecked.get(document.uri) === key) return;
  lastChecked.set(document.uri, key);
  if (!editorSettingsFor(document.uri).diagnostics.enable) {
    await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    return;
  }
  const diagnostics = await checkInSlices(document, key);
  if (!diagnostics) return;
  // A newer version may have arrived while we waited; its own validation will publish.
  if (documents.get(document.uri)?.version !== document.version) return;
  // Stamped with their version: a code action request carrying them later can tell they are old.
  const stamped = stampVersion(diagnostics, document.version);
  findings.set(document.uri, { key, diagnostics: stamped });
  await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: stamped });
  // A language's first work is done: the code cache of a newly loaded engine is written now (codeCache.ts).
  firstWorkDone();
}

function scheduleValidation(document: TextDocument, delayMs: number, force = false): void {
  const previous = pendingValidation.get(document.uri);
  previous?.cancel();
  // A forced check stays forced when a later change reschedules it.
  const forced = force || (previous?.force ?? false);
  const check = (): void => {
    pendingValidation.delete(document.uri);
    const current = documents.get(document.uri);
    if (current) void validate(current, forced);
  };
  if (delayMs > 0) {
    const timer = setTimeout(check, delayMs);
    pendingValidation.set(document.uri, { cancel: () => clearTimeout(timer), force: forced });
  } else {
    pendingValidation.set(document.uri, { ...afterQueuedMessages(check), force: forced });
  }
}

documents.onDidOpen((e) => {
  changeLog.forget(e.document.uri);
  bigDocumentFlags.noteSize(e.document.uri, e.document.getText().length);
  scheduleValidation(e.document, 0);
});
documents.onDidChangeContent((e) => {
  bigDocumentFlags.noteSize(e.document.uri, e.document.getText().length);
  // With onSave, diagnostics appear on open and then refresh only when the file is saved.
  if (editorSettingsFor(e.document.uri).diagnostics.trigger === 'onType') {
    scheduleValidation(e.document, validationDelayMs);
    recheckComposeFilesAfter(e.document);
  }
});

/**
 * Compose files of one application read each other (overrides, `include:`, `.env`, Dockerfiles), the
 * open ones as the editor has them: an edit to one of those re-checks the other open Compose files.
 */
project.openText = (path) => documents.all().find((document) => filePathOf(document.uri) === path)?.getText();
function recheckComposeFilesAfter(changed: TextDocument): void {
  const kind = kindOfDocument(changed);
  if (kind !== 'compose' && kind !== 'dockerfile' && !/(^|[\\/])(\.env[^\\/]*|[^\\/]*\.env)$/.test(changed.uri)) return;
  for (const other of documents.all()) {
    if (other.uri !== changed.uri && kindOfDocument(other) === 'compose') scheduleValidation(other, validationDelayMs, true);
  }
}
documents.onDidSave((e) => {
  if (editorSettingsFor(e.document.uri).diagnostics.trigger === 'onSave') scheduleValidation(e.document, 0);
});
documents.onDidClose((e) => {
  pendingValidation.get(e.document.uri)?.cancel();
  pendingValidation.delete(e.document.uri);
  // Reopened, the document starts again at version 1: it must be checked again.
  lastChecked.delete(e.document.uri);
  findings.delete(e.document.uri);
  changeLog.forget(e.document.uri);
  parsed.delete(e.document.uri);
  bigDocumentFlags.forget(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

// A bug in a handler must not kill the editor's language features; log it and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`stevedore: uncaught ${error.stack ?? error.message}`));

connection.onDidChangeWatchedFiles((p) => {
  workspaceIndexer.watchedFilesChanged(p.changes);
  // Checks read config files through the project cache: when one of those changed, re-check everything open.
  let configChanged = false;
  for (const change of p.changes) {
    const path = filePathOf(change.uri);
    if (path && project.invalidate(path)) configChanged = true;
  }
  if (configChanged) {
    for (const document of documents.all()) scheduleValidation(document, 0, true);
  }
});
workspaceIndexer.listen(documents);

documents.listen(connection);
connection.listen();

// Once the editor has been quiet for a second and nothing is being checked, the heap is compacted
// in a few steps and its spare pages given back; the next message stops it (idleCompaction.ts).
const idleCompaction = new IdleCompaction({
  step: lazyCompactionStep(),
  busy: () => runningChecks.size > 0 || pendingValidation.size > 0,
  log: (message) => connection.console.debug(message),
});
if (onIncomingTraffic(process.argv.slice(2), () => idleCompaction.noteActivity())) idleCompaction.noteActivity();
