import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocsLanguage } from '../../server/src/common/localized';
import { noWorkspaceFiles, type FeatureContext, type WorkspaceFiles } from '../../server/src/common/service';
import { normalizeSettings } from '../../server/src/common/settings';
import { parseDockerfile, type DockerfileModel } from '../../server/src/dockerfile/model';
import { parseManifestFile, type ManifestFile } from '../../server/src/kubernetes/model';

export function contextFor(lang: DocsLanguage = 'en', overrides: { settings?: unknown; files?: WorkspaceFiles; filePath?: string } = {}): FeatureContext {
  return { lang, settings: normalizeSettings(overrides.settings), files: overrides.files ?? noWorkspaceFiles, filePath: overrides.filePath };
}

export function dockerfile(text: string, uri = 'file:///work/Dockerfile'): DockerfileModel {
  return parseDockerfile(TextDocument.create(uri, 'dockerfile', 1, text));
}

export function manifest(text: string, uri = 'file:///work/app.yaml'): ManifestFile {
  return parseManifestFile(TextDocument.create(uri, 'yaml', 1, text));
}
