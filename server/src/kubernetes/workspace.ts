import { TextDocument } from 'vscode-languageserver-textdocument';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { imageGraphOf, type ImageUse } from '../common/imageGraph';
import { configReferences } from './configReferences';
import { CrdStore, crdsOf } from './crds';
import { contentKeyOf } from './incrementalParse';
import { parseManifestFile, type ManifestDocument, type ManifestFile } from './model';
import { roleFacts, type RoleFacts } from './rbacFacts';
import { appContainers, holdsObjects, objectsOfDocument, podTemplateLabels, type ObjectFacts } from './objects';
import { isTemplatedAt, templatingOf } from './templating';
import { mapAt, mapItems, nodeRange, numberAt, seqAt, stringAt, stringMap, valueOf } from './yamlNodes';

/**
 * The Kubernetes objects of the whole workspace, summarised per file so cross-object checks
 * (a Service selecting nothing, an HPA aiming at a missing Deployment) see every manifest, not just
 * the open one. Pure: the front feeds it texts or parsed files; it never reads the disk itself.
 * Memory stays bounded: only small summaries are kept, with caps on files and objects per file.
 */

export interface IndexedPort {
  name?: string;
  port?: number;
  targetPort?: string | number;
}

export interface IndexedObject {
  uri: string;
  kind: string;
  apiVersion: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
  /** Service `spec.selector`, a workload's / PDB's `spec.selector.matchLabels`, a NetworkPolicy's `spec.podSelector.matchLabels`. */
  selector?: Record<string, string>;
  /** Labels of the pods a workload creates. */
  podLabels?: Record<string, string>;
  replicas?: number;
  /** A HorizontalPodAutoscaler's `minReplicas` (1 when unset). */
  minReplicas?: number;
  servicePorts?: IndexedPort[];
  headless?: boolean;
  containerPorts?: IndexedPort[];
  images?: string[];
  /** Keys of a ConfigMap's or Secret's data. */
  dataKeys?: string[];
  /** A custom resource with a pod template (`spec.template.metadata.labels`). */
  customPodOwner?: boolean;
  /**
   * A custom resource that may create pods we cannot see (an operator's database, a
   * LeaderWorkerSet): it holds containers whose pod labels we do not know, and `mentions` holds
   * the short strings written in it (names, label values), which its pods' labels may carry.
   */
  unknownPodOwner?: { hasContainers: boolean; mentions: string[] };
  /** A Role's / ClusterRole's rules and aggregation (rbacFacts.ts), for the RBAC checks across files. */
  rbac?: RoleFacts;
  /** Kustomization / Component: patch files it applies (URIs), its resources (file or folder URIs), whether it adds labels to selectors. */
  kustomize?: { patches: string[]; resources: string[]; labelsSelectors: boolean };
  /** Objects this one names: ConfigMaps, Secrets, an HPA target, a StatefulSet's Service… */
  refs?: ObjectRef[];
  /** The object's name (or its first line when it has none): where navigation lands. */
  range: Range;
}

export interface ObjectRef {
  kind: string;
  name: string;
  range: Range;
}

export interface WorkspaceLimits {
  maxFiles: number;
  maxObjectsPerFile: number;
}

/** Pseudo-kinds under which custom pod owners (known labels) and custom resources that may own pods are listed. */
const customPodOwnerKey = '\u0000custom-pod-owner';
const unknownPodOwnerKey = '\u0000unknown-pod-owner';

const defaultLimits: WorkspaceLimits = { maxFiles: 5000, maxObjectsPerFile: 500 };

export class WorkspaceIndex {
  private readonly files = new Map<string, IndexedObject[]>();
  private readonly dockerfileImages = new Map<string, readonly string[]>();
  /** Files whose containers' `image:` places this index gave the image graph (references from a Dockerfile). */
  private readonly imageUseFiles = new Set<string>();
  /**
   * Objects by kind and by pod label, kept up to date file by file: after a change only the lists
   * the changed file is in are built again, on their next read. Rebuilt whole after every change,
   * they cost a check O(objects of the workspace) — 10–50 ms on 10,000 files — after each walk
   * step and after each keystroke that changed an open file's summary.
   */
  private readonly byKind = new KeyedObjects(kindKeys);
  private readonly byPodLabel = new KeyedObjects(podLabelKeys);
  /** Each file's place in `files` (insertion order, which Map keeps): the keyed lists follow it. */
  private readonly fileOrder = new Map<string, number>();
  private nextFileOrder = 0;
  /** The CRDs of the indexed files: custom resources' schemas (schema/customSchemas.ts). */
  private readonly crds = new CrdStore();
  /** Bumped on every change that alters what queries answer. */
  version = 0;
  /** Workspace folders (absolute paths), used to bound the search for config files. */
  roots: string[] = [];

