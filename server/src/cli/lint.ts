import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageKind } from '../common/fileKinds';
import type { DocsLanguage } from '../common/localized';
import type { PodSecuritySetting, RuleProfile } from '../common/settings';
import type { FeatureContext } from '../common/service';
import type { ManifestFile } from '../kubernetes/model';
import { WorkspaceIndex } from '../kubernetes/workspace';
import { imageGraphOf } from '../common/imageGraph';
import { feedDockerfileLazily, feedImageGraph, feedsImageGraph } from '../imageGraphFeed';
import { languageServices } from '../services';
import { isDockerfileName } from '../common/fileKinds';
import type { ProjectConfig } from '../config/projectConfig';
import { stampVersion } from '../common/codeActions';
import { fixUntilSettled, type FixSummary } from '../common/safeFixes';
import { cliIndexLimits, summarizeManifest, type ManifestSummary } from './sharedIndex';

/** A file about to be linted: its text is already read (from disk or stdin). */
export interface LintTarget {
  /** As shown to the user. */
  path: string;
  /** Absolute path used for config lookups; for stdin, where `--stdin-filename` puts it. */
  absolute: string;
  kind: LanguageKind;
  /** Without a byte order mark; `bom` says whether the file had one. */
  text: string;
  bom?: boolean;
}

export interface LintResult {
  target: LintTarget;
  diagnostics: Diagnostic[];
  /** After `--fix`: the text as written back, and which rules' fixes were applied. */
  fixedText?: string;
  fixed?: FixSummary;
}

/**
 * Memory the manifests' parses kept from `prepare` for `lint` may take, estimated with
 * `parseCost`. A lane whose manifests would take more keeps none and parses each again when it is
 * linted. Parsing twice costs time: on the bench's 10,000 small manifests (about 115 MB of parses)
 * keeping them took 8.1 s / 6.9 s wall (threads / one thread) at 382 MB peak RSS, re-parsing them
 * 10.6 s / 10.7 s at 327 MB. A CI job minds the minutes more than 55 MB, so the limit sits well
 * above that tree and only far bigger ones (or huge files) trade time for memory. All or none: V8
 * sizes the heap from what is live at a full collection, and keeping part of the parses raised the
 * peak instead of lowering it.
 */
export const keptParseBudget = 256 * 1024 * 1024;

/** A manifest's parse in memory, roughly: a fixed share per file (document, schema, text document) and per character. */
export function parseCost(text: string): number {
  return 8 * 1024 + 10 * text.length;
}

export interface LinterOptions {
  lang?: DocsLanguage;
  fallbackLang: DocsLanguage;
  profile?: RuleProfile;
  podSecurity?: PodSecuritySetting;
  /** Keep each manifest's parse from `prepare` for `lint` (default); else parse it again there. */
  keepParses?: boolean;
}

/**
 * Runs the editor's engine over files with the editor's configuration sources. Kubernetes files
 * are indexed first (`prepare`) so cross-file checks (a Service selecting nothing, a missing
 * ConfigMap) see the whole tree, as they do in the editor's workspace.
 */
export class Linter {
  readonly index = new WorkspaceIndex(cliIndexLimits);
  private readonly models = new Map<string, unknown>();
  /** Manifests indexed by `prepare` whose parse was not kept. */
  private readonly indexedOnly = new Set<string>();
  /**
   * Each file's URI, worked out once: a file is named by URI when it is summarised, parsed, linted and
   * fed to the image graph, and `pathToFileURL` (percent-encoding, a URL object) cost a lane ~50 ms
   * of CPU over the corpus when it ran three or four times per file.
   */
  private readonly uris = new Map<string, string>();

  constructor(private readonly project: ProjectConfig, private readonly options: LinterOptions) {}

  /** The `file:` URI of an absolute path, as `pathToFileURL` writes it. */
  uriOf(absolute: string): string {
    let uri = this.uris.get(absolute);
    if (uri === undefined) this.uris.set(absolute, uri = pathToFileURL(absolute).href);
    return uri;
  }

  /** Message language for a file: `--lang`, else the nearest config's `docs.language`, else the locale. */
  languageFor(absolute: string): DocsLanguage {
    if (this.options.lang) return this.options.lang;
    const configured = this.project.stevedoreConfigFor(dirname(absolute))?.language;
    return configured && configured !== 'auto' ? configured : this.options.fallbackLang;
  }

  private contextFor(target: LintTarget): FeatureContext {
    const configured = this.project.settingsFor(target.absolute);
    // `--profile` is the command line's own layer, over whatever the project file says.
    const profile = this.options.profile;
    const withProfile = profile && profile !== configured.profile ? { ...configured, profile } : configured;
    // `--pod-security` likewise, over the project's `kubernetes.podSecurity`.
    const podSecurity = this.options.podSecurity;
    const settings = podSecurity && podSecurity !== withProfile.kubernetes.podSecurity ? { ...withProfile, kubernetes: { ...withProfile.kubernetes, podSecurity } } : withProfile;
    return {
      lang: this.languageFor(target.absolute),
      settings,
      filePath: target.absolute,
      project: this.project.factsFor(target.absolute, settings, target.kind),
      workspace: this.index,
    };
  }

