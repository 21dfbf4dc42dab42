import { isMap, isSeq, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { contentsForShape } from './incrementalParse';
import type { ManifestDocument, ManifestFile } from './model';
import { builtinGroups, splitApiVersion } from './schema';
import { mapAt, mapItems, numberAt, pairOf, scalarAt, seqAt, stringAt, stringMap, valueOf, type KeyedPair } from './yamlNodes';

/**
 * Typed read access to the Kubernetes objects of a file: where the pod spec of each workload kind
 * lives, its containers (init and ephemeral ones too), labels, selectors — each with its YAML node
 * so rules can point at the exact place. Computed once per parsed file and shared by every rule.
 */

export interface PortFacts {
  node: YAMLMap;
  name?: string;
  number?: number;
  protocol: string;
}

export type ContainerRole = 'container' | 'initContainer' | 'ephemeralContainer';

export interface ContainerFacts {
  node: YAMLMap;
  role: ContainerRole;
  name?: string;
  nameNode?: Scalar;
  image?: string;
  imageNode?: Scalar;
  ports: PortFacts[];
  securityContext?: YAMLMap;
  resources?: YAMLMap;
  env?: YAMLSeq;
}

export interface LabelSelectorFacts {
  /** The `selector` map itself. */
  node: YAMLMap;
  matchLabels: Record<string, string>;
  matchLabelsNode?: YAMLMap;
  hasExpressions: boolean;
}

export interface WorkloadFacts {
  /** The pod spec (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec`). */
  podSpec: YAMLMap;
  podSpecPath: string[];
  /** The pod template map (absent for a bare Pod). */
  template?: YAMLMap;
  templateLabels: Record<string, string>;
  templateLabelsNode?: YAMLMap;
  containers: ContainerFacts[];
  podSecurityContext?: YAMLMap;
}

export interface ObjectFacts {
  doc: ManifestDocument;
  root: YAMLMap;
  apiVersion: string;
  /** API group ('' for the core group) and version. */
  group: string;
  version: string;
  kind: string;
  builtIn: boolean;
  metadata?: YAMLMap;
  name?: string;
  namePair?: KeyedPair;
  namespace?: string;
  labels: Record<string, string>;
  labelsNode?: YAMLMap;
  annotations: Record<string, string>;
  annotationsNode?: YAMLMap;
  spec?: YAMLMap;
  workload?: WorkloadFacts;
  /** `spec.selector` for the kinds where it is a LabelSelector (apps, batch, PDB). */
  selector?: LabelSelectorFacts;
  replicas?: number;
}

/** Where each built-in kind keeps its pod spec. */
const podSpecPaths: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Groups whose kinds above are the real thing (a CRD may reuse a kind name such as `Deployment`). */
const workloadGroups = new Set(['', 'apps', 'extensions', 'batch']);

/**
 * Where other kinds keep a pod template, tried in order: a kind is a workload when it has one,
 * whatever its name — OpenShift's DeploymentConfig, Argo Rollouts' Rollout, Knative's Service,
 * OpenKruise's CloneSet (`spec.template`), a CronJob-like custom kind (`spec.jobTemplate`), KEDA's
 * ScaledJob (`spec.jobTargetRef`). A pod spec is recognised by its `containers` list.
 */
const podTemplatePaths: readonly string[][] = [
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ['spec', 'jobTargetRef', 'template', 'spec'],
];

/** Where a document keeps its pod spec, if it has one. */
function podSpecPathOf(root: YAMLMap, group: string, kind: string): string[] | undefined {
  if (workloadGroups.has(group)) return podSpecPaths[kind];
  if (isBuiltInGroup(group)) return undefined;
  return podTemplatePaths.find((path) => seqAt(mapAt(root, ...path), 'containers') !== undefined);
}

export const workloadKinds = Object.keys(podSpecPaths);
export const selectorKinds = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'PodDisruptionBudget']);