  constructor(private readonly limits: WorkspaceLimits = defaultLimits) {}

  /** Indexes a file from its text (files that are not open). Returns whether the index changed. */
  updateText(uri: string, text: string): boolean {
    return this.updateFile(uri, parseManifestFile(TextDocument.create(uri, 'yaml', 0, text)));
  }

  /** Indexes a parsed file (open documents: the parse the editor features already made). */
  updateFile(uri: string, file: ManifestFile): boolean {
    // Templates (Helm) are not objects until rendered: indexing them would invent Services and labels.
    const objects = file.isKubernetes ? renderedObjects(uri, file).slice(0, this.limits.maxObjectsPerFile) : [];
    const previous = this.files.get(uri);
    if (objects.length === 0) return this.remove(uri);
    if (!previous && this.files.size >= this.limits.maxFiles) return false;
    this.setImageUses(uri, file);
    this.setObjects(uri, objects);
    // A CRD's schema is not in its summary: its change counts on its own (the files using it re-validate).
    const crdsChanged = this.crds.set(uri, crdsOf(file));
    // Typing inside an object moves ranges but rarely changes what other files' checks see:
    // only a change of meaning counts as a change (and triggers re-validation elsewhere).
    if (previous && !crdsChanged && sameMeaning(previous, objects)) return false;
    this.changed();
    return true;
  }

  /**
   * Indexes a file summarised elsewhere (the command line's worker lanes swap summaries instead of
   * parses): what `updateFile` does for a file the index does not hold yet, from the objects,
   * CRDs and image places an index of that file alone kept.
   */
  addSummarisedFile(uri: string, objects: IndexedObject[], crds: readonly string[], uses: ImageUse[]): void {
    if (this.files.has(uri)) throw new Error(`${uri} is indexed twice`);
    if (objects.length === 0 || this.files.size >= this.limits.maxFiles) return;
    if (uses.length > 0) this.imageUseFiles.add(uri);
    imageGraphOf(this)?.setImageUses(uri, uses);
    this.setObjects(uri, objects.slice(0, this.limits.maxObjectsPerFile));
    this.crds.set(uri, crds);
    this.changed();
  }

  /**
   * Records the base images a Dockerfile of the workspace names (see dockerfile/baseImages.ts), for
   * `image:` completion. They change no check, so the version is left alone.
   */
  setDockerfileImages(uri: string, images: readonly string[]): void {
    if (images.length === 0) this.dockerfileImages.delete(uri);
    else if (this.dockerfileImages.size < this.limits.maxFiles || this.dockerfileImages.has(uri)) this.dockerfileImages.set(uri, images);
  }

  /** Images named anywhere in the workspace: container images of the manifests, then Dockerfiles' base images. */
  knownImages(limit = 500): string[] {
    const images = new Set<string>();
    for (const objects of this.files.values()) {
      for (const object of objects) for (const image of object.images ?? []) if (images.size < limit) images.add(image);
    }
    for (const list of this.dockerfileImages.values()) for (const image of list) if (images.size < limit) images.add(image);
    return [...images].sort();
  }

  /** The containers' `image:` places go to the image graph beside this index (it changes no check here: images are in the summaries). */
  private setImageUses(uri: string, file: ManifestFile): void {
    const uses = summaryOf(uri, file).imageUses;
    if (uses.length > 0) this.imageUseFiles.add(uri); else this.imageUseFiles.delete(uri);
    imageGraphOf(this)?.setImageUses(uri, uses);
  }

  remove(uri: string): boolean {
    this.dockerfileImages.delete(uri);
    if (this.imageUseFiles.delete(uri)) imageGraphOf(this)?.setImageUses(uri, []);
    this.crds.set(uri, []);
    if (!this.files.delete(uri)) return false;
    this.fileOrder.delete(uri);
    this.byKind.set(uri, 0, []);
    this.byPodLabel.set(uri, 0, []);
    this.changed();
    return true;
  }

  /** Drops every file under a folder URI (a deleted directory, a removed workspace folder). */
  removeUnder(folderUri: string): boolean {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    let any = false;
    for (const uri of [...this.files.keys()]) if (uri.startsWith(prefix)) any = this.remove(uri) || any;
    return any;
  }

  /** The CRDs of the indexed files as JSON, in URI order; `crdGeneration` changes whenever they do. */
  customResourceDefinitions(): readonly string[] {
    return this.crds.all();
  }