  /** Parses a text of the target; a manifest's parse goes into the workspace index unless `index` is false (its text is indexed already). */
  private parse(target: LintTarget, text: string, version = 1, index = true): unknown {
    const uri = this.uriOf(target.absolute);
    const model = languageServices[target.kind].parse(TextDocument.create(uri, target.kind, version, text));
    if (target.kind === 'yaml' && index) this.index.updateFile(uri, model as ManifestFile);
    return model;
  }

  /**
   * Call for every file before `lint`. A manifest is parsed and its objects go into the workspace
   * index; its parse is kept for `lint` unless `keepParses` is false. Compose,
   * skaffold and kustomize files feed the image graph, when `feedsGraph` (only manifests' checks
   * read it). A Dockerfile joins the graph in `lint`: lint Dockerfiles before the manifests that
   * read them (the graph keeps the first ones when it is full).
   */
  prepare(target: LintTarget, feedsGraph = true): void {
    if (feedsGraph && target.kind !== 'dockerfile') this.feedGraph(target);
    if (target.kind !== 'yaml') return;
    const model = this.parse(target, target.text);
    if (this.options.keepParses === false) this.indexedOnly.add(target.absolute);
    else this.models.set(target.absolute, model);
  }

  /**
   * A manifest parsed for a lane that shares its index with other lanes (lane.ts `lintSharedLane`):
   * not indexed now (every lane puts all the summaries into its index later, in discovery order),
   * its parse kept for `lint` as `prepare` keeps it. Returns what the file gives the index.
   */
  summarize(target: LintTarget): ManifestSummary | undefined {
    const model = this.parse(target, target.text, 1, false) as ManifestFile;
    if (this.options.keepParses === false) this.indexedOnly.add(target.absolute);
    else this.models.set(target.absolute, model);
    return summarizeManifest(this.uriOf(target.absolute), model);
  }

  /**
   * Dockerfiles and Compose / skaffold / kustomize files also feed the image graph (which
   * Dockerfile builds which image) that the manifests' checks read. A Dockerfile's facts are read
   * only if a manifest's check asks about it (most are never asked about); the answers are the same.
   */
  feedGraph(target: Pick<LintTarget, 'absolute' | 'text'>, dockerfile = false): void {
    const name = target.absolute.slice(Math.max(target.absolute.lastIndexOf('/'), target.absolute.lastIndexOf('\\')) + 1);
    if (!feedsImageGraph(name)) return;
    const uri = this.uriOf(target.absolute);
    if (dockerfile || isDockerfileName(name)) feedDockerfileLazily(imageGraphOf(this.index)!, uri, target.text);
    else feedImageGraph(imageGraphOf(this.index)!, uri, target.text);
  }

  /** A file another lane lints, for this lane's image graph only. */
  feedGraphOnly(target: Pick<LintTarget, 'absolute' | 'text'>): void {
    this.feedGraph(target);
  }

  private diagnose(target: LintTarget, model: unknown, ctx: FeatureContext): Diagnostic[] {
    const diagnostics = languageServices[target.kind].diagnose?.(model, ctx) ?? [];
    return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  /** Lints a file; with `feedsGraph`, a Dockerfile (its text before any fix) also goes into the image graph. */
  lint(target: LintTarget, fix = false, feedsGraph = false): LintResult {
    const ctx = this.contextFor(target);
    // A manifest whose parse was not kept is indexed already: parse it again, leaving the index be
    // (updating it would drop the index's lookup tables for every file).
    let model = this.models.get(target.absolute) ?? this.parse(target, target.text, 1, !this.indexedOnly.delete(target.absolute));
    this.models.delete(target.absolute);
    if (feedsGraph && target.kind === 'dockerfile') this.feedGraph(target, true);
    const diagnostics = this.diagnose(target, model, ctx);
    if (!fix) return { target, diagnostics };
    // Each pass fixes the text it just checked: the diagnostics carry that text's version, and
    // fixUntilSettled never applies edits stamped with another one.
    const documentOf = (m: unknown) => (m as { document: TextDocument }).document;
    const { final, applied } = fixUntilSettled({ document: documentOf(model), diagnostics: stampVersion(diagnostics, documentOf(model).version) }, (text, version) => {
      model = this.parse(target, text, version);
      const document = documentOf(model);
      return { document, diagnostics: stampVersion(this.diagnose(target, model, ctx), document.version) };
    });
    return { target, diagnostics: final.diagnostics, fixedText: final.document.getText(), fixed: applied };
  }
}