/** Groups served by the Kubernetes API server itself (not CRDs). */
export function isBuiltInGroup(group: string): boolean {
  return builtinGroups.has(group);
}

const cache = new WeakMap<ManifestFile, ObjectFacts[]>();

/** Every Kubernetes object of the file, computed once per parse. */
export function objectsOf(file: ManifestFile): ObjectFacts[] {
  let objects = cache.get(file);
  if (!objects) {
    objects = [];
    for (const doc of file.documents) if (holdsObjects(doc)) objects.push(...objectsOfDocument(doc));
    cache.set(file, objects);
  }
  return objects;
}

const documentCache = new WeakMap<ManifestDocument, ObjectFacts[]>();

/**
 * The objects of one `---` document (the document's object, and a list's items after it), as
 * objectsOf has them: what is kept per document (documentFindings.ts, the index summaries, the
 * schema findings) asks only for the documents an edit changed.
 */
export function objectsOfDocument(doc: ManifestDocument): ObjectFacts[] {
  let objects = documentCache.get(doc);
  if (!objects) {
    objects = [];
    const facts = describeObject(doc);
    if (facts) {
      objects.push(facts);
      if (isListKind(facts)) objects.push(...listItems(facts));
    }
    documentCache.set(doc, objects);
  }
  return objects;
}

/**
 * Whether a document has objects (describeObject gives one), told without reading its nodes: a
 * moved document not yet copied (incrementalParse.ts) stays so.
 */
export function holdsObjects(doc: ManifestDocument): boolean {
  return doc.isKubernetes && !!doc.kind && !!doc.apiVersion && isMap(contentsForShape(doc.yaml));
}

/** `kind: List` (what `kubectl get -o yaml` prints) and the typed lists of built-in groups (`RoleList`). */
function isListKind(object: ObjectFacts): boolean {
  return object.kind === 'List' || (object.builtIn && object.kind.endsWith('List') && object.kind.length > 4);
}

/**
 * The items of a list, each an object of its own: kubectl applies them one by one, so every rule
 * checks them as it checks documents. Each item's pseudo-document spans the item (its index stays
 * the list's). Items of a typed list (`RoleList`) may leave out their apiVersion and kind.
 */
function listItems(list: ObjectFacts): ObjectFacts[] {
  const items = list.root.get('items', true);
  if (!isSeq(items)) return [];
  const out: ObjectFacts[] = [];
  for (const item of items.items) {
    if (!isMap(item) || !item.range) continue;
    const apiVersion = stringAt(item, 'apiVersion') ?? (list.kind === 'List' ? undefined : list.apiVersion);
    const kind = stringAt(item, 'kind') ?? (list.kind === 'List' ? undefined : list.kind.slice(0, -4));
    if (!apiVersion || !kind) continue;
    const doc: ManifestDocument = { ...list.doc, apiVersion, kind, isKubernetes: true, start: item.range[0], end: item.range[2] };
    const facts = describeObject(doc, item);
    if (facts) out.push(facts);
  }
  return out;
}

export function describeObject(doc: ManifestDocument, root: unknown = doc.yaml.contents): ObjectFacts | undefined {
  if (!doc.isKubernetes || !isMap(root) || !doc.kind || !doc.apiVersion) return undefined;
  const { group, version } = splitApiVersion(doc.apiVersion);
  const metadata = mapAt(root, 'metadata');
  const labelsNode = mapAt(metadata, 'labels');
  const annotationsNode = mapAt(metadata, 'annotations');
  const spec = mapAt(root, 'spec');
  const facts: ObjectFacts = {
    doc, root, apiVersion: doc.apiVersion, group, version, kind: doc.kind,
    builtIn: isBuiltInGroup(group),
    metadata,
    name: stringAt(metadata, 'name'),
    namePair: pairOf(metadata, 'name'),
    namespace: stringAt(metadata, 'namespace'),
    labels: stringMap(labelsNode), labelsNode,
    annotations: stringMap(annotationsNode), annotationsNode,
    spec,
    replicas: numberAt(spec, 'replicas'),
  };
  const podSpecPath = podSpecPathOf(root, group, doc.kind);
  if (podSpecPath) facts.workload = describeWorkload(root, podSpecPath);
  if (selectorKinds.has(doc.kind) && facts.builtIn) facts.selector = labelSelector(mapAt(spec, 'selector'));
  return facts;
}

