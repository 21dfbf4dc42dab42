import packageJson from '../../../package.json';
import { globSource } from './globs';

/**
 * Which files are Dockerfiles: exactly the names the extension contributes for the `dockerfile`
 * language in package.json (`filenames`, `filenamePatterns`, `extensions`), compiled here for the
 * places with no editor to say (the CLI's walk, the workspace index, a stdio client that sends
 * another language id). One list: a name VS Code opens as a Dockerfile is one the CLI finds.
 */

interface LanguageContribution {
  id: string;
  filenames?: string[];
  filenamePatterns?: string[];
  extensions?: string[];
}

const dockerfileLanguage = (packageJson.contributes.languages as LanguageContribution[]).find((language) => language.id === 'dockerfile');

/** A VS Code file-name glob as a regular expression; like VS Code, names compare case-insensitively. */
function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${globSource(glob, 'literal')}$`, 'i');
}

const escapeName = (name: string): string => name.replace(/[*?[\]\\]/g, '\\$&');

const dockerfileGlobs: string[] = [
  ...(dockerfileLanguage?.filenames ?? []).map(escapeName),
  ...(dockerfileLanguage?.filenamePatterns ?? []),
  ...(dockerfileLanguage?.extensions ?? []).map((extension) => `*${escapeName(extension)}`),
];
const byName = dockerfileGlobs.filter((glob) => !glob.includes('/')).map(globToRegExp);
const byPath = dockerfileGlobs.filter((glob) => glob.includes('/')).map(globToRegExp);

export function isDockerfileName(fileName: string): boolean {
  const path = fileName.replace(/\\/g, '/');
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === '') return false;
  // `Dockerfile.dockerignore` and friends are the build context's ignore files, not Dockerfiles
  // (VS Code gives them their own language; `Dockerfile.*` would claim them here).
  if (/\.dockerignore$/i.test(base)) return false;
  return byName.some((re) => re.test(base)) || byPath.some((re) => re.test(path));
}

export function isYamlName(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}

/** JSON files can hold Kubernetes objects too (`kubectl get -o json`, generated manifests). */
export function isJsonName(fileName: string): boolean {
  return /\.json$/i.test(fileName);
}

/**
 * A cheap look at a JSON text before any parse: a Kubernetes object (or `List`) names both keys.
 * package.json, tsconfig.json and lock files fail it with two substring searches, however big.
 */
export function mightBeKubernetesJson(text: string): boolean {
  return text.includes('"apiVersion"') && text.includes('"kind"');
}

/** Which engine reads the document: `yaml` is the Kubernetes engine (YAML and JSON manifests). */
export type LanguageKind = 'dockerfile' | 'yaml';

/** Picks the engine for a document from the editor's language id, falling back to its name. */
export function languageKindOf(languageId: string | undefined, uriOrPath: string): LanguageKind | undefined {
  const id = (languageId ?? '').toLowerCase();
  if (id === 'dockerfile' || id === 'containerfile') return 'dockerfile';
  if (id === 'yaml' || id === 'kubernetes' || id === 'helm' || id === 'json') return 'yaml';
  const path = decodeURIComponent(uriOrPath.replace(/[?#].*$/, ''));
  if (isDockerfileName(path)) return 'dockerfile';
  if (isYamlName(path) || isJsonName(path)) return 'yaml';
  return undefined;
}

/** Whether a document of the Kubernetes engine is JSON (no YAML-only rules, no YAML-shaped edits). */
export function isJsonDocument(languageId: string | undefined, uriOrPath: string): boolean {
  return (languageId ?? '').toLowerCase() === 'json' || isJsonName(uriOrPath.replace(/[?#].*$/, ''));
}
