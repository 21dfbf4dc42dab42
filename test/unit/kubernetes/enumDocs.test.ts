// Every enum value a user can complete on a workload, Service, Ingress, PVC, NetworkPolicy, HPA or PDB
// says what it does, in English and Chinese, and the value used when the field is left out comes first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { DocsLanguage } from '../../../server/src/common/localized';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { kindsNamed, resolveType, type FieldSchema, type PathSegment, type SchemaType } from '../../../server/src/kubernetes/schema';
import { enumDefault, enumDocs } from '../../../server/src/kubernetes/schema/enumDocs';
import { contextFor, manifest } from '../helpers';

const kinds = [
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob',
  'Service', 'Ingress', 'PersistentVolumeClaim', 'NetworkPolicy', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
];
const cjk = /[\u4e00-\u9fff]/;

interface Reachable { field: FieldSchema; apiVersion: string; kind: string; path: PathSegment[] }

/** Every enum field reachable from the kinds above, with the first path (breadth first) that reaches it. */
function reachableEnums(): Map<string, Reachable> {
  const found = new Map<string, Reachable>();
  for (const name of kinds) {
    for (const kind of kindsNamed(name)) {
      const seen = new Set<string>();
      const queue: { type: SchemaType; path: PathSegment[] }[] = [{ type: { type: 'object', ref: kind.root }, path: [] }];
      while (queue.length) {
        const { type, path } = queue.shift()!;
        if (type.type === 'array' && type.items) { queue.push({ type: type.items, path: [...path, 0] }); continue; }
        if (type.type !== 'object' || !type.ref || seen.has(type.ref)) continue;
        seen.add(type.ref);
        for (const field of resolveType(type.ref)!.properties.values()) {
          if (field.name === 'status') continue;
          const key = `${field.owner}.${field.name}`;
          if (field.enum && !found.has(key)) found.set(key, { field, apiVersion: kind.apiVersion, kind: kind.kind, path: [...path, field.name] });
          queue.push({ type: field.type, path: [...path, field.name] });
        }
      }
    }
  }
  return found;
}

const reachable = reachableEnums();
const marker = 'CURSOR_HERE';

/** A manifest with the cursor where the field's value goes (a list entry for a list of values). */
function completeEnum(entry: Reachable, lang: DocsLanguage): CompletionItem[] {
  const root: Record<string, unknown> = { apiVersion: entry.apiVersion, kind: entry.kind };
  let node: Record<string, unknown> | unknown[] = root;
  entry.path.forEach((segment, i) => {
    const last = i === entry.path.length - 1;
    const next = entry.path[i + 1];
    const value = last ? (entry.field.type.type === 'array' ? [marker] : marker) : typeof next === 'number' ? [] : {};
    if (Array.isArray(node)) node.push(value); else node[segment as string] = value;
    node = value as Record<string, unknown> | unknown[];
  });
  const text = stringify(root);
  const offset = text.indexOf(marker);
  const source = text.slice(0, offset) + text.slice(offset + marker.length);
  const file = manifest(source);
  const list = kubernetesService.complete!(file, file.document.positionAt(offset), contextFor(lang));
  return [...(list?.items ?? [])].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
}

test('the enums reachable from the common kinds include the ones users set most', () => {
  for (const key of ['V1Container.imagePullPolicy', 'V1PodSpec.restartPolicy', 'V1PodSpec.dnsPolicy', 'V1ServiceSpec.type', 'V1ServiceSpec.externalTrafficPolicy',
    'V1ServiceSpec.internalTrafficPolicy', 'V1ServiceSpec.sessionAffinity', 'V1ServicePort.protocol', 'V1CronJobSpec.concurrencyPolicy', 'V1StatefulSetSpec.podManagementPolicy',
    'V1DeploymentStrategy.type', 'V1PersistentVolumeClaimSpec.accessModes', 'V1PersistentVolumeClaimSpec.volumeMode', 'V1HTTPIngressPath.pathType',
    'V1NetworkPolicySpec.policyTypes', 'V1Toleration.operator', 'V1LabelSelectorRequirement.operator', 'V1Toleration.effect', 'V1PodSpec.preemptionPolicy',
    'V1SeccompProfile.type', 'V1AppArmorProfile.type', 'V1PodSecurityContext.fsGroupChangePolicy', 'V1Container.terminationMessagePolicy']) {
    assert.ok(reachable.has(key), `${key} is not reachable: the walk is broken`);
  }
  assert.ok(reachable.size >= 50, `only ${reachable.size} enum fields found`);
});

