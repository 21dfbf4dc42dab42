import type { Location, Range } from 'vscode-languageserver-types';
import type { ImageFacts } from './imageFacts';

/**
 * Which Dockerfile builds which image, from evidence in the workspace (imageEvidence.ts reads it
 * from Compose, skaffold, Tilt and kustomize files), so Kubernetes checks can compare a container
 * with the image it runs. Pure and bounded like the workspace index that holds it: the fronts feed
 * it texts and Dockerfile facts; it keeps only small summaries.
 */

/**
 * How we know: `compose` (a service with both `build:` and `image:`), `skaffold`
 * (build.artifacts), `tilt` (docker_build), `setting` (`stevedore.images`), `folder-name` (the
 * image's last path segment is the folder of exactly one Dockerfile: a guess). A kustomize
 * `images:` rename adds a `kustomize` step in front of the edge it leads to.
 */
export type EvidenceKind = 'compose' | 'skaffold' | 'tilt' | 'setting' | 'kustomize' | 'folder-name';
export type EdgeStrength = 'strong' | 'weak';

export interface Evidence {
  kind: EvidenceKind;
  /** The file that says so (the settings for `setting`, the Dockerfile for `folder-name`). */
  sourceUri: string;
  /** What it says, for hovers: `web: build ./web, image acme/web`. */
  detail: string;
}

/** "This image is built from this Dockerfile", as one evidence file states it. */
export interface BuildClaim {
  image: string;
  dockerfileUri: string;
  evidence: Evidence;
}

/** A kustomization's `images:` entry: manifests naming `name` really deploy `newName`. */
export interface ImageRename {
  name: string;
  newName: string;
  sourceUri: string;
}

/** Where a file names an image it runs: a container's `image:` in a manifest, a Compose service's `image:`. */
export interface ImageUse {
  image: string;
  range: Range;
}

export interface ImageEdge {
  /** The image as the manifest names it. */
  image: string;
  dockerfileUri: string;
  facts: ImageFacts;
  /** Strongest first; a kustomize rename comes before the evidence it led to. */
  evidence: Evidence[];
  strength: EdgeStrength;
}

/** Registry hosts that all mean Docker Hub: the same images under different spellings. */
const hubHosts = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export interface ImageName {
  /** Registry and repository, lower-case, with Docker Hub's host and `library/` dropped. */
  repository: string;
  tag?: string;
  digest?: string;
}

/** `docker.io/library/nginx:1.27` → `{repository: 'nginx', tag: '1.27'}`; placeholders give undefined. */
export function imageName(reference: string): ImageName | undefined {
  let rest = reference.trim();
  if (!rest || /[\s${}<>]/.test(rest)) return undefined;
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
  let repository = rest.toLowerCase();
  const slash = repository.indexOf('/');
  if (slash > 0 && hubHosts.has(repository.slice(0, slash))) repository = repository.slice(slash + 1);
  if (repository.startsWith('library/') && repository.split('/').length === 2) repository = repository.slice('library/'.length);
  if (!repository) return undefined;
  return { repository, tag, digest };
}

/**
 * Whether two references name the same image: the same repository (Docker Hub's spellings are
 * one), and the same tag when both pin one — a build that tags `app` feeds `app:1.2` and the
 * other way round, since tags are usually set by the pipeline, not the files.
 */
export function sameImage(a: string, b: string): boolean {
  const left = imageName(a);
  const right = imageName(b);
  if (!left || !right || left.repository !== right.repository) return false;
  return left.tag === undefined || right.tag === undefined || left.tag === right.tag;
}

function folderOf(uri: string): string {
  const path = uri.replace(/\/+$/, '');
  const dir = path.slice(0, path.lastIndexOf('/'));
  return decodeURIComponent(dir.slice(dir.lastIndexOf('/') + 1)).toLowerCase();
}

export interface EdgeQueryOptions {
  /** `stevedore.images`: image name → Dockerfile URI (resolved by the caller). */
  settingImages?: Record<string, string>;
  settingsSource?: string;
}

/** A Dockerfile's facts, or how to read them when first asked (`setDockerfileLazily`). */
type FactsEntry = ImageFacts | (() => ImageFacts | undefined);

export class ImageGraph {
  private readonly dockerfiles = new Map<string, FactsEntry>();
  private readonly claims = new Map<string, BuildClaim[]>();
  private readonly renames = new Map<string, ImageRename[]>();
  private readonly uses = new Map<string, ImageUse[]>();
  /**
   * The Dockerfiles by folder name, for the folder-name guess. Built on first use and dropped when
   * a Dockerfile comes or goes: asked for every container image, a scan of every Dockerfile per
   * question made a workspace with many of both quadratic.
   */
  private byFolder: Map<string, string[]> | undefined;
  /** Bumped on every change that alters what queries answer. */
  version = 0;

  constructor(private readonly maxEntries = 5000) {}

