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
import { feedImageGraph, feedsImageGraph } from '../imageGraphFeed';
import { languageServices } from '../services';
import type { ProjectConfig } from '../config/projectConfig';
import { stampVersion } from '../common/codeActions';
import { fixUntilSettled, type FixSummary } from '../common/safeFixes';

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
 * Runs the editor's engine over files with the editor's configuration sources. Kubernetes files
 * are indexed first (`prepare`) so cross-file checks (a Service selecting nothing, a missing
 * ConfigMap) see the whole tree, as they do in the editor's workspace.
 */
export class Linter {
  readonly index = new WorkspaceIndex({ maxFiles: 100_000, maxObjectsPerFile: 2000 });
  private readonly models = new Map<string, unknown>();

  constructor(private readonly project: ProjectConfig, private readonly options: { lang?: DocsLanguage; fallbackLang: DocsLanguage; profile?: RuleProfile; podSecurity?: PodSecuritySetting }) {}

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

  private parse(target: LintTarget, text: string, version = 1): unknown {
    const uri = pathToFileURL(target.absolute).href;
    const model = languageServices[target.kind].parse(TextDocument.create(uri, target.kind, version, text));
    if (target.kind === 'yaml') this.index.updateFile(uri, model as ManifestFile);
    return model;
  }

  /**
   * Parses a manifest and adds its objects to the workspace index; call for every file before
   * `lint`. The parse is kept for `lint`. Dockerfiles need no index: they are parsed when linted,
   * so their trees never pile up in memory.
   */
  prepare(target: LintTarget): void {
    this.feedGraph(target);
    if (target.kind !== 'yaml') return;
    this.models.set(target.absolute, this.parse(target, target.text));
  }

  /**
   * Dockerfiles and Compose / skaffold / kustomize files also feed the image graph (which
   * Dockerfile builds which image) that the manifests' checks read; a file linted in another
   * lane is given here for that alone.
   */
  feedGraph(target: Pick<LintTarget, 'absolute' | 'text'>): void {
    const name = target.absolute.slice(Math.max(target.absolute.lastIndexOf('/'), target.absolute.lastIndexOf('\\')) + 1);
    if (feedsImageGraph(name)) feedImageGraph(imageGraphOf(this.index)!, pathToFileURL(target.absolute).href, target.text);
  }

  private diagnose(target: LintTarget, model: unknown, ctx: FeatureContext): Diagnostic[] {
    const diagnostics = languageServices[target.kind].diagnose?.(model, ctx) ?? [];
    return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  lint(target: LintTarget, fix = false): LintResult {
    const ctx = this.contextFor(target);
    let model = this.models.get(target.absolute) ?? this.parse(target, target.text);
    this.models.delete(target.absolute);
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
