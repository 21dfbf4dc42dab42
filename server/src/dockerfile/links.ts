import type { DocumentLink, Range } from 'vscode-languageserver-types';
import { pick, type Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import { parseImageRef } from './imageRef';
import type { DockerfileModel } from './model';
import { comparePositions, resolveVariableAt, semanticsOf } from './semantic';

/**
 * Links from `FROM <image>` to the image's page on its registry. The URLs are built from the
 * reference alone: nothing is fetched, and a registry without a known web page gets no link.
 */

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

/** The registry web page of an image reference; undefined for unknown registries and malformed references. */
export function imagePageUrl(image: string): { url: string; registry: string; repository: string } | undefined {
  if (image.length > 512 || image.includes('$')) return undefined;
  const ref = parseImageRef(image);
  if (!ref || !repositoryPattern.test(ref.effectiveRepository)) return undefined;
  const page = pageByHost.get(ref.effectiveRegistry.toLowerCase());
  const url = page?.url(ref.effectiveRepository);
  return page && url ? { url, registry: page.name, repository: ref.isOfficialHubImage ? ref.repository : ref.effectiveRepository } : undefined;
}

/**
 * Links for base images (`FROM`), images copied from (`COPY --from=<image>`, mount `from=<image>`)
 * and the `# syntax=` frontend image. Stage names, stage indexes and `scratch` get none.
 */
export function dockerfileLinks(model: DockerfileModel, ctx: FeatureContext): DocumentLink[] {
  const links: DocumentLink[] = [];
  const add = (written: string | null, range: Range | null): void => {
    if (!written || !range || written.toLowerCase() === 'scratch') return;
    const image = written.includes('$') ? expandVariables(model, written, range.start) : written;
    const page = image && image.toLowerCase() !== 'scratch' ? imagePageUrl(image) : undefined;
    if (page) links.push({ range, target: page.url, tooltip: pick(tooltip, ctx.lang).replace('{image}', page.repository).replace('{registry}', page.registry) });
  };
  const syntax = model.ast.getDirectives().find((d) => d.getName().toLowerCase() === 'syntax');
  if (syntax) add(syntax.getValue(), syntax.getValueRange());
  const semantics = semanticsOf(model);
  for (const stage of semantics.stages) {
    if (!stage.baseStage) add(stage.baseImage, stage.baseImageRange);
  }
  for (const reference of semantics.stageReferences) {
    if (reference.kind !== 'from' && !reference.target && !/^\d+$/.test(reference.text)) add(reference.text, reference.range);
  }
  return links.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/**
 * Expands `$NAME`, `${NAME}` and `${NAME:-word}`/`${NAME:+word}` with the defaults the instruction
 * sees (global ARGs on a FROM line). Undefined when any variable stays unknown (the link would be a guess).
 */
function expandVariables(model: DockerfileModel, text: string, at: { line: number; character: number }): string | undefined {
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
