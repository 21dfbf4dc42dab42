import type { DocumentLink } from 'vscode-languageserver-types';
import { pick, type Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import type { DockerfileModel } from './model';
import { resolveVariableAt, semanticsOf } from './semantic';

/**
 * Links from `FROM <image>` to the image's page on its registry. The URLs are built from the
 * reference alone: nothing is fetched, and a registry without a known web page gets no link.
 */

export interface ImageReference {
  /** Registry host, `docker.io` when the reference names none. */
  registry: string;
  /** Repository path without registry, tag or digest, e.g. `library/alpine`, `bitnami/redis`. */
  repository: string;
  tag?: string;
  digest?: string;
}

interface RegistryPage {
  hosts: readonly string[];
  url(repository: string): string | undefined;
  name: string;
}

/** Registries with a public web page per repository. Order does not matter; hosts are unique. */
const registryPages: readonly RegistryPage[] = [
  {
    hosts: ['docker.io', 'index.docker.io', 'registry-1.docker.io'],
    name: 'Docker Hub',
    url: (repo) => repo.startsWith('library/') && repo.split('/').length === 2
      ? `https://hub.docker.com/_/${repo.slice('library/'.length)}`
      : `https://hub.docker.com/r/${repo}`,
  },
  // ghcr.io answers browsers with a redirect to the package's GitHub page.
  { hosts: ['ghcr.io'], name: 'GitHub Container Registry', url: (repo) => (repo.includes('/') ? `https://ghcr.io/${repo}` : undefined) },
  { hosts: ['mcr.microsoft.com'], name: 'Microsoft Artifact Registry', url: (repo) => `https://mcr.microsoft.com/artifact/mar/${repo}` },
  { hosts: ['quay.io'], name: 'Quay', url: (repo) => (repo.includes('/') ? `https://quay.io/repository/${repo}` : undefined) },
  { hosts: ['public.ecr.aws'], name: 'Amazon ECR Public Gallery', url: (repo) => (repo.includes('/') ? `https://gallery.ecr.aws/${repo}` : undefined) },
];

const pageByHost = new Map<string, RegistryPage>(registryPages.flatMap((page) => page.hosts.map((host) => [host, page] as const)));

const tooltip: Localized = { en: 'Open {image} on {registry}', zh: '在 {registry} 上打开 {image}' };

/** Repository path segments: lower-case letters, digits and the separators the distribution spec allows. */
const repositoryPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** Splits `registry/repo:tag@digest`; undefined when it is not a well-formed reference. */
export function parseImageReference(text: string): ImageReference | undefined {
  if (!text || text.length > 512 || /[\s$]/.test(text)) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first.toLowerCase() : 'docker.io';
  let repository = hasRegistry ? rest.slice(slash + 1) : rest;
  if (registry === 'docker.io' || pageByHost.get(registry)?.hosts.includes('docker.io')) {
    if (!repository.includes('/')) repository = `library/${repository}`;
  }
  if (!repositoryPattern.test(repository)) return undefined;
  return { registry, repository, tag, digest };
}

export function imagePageUrl(reference: ImageReference): string | undefined {
  return pageByHost.get(reference.registry)?.url(reference.repository);
}

export function dockerfileLinks(model: DockerfileModel, ctx: FeatureContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const stage of semanticsOf(model).stages) {
    const { baseImage, baseImageRange } = stage;
    if (!baseImage || !baseImageRange || stage.baseStage || baseImage.toLowerCase() === 'scratch') continue;
    const image = baseImage.includes('$') ? expandGlobals(model, baseImage, baseImageRange.start) : baseImage;
    if (!image || image.toLowerCase() === 'scratch') continue;
    const reference = parseImageReference(image);
    const url = reference && imagePageUrl(reference);
    if (!reference || !url) continue;
    const registry = pageByHost.get(reference.registry)!.name;
    const shown = reference.repository.replace(/^library\//, '');
    links.push({ range: baseImageRange, target: url, tooltip: pick(tooltip, ctx.lang).replace('{image}', shown).replace('{registry}', registry) });
  }
  return links;
}

/**
 * Expands `$NAME`, `${NAME}` and `${NAME:-word}`/`${NAME:+word}` with the global ARG defaults a FROM
 * line sees. Undefined when any variable stays unknown (the link would be a guess).
 */
function expandGlobals(model: DockerfileModel, text: string, at: { line: number; character: number }): string | undefined {
  let unresolved = false;
  const expanded = text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}$]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_match, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const value = resolveVariableAt(model, name, at)?.value ?? undefined;
    const isSet = value !== undefined && (op?.startsWith(':') ? value !== '' : true);
    if (op?.endsWith('-')) return isSet ? value! : word ?? '';
    if (op?.endsWith('+')) return isSet ? word ?? '' : '';
    if (value === undefined) unresolved = true;
    return value ?? '';
  });
  return unresolved || expanded.includes('$') ? undefined : expanded;
}
