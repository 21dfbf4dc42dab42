import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocsLanguage } from '../../server/src/common/localized';
import { noProjectFacts, type FeatureContext, type WorkspaceFiles } from '../../server/src/common/service';
import { normalizeSettings } from '../../server/src/common/settings';
import { CachedFiles } from '../../server/src/config/cachedFiles';
import { ProjectConfig } from '../../server/src/config/projectConfig';
import { parseDockerfile, type DockerfileModel } from '../../server/src/dockerfile/model';
import { parseManifestFile, type ManifestFile } from '../../server/src/kubernetes/model';

export interface ContextOptions {
  /** The editor's settings (over the project's `.stevedore.yaml` when `files` has one). */
  settings?: unknown;
  /** The project's files, in memory: config and ignore files are found through the fronts' loader. */
  files?: WorkspaceFiles;
  filePath?: string;
  /** Workspace folders (config searches stop there; relative settings paths resolve against them). Default: `/work`, where the helpers' documents live. */
  roots?: string[];
}

/**
 * A feature context as the fronts build it: with `files`, the project's config files are resolved
 * by the same ProjectConfig the language server and the command line use.
 */
export function contextFor(lang: DocsLanguage = 'en', overrides: ContextOptions = {}): FeatureContext {
  const editor = normalizeSettings(overrides.settings);
  if (!overrides.files) return { lang, settings: editor, filePath: overrides.filePath, project: noProjectFacts };
  const files = overrides.files;
  const project = new ProjectConfig(new CachedFiles((path) => files.readText(path)), { roots: overrides.roots ?? ['/work'] });
  const settings = project.settingsFor(overrides.filePath, editor);
  return { lang, settings, filePath: overrides.filePath, project: project.factsFor(overrides.filePath, settings, undefined) };
}

export function dockerfile(text: string, uri = 'file:///work/Dockerfile'): DockerfileModel {
  return parseDockerfile(TextDocument.create(uri, 'dockerfile', 1, text));
}

export function manifest(text: string, uri = 'file:///work/app.yaml'): ManifestFile {
  return parseManifestFile(TextDocument.create(uri, 'yaml', 1, text));
}