  get crdGeneration(): number {
    return this.crds.generation;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  /** The URIs of the indexed files (a copy: safe to change the index while going through it). */
  fileUris(): string[] {
    return [...this.files.keys()];
  }

  get fileCount(): number {
    return this.files.size;
  }

  objectsIn(uri: string): readonly IndexedObject[] {
    return this.files.get(uri) ?? [];
  }

  ofKind(kind: string): readonly IndexedObject[] {
    return this.byKind.get(kind);
  }

  customPodOwners(): readonly IndexedObject[] {
    return this.ofKind(customPodOwnerKey);
  }

  unknownPodOwners(): readonly IndexedObject[] {
    return this.ofKind(unknownPodOwnerKey);
  }

  /** Objects whose pods carry the label `key=value` (an inverted index: selectors cost one lookup). */
  podOwnersWithLabel(key: string, value: string): readonly IndexedObject[] {
    return this.byPodLabel.get(labelKey(key, value));
  }

  *all(): Iterable<IndexedObject> {
    for (const objects of this.files.values()) yield* objects;
  }

  /** A file's objects in, in place of its previous ones (a new file goes last, as in `files`). */
  private setObjects(uri: string, objects: IndexedObject[]): void {
    let order = this.fileOrder.get(uri);
    if (order === undefined) this.fileOrder.set(uri, order = this.nextFileOrder++);
    this.files.set(uri, objects);
    this.byKind.set(uri, order, objects);
    this.byPodLabel.set(uri, order, objects);
  }

  private changed(): void {
    this.version++;
  }
}

/**
 * What cross-object rules query: the file being checked as it is now (possibly unsaved) plus every
 * other indexed file. Without an index (tests, a lone file) it is just the file itself.
 */
export class WorkspaceView {
  private readonly own: IndexedObject[];
  private readonly byKind = new Map<string, IndexedObject[]>();
  private customOwners: IndexedObject[] | undefined;
  private ownByPodLabel: Map<string, IndexedObject[]> | undefined;

  constructor(readonly uri: string, file: ManifestFile, private readonly index: WorkspaceIndex | undefined) {
    this.own = renderedObjects(uri, file);
  }

  /** Whether other files were seen: with no index, "not found" only means "not in this file". */
  get hasWorkspace(): boolean {
    return !!this.index && this.index.fileCount > 0;
  }

  ofKind(kind: string): readonly IndexedObject[] {
    let list = this.byKind.get(kind);
    if (!list) {
      list = this.own.filter((o) => o.kind === kind);
      if (this.index) for (const other of this.index.ofKind(kind)) if (other.uri !== this.uri) list.push(other);
      this.byKind.set(kind, list);
    }
    return list;
  }

  /** Custom resources with a pod template (Argo Rollouts, OpenKruise…): their pods count as selected. */
  customPodOwners(): readonly IndexedObject[] {
    if (!this.customOwners) {
      this.customOwners = this.own.filter((o) => o.customPodOwner);
      if (this.index) for (const other of this.index.customPodOwners()) if (other.uri !== this.uri) this.customOwners.push(other);
    }
    return this.customOwners;
  }

  /** Custom resources that may create pods we cannot see (see `IndexedObject.unknownPodOwner`). */
  unknownPodOwners(): readonly IndexedObject[] {
    const own = this.own.filter((o) => o.unknownPodOwner);
    if (this.index) for (const other of this.index.unknownPodOwners()) if (other.uri !== this.uri) own.push(other);
    return own;
  }

  /**
   * How near another file is to this one, as a deployment goes: 0 the same file, 1 the same
   * folder or a kustomization that takes both, 2 a folder above or below, 3 elsewhere in the workspace.
   */
  proximity(uri: string): number {
    if (uri === this.uri) return 0;
    let rank = this.proximityCache.get(uri);
    if (rank === undefined) {
      const here = folderOf(this.uri);
      const there = folderOf(uri);
      if (here === there || this.ownKustomizations().some((k) => kustomizationTakes(k, uri))) rank = 1;
      else if (here.startsWith(`${there}/`) || there.startsWith(`${here}/`)) rank = 2;
      else rank = 3;
      this.proximityCache.set(uri, rank);
    }
    return rank;
  }

  /**
   * Whether an object may live in the namespace `namespace` of an object of this file: explicit
   * namespaces must be equal; without one, an object goes wherever it is deployed, so it may share
   * any namespace (`sure` asks for more: the same deployable unit, proximity up to 2).
   */
  sharesNamespace(other: IndexedObject, namespace: string | undefined, sure = false): boolean {
    if (other.namespace !== undefined && namespace !== undefined) return other.namespace === namespace;
    return !sure || this.proximity(other.uri) <= 2;
  }