test('every value of every reachable enum has a one-line doc in English and in Chinese', () => {
  const missing: string[] = [];
  for (const [key, { field }] of reachable) {
    for (const value of field.enum!) {
      const doc = enumDocs[key]?.values[value];
      if (!doc) { missing.push(`${key} = "${value}"`); continue; }
      assert.match(doc.en, /^[^\u4e00-\u9fff\n]{10,100}$/, `${key} = ${value}: the English line`);
      assert.match(doc.zh, cjk, `${key} = ${value}: the Chinese line has no Chinese`);
      assert.doesNotMatch(doc.zh, /\n/, `${key} = ${value}: the Chinese line is one line`);
      assert.ok(doc.zh.length <= 60, `${key} = ${value}: the Chinese line is too long for a detail`);
    }
  }
  assert.deepEqual(missing, [], 'enum values without docs');
});

test('the table documents real enums only, and its defaults are values of the enum', () => {
  for (const [key, docs] of Object.entries(enumDocs)) {
    const [owner, name] = key.split('.') as [string, string];
    const field = resolveType(owner)?.properties.get(name);
    assert.ok(field?.enum, `${key} is not an enum field of the schema`);
    assert.deepEqual(Object.keys(docs.values).sort(), [...field.enum].sort(), `${key}: the table's values differ from the schema's`);
    if (typeof docs.default === 'string') assert.ok(field.enum.includes(docs.default), `${key}: default ${docs.default}`);
    if (typeof docs.default === 'string' && field.default !== undefined) assert.equal(docs.default, field.default, `${key}: the table contradicts the schema's default`);
  }
});

for (const lang of ['en', 'zh-cn'] as const) {
  test(`completion of every reachable enum: detail and docs on each value, the default first (${lang})`, () => {
    for (const [key, entry] of reachable) {
      const items = completeEnum(entry, lang);
      const labels = items.map((i) => i.label);
      assert.deepEqual([...labels].sort(), entry.field.enum!.map((v) => (v === '' ? '""' : v)).sort(), `${key}: the completion list`);
      for (const item of items) {
        assert.ok(item.detail, `${key} = ${item.label}: no detail`);
        const docs = (item.documentation as { value: string } | undefined)?.value ?? '';
        assert.ok(docs.includes(item.detail), `${key} = ${item.label}: the docs do not carry the value's meaning`);
        if (lang === 'zh-cn') assert.match(item.detail, cjk, `${key} = ${item.label}: the detail is not in Chinese`);
        else assert.doesNotMatch(item.detail, cjk, `${key} = ${item.label}: the English detail has Chinese in it`);
      }
      const dflt = enumDefault(key, entry.field.default, { kind: entry.kind, sibling: () => undefined });
      const marked = items.filter((i) => i.labelDetails?.description);
      if (dflt === undefined) {
        assert.deepEqual(marked, [], `${key}: a default is marked though none is known`);
      } else {
        assert.equal(labels[0], dflt === '' ? '""' : dflt, `${key}: the default ${dflt} is not first`);
        assert.deepEqual(marked.map((i) => i.label), [labels[0]], `${key}: only the default is marked`);
        assert.equal(marked[0]!.labelDetails!.description, lang === 'zh-cn' ? '默认值' : 'default');
      }
    }
  });
}
