import { pathToFileURL } from 'node:url';
import type { Location, Position } from 'vscode-languageserver-types';
import { imageGraphOf, type EvidenceKind, type ImageEdge } from '../common/imageGraph';
import { resolveUri } from '../common/imageEvidence';
import type { Localized } from '../common/localized';
import type { FeatureContext } from '../common/service';
import type { ManifestFile } from './model';
import { objectsOf, type ContainerFacts } from './objects';
import { asWorkspaceIndex } from './workspace';

/**
 * A Kubernetes container's image → the Dockerfile that builds it (common/imageGraph.ts), for the
 * edge rules (rules/imageEdges.ts), go-to-definition and hover on `image:`.
 */

function folderUri(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/** `stevedore.images` with its paths as URIs: relative to the manifest's workspace folder, else to the manifest's folder. */
function settingImages(ctx: FeatureContext, manifestUri: string): Record<string, string> {
  const configured = ctx.settings.images ?? {};
  const entries = Object.entries(configured).filter(([, path]) => typeof path === 'string' && path !== '');
  if (entries.length === 0) return {};
  const roots = (asWorkspaceIndex(ctx.workspace)?.roots ?? []).map((root) => folderUri(`${pathToFileURL(root).toString()}/`));
  const base = roots.find((root) => manifestUri.startsWith(root)) ?? folderUri(manifestUri);
  return Object.fromEntries(entries.map(([image, path]) => [image, resolveUri(base, path)]));
}

/**
 * A context may answer "is there any Dockerfile to link to?" itself, under this key: a document's
 * check (documentFindings.ts) then depends on that answer alone while it is no, instead of on the
 * whole workspace.
 */
export const dockerfileEntriesProbe = Symbol('dockerfileEntriesProbe');

type ProbedContext = FeatureContext & { [dockerfileEntriesProbe]?: () => boolean };

/** The edge for an image a manifest names, or undefined when no evidence links it to a Dockerfile. */
export function edgeForImage(image: string | undefined, ctx: FeatureContext, manifestUri: string): ImageEdge | undefined {
  if (!image) return undefined;
  const probe = (ctx as ProbedContext)[dockerfileEntriesProbe];
  if (probe && !probe()) return undefined;
  const graph = imageGraphOf(ctx.workspace);
  if (!graph || !graph.hasDockerfileEntries) return undefined;
  return graph.edgeFor(image, { settingImages: settingImages(ctx, manifestUri), settingsSource: 'stevedore.images' });
}

/** The container whose `image:` value is under the cursor. */
export function containerWithImageAt(file: ManifestFile, position: Position): ContainerFacts | undefined {
  const offset = file.document.offsetAt(position);
  for (const object of objectsOf(file)) {
    for (const container of object.workload?.containers ?? []) {
      const range = container.imageNode?.range;
      if (range && offset >= range[0] && offset <= range[1]) return container;
    }
  }
  return undefined;
}

export function imageDefinition(file: ManifestFile, position: Position, ctx: FeatureContext): Location[] | null {
  const container = containerWithImageAt(file, position);
  const edge = edgeForImage(container?.image, ctx, file.document.uri);
  return edge ? [{ uri: edge.dockerfileUri, range: edge.facts.fromRange }] : null;
}

export const evidenceWords: Record<EvidenceKind, Localized> = {
  compose: { en: 'a Compose service builds it', zh: 'Compose 服务构建了它' },
  skaffold: { en: 'a skaffold artifact builds it', zh: 'skaffold 构建产物' },
  tilt: { en: 'a Tiltfile `docker_build` builds it', zh: 'Tiltfile 的 `docker_build` 构建了它' },
  setting: { en: 'the `stevedore.images` setting says so', zh: '由 `stevedore.images` 设置指定' },
  kustomize: { en: 'a kustomization renames it', zh: 'kustomization 对它做了改名' },
  'folder-name': { en: 'guessed: the image is named like the Dockerfile\'s folder', zh: '推测：镜像名与 Dockerfile 所在文件夹同名' },
};

function relativeName(uri: string, from: string): string {
  const a = uri.split('/');
  const b = folderUri(from).split('/').slice(0, -1);
  let i = 0;
  while (i < a.length - 1 && i < b.length && a[i] === b[i]) i++;
  return decodeURIComponent([...b.slice(i).map(() => '..'), ...a.slice(i)].join('/'));
}

/** Markdown: the Dockerfile's summary and the evidence of the edge. */
export function renderEdge(edge: ImageEdge, lang: 'en' | 'zh-cn', manifestUri: string): string {
  const zh = lang === 'zh-cn';
  const t = (words: Localized): string => (zh ? words.zh : words.en);
  const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';
  const facts = edge.facts;
  const command = (c: ImageEdge['facts']['cmd']): string => (c ? `${code(c.form === 'exec' ? JSON.stringify(c.words) : c.words[0])} (${c.form})` : '—');
  const rows: [Localized, string][] = [
    [{ en: 'Base image', zh: '基础镜像' }, facts.baseImage ? code(facts.baseImage) : code('scratch')],
    [{ en: 'USER', zh: 'USER' }, facts.user ? code(facts.user) : t({ en: 'not set (root unless the base image sets one)', zh: '未设置（除非基础镜像另有设置，否则为 root）' })],
    [{ en: 'EXPOSE', zh: 'EXPOSE' }, facts.exposed.length ? facts.exposed.map((p) => code(`${p.port}/${p.protocol}`)).join(', ') : '—'],
    [{ en: 'ENTRYPOINT', zh: 'ENTRYPOINT' }, command(facts.entrypoint)],
    [{ en: 'CMD', zh: 'CMD' }, command(facts.cmd)],
    [{ en: 'HEALTHCHECK', zh: 'HEALTHCHECK' }, facts.healthcheck ? code(facts.healthcheck.command) : '—'],
  ];
  const strength = edge.strength === 'strong' ? t({ en: 'certain', zh: '确定' }) : t({ en: 'a guess', zh: '推测' });
  const evidence = edge.evidence.map((e) => `- ${t(evidenceWords[e.kind])}: ${code(e.detail)}${e.sourceUri.startsWith('file:') ? ` (${code(relativeName(e.sourceUri, manifestUri))})` : ''}`);
  return [
    `**${t({ en: 'Built from', zh: '构建自' })}** ${code(relativeName(edge.dockerfileUri, manifestUri))}`,
    '',
    '| | |', '|---|---|',
    ...rows.map(([label, value]) => `| ${t(label)} | ${value} |`),
    '',
    `${t({ en: 'Evidence', zh: '依据' })} (${strength}):`,
    ...evidence,
  ].join('\n');
}

/** The hover text with the Dockerfile's summary added below it when the cursor is on a linked `image:`. */
export function withImageEdge(text: string | undefined, file: ManifestFile, position: Position, ctx: FeatureContext): string | undefined {
  const edge = imageEdgeHover(file, position, ctx);
  if (!edge) return text;
  return text ? `${text}\n\n---\n\n${edge}` : edge;
}

/** Hover on a container's `image:` linked to a Dockerfile. */
export function imageEdgeHover(file: ManifestFile, position: Position, ctx: FeatureContext): string | undefined {
  const container = containerWithImageAt(file, position);
  const edge = edgeForImage(container?.image, ctx, file.document.uri);
  return edge ? renderEdge(edge, ctx.lang === 'zh-cn' ? 'zh-cn' : 'en', file.document.uri) : undefined;
}
