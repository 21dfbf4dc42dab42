import { isMap, type Scalar, type YAMLMap } from 'yaml';
import type { ObjectFacts } from './objects';
import { booleanAt, mapAt, mapItems, scalarAt, seqAt } from './yamlNodes';

/**
 * Places where a pod refers to a ConfigMap or Secret by name. Shared by the dangling-reference
 * rule and by navigation (go to the ConfigMap from `configMapKeyRef`).
 */
export interface ConfigReference {
  kind: 'ConfigMap' | 'Secret';
  nameNode: Scalar;
  name: string;
  key?: string;
  keyNode?: Scalar;
  optional: boolean;
  /** What kind of reference, for messages: `configMapKeyRef`, `secret volume`… */
  via: string;
}

function reference(kind: 'ConfigMap' | 'Secret', map: YAMLMap | undefined, nameField: string, via: string, withKey: boolean): ConfigReference | undefined {
  const nameNode = scalarAt(map, nameField);
  if (!map || !nameNode || typeof nameNode.value !== 'string') return undefined;
  const keyNode = withKey ? scalarAt(map, 'key') : undefined;
  return {
    kind, nameNode, name: nameNode.value, via,
    key: keyNode && typeof keyNode.value === 'string' ? keyNode.value : undefined, keyNode,
    optional: booleanAt(map, 'optional') === true,
  };
}

export function configReferences(object: ObjectFacts): ConfigReference[] {
  const workload = object.workload;
  if (!workload) return [];
  const out: ConfigReference[] = [];
  const add = (ref: ConfigReference | undefined) => { if (ref) out.push(ref); };
  for (const container of workload.containers) {
    for (const env of mapItems(container.env)) {
      add(reference('ConfigMap', mapAt(env, 'valueFrom', 'configMapKeyRef'), 'name', 'configMapKeyRef', true));
      add(reference('Secret', mapAt(env, 'valueFrom', 'secretKeyRef'), 'name', 'secretKeyRef', true));
    }
    for (const source of mapItems(seqAt(container.node, 'envFrom'))) {
      add(reference('ConfigMap', mapAt(source, 'configMapRef'), 'name', 'configMapRef', false));
      add(reference('Secret', mapAt(source, 'secretRef'), 'name', 'secretRef', false));
    }
  }
  for (const volume of mapItems(seqAt(workload.podSpec, 'volumes'))) {
    add(reference('ConfigMap', mapAt(volume, 'configMap'), 'name', 'configMap volume', false));
    add(reference('Secret', mapAt(volume, 'secret'), 'secretName', 'secret volume', false));
    for (const source of seqAt(mapAt(volume, 'projected'), 'sources')?.items ?? []) {
      if (!isMap(source)) continue;
      add(reference('ConfigMap', mapAt(source, 'configMap'), 'name', 'projected configMap', false));
      add(reference('Secret', mapAt(source, 'secret'), 'name', 'projected secret', false));
    }
  }
  for (const pullSecret of seqAt(workload.podSpec, 'imagePullSecrets')?.items ?? []) {
    if (isMap(pullSecret)) add(reference('Secret', pullSecret, 'name', 'imagePullSecrets', false));
  }
  return out.filter((ref) => !/[{}$<>]/.test(ref.name));
}

