/**
 * Images the workspace knows about (container images of the manifests, base images of the
 * Dockerfiles), offered for `image:` in Kubernetes manifests and Compose files. The Kubernetes
 * workspace index (`ctx.workspace`, kept by the language server) provides them when it implements
 * `knownImages`; the engine sees it as opaque, so every access here is defensive.
 */
export interface ImageCatalog {
  knownImages(): Iterable<string>;
}

/** The workspace index's objects, as far as image completion needs them (see kubernetes/workspace.ts). */
interface IndexedObjects {
  version?: number;
  all(): Iterable<{ images?: readonly string[] }>;
}

const workspaceImageCache = new WeakMap<object, { version: number | undefined; images: string[] }>();

/** Images from `ctx.workspace`: its `knownImages()` when it has one, else the images of its indexed objects. */
export function workspaceImages(workspace: unknown): Iterable<string> {
  if (typeof workspace !== 'object' || workspace === null) return [];
  const catalog = workspace as Partial<ImageCatalog>;
  if (typeof catalog.knownImages === 'function') return catalog.knownImages();
  const index = workspace as Partial<IndexedObjects>;
  if (typeof index.all !== 'function') return [];
  const cached = workspaceImageCache.get(workspace);
  if (cached && cached.version !== undefined && cached.version === index.version) return cached.images;
  const images = new Set<string>();
  let seen = 0;
  for (const object of index.all()) {
    if (++seen > 20_000 || images.size >= 500) break;
    for (const image of object.images ?? []) images.add(image);
  }
  const list = [...images].sort();
  workspaceImageCache.set(workspace, { version: index.version, images: list });
  return list;
}
