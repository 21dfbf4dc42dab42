import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  allKinds, apiVersionInfo, fieldAt, getKindSchema, kindsNamed, resolveType, typeLabel,
} from '../../../server/src/kubernetes/schema';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const schemaFile = path.join(repoRoot, 'server/src/kubernetes/schema/k8s-1.36.json');

test('the committed schema is what the generator produces from @kubernetes/client-node', async () => {
  const { generateSchema } = await import(path.join(repoRoot, 'scripts/gen-k8s-schema.mjs'));
  const generated: string = await generateSchema();
  assert.equal(generated, readFileSync(schemaFile, 'utf8'), 'run node scripts/gen-k8s-schema.mjs');
});

test('the shipped schema stays under 1.5 MB', () => {
  assert.ok(readFileSync(schemaFile).length < 1.5 * 1024 * 1024);
});

test('every built-in group asked for has its kinds', () => {
  const expected: [string, string][] = [
    ['v1', 'Pod'], ['v1', 'Service'], ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'PersistentVolumeClaim'],
    ['v1', 'Namespace'], ['v1', 'ServiceAccount'], ['v1', 'ReplicationController'], ['apps/v1', 'Deployment'],
    ['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'], ['apps/v1', 'ReplicaSet'], ['batch/v1', 'Job'],
    ['batch/v1', 'CronJob'], ['autoscaling/v2', 'HorizontalPodAutoscaler'], ['autoscaling/v1', 'HorizontalPodAutoscaler'],
    ['networking.k8s.io/v1', 'Ingress'], ['networking.k8s.io/v1', 'NetworkPolicy'], ['networking.k8s.io/v1', 'IngressClass'],
    ['rbac.authorization.k8s.io/v1', 'Role'], ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'],
    ['policy/v1', 'PodDisruptionBudget'], ['storage.k8s.io/v1', 'StorageClass'], ['scheduling.k8s.io/v1', 'PriorityClass'],
    ['coordination.k8s.io/v1', 'Lease'], ['discovery.k8s.io/v1', 'EndpointSlice'],
    ['admissionregistration.k8s.io/v1', 'ValidatingWebhookConfiguration'], ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'],
    ['certificates.k8s.io/v1', 'CertificateSigningRequest'], ['node.k8s.io/v1', 'RuntimeClass'],
  ];
  for (const [apiVersion, kind] of expected) assert.ok(getKindSchema(apiVersion, kind), `${apiVersion} ${kind}`);
  assert.equal(getKindSchema('apps/v1', 'Pod'), undefined);
  assert.equal(getKindSchema('v1', 'Deployment'), undefined);
  assert.deepEqual(kindsNamed('HorizontalPodAutoscaler').map((k) => k.apiVersion).sort(), ['autoscaling/v1', 'autoscaling/v2']);
  assert.equal(getKindSchema('v1', 'Namespace')!.namespaced, false);
  assert.equal(getKindSchema('apps/v1', 'Deployment')!.namespaced, true);
});

test('required fields come from the models', () => {
  const deployment = getKindSchema('apps/v1', 'Deployment')!;
  assert.deepEqual(resolveType('V1DeploymentSpec')!.required, ['selector', 'template']);
  assert.equal(fieldAt(deployment, ['spec', 'template', 'spec', 'containers'])!.field!.required, true);
  assert.equal(fieldAt(deployment, ['spec', 'template', 'spec', 'containers', 0, 'name'])!.field!.required, true);
  assert.equal(fieldAt(deployment, ['spec', 'template', 'spec', 'containers', 0, 'image'])!.field!.required, false);
  assert.equal(fieldAt(deployment, ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'containerPort'])!.field!.required, true);
  const cron = getKindSchema('batch/v1', 'CronJob')!;
  assert.deepEqual([...resolveType(fieldAt(cron, ['spec'])!.type.ref!)!.required].sort(), ['jobTemplate', 'schedule']);
  const service = getKindSchema('v1', 'Service')!;
  assert.equal(fieldAt(service, ['spec', 'ports', 0, 'port'])!.field!.required, true);
});