  /** Candidates that may share the namespace, nearest first (same file, same unit, related folders, the rest). */
  nearest<T extends IndexedObject>(candidates: readonly T[], namespace: string | undefined): T[] {
    return candidates
      .filter((o) => this.sharesNamespace(o, namespace))
      .map((o, i) => ({ o, i, rank: this.proximity(o.uri) }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map(({ o }) => o);
  }

  /** The nearest candidates only: those of the best proximity among the ones that may share the namespace. */
  nearestGroup<T extends IndexedObject>(candidates: readonly T[], namespace: string | undefined): T[] {
    const sorted = this.nearest(candidates, namespace);
    if (sorted.length === 0) return sorted;
    const best = this.proximity(sorted[0].uri);
    return sorted.filter((o) => this.proximity(o.uri) === best);
  }

  private readonly proximityCache = new Map<string, number>();
  private kustomizationsOfThisFile: IndexedObject[] | undefined;

  private ownKustomizations(): IndexedObject[] {
    this.kustomizationsOfThisFile ??= [...this.ofKind('Kustomization'), ...this.ofKind('Component')].filter((k) => kustomizationTakes(k, this.uri));
    return this.kustomizationsOfThisFile;
  }

  /** Pod owners (workloads, custom resources with a pod template) whose pods carry `key=value`. */
  podOwnersWithLabel(key: string, value: string): IndexedObject[] {
    this.ownByPodLabel ??= podLabelIndex(this.own);
    const own = this.ownByPodLabel.get(labelKey(key, value)) ?? [];
    const others = this.index ? this.index.podOwnersWithLabel(key, value).filter((o) => o.uri !== this.uri) : [];
    return own.length === 0 ? others : [...own, ...others];
  }

  /** Every object: this file's, then the other files'. */
  *all(): Iterable<IndexedObject> {
    yield* this.own;
    if (this.index) for (const object of this.index.all()) if (object.uri !== this.uri) yield object;
  }

  /** This file's objects as summarised for the index. */
  get ownObjects(): readonly IndexedObject[] {
    return this.own;
  }

  /** How kustomize uses this file, if a kustomization in the workspace mentions it. */
  kustomizeRole(): KustomizeRole | undefined {
    return kustomizeRoleIn(this.uri, [...this.ofKind('Kustomization'), ...this.ofKind('Component')]);
  }

  /** The nearest object of that kind and name that may share the namespace. */
  find(kind: string, name: string, namespace: string | undefined): IndexedObject | undefined {
    return this.findAll(kind, name, namespace)[0];
  }

  /** The nearest objects of that kind and name (several when equally near: any may be the one deployed with this file). */
  findAll(kind: string, name: string, namespace: string | undefined): IndexedObject[] {
    return this.nearestGroup(this.named(kind, name), namespace);
  }

  /** Per kind, its objects by name (in ofKind's order): a lookup per question instead of a scan of the kind. */
  private readonly byName = new Map<string, Map<string | undefined, IndexedObject[]>>();

  private named(kind: string, name: string): readonly IndexedObject[] {
    let names = this.byName.get(kind);
    if (!names) {
      names = new Map();
      for (const object of this.ofKind(kind)) {
        const list = names.get(object.name);
        if (list) list.push(object); else names.set(object.name, [object]);
      }
      this.byName.set(kind, names);
    }
    return names.get(name) ?? [];
  }
}

const folderOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));

/** A kustomization takes the files of its folder and its resources (files, or folders and what is below them). */
function kustomizationTakes(kustomization: IndexedObject, uri: string): boolean {
  if (!kustomization.kustomize) return false;
  if (folderOf(kustomization.uri) === folderOf(uri)) return true;
  return kustomization.kustomize.resources.some((resource) => uri === resource || uri.startsWith(`${resource}/`));
}

const labelKey = (key: string, value: string) => `${key}\u0000${value}`;

/** The kind lists an object is in: its kind, and the pseudo-kinds of custom pod owners. */
function kindKeys(object: IndexedObject, add: (key: string) => void): void {
  add(object.kind);
  if (object.customPodOwner) add(customPodOwnerKey);
  if (object.unknownPodOwner) add(unknownPodOwnerKey);
}

function podLabelKeys(object: IndexedObject, add: (key: string) => void): void {
  if (!object.podLabels) return;
  for (const [key, value] of Object.entries(object.podLabels)) add(labelKey(key, value));
}

/**
 * Objects listed by keys (kinds, pod labels), each list in the order of a walk over the files in
 * their order and each file's objects in theirs — what building the lists from scratch gives —,
 * kept file by file. A list that changed is built again on its next read, as a new array: an
 * answer handed out earlier never changes (documentFindings.ts keeps answers to compare).
 */
class KeyedObjects {
  private readonly lists = new Map<string, { files: Map<string, { order: number; objects: IndexedObject[] }>; lastOrder: number; sorted: boolean; flat?: readonly IndexedObject[] }>();
  /** The keys each file is listed under. */
  private readonly keysOfFile = new Map<string, string[]>();