  /** A Dockerfile's facts (undefined: it is gone or holds no stage). */
  setDockerfile(uri: string, facts: ImageFacts | undefined): boolean {
    const previous = this.factsAt(uri);
    if (!facts) {
      if (!previous) return false;
      this.dockerfiles.delete(uri);
      this.byFolder = undefined;
      this.version++;
      return true;
    }
    if (!previous && !this.hasRoom()) return false;
    this.dockerfiles.set(uri, facts);
    if (!previous) this.byFolder = undefined;
    // Ranges move as the user types; only a change of meaning asks for re-checks.
    if (previous && sameFacts(previous, facts)) return false;
    this.version++;
    return true;
  }

  /**
   * A Dockerfile whose facts are read only if a question needs them (the command line's manifests
   * lane is given every other lane's Dockerfiles, and asks about few). Answers are those of
   * `setDockerfile(uri, read())`: an entry whose read gives nothing (no stage, or the read failed)
   * leaves the graph when it is first looked at, and the cap counts only Dockerfiles with facts.
   */
  setDockerfileLazily(uri: string, read: () => ImageFacts | undefined): void {
    if (!this.dockerfiles.has(uri) && !this.hasRoom()) return;
    this.dockerfiles.set(uri, () => {
      try { return read(); } catch { return undefined; }
    });
    this.byFolder = undefined;
    this.version++;
  }

  /** The facts of a Dockerfile of the graph, read now if they were left for later. */
  private factsAt(uri: string): ImageFacts | undefined {
    const entry = this.dockerfiles.get(uri);
    if (typeof entry !== 'function') return entry;
    const facts = entry();
    if (facts) {
      this.dockerfiles.set(uri, facts);
    } else {
      this.dockerfiles.delete(uri);
      this.byFolder = undefined;
    }
    return facts;
  }

  /** Room for one more Dockerfile; entries left for later are read first, so those without facts free their place. */
  private hasRoom(): boolean {
    if (this.dockerfiles.size < this.maxEntries) return true;
    for (const uri of [...this.dockerfiles.keys()]) this.factsAt(uri);
    return this.dockerfiles.size < this.maxEntries;
  }

  /** What one evidence file says (none: the file is gone or says nothing). */
  setEvidence(uri: string, claims: BuildClaim[], renames: ImageRename[]): boolean {
    const before = JSON.stringify([this.claims.get(uri) ?? [], this.renames.get(uri) ?? []]);
    if (claims.length > 0 && (this.claims.has(uri) || this.claims.size < this.maxEntries)) this.claims.set(uri, claims); else this.claims.delete(uri);
    if (renames.length > 0 && (this.renames.has(uri) || this.renames.size < this.maxEntries)) this.renames.set(uri, renames); else this.renames.delete(uri);
    if (JSON.stringify([this.claims.get(uri) ?? [], this.renames.get(uri) ?? []]) === before) return false;
    this.version++;
    return true;
  }

  /**
   * Where a file names images (for references from a Dockerfile, and tags compared across files).
   * Returns whether the images changed; ranges alone moving is no change.
   */
  setImageUses(uri: string, uses: ImageUse[]): boolean {
    const before = (this.uses.get(uri) ?? []).map((use) => use.image).join('\n');
    if (uses.length > 0 && (this.uses.has(uri) || this.uses.size < this.maxEntries)) this.uses.set(uri, uses); else this.uses.delete(uri);
    if ((this.uses.get(uri) ?? []).map((use) => use.image).join('\n') === before) return false;
    this.version++;
    return true;
  }

  /** Every file's image uses. */
  imageUses(): IterableIterator<[string, ImageUse[]]> {
    return this.uses.entries();
  }

  /**
   * The `image:` places whose image a stated link (not a guess) leads to this Dockerfile: the
   * workloads and services that run what it builds. `stevedore.images` is left out (its paths
   * resolve per manifest folder, which the Dockerfile's side does not know).
   */
  usesOf(dockerfileUri: string): Location[] {
    const found: Location[] = [];
    for (const [uri, uses] of this.uses) {
      for (const use of uses) {
        const edge = this.edgeFor(use.image);
        if (edge?.strength === 'strong' && edge.dockerfileUri === dockerfileUri) found.push({ uri, range: use.range });
      }
    }
    return found;
  }

  remove(uri: string): boolean {
    if (this.dockerfiles.has(uri)) this.byFolder = undefined;
    const changed = [this.dockerfiles.delete(uri), this.claims.delete(uri), this.renames.delete(uri), this.uses.delete(uri)].some(Boolean);
    if (changed) this.version++;
    return changed;
  }

  /** Drops every file under a folder URI (a deleted directory, a removed workspace folder), open ones excepted. */
  removeUnder(folderUri: string, keep: (uri: string) => boolean = () => false): boolean {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    let any = false;
    for (const uri of new Set([...this.dockerfiles.keys(), ...this.claims.keys(), ...this.renames.keys(), ...this.uses.keys()])) {
      if (uri.startsWith(prefix) && !keep(uri)) any = this.remove(uri) || any;
    }
    return any;
  }

