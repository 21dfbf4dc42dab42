import { LineCounter } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isJsonDocument, mightBeKubernetesJson } from '../common/fileKinds';
import type { LanguageService } from '../common/service';
import { codeActionsManifest } from './codeActions';
import { completeManifest } from './completion';
import { diagnoseManifest, diagnoseManifestSteps } from './diagnostics';
import { hoverManifest } from './hover';
import { forgetManifestParse, parseManifestIncremental } from './incrementalParse';
import type { ManifestFile } from './model';
import { definitionManifest, referencesManifest } from './navigation';
import { summarizeManifest } from './summary';

/**
 * JSON manifests (`kubectl get -o json`, generated files) go through the same engine: JSON is YAML
 * to the parser. What is YAML-specific stays off them: rules about YAML layout, and every edit (the
 * rules' fixes, completions and suppression comments are written as YAML and would break the JSON).
 */
const yamlOnlyRules = new Set(['yaml-tab-indent']);

function isJson(file: ManifestFile): boolean {
  return isJsonDocument(file.document.languageId, file.document.uri);
}

/**
 * Same result as model.ts's parseManifestFile, re-parsing only the `---` documents that changed.
 * JSON that names no Kubernetes object (package.json, a 5 MB lock file) is not parsed at all.
 */
function parseManifest(document: TextDocument): ManifestFile {
  if (isJsonDocument(document.languageId, document.uri) && !mightBeKubernetesJson(document.getText())) {
    return { document, lineCounter: new LineCounter(), documents: [], isKubernetes: false };
  }
  return parseManifestIncremental(document);
}

/** Findings on JSON: without YAML-only rules, and without fixes (their edits are YAML). */
function forJson(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .filter((diagnostic) => !yamlOnlyRules.has(String(diagnostic.code)))
    .map(({ data: _fixes, ...diagnostic }) => diagnostic);
}

/** The Kubernetes manifest service: each feature lives in its own module. */
export const kubernetesService: LanguageService<ManifestFile> = {
  parse: parseManifest,
  forget: forgetManifestParse,
  hover: hoverManifest,
  complete: (file, position, ctx) => (isJson(file) ? null : completeManifest(file, position, ctx)),
  diagnose: (file, ctx) => (isJson(file) ? forJson(diagnoseManifest(file, ctx)) : diagnoseManifest(file, ctx)),
  diagnoseSteps: function* (file, ctx) {
    const diagnostics = yield* diagnoseManifestSteps(file, ctx);
    return isJson(file) ? forJson(diagnostics) : diagnostics;
  },
  codeActions: (file, range, diagnostics, ctx) => (isJson(file) ? [] : codeActionsManifest(file, range, diagnostics, ctx)),
  definition: definitionManifest,
  references: referencesManifest,
  summary: summarizeManifest,
};
