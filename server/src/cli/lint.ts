import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../common/localized';
import type { StevedoreSettings } from '../common/settings';
import { languageServices } from '../services';
import { diskWorkspaceFiles } from '../lsp/workspaceFiles';
import type { FoundFile } from './discover';

export interface FileResult {
  path: string;
  kind: FoundFile['kind'];
  text: string;
  diagnostics: Diagnostic[];
}

/** Runs the same engine the editor runs over one file. */
export function lintText(file: FoundFile, text: string, settings: StevedoreSettings, lang: DocsLanguage): FileResult {
  const absolute = resolve(file.path);
  const service = languageServices[file.kind];
  const document = TextDocument.create(pathToFileURL(absolute).href, file.kind, 1, text);
  const model = service.parse(document);
  const diagnostics = service.diagnose?.(model, { lang, settings, filePath: absolute, files: diskWorkspaceFiles }) ?? [];
  return { path: file.path, kind: file.kind, text, diagnostics };
}

export function lintFile(file: FoundFile, settings: StevedoreSettings, lang: DocsLanguage): FileResult {
  return lintText(file, readFileSync(file.path, 'utf8'), settings, lang);
}