test('types: int-or-string, quantity, formats, maps and any', () => {
  const deployment = getKindSchema('apps/v1', 'Deployment')!;
  const container = ['spec', 'template', 'spec', 'containers', 0];
  assert.equal(fieldAt(deployment, ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])!.type.type, 'int-or-string');
  assert.equal(fieldAt(deployment, [...container, 'livenessProbe', 'httpGet', 'port'])!.type.type, 'int-or-string');
  assert.deepEqual(fieldAt(deployment, ['spec', 'replicas'])!.type, { type: 'integer', format: 'int32' });
  assert.equal(fieldAt(deployment, [...container, 'resources', 'limits'])!.type.additionalProperties!.type, 'quantity');
  const cpu = fieldAt(deployment, [...container, 'resources', 'limits', 'cpu'])!;
  assert.equal(cpu.type.type, 'quantity');
  assert.equal(cpu.mapEntry, true);
  const label = fieldAt(deployment, ['metadata', 'labels', 'app'])!;
  assert.deepEqual(label.type, { type: 'string' });
  assert.equal(fieldAt(deployment, ['metadata', 'creationTimestamp'])!.type.format, 'date-time');
  assert.equal(fieldAt(getKindSchema('v1', 'Secret')!, ['data'])!.type.additionalProperties!.format, 'byte');
  assert.equal(fieldAt(getKindSchema('apps/v1', 'ControllerRevision')!, ['data', 'anything', 'goes'])!.type.type, 'any');
  assert.equal(fieldAt(deployment, ['spec', 'nope']), undefined);
  assert.equal(fieldAt(deployment, ['spec', 'replicas', 'deeper']), undefined);
  assert.equal(typeLabel(fieldAt(deployment, ['spec', 'template', 'spec', 'containers'])!.type), '[]Container');
  assert.equal(typeLabel(fieldAt(deployment, ['metadata', 'labels'])!.type), 'map[string]string');
});

