/**
 * Which files are Dockerfiles: the same patterns the extension contributes for the `dockerfile`
 * language, used where there is no editor to say (the CLI, a stdio client that sends another id).
 */
const dockerfileNamePatterns: RegExp[] = [
  /^(Dockerfile|Containerfile)$/i,
  /^(Dockerfile|Containerfile)\..+$/i,
  /^.+\.(dockerfile|containerfile)$/i,
  /^.+Dockerfile$/, // CentosDockerfile, as used with `docker build -f CentosDockerfile`
];

export function isDockerfileName(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  // Dockerfile.dockerignore and friends are the build context's ignore files, not Dockerfiles.
  if (/\.dockerignore$/i.test(base)) return false;
  return dockerfileNamePatterns.some((re) => re.test(base));
}

export function isYamlName(fileName: string): boolean {
  return /\.ya?ml$/i.test(fileName);
}

export type LanguageKind = 'dockerfile' | 'yaml';

/** Picks the engine for a document from the editor's language id, falling back to its name. */
export function languageKindOf(languageId: string | undefined, uriOrPath: string): LanguageKind | undefined {
  const id = (languageId ?? '').toLowerCase();
  if (id === 'dockerfile' || id === 'containerfile') return 'dockerfile';
  if (id === 'yaml' || id === 'kubernetes' || id === 'helm') return 'yaml';
  const path = decodeURIComponent(uriOrPath.replace(/[?#].*$/, ''));
  if (isDockerfileName(path)) return 'dockerfile';
  if (isYamlName(path)) return 'yaml';
  return undefined;
}