function describeWorkload(root: YAMLMap, path: string[]): WorkloadFacts | undefined {
  const podSpec = mapAt(root, ...path);
  if (!podSpec) return undefined;
  const template = path.length > 1 ? mapAt(root, ...path.slice(0, -1)) : undefined;
  const templateLabelsNode = mapAt(template ?? root, 'metadata', 'labels');
  return {
    podSpec,
    podSpecPath: path,
    template,
    templateLabels: stringMap(templateLabelsNode),
    templateLabelsNode,
    podSecurityContext: mapAt(podSpec, 'securityContext'),
    containers: [
      ...containersIn(seqAt(podSpec, 'initContainers'), 'initContainer'),
      ...containersIn(seqAt(podSpec, 'containers'), 'container'),
      ...containersIn(seqAt(podSpec, 'ephemeralContainers'), 'ephemeralContainer'),
    ],
  };
}

function containersIn(seq: YAMLSeq | undefined, role: ContainerRole): ContainerFacts[] {
  return mapItems(seq).map((node) => ({
    node,
    role,
    name: stringAt(node, 'name'),
    nameNode: scalarAt(node, 'name'),
    image: stringAt(node, 'image'),
    imageNode: scalarAt(node, 'image'),
    ports: mapItems(seqAt(node, 'ports')).map((port) => ({
      node: port,
      name: stringAt(port, 'name'),
      number: numberAt(port, 'containerPort'),
      protocol: stringAt(port, 'protocol') ?? 'TCP',
    })),
    securityContext: mapAt(node, 'securityContext'),
    resources: mapAt(node, 'resources'),
    env: seqAt(node, 'env'),
  }));
}

export function labelSelector(node: YAMLMap | undefined): LabelSelectorFacts | undefined {
  if (!node) return undefined;
  const matchLabelsNode = mapAt(node, 'matchLabels');
  const expressions = seqAt(node, 'matchExpressions');
  return { node, matchLabels: stringMap(matchLabelsNode), matchLabelsNode, hasExpressions: !!expressions && expressions.items.length > 0 };
}

/** Does a `{key: value}` selector select these labels? An empty selector selects nothing here. */
export function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  if (keys.length === 0) return false;
  return keys.every((key) => labels[key] === selector[key]);
}

/** Containers that actually run the app (not init or debug containers). */
export function appContainers(workload: WorkloadFacts | undefined): ContainerFacts[] {
  return workload ? workload.containers.filter((c) => c.role === 'container') : [];
}

/** Effective security setting: the container's value, else the pod's (pod-level fields that containers inherit). */
export function securitySetting(workload: WorkloadFacts, container: ContainerFacts, key: string): unknown {
  const own = scalarAt(container.securityContext, key)?.value;
  if (own !== undefined && own !== null) return own;
  return scalarAt(workload.podSecurityContext, key)?.value;
}

export { valueOf };

/**
 * The labels a workload's pods get from its template, even when the template has no pod spec yet
 * (a fragment being written, a kustomize base completed elsewhere).
 */
export function podTemplateLabels(object: ObjectFacts): Record<string, string> | undefined {
  if (object.workload) return object.workload.templateLabels;
  const path = workloadGroups.has(object.group) ? podSpecPaths[object.kind] : undefined;
  if (!path || path.length < 2) return undefined;
  const template = mapAt(object.root, ...path.slice(0, -1));
  return template ? stringMap(mapAt(template, 'metadata', 'labels')) : undefined;
}