  constructor(private readonly keysOf: (object: IndexedObject, add: (key: string) => void) => void) {}

  /** A file's objects (none: the file leaves every list); `order` is its place among the files. */
  set(uri: string, order: number, objects: readonly IndexedObject[]): void {
    for (const key of this.keysOfFile.get(uri) ?? []) {
      const list = this.lists.get(key)!;
      list.files.delete(uri);
      list.flat = undefined;
      if (list.files.size === 0) this.lists.delete(key);
    }
    this.keysOfFile.delete(uri);
    if (objects.length === 0) return;
    const grouped = new Map<string, IndexedObject[]>();
    for (const object of objects) {
      this.keysOf(object, (key) => {
        const group = grouped.get(key);
        if (group) group.push(object); else grouped.set(key, [object]);
      });
    }
    if (grouped.size === 0) return;
    for (const [key, group] of grouped) {
      let list = this.lists.get(key);
      if (!list) this.lists.set(key, list = { files: new Map(), lastOrder: -1, sorted: true });
      // A file that joins a list after files placed later than it breaks the list's order: sorted on the next read.
      if (order < list.lastOrder) list.sorted = false;
      else list.lastOrder = order;
      list.files.set(uri, { order, objects: group });
      list.flat = undefined;
    }
    this.keysOfFile.set(uri, [...grouped.keys()]);
  }

  get(key: string): readonly IndexedObject[] {
    const list = this.lists.get(key);
    if (!list) return [];
    if (list.flat) return list.flat;
    if (!list.sorted) {
      list.files = new Map([...list.files].sort((x, y) => x[1].order - y[1].order));
      list.sorted = true;
    }
    const flat: IndexedObject[] = [];
    for (const entry of list.files.values()) for (const object of entry.objects) flat.push(object);
    list.flat = flat;
    return flat;
  }
}

function podLabelIndex(objects: Iterable<IndexedObject>): Map<string, IndexedObject[]> {
  const map = new Map<string, IndexedObject[]>();
  for (const object of objects) {
    podLabelKeys(object, (key) => {
      const list = map.get(key);
      if (list) list.push(object); else map.set(key, [object]);
    });
  }
  return map;
}

/** Objects without a namespace are deployed wherever kubectl/kustomize says, so they match any. */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

const viewCache = new WeakMap<ManifestFile, { index: WorkspaceIndex | undefined; version: number; view: WorkspaceView }>();

/**
 * Where a file object may carry a view to use in place of its own, made on first use
 * (documentFindings.ts gives a document's check a view that notes what the check asked, so its
 * findings can be kept while the answers stay the same). A property read rather than a WeakMap:
 * such file objects are made by the thousand per check.
 */
export const substituteViewKey = Symbol('substituteView');

/** The view given in place of this file's own, if any (see substituteViewKey). */
export function substituteViewOf(file: ManifestFile): WorkspaceView | undefined {
  return (file as ManifestFile & { [substituteViewKey]?: () => WorkspaceView })[substituteViewKey]?.();
}

/** One view per parsed file and index version, shared by all rules of a run. */
export function workspaceViewFor(file: ManifestFile, index: WorkspaceIndex | undefined): WorkspaceView {
  const substitute = substituteViewOf(file);
  if (substitute) return substitute;
  const cached = viewCache.get(file);
  if (cached && cached.index === index && cached.version === (index?.version ?? 0)) return cached.view;
  const view = new WorkspaceView(file.document.uri, file, index);
  viewCache.set(file, { index, version: index?.version ?? 0, view });
  return view;
}

export function asWorkspaceIndex(value: unknown): WorkspaceIndex | undefined {
  return value instanceof WorkspaceIndex ? value : undefined;
}

/** The file's objects less those of documents that wait for template rendering (Helm, Go templates). */
function renderedObjects(uri: string, file: ManifestFile): IndexedObject[] {
  const templating = templatingOf(file);
  if (!templating) return summarize(uri, file);
  if (templating.wholeFile) return [];
  return summarize(uri, file).filter((o) => !isTemplatedAt(file, file.document.offsetAt(o.range.start)));
}

const summaryCache = new WeakMap<ManifestFile, { uri: string; objects: IndexedObject[]; imageUses: ImageUse[] }>();

/** What the index keeps of one `---` document: its objects' summaries and its containers' `image:` places. */
interface DocumentSummary {
  objects: IndexedObject[];
  imageUses: ImageUse[];
}

/**
 * The summaries of one `---` document, by its content key (incrementalParse.ts: the same for a
 * document whose text did not change, wherever it moved): an edit summarises only the documents it
 * changed, and the others' nodes are not read at all. A summary reads nothing but its document
 * (and the file's URI); its ranges are moved down or up by whole lines when the document moved, as
 * a document always starts at column 0.
 */
const documentSummaries = new WeakMap<object, DocumentSummary & { uri: string; firstLine: number }>();

/** The index's view of a file's objects; computed once per parse (the index and the rules share it). */
export function summarize(uri: string, file: ManifestFile): IndexedObject[] {
  return summaryOf(uri, file).objects;
}

function summaryOf(uri: string, file: ManifestFile): { objects: IndexedObject[]; imageUses: ImageUse[] } {
  const cached = summaryCache.get(file);
  if (cached && cached.uri === uri) return cached;
  const objects: IndexedObject[] = [];
  const imageUses: ImageUse[] = [];
  for (const doc of file.documents) {
    if (!holdsObjects(doc)) continue;
    const summary = documentSummary(uri, file, doc);
    objects.push(...summary.objects);
    imageUses.push(...summary.imageUses);
  }
  const entry = { uri, objects, imageUses };
  summaryCache.set(file, entry);
  return entry;
}

function documentSummary(uri: string, file: ManifestFile, doc: ManifestDocument): DocumentSummary {
  const key = contentKeyOf(doc.yaml);
  const firstLine = file.document.positionAt(doc.start).line;
  const kept = documentSummaries.get(key);
  if (kept && kept.uri === uri) {
    if (kept.firstLine === firstLine) return kept;
    const lines = firstLine - kept.firstLine;
    const moved = { uri, firstLine, objects: kept.objects.map((object) => movedSummary(object, lines)), imageUses: kept.imageUses.map((use) => ({ ...use, range: movedRange(use.range, lines) })) };
    documentSummaries.set(key, moved);
    return moved;
  }
  const objects = objectsOfDocument(doc);
  const summary = { uri, firstLine, objects: summarizeObjects(uri, file, objects), imageUses: imageUsesOf(file, objects) };
  documentSummaries.set(key, summary);
  return summary;
}

/** Where the objects' containers name an image (templated names left out). */
function imageUsesOf(file: ManifestFile, objects: readonly ObjectFacts[]): ImageUse[] {
  const uses: ImageUse[] = [];
  for (const object of objects) {
    for (const container of object.workload?.containers ?? []) {
      if (container.image && container.imageNode && !container.image.includes('{{')) uses.push({ image: container.image, range: nodeRange(file, container.imageNode) });
    }
  }
  return uses;
}

function summarizeObjects(uri: string, file: ManifestFile, objects: ObjectFacts[]): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const object of objects) {
    const summary = summarizeObject(uri, file, object);
    out.push(summary);
    if (object.kind === 'Kustomization') out.push(...generatedByKustomize(summary, object));
  }
  return out;
}

