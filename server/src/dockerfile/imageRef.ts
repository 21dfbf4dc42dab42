import type { DocsLanguage } from '../common/localized';

/**
 * An image reference split the way Docker resolves it: `[registry/][namespace/]name[:tag][@digest]`.
 * Docker Hub is the registry when the first component does not look like a host, and official
 * images live under `library/`.
 */
export interface ImageRef {
  readonly original: string;
  /** As written, or undefined when Docker Hub is implied. */
  readonly registry?: string;
  /** The registry that will be contacted (`docker.io` when implied). */
  readonly effectiveRegistry: string;
  /** The repository path as written (`alpine`, `bitnami/redis`). */
  readonly repository: string;
  /** The repository path on the registry (`library/alpine` for Docker Hub official images). */
  readonly effectiveRepository: string;
  readonly tag?: string;
  readonly digest?: string;
  /** The fully qualified reference (`docker.io/library/alpine:latest`). */
  readonly canonical: string;
  readonly implicitLatest: boolean;
  readonly isOfficialHubImage: boolean;
}

const hubHosts = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

function looksLikeRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

export function parseImageRef(reference: string): ImageRef | undefined {
  const original = reference.trim();
  if (!original || /\s/.test(original)) return undefined;
  let rest = original;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0 && looksLikeRegistry(rest.slice(0, slash))) {
    registry = rest.slice(0, slash);
    rest = rest.slice(slash + 1);
  }
  let tag: string | undefined;
  // A colon after the last slash starts the tag (a colon before it belongs to a registry port).
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest) return undefined;
  const onHub = registry === undefined || hubHosts.has(registry.toLowerCase());
  const effectiveRegistry = onHub ? 'docker.io' : registry!;
  const isOfficialHubImage = onHub && !rest.includes('/');
  const effectiveRepository = isOfficialHubImage ? `library/${rest}` : rest;
  const implicitLatest = tag === undefined && digest === undefined;
  const canonical = `${effectiveRegistry}/${effectiveRepository}${tag !== undefined ? `:${tag}` : implicitLatest ? ':latest' : ''}${digest !== undefined ? `@${digest}` : ''}`;
  return { original, registry, effectiveRegistry, repository: rest, effectiveRepository, tag, digest, canonical, implicitLatest, isOfficialHubImage };
}

const words = {
  title: { en: 'Image reference', zh: '镜像引用' },
  registry: { en: 'Registry', zh: '镜像仓库服务' },
  repository: { en: 'Repository', zh: '仓库' },
  tag: { en: 'Tag', zh: '标签' },
  digest: { en: 'Digest', zh: '摘要' },
  resolved: { en: 'Resolves to', zh: '完整引用' },
  none: { en: '—', zh: '—' },
  hubDefault: { en: 'Docker Hub, implied when the first path component is not a host name', zh: 'Docker Hub；当第一段路径不是主机名时默认使用' },
  library: { en: 'official images live under `library/` on Docker Hub', zh: 'Docker Hub 的官方镜像位于 `library/` 下' },
  latest: { en: '`latest` is implied: the image can change under you, pin a version', zh: '默认为 `latest`：镜像可能在你不知情时改变，请固定版本' },
  digestWins: { en: 'with a digest, the tag is informative only: the digest decides what is pulled', zh: '写了摘要时，标签只起说明作用：实际拉取的内容由摘要决定' },
  pinned: { en: 'pinned by content: the same bytes every build', zh: '按内容固定：每次构建拉取的内容完全相同' },
  variables: { en: 'Contains build variables; shown with their default values.', zh: '包含构建变量；以下按其默认值展示。' },
};

/** Markdown explaining an image reference part by part. */
export function renderImageRef(ref: ImageRef, lang: DocsLanguage, resolvedFrom?: string): string {
  const t = (key: keyof typeof words): string => (lang === 'zh-cn' ? words[key].zh : words[key].en);
  const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';
  const [open, close, colon] = lang === 'zh-cn' ? ['（', '）', '：'] : [' (', ')', ': '];
  const note = (text: string): string => `${open}${text}${close}`;
  const rows: string[] = [];
  rows.push(`| ${t('registry')} | ${ref.registry ? code(ref.registry) : `${code('docker.io')}${note(t('hubDefault'))}`} |`);
  rows.push(`| ${t('repository')} | ${code(ref.effectiveRepository)}${ref.isOfficialHubImage ? note(t('library')) : ''} |`);
  rows.push(`| ${t('tag')} | ${ref.tag !== undefined ? code(ref.tag) : ref.implicitLatest ? `${code('latest')}${note(t('latest'))}` : t('none')} |`);
  rows.push(`| ${t('digest')} | ${ref.digest !== undefined ? `${code(ref.digest)}${note(ref.tag !== undefined ? t('digestWins') : t('pinned'))}` : t('none')} |`);
  const header = `**${t('title')}** ${code(resolvedFrom ?? ref.original)}`;
  const expanded = resolvedFrom !== undefined ? `\n\n${t('variables')} → ${code(ref.original)}` : '';
  return `${header}${expanded}\n\n| | |\n|---|---|\n${rows.join('\n')}\n\n${t('resolved')}${colon}${code(ref.canonical)}`;
}
