import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentHighlight, DocumentLink, DocumentSymbol,
  FoldingRange, FormattingOptions, Hover, Location, Position, Range, SignatureHelp, WorkspaceEdit, TextEdit,
} from 'vscode-languageserver-types';
import type { FoundHadolintConfig } from '../config/hadolint';
import type { KubeLinterConfig } from '../config/kubeLinter';
import type { DocsLanguage } from './localized';
import type { StevedoreSettings } from './settings';

/**
 * How the fronts read the project's files (config/cachedFiles.ts on disk, a map in tests). The
 * engine never reads a file: the fronts hand it what it needs in `FeatureContext.project`.
 */
export interface WorkspaceFiles {
  /** Text of a file by absolute path, or undefined when it does not exist or cannot be read. */
  readText(absolutePath: string): string | undefined;
}

/** A file of the project the front has read for the engine. */
export interface ProjectFile {
  /** Absolute path. */
  path: string;
  text: string;
}

/**
 * What the project's own files say about one document, resolved by the front through
 * `config/` (cached there, re-read when the editor reports a change): the engine reads no file.
 */
export interface ProjectFacts {
  /** The nearest `.hadolint.yaml`/`.hadolint.yml` (Dockerfiles). */
  hadolint?: FoundHadolintConfig;
  /** The nearest `.kube-linter.yaml`/`.kube-linter.yml` (manifests), when it parses. */
  kubeLinter?: KubeLinterConfig;
  /** The build context's ignore file for a Dockerfile: `<Dockerfile>.dockerignore`, else `.dockerignore` beside it. */
  dockerignore?: ProjectFile;
  /** The files `kubernetes.customSchemas` names, read (missing ones left out). */
  customSchemaFiles: readonly ProjectFile[];
  /**
   * Read-only access to the files around a Compose file (its overrides, `include:`d files, `.env`,
   * `env_file`s, build contexts and Dockerfiles) or a Dockerfile (its build context), limited by the front to the workspace folder or
   * repository holding it and to small files; answers are cached and dropped on file events.
   */
  files?: ProjectFileReader;
}

/** What the engine may ask about the project's files (see `ProjectFacts.files`). */
export interface ProjectFileReader {
  /** Text of a file (undefined when missing, outside the project, too big or unreadable). */
  readText(absolutePath: string): string | undefined;
  /** A file, a folder, nothing there (`missing`), or unknown: outside the project, where nothing is asked. */
  kindOf(absolutePath: string): 'file' | 'directory' | 'missing' | undefined;
}

export const noProjectFacts: ProjectFacts = { customSchemaFiles: [] };

/** Everything a feature needs besides the parsed document and a position. */
export interface FeatureContext {
  lang: DocsLanguage;
  settings: StevedoreSettings;
  /** The document's file path when it has one (file: URIs, CLI paths): ignore paths and messages use it. */
  filePath?: string;
  /** The project's config and ignore files that apply to this document (absent: none). */
  project?: ProjectFacts;
  /** Cross-document state a language keeps (e.g. the Kubernetes workspace index); opaque here. */
  workspace?: unknown;
}

export type PrepareRenameResult = Range | { range: Range; placeholder: string } | null;

/**
 * What the engine recognised in a document, in a line for the editor's language status
 * ("Dockerfile · 3 stages", "Kubernetes 1.36 · Deployment, Service") and a longer detail.
 * `language` says which engine answered; `other` is a YAML file with no Kubernetes object.
 */
export interface DocumentSummary {
  language: 'dockerfile' | 'kubernetes' | 'compose' | 'other';
  text: string;
  detail: string;
  /** A language the document seems to be written in, which the editor may offer to switch to (a Compose file under another name). */
  suggestedLanguage?: 'dockercompose';
}

/**
 * A language's features as pure functions over its parsed model `M`. Each language implements the
 * ones it has; the LSP adapter, the CLI and the tests call the same functions.
 */
export interface LanguageService<M> {
  parse(document: TextDocument): M;
  hover?(model: M, position: Position, ctx: FeatureContext): Hover | null;
  complete?(model: M, position: Position, ctx: FeatureContext): CompletionList | null;
  resolveCompletion?(item: CompletionItem, ctx: FeatureContext): CompletionItem;
  signatureHelp?(model: M, position: Position, ctx: FeatureContext): SignatureHelp | null;
  diagnose?(model: M, ctx: FeatureContext): Diagnostic[];
  /**
   * The same check as `diagnose`, in steps (same result when run to the end): the language server
   * runs a long check a slice at a time, answering other requests in between, and drops it when a
   * newer version of the document arrives.
   */
  diagnoseSteps?(model: M, ctx: FeatureContext): Generator<void, Diagnostic[], void>;
  codeActions?(model: M, range: Range, diagnostics: Diagnostic[], ctx: FeatureContext): CodeAction[];
  symbols?(model: M, ctx: FeatureContext): DocumentSymbol[];
  folding?(model: M, ctx: FeatureContext): FoldingRange[];
  definition?(model: M, position: Position, ctx: FeatureContext): Location[] | null;
  references?(model: M, position: Position, includeDeclaration: boolean, ctx: FeatureContext): Location[];
  highlights?(model: M, position: Position, ctx: FeatureContext): DocumentHighlight[];
  prepareRename?(model: M, position: Position, ctx: FeatureContext): PrepareRenameResult;
  rename?(model: M, position: Position, newName: string, ctx: FeatureContext): WorkspaceEdit | null;
  links?(model: M, ctx: FeatureContext): DocumentLink[];
  /** Encoded LSP semantic tokens (relative form) against `semanticTokenLegend`. */
  semanticTokens?(model: M, ctx: FeatureContext): number[];
  format?(model: M, options: FormattingOptions, ctx: FeatureContext): TextEdit[];
  formatRange?(model: M, range: Range, options: FormattingOptions, ctx: FeatureContext): TextEdit[];
  formatOnType?(model: M, position: Position, ch: string, options: FormattingOptions, ctx: FeatureContext): TextEdit[];
  /** What the document is, in the user's docs language (the editor's language status item). */
  summary?(model: M, ctx: FeatureContext): DocumentSummary;
  /**
   * The document is closed: let go of what `parse` keeps of it for the next version (an incremental
   * parse keeps the last tree of each file it saw). Without it a closed file's tree stays until 32
   * other files have been parsed.
   */
  forget?(uri: string): void;
}

/** One legend for both languages, sent once at initialize. Append only: indices are the wire format. */
export const semanticTokenLegend = {
  tokenTypes: ['keyword', 'parameter', 'variable', 'string', 'comment', 'operator', 'number', 'namespace', 'type', 'property', 'macro', 'enumMember', 'class', 'function'],
  tokenModifiers: ['declaration', 'definition', 'readonly', 'deprecated', 'documentation', 'defaultLibrary'],
};