const movedRange = (range: Range, lines: number): Range => ({
  start: { line: range.start.line + lines, character: range.start.character },
  end: { line: range.end.line + lines, character: range.end.character },
});

/** A summary whose document moved by `lines`: its places (`range`, `refs`) move; the rest is shared. */
function movedSummary(object: IndexedObject, lines: number): IndexedObject {
  const moved: IndexedObject = { ...object, range: movedRange(object.range, lines) };
  if (object.refs) moved.refs = object.refs.map((ref) => ({ ...ref, range: movedRange(ref.range, lines) }));
  meanings.set(moved, meaningOf(object));
  return moved;
}

/** ConfigMaps and Secrets a kustomization generates exist as far as references are concerned. */
function generatedByKustomize(kustomization: IndexedObject, object: ObjectFacts): IndexedObject[] {
  const out: IndexedObject[] = [];
  for (const [field, kind] of [['configMapGenerator', 'ConfigMap'], ['secretGenerator', 'Secret']] as const) {
    for (const generator of mapItems(seqAt(object.root, field))) {
      const name = stringAt(generator, 'name');
      if (name) out.push({ ...kustomization, kind, apiVersion: 'v1', name, namespace: stringAt(generator, 'namespace') ?? kustomization.namespace, labels: {} });
    }
  }
  return out;
}