  factsOf(dockerfileUri: string): ImageFacts | undefined {
    return this.factsAt(dockerfileUri);
  }

  /**
   * Whether the graph holds any Dockerfile, counting those whose facts are not read yet: a cheap
   * "nothing to link to" test, where `dockerfileCount` would read every Dockerfile left for later.
   * (An entry read later may still turn out to have no facts; questions then find no edge either.)
   */
  get hasDockerfileEntries(): boolean {
    return this.dockerfiles.size > 0;
  }

  get dockerfileCount(): number {
    for (const uri of [...this.dockerfiles.keys()]) this.factsAt(uri);
    return this.dockerfiles.size;
  }

  /** Whether any evidence names this Dockerfile (so its change matters to the manifests). */
  isKnownDockerfile(uri: string): boolean {
    return this.factsAt(uri) !== undefined;
  }

  /** The Dockerfile that builds an image a manifest names, with the evidence, strongest first. */
  edgeFor(image: string, options: EdgeQueryOptions = {}): ImageEdge | undefined {
    if (!imageName(image)) return undefined;
    const direct = this.directEdge(image, options);
    if (direct) return direct;
    // A kustomize rename: the manifest's name is replaced by another at build time.
    for (const list of this.renames.values()) {
      for (const rename of list) {
        if (!sameImage(rename.name, image)) continue;
        const edge = this.directEdge(rename.newName, options);
        if (edge) {
          const step: Evidence = { kind: 'kustomize', sourceUri: rename.sourceUri, detail: `${rename.name} → ${rename.newName}` };
          return { ...edge, image, evidence: [step, ...edge.evidence] };
        }
      }
    }
    return this.folderNameEdge(image);
  }

  private directEdge(image: string, options: EdgeQueryOptions): ImageEdge | undefined {
    for (const [name, dockerfileUri] of Object.entries(options.settingImages ?? {})) {
      const facts = sameImage(name, image) ? this.factsAt(dockerfileUri) : undefined;
      if (facts) {
        return { image, dockerfileUri, facts, strength: 'strong', evidence: [{ kind: 'setting', sourceUri: options.settingsSource ?? '', detail: `stevedore.images: ${name}` }] };
      }
    }
    const matches: BuildClaim[] = [];
    for (const list of this.claims.values()) for (const claim of list) if (sameImage(claim.image, image) && this.factsAt(claim.dockerfileUri)) matches.push(claim);
    if (matches.length === 0) return undefined;
    // An exact tag match wins over a repository-only one; several Dockerfiles left make a guess.
    const exact = matches.filter((claim) => imageName(claim.image)?.tag === imageName(image)?.tag);
    const best = exact.length > 0 ? exact : matches;
    const dockerfileUri = best[0].dockerfileUri;
    const agreeing = best.filter((claim) => claim.dockerfileUri === dockerfileUri);
    const ambiguous = agreeing.length < best.length;
    return {
      image, dockerfileUri, facts: this.factsAt(dockerfileUri)!,
      strength: ambiguous ? 'weak' : 'strong',
      evidence: agreeing.map((claim) => claim.evidence),
    };
  }

  /** The weak hint: the image's last path segment is the folder name of exactly one Dockerfile. */
  private folderNameEdge(image: string): ImageEdge | undefined {
    const name = imageName(image);
    if (!name) return undefined;
    const last = name.repository.slice(name.repository.lastIndexOf('/') + 1);
    const found = (this.dockerfilesByFolder().get(last) ?? []).filter((uri) => this.factsAt(uri));
    if (found.length !== 1) return undefined;
    return {
      image, dockerfileUri: found[0], facts: this.factsAt(found[0])!, strength: 'weak',
      evidence: [{ kind: 'folder-name', sourceUri: found[0], detail: last }],
    };
  }

  private dockerfilesByFolder(): Map<string, string[]> {
    if (this.byFolder) return this.byFolder;
    const byFolder = new Map<string, string[]>();
    for (const uri of this.dockerfiles.keys()) {
      const folder = folderOf(uri);
      const list = byFolder.get(folder);
      if (list) list.push(uri); else byFolder.set(folder, [uri]);
    }
    this.byFolder = byFolder;
    return byFolder;
  }
}

function sameFacts(a: ImageFacts, b: ImageFacts): boolean {
  const strip = (facts: ImageFacts): unknown => ({ ...facts, fromRange: undefined, userRange: undefined });
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}

const graphs = new WeakMap<object, ImageGraph>();

/**
 * The image graph that belongs to a workspace index (the object fronts pass as
 * `FeatureContext.workspace`): created on first use, so the index itself needs no field for it.
 */
export function imageGraphOf(workspace: unknown): ImageGraph | undefined {
  if (typeof workspace !== 'object' || workspace === null) return undefined;
  let graph = graphs.get(workspace);
  if (!graph) {
    graph = new ImageGraph();
    graphs.set(workspace, graph);
  }
  return graph;
}
