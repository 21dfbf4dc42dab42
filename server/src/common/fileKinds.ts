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

const contributedLanguages = packageJson.contributes.languages as LanguageContribution[];
const dockerfileLanguage = contributedLanguages.find((language) => language.id === 'dockerfile');

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

/**
 * Compose files by name: the `filenamePatterns` package.json contributes for `dockercompose`, the
 * language id VS Code's own YAML extension defines (with the YAML grammar) and Docker's extension
 * serves; ours adds no grammar, so users of both see one language and one colouring.
 */
const composeNamePatterns = (contributedLanguages.find((language) => language.id === 'dockercompose')?.filenamePatterns ?? []).map(globToRegExp);

export function isComposeName(fileName: string): boolean {
  const path = fileName.replace(/\\/g, '/');
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base !== '' && composeNamePatterns.some((re) => re.test(base));
}

/**
 * The `stevedore.compose.files` globs (a stack file named `stack.yml`, `deploy/*.yaml`): a pattern
 * without a slash matches the file name, one with a slash the end of the path (`**` crosses folders).
 */
export function matchesComposeGlobs(fileName: string, globs: readonly string[] | undefined): boolean {
  if (!globs || globs.length === 0) return false;
  const path = fileName.replace(/\\/g, '/');
  const base = path.slice(path.lastIndexOf('/') + 1);
  return globs.some((glob) => {
    if (typeof glob !== 'string' || glob.trim() === '') return false;
    const pattern = glob.trim().replace(/\\/g, '/');
    if (!pattern.includes('/')) return globToRegExp(pattern).test(base);
    return new RegExp(`(^|/)${globSource(pattern.replace(/^\*\*\//, ''), 'literal')}$`, 'i').test(path);
  });
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

/**
 * Which engine reads the document: `yaml` is the Kubernetes engine (YAML and JSON manifests),
 * `compose` the Compose engine (Compose files and Swarm stack files).
 */
export type LanguageKind = 'dockerfile' | 'yaml' | 'compose';

/**
 * Picks the engine for a document from the editor's language id, falling back to its name.
 * A Compose name (or a `stevedore.compose.files` glob, `composeGlobs`) wins over a plain `yaml`
 * id: editors without a Compose language send `yaml` for `compose.yaml`, which is never a manifest.
 */
export function languageKindOf(languageId: string | undefined, uriOrPath: string, composeGlobs?: readonly string[]): LanguageKind | undefined {
  const id = (languageId ?? '').toLowerCase();
  if (id === 'dockerfile' || id === 'containerfile') return 'dockerfile';
  if (id === 'dockercompose' || id === 'compose') return 'compose';
  const path = decodeURIComponent(uriOrPath.replace(/[?#].*$/, ''));
  const composeByName = isYamlName(path) && (isComposeName(path) || matchesComposeGlobs(path, composeGlobs));
  if (id === 'yaml' && composeByName) return 'compose';
  if (id === 'yaml' || id === 'kubernetes' || id === 'helm' || id === 'json') return 'yaml';
  if (isDockerfileName(path)) return 'dockerfile';
  if (composeByName) return 'compose';
  if (isYamlName(path) || isJsonName(path)) return 'yaml';
  return undefined;
}

/** Whether a document of the Kubernetes engine is JSON (no YAML-only rules, no YAML-shaped edits). */
export function isJsonDocument(languageId: string | undefined, uriOrPath: string): boolean {
  return (languageId ?? '').toLowerCase() === 'json' || isJsonName(uriOrPath.replace(/[?#].*$/, ''));
}