function summarizeObject(uri: string, file: ManifestFile, o: ObjectFacts): IndexedObject {
  const summary: IndexedObject = {
    uri, kind: o.kind, apiVersion: o.apiVersion, name: o.name, namespace: o.namespace, labels: o.labels,
    range: nodeRange(file, o.namePair?.value as never ?? o.root, o.doc.start),
  };
  if (o.replicas !== undefined) summary.replicas = o.replicas;
  if (o.kind === 'HorizontalPodAutoscaler') summary.minReplicas = numberAt(o.spec, 'minReplicas') ?? 1;
  const rbac = roleFacts(o);
  if (rbac) summary.rbac = rbac;
  if (o.selector) summary.selector = o.selector.matchLabels;
  const templateLabels = podTemplateLabels(o);
  // Without template labels the pods carry what the workload's selector asks for (or it is rejected).
  if (templateLabels) summary.podLabels = Object.keys(templateLabels).length > 0 || !o.selector ? templateLabels : o.selector.matchLabels;
  if (o.workload) {
    const containers = appContainers(o.workload);
    summary.containerPorts = containers.flatMap((c) => c.ports.map((p) => ({ name: p.name, port: p.number })));
    summary.images = containers.map((c) => c.image).filter((i): i is string => !!i);
  }
  if (!o.builtIn) {
    const customTemplateLabels = mapAt(o.spec, 'template', 'metadata', 'labels');
    if (customTemplateLabels) {
      summary.podLabels = stringMap(customTemplateLabels);
      summary.customPodOwner = true;
    }
    if (!passiveCustomKinds.has(o.kind)) {
      const facts = unknownPodOwnerFacts(o);
      // A pod template with labels says what the pods carry; containers anywhere else do not.
      if (summary.customPodOwner && Object.keys(summary.podLabels ?? {}).length > 0) facts.hasContainers = false;
      summary.unknownPodOwner = facts;
    }
  }
  if ((o.kind === 'Kustomization' || o.kind === 'Component') && o.group === 'kustomize.config.k8s.io') summary.kustomize = kustomizeFacts(uri, o);
  const refs = objectRefs(file, o);
  if (refs.length > 0) summary.refs = refs;
  if (o.kind === 'Service') {
    summary.selector = stringMap(mapAt(o.spec, 'selector'));
    summary.headless = stringAt(o.spec, 'clusterIP') === 'None';
    summary.servicePorts = mapItems(seqAt(o.spec, 'ports')).map((p) => {
      const target = valueOf(p, 'targetPort');
      const targetPort = isScalar(target) && (typeof target.value === 'string' || typeof target.value === 'number') ? target.value : undefined;
      return { name: stringAt(p, 'name'), port: numberAt(p, 'port'), targetPort };
    });
  }
  if (o.kind === 'NetworkPolicy' && o.builtIn) summary.selector = stringMap(mapAt(o.spec, 'podSelector', 'matchLabels'));
  if (o.kind === 'ConfigMap' || o.kind === 'Secret') {
    const keys = new Set<string>();
    for (const field of ['data', 'binaryData', 'stringData']) {
      const data = valueOf(o.root, field);
      if (isMap(data)) for (const item of data.items) if (isScalar(item.key)) keys.add(String(item.key.value));
    }
    summary.dataKeys = [...keys];
  }
  return summary;
}

/**
 * Custom kinds that route to, watch or police pods but never create any: their selectors name pod
 * labels, which must not pass for pods of their own.
 */
const passiveCustomKinds = new Set([
  'ServiceMonitor', 'PodMonitor', 'Probe', 'PrometheusRule', 'ScrapeConfig', 'AlertmanagerConfig',
  'VirtualService', 'DestinationRule', 'ServiceEntry', 'Sidecar', 'PeerAuthentication', 'AuthorizationPolicy', 'RequestAuthentication', 'EnvoyFilter', 'Telemetry', 'WorkloadEntry',
  'HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute', 'ReferenceGrant', 'BackendTLSPolicy', 'GatewayClass',
  'Certificate', 'CertificateRequest', 'Issuer', 'ClusterIssuer',
  'ClusterPolicy', 'Policy', 'PolicyException', 'CleanupPolicy', 'ClusterCleanupPolicy', 'ConstraintTemplate',
]);

const maxMentions = 300;

/**
 * Whether a custom resource holds containers (a `containers` list, or a `container` with an image as
 * Argo's templates have), and the short strings it holds (names, labels, values).
 */
function unknownPodOwnerFacts(o: ObjectFacts): { hasContainers: boolean; mentions: string[] } {
  const mentions = new Set<string>();
  let hasContainers = false;
  const walk = (node: unknown, depth: number) => {
    if (depth > 30 || mentions.size >= maxMentions) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if ((key === 'containers' && isSeq(pair.value) && pair.value.items.some(isMap)) || (key === 'container' && isMap(pair.value) && pair.value.has('image'))) hasContainers = true;
        if (!(isScalar(pair.key) && (pair.key.value === 'apiVersion' || pair.key.value === 'kind'))) walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1);
    } else if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value).length <= 63) {
      mentions.add(String(node.value));
    }
  };
  walk(o.root, 0);
  return { hasContainers, mentions: [...mentions] };
}

