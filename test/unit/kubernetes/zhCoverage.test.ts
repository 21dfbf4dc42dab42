import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds, getKindSchema, resolveType, type FieldSchema, type SchemaType } from '../../../server/src/kubernetes/schema';
import { enumDocs } from '../../../server/src/kubernetes/schema/enumDocs';
import { fieldDocsZh } from '../../../server/src/kubernetes/schema/fieldDocsZh';

/**
 * The kinds users write most (the workloads) and their companions: every field reachable from
 * them must have our Chinese text, so a Chinese user never meets the English fallback there.
 */
const commonKinds: ReadonlyArray<readonly [string, string]> = [
  ['apps/v1', 'Deployment'], ['apps/v1', 'DaemonSet'], ['apps/v1', 'StatefulSet'], ['apps/v1', 'ReplicaSet'],
  ['v1', 'ReplicationController'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'], ['v1', 'Pod'], ['v1', 'Service'], ['networking.k8s.io/v1', 'Ingress'],
  ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'PersistentVolumeClaim'], ['v1', 'Namespace'], ['v1', 'ServiceAccount'],
  ['rbac.authorization.k8s.io/v1', 'Role'], ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding'], ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
  ['networking.k8s.io/v1', 'NetworkPolicy'], ['policy/v1', 'PodDisruptionBudget'],
];

function innermostRef(type: SchemaType): string | undefined {
  let t: SchemaType | undefined = type;
  while (t && !t.ref && (t.items || t.additionalProperties)) t = t.items ?? t.additionalProperties;
  return t?.ref;
}

/** Every field reachable from the given root definitions (a status is written by the server: skipped). */
function reachableFields(roots: readonly string[]): FieldSchema[] {
  const seen = new Set<string>();
  const fields: FieldSchema[] = [];
  const visit = (ref: string): void => {
    if (seen.has(ref)) return;
    seen.add(ref);
    for (const field of resolveType(ref)?.properties.values() ?? []) {
      if (field.name === 'status') continue;
      fields.push(field);
      const next = innermostRef(field.type);
      if (next) visit(next);
    }
  };
  roots.forEach(visit);
  return fields;
}

const hasZh = (f: FieldSchema): boolean => fieldDocsZh()[`${f.owner}.${f.name}`] !== undefined || fieldDocsZh()[`*.${f.name}`] !== undefined;

test('every field reachable from the common kinds has Chinese text', () => {
  const roots = commonKinds.map(([apiVersion, kind]) => {
    const schema = getKindSchema(apiVersion, kind);
    assert.ok(schema, `${apiVersion} ${kind}`);
    return schema.root;
  });
  const fields = reachableFields(roots);
  assert.ok(fields.length > 800, `only ${fields.length} fields reached: the walk is broken`);
  const missing = fields.filter((f) => !hasZh(f)).map((f) => `${f.owner}.${f.name}`);
  assert.deepEqual(missing, []);
});

test('every value of every built-in enum field has a one-line doc in both languages', () => {
  const roots = allKinds().filter((k) => k.source === 'builtin').map((k) => k.root);
  const withEnums = reachableFields(roots).filter((f) => f.enum && f.enum.length > 0);
  assert.ok(withEnums.length > 40, `only ${withEnums.length} enum fields found`);
  const missing: string[] = [];
  for (const field of withEnums) {
    for (const value of field.enum!) {
      const doc = enumDocs[`${field.owner}.${field.name}`]?.values[value];
      if (!doc || doc.en.trim() === '' || !/[\u4e00-\u9fff]/.test(doc.zh)) missing.push(`${field.owner}.${field.name}=${value}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the Chinese docs follow the Kubernetes zh-cn glossary for the key terms', () => {
  // kubernetes.io/zh-cn: toleration 容忍度, taint 污点, affinity 亲和性, probe 探针.
  const text = Object.values(fieldDocsZh()).join('\n');
  for (const term of ['容忍', '污点', '亲和性', '探针']) assert.ok(text.includes(term), term);
  assert.ok(!/容忍性|亲和力/.test(text), 'uses a term the glossary does not');
});