test('enums come from the checked table and from "One of" text', () => {
  const deployment = getKindSchema('apps/v1', 'Deployment')!;
  const container = ['spec', 'template', 'spec', 'containers', 0];
  assert.deepEqual(fieldAt(deployment, [...container, 'imagePullPolicy'])!.field!.enum, ['Always', 'Never', 'IfNotPresent']);
  assert.deepEqual(fieldAt(deployment, ['spec', 'strategy', 'type'])!.field!.enum, ['Recreate', 'RollingUpdate']);
  assert.deepEqual(fieldAt(getKindSchema('v1', 'Service')!, ['spec', 'type'])!.field!.enum, ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
  assert.deepEqual(fieldAt(getKindSchema('batch/v1', 'CronJob')!, ['spec', 'concurrencyPolicy'])!.field!.enum, ['Allow', 'Forbid', 'Replace']);
  assert.deepEqual(fieldAt(getKindSchema('apps/v1', 'StatefulSet')!, ['spec', 'podManagementPolicy'])!.field!.enum, ['OrderedReady', 'Parallel']);
  assert.deepEqual(fieldAt(getKindSchema('networking.k8s.io/v1', 'Ingress')!, ['spec', 'rules', 0, 'http', 'paths', 0, 'pathType'])!.field!.enum, ['Exact', 'Prefix', 'ImplementationSpecific']);
  assert.ok(fieldAt(getKindSchema('v1', 'PersistentVolumeClaim')!, ['spec', 'accessModes'])!.field!.enum!.includes('ReadWriteOnce'));
});

// Fields whose values the API text does not spell out (checked against the Kubernetes API reference).
const enumsNotInText = new Set([
  'V1CSIDriverSpec.fsGroupPolicy', 'V1Container.restartPolicy', 'V1ContainerResizePolicy.restartPolicy', 'V1HTTPGetAction.scheme',
  'V1HostPathVolumeSource.type', 'V1PersistentVolumeClaimSpec.accessModes', 'V1PersistentVolumeClaimSpec.volumeMode',
  'V1PersistentVolumeSpec.accessModes', 'V1PersistentVolumeSpec.volumeMode', 'V1PolicyRule.verbs', 'V1ResourceFieldSelector.resource',
  'V1SecurityContext.procMount', 'V1ServiceSpec.trafficDistribution', 'V1StatefulSetUpdateStrategy.type', 'V1StorageClass.reclaimPolicy',
  'V1StorageClass.volumeBindingMode', 'V1VolumeMount.mountPropagation', 'V2HPAScalingPolicy.type', 'V2HPAScalingRules.selectPolicy',
]);

test('every enum value is named in the field description, except the listed hand-checked ones', () => {
  const seen = new Set<string>();
  const visit = (ref: string): void => {
    if (seen.has(ref)) return;
    seen.add(ref);
    for (const field of resolveType(ref)!.properties.values()) {
      if (field.enum && !enumsNotInText.has(`${ref}.${field.name}`)) {
        for (const value of field.enum) assert.ok(field.description?.includes(value), `${ref}.${field.name}: ${value}`);
      }
      for (const r of [field.type.ref, field.type.items?.ref, field.type.additionalProperties?.ref]) if (r) visit(r);
    }
  };
  for (const kind of allKinds()) visit(kind.root);
  assert.ok(seen.has('V1Container'));
});

test('descriptions are present for the main workload fields', () => {
  const cases: [string, string, (string | number)[]][] = [
    ['apps/v1', 'Deployment', ['spec', 'replicas']],
    ['apps/v1', 'Deployment', ['spec', 'strategy', 'rollingUpdate', 'maxUnavailable']],
    ['apps/v1', 'DaemonSet', ['spec', 'updateStrategy']],
    ['apps/v1', 'StatefulSet', ['spec', 'serviceName']],
    ['apps/v1', 'StatefulSet', ['spec', 'volumeClaimTemplates']],
    ['batch/v1', 'Job', ['spec', 'backoffLimit']],
    ['batch/v1', 'Job', ['spec', 'completions']],
    ['batch/v1', 'CronJob', ['spec', 'schedule']],
    ['batch/v1', 'CronJob', ['spec', 'jobTemplate']],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', ['spec', 'maxReplicas']],
    ['autoscaling/v2', 'HorizontalPodAutoscaler', ['spec', 'metrics']],
    ['v1', 'Service', ['spec', 'selector']],
    ['v1', 'Service', ['spec', 'ports', 0, 'targetPort']],
    ['v1', 'Pod', ['spec', 'containers', 0, 'image']],
  ];
  for (const [apiVersion, kind, p] of cases) {
    const lookup = fieldAt(getKindSchema(apiVersion, kind)!, p);
    assert.ok(lookup?.field?.description && lookup.field.description.length > 20, `${kind} ${p.join('.')}`);
  }
  assert.match(fieldAt(getKindSchema('v1', 'Service')!, ['spec', 'ports', 0, 'targetPort'])!.field!.description!, /pods/);
  assert.match(resolveType('V1Deployment')!.description!, /Deployment/);
});

test('defaults are extracted where the API states them', () => {
  const deployment = getKindSchema('apps/v1', 'Deployment')!;
  assert.equal(fieldAt(deployment, ['spec', 'replicas'])!.field!.default, '1');
  assert.equal(fieldAt(deployment, ['spec', 'revisionHistoryLimit'])!.field!.default, '10');
  assert.equal(fieldAt(deployment, ['spec', 'template', 'spec', 'restartPolicy'])!.field!.default, 'Always');
  assert.equal(fieldAt(deployment, ['spec', 'template', 'spec', 'terminationGracePeriodSeconds'])!.field!.default, '30');
  assert.equal(fieldAt(getKindSchema('batch/v1', 'Job')!, ['spec', 'backoffLimit'])!.field!.default, '6');
  assert.equal(fieldAt(getKindSchema('v1', 'Service')!, ['spec', 'type'])!.field!.default, 'ClusterIP');
  // "Defaults to Always if :latest tag is specified" is conditional: no single default.
  assert.equal(fieldAt(deployment, ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicy'])!.field!.default, undefined);
});

test('apiVersion table: served, removed with replacement, deprecated, unknown', () => {
  assert.equal(apiVersionInfo('apps/v1', 'Deployment').status, 'served');
  const ext = apiVersionInfo('extensions/v1beta1', 'Deployment');
  assert.deepEqual([ext.status, ext.removedIn, ext.replacement], ['removed', '1.16', 'apps/v1']);
  const ingress = apiVersionInfo('extensions/v1beta1', 'Ingress');
  assert.deepEqual([ingress.removedIn, ingress.replacement], ['1.22', 'networking.k8s.io/v1']);
  assert.equal(apiVersionInfo('batch/v1beta1', 'CronJob').removedIn, '1.25');
  assert.equal(apiVersionInfo('autoscaling/v2beta2', 'HorizontalPodAutoscaler').replacement, 'autoscaling/v2');
  assert.equal(apiVersionInfo('autoscaling/v2beta1', 'HorizontalPodAutoscaler').removedIn, '1.25');
  assert.equal(apiVersionInfo('policy/v1beta1', 'PodDisruptionBudget').replacement, 'policy/v1');
  const psp = apiVersionInfo('policy/v1beta1', 'PodSecurityPolicy');
  assert.equal(psp.replacement, undefined);
  assert.ok(psp.note);
  assert.equal(apiVersionInfo('networking.k8s.io/v1beta1', 'Ingress').status, 'removed');
  assert.equal(apiVersionInfo('rbac.authorization.k8s.io/v1beta1', 'ClusterRole').replacement, 'rbac.authorization.k8s.io/v1');
  assert.equal(apiVersionInfo('apps/v1beta2', 'StatefulSet').status, 'removed');
  assert.equal(apiVersionInfo('v1', 'Endpoints').status, 'deprecated');
  assert.equal(apiVersionInfo('v1', 'Pod').status, 'served');
  assert.equal(apiVersionInfo('cert-manager.io/v1', 'Certificate').status, 'unknown');
  assert.equal(apiVersionInfo('apps/v1', 'Pod').status, 'unknown');
  assert.equal(apiVersionInfo('apps/v1').status, 'served');
});

const swaggerPath = path.resolve(repoRoot, '..', 'shared', 'reference', 'kubernetes', 'swagger-v1.36.json');

test('cross-check against the Kubernetes 1.36 OpenAPI spec', { skip: existsSync(swaggerPath) ? false : `no ${swaggerPath}` }, () => {
  const swagger = JSON.parse(readFileSync(swaggerPath, 'utf8')) as { definitions: Record<string, { required?: string[]; properties?: Record<string, unknown>; 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[] }> };
  const byGvk = new Map<string, { required?: string[]; properties?: Record<string, unknown> }>();
  for (const def of Object.values(swagger.definitions)) {
    for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) {
      byGvk.set(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version}|${gvk.kind}`, def);
    }
  }
  for (const kind of allKinds()) {
    const def = byGvk.get(`${kind.apiVersion}|${kind.kind}`);
    assert.ok(def, `${kind.apiVersion} ${kind.kind} is in the OpenAPI spec`);
    const ours = resolveType(kind.root)!;
    assert.deepEqual([...ours.properties.keys()].sort(), Object.keys(def.properties ?? {}).sort(), kind.kind);
    assert.deepEqual([...ours.required].sort(), [...(def.required ?? [])].sort(), kind.kind);
  }
  const spec = swagger.definitions['io.k8s.api.core.v1.Container']!;
  assert.deepEqual([...resolveType('V1Container')!.properties.keys()].sort(), Object.keys(spec.properties!).sort());
});