/** What an object refers to by name (for navigation and the dangling-reference checks). */
function objectRefs(file: ManifestFile, o: ObjectFacts): ObjectRef[] {
  const refs: ObjectRef[] = configReferences(o).map((r) => ({ kind: r.kind, name: r.name, range: nodeRange(file, r.nameNode) }));
  const add = (kind: string | undefined, node: unknown) => {
    if (kind && isScalar(node) && typeof node.value === 'string' && node.value !== '') refs.push({ kind, name: node.value, range: nodeRange(file, node) });
  };
  if (o.kind === 'HorizontalPodAutoscaler') {
    const target = mapAt(o.spec, 'scaleTargetRef');
    add(stringAt(target, 'kind'), valueOf(target, 'name'));
  }
  if (o.kind === 'StatefulSet') add('Service', valueOf(o.spec, 'serviceName'));
  if (o.kind === 'Ingress') {
    const backends = [valueOf(o.spec, 'defaultBackend'), valueOf(o.spec, 'backend')];
    for (const rule of mapItems(seqAt(o.spec, 'rules'))) {
      for (const path of mapItems(seqAt(mapAt(rule, 'http'), 'paths'))) backends.push(valueOf(path, 'backend'));
    }
    for (const backend of backends) add('Service', valueOf(mapAt(backend, 'service'), 'name') ?? valueOf(backend, 'serviceName'));
  }
  if (o.workload) {
    add('ServiceAccount', valueOf(o.workload.podSpec, 'serviceAccountName') ?? valueOf(o.workload.podSpec, 'serviceAccount'));
    for (const volume of mapItems(seqAt(o.workload.podSpec, 'volumes'))) add('PersistentVolumeClaim', valueOf(mapAt(volume, 'persistentVolumeClaim'), 'claimName'));
  }
  return refs;
}

/** How kustomize uses a file: patches are fragments; resources under `commonLabels` get selectors added. */
export type KustomizeRole = 'patch' | 'selector-labelled';

function kustomizeFacts(uri: string, o: ObjectFacts): { patches: string[]; resources: string[]; labelsSelectors: boolean } {
  const dir = uri.slice(0, uri.lastIndexOf('/'));
  const patches: string[] = [];
  for (const item of seqAt(o.root, 'patchesStrategicMerge')?.items ?? []) {
    if (isScalar(item) && typeof item.value === 'string') patches.push(resolveUri(dir, item.value));
  }
  for (const field of ['patches', 'patchesJson6902']) {
    for (const patch of mapItems(seqAt(o.root, field))) {
      const path = stringAt(patch, 'path');
      if (path) patches.push(resolveUri(dir, path));
    }
  }
  const resources: string[] = [];
  for (const field of ['resources', 'bases', 'components']) {
    for (const item of seqAt(o.root, field)?.items ?? []) {
      if (isScalar(item) && typeof item.value === 'string' && !/^[a-z]+:\/\/|^github\.com\//i.test(item.value)) resources.push(resolveUri(dir, item.value));
    }
  }
  const common = mapAt(o.root, 'commonLabels');
  const labels = mapItems(seqAt(o.root, 'labels')).some((l) => isScalar(valueOf(l, 'includeSelectors')) && (valueOf(l, 'includeSelectors') as { value: unknown }).value === true);
  return { patches, resources, labelsSelectors: (!!common && common.items.length > 0) || labels };
}

/** `file:///a/b` + `../c.yaml` → `file:///a/c.yaml`. */
export function resolveUri(dirUri: string, relative: string): string {
  const parts = dirUri.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') { if (parts.length > 3) parts.pop(); } else parts.push(segment);
  }
  return parts.join('/');
}

function kustomizeRoleIn(uri: string, kustomizations: readonly IndexedObject[]): KustomizeRole | undefined {
  let role: KustomizeRole | undefined;
  for (const k of kustomizations) {
    if (!k.kustomize) continue;
    if (k.kustomize.patches.includes(uri)) return 'patch';
    const dir = k.uri.slice(0, k.uri.lastIndexOf('/') + 1);
    if (k.kustomize.labelsSelectors && uri.startsWith(dir)) role = 'selector-labelled';
  }
  return role;
}

/**
 * What an object summary says to other files' checks, as text: its places (its range, its
 * references' ranges) left out, so a document that only moved means the same. Kept per summary.
 */
const meanings = new WeakMap<IndexedObject, string>();

function meaningOf(object: IndexedObject): string {
  let meaning = meanings.get(object);
  if (meaning === undefined) {
    meaning = JSON.stringify({ ...object, range: undefined, refs: object.refs?.map((ref) => ({ ...ref, range: undefined })) });
    meanings.set(object, meaning);
  }
  return meaning;
}

function sameMeaning(a: IndexedObject[], b: IndexedObject[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((object, i) => object === b[i] || meaningOf(object) === meaningOf(b[i]));
}
