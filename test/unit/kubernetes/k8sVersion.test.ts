import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeKubernetesVersion, normalizeSettings } from '../../../server/src/common/settings';
import { parseStevedoreConfig } from '../../../server/src/config/stevedoreConfig';
import { apiVersionInfo } from '../../../server/src/kubernetes/schema';
import { hoverAt } from './k8sFeatureKit';
import { codesOf, diagnose } from './k8sTestKit';

const flowSchema = (apiVersion: string) => `apiVersion: ${apiVersion}\nkind: FlowSchema\nmetadata:\n  name: x\nspec:\n  priorityLevelConfiguration:\n    name: global-default\n`;
const versionCodes = (text: string, version?: string) => codesOf(text, { settings: version ? { kubernetes: { version } } : undefined }).filter((c) => c.startsWith('api-version'));

test('flowcontrol v1beta3: fine on 1.28, deprecated on 1.29–1.31, removed from 1.32', () => {
  const beta3 = flowSchema('flowcontrol.apiserver.k8s.io/v1beta3');
  assert.deepEqual(versionCodes(beta3, '1.28'), []);
  assert.deepEqual(versionCodes(beta3, '1.30'), ['api-version-deprecated']);
  assert.deepEqual(versionCodes(beta3, '1.32'), ['api-version-removed']);
  assert.deepEqual(versionCodes(beta3, '1.36'), ['api-version-removed']);
  assert.deepEqual(versionCodes(beta3), ['api-version-removed'], 'the default target is 1.36');
  const [deprecated] = diagnose(beta3, { settings: { kubernetes: { version: '1.30' } } }).filter((d) => d.code === 'api-version-deprecated');
  assert.match(String(deprecated!.message), /deprecated since Kubernetes 1\.29 and removed in 1\.32; use flowcontrol\.apiserver\.k8s\.io\/v1/);
});

test('flowcontrol v1beta2 is removed from 1.29; APIs removed before 1.28 are removed on every target', () => {
  assert.deepEqual(versionCodes(flowSchema('flowcontrol.apiserver.k8s.io/v1beta2'), '1.28'), []);
  assert.deepEqual(versionCodes(flowSchema('flowcontrol.apiserver.k8s.io/v1beta2'), '1.29'), ['api-version-removed']);
  const cronJob = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: c\n';
  for (const version of ['1.28', '1.32', '1.36']) assert.ok(versionCodes(cronJob, version).includes('api-version-removed'), version);
});

test('an apiVersion newer than the target is reported; the kind stays known', () => {
  const v1 = flowSchema('flowcontrol.apiserver.k8s.io/v1');
  assert.deepEqual(versionCodes(v1, '1.28'), ['api-version-too-new']);
  assert.deepEqual(versionCodes(v1, '1.29'), []);
  const vap = 'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: p\nspec:\n  validations:\n    - expression: "true"\n';
  assert.deepEqual(versionCodes(vap, '1.29'), ['api-version-too-new']);
  assert.deepEqual(versionCodes(vap, '1.30'), []);
  const [message] = diagnose(v1, { settings: { kubernetes: { version: '1.28' } }, lang: 'zh-cn' }).filter((d) => d.code === 'api-version-too-new').map((d) => String(d.message));
  assert.match(message!, /从 Kubernetes 1\.29 起才提供，而目标版本是 1\.28/);
});

test('Endpoints is deprecated from 1.33 only', () => {
  const endpoints = 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: ext\n';
  assert.deepEqual(versionCodes(endpoints, '1.32'), []);
  assert.deepEqual(versionCodes(endpoints, '1.33'), ['api-version-deprecated']);
  assert.equal(apiVersionInfo('v1', 'Endpoints', '1.28').status, 'served');
});

test('hover on apiVersion says when it was added, deprecated and removed, and what the target serves', () => {
  const beta3 = hoverAt(flowSchema('flowcontrol.apiserver.k8s.io/v1b|eta3'), 'en', { kubernetes: { version: '1.28' } })!;
  assert.match(beta3, /Deprecated in 1\.29 · removed in 1\.32\./);
  assert.match(beta3, /Served by Kubernetes 1\.28\./);
  const removed = hoverAt(flowSchema('flowcontrol.apiserver.k8s.io/v1b|eta3'))!;
  assert.match(removed, /Removed in Kubernetes 1\.32/);
  const added = hoverAt(flowSchema('flowcontrol.apiserver.k8s.io/v|1'), 'en', { kubernetes: { version: '1.28' } })!;
  assert.match(added, /Added in Kubernetes 1\.29\./);
  assert.match(added, /Not served by the target release, Kubernetes 1\.28/);
  const zh = hoverAt(flowSchema('flowcontrol.apiserver.k8s.io/v|1'), 'zh-cn')!;
  assert.match(zh, /自 Kubernetes 1\.29 起提供。/);
  assert.match(zh, /Kubernetes 1\.36 提供此版本。/);
});

test('the setting accepts 1.28–1.36 in its usual spellings; anything else falls back to 1.36', () => {
  for (const [input, expected] of [['1.30', '1.30'], ['v1.28', '1.28'], ['1.32.4', '1.32'], [1.3, '1.30'], [1.29, '1.29'], ['1.27', undefined], ['1.37', undefined], ['latest', undefined]] as const) {
    assert.equal(normalizeKubernetesVersion(input), expected, String(input));
  }
  assert.equal(normalizeSettings({ kubernetes: { version: '1.31' } }).kubernetes.version, '1.31');
  assert.equal(normalizeSettings({ kubernetes: { version: '2.0' } }).kubernetes.version, '1.36');
  assert.equal(normalizeSettings({}).kubernetes.version, '1.36');
});

test('.stevedore.yaml: kubernetesVersion, kubernetes-version (kube-linter\'s spelling) or kubernetes.version', () => {
  for (const text of ['kubernetesVersion: "1.29"\n', 'kubernetes-version: 1.29\n', 'kubernetes:\n  version: v1.29\n']) {
    const parsed = parseStevedoreConfig(text, '/work/.stevedore.yaml');
    assert.deepEqual(parsed.problems, [], text);
    assert.equal(parsed.config!.settings.kubernetes.version, '1.29', text);
  }
  const wrong = parseStevedoreConfig('kubernetesVersion: "1.12"\n', '/work/.stevedore.yaml');
  assert.equal(wrong.problems.length, 1);
  assert.equal(wrong.config!.settings.kubernetes.version, '1.36');
  // Read the way every front reads it: the project file decides the target.
  const files = { readText: (path: string) => (path === '/work/.stevedore.yaml' ? 'kubernetesVersion: "1.28"\n' : undefined) };
  assert.deepEqual(codesOf(flowSchema('flowcontrol.apiserver.k8s.io/v1beta3'), { files, filePath: '/work/app.yaml' }).filter((c) => c.startsWith('api-version')), []);
});

const podWith = (extra: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${extra}  containers:\n    - name: app\n      image: nginx:1.27\n`;

test('fields added after the target release are reported, dated to the earliest release that may have them', () => {
  const podResources = podWith('  resources:\n    limits:\n      memory: 1Gi\n');
  const found = (text: string, version: string) => diagnose(text, { settings: { kubernetes: { version } } }).filter((d) => d.code === 'field-too-new').map((d) => String(d.message));
  assert.deepEqual(found(podResources, '1.30'), ['‘resources’ came with Kubernetes 1.31; the target release is 1.30.']);
  assert.deepEqual(found(podResources, '1.32'), []);
  assert.deepEqual(found(podResources, '1.36'), []);
  // Deep fields too: a container's sidecar restart policy rules (1.34), a Job's managedBy (1.31).
  const sidecar = podWith('').replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      restartPolicyRules:\n        - action: Restart\n          exitCodes:\n            operator: In\n            values: [42]\n');
  assert.equal(found(sidecar, '1.33').length, 1);
  assert.equal(found(sidecar, '1.34').length, 0);
  // Fields every accepted target has are never reported.
  assert.deepEqual(found(podWith('  hostNetwork: false\n'), '1.28'), []);
  assert.match(hoverAt(podResources.replace('  resources:', '  reso|urces:'))!, /Added in Kubernetes 1\.31\./);
});

test('the field table names real fields of the schema, each with a release from 1.29 to 1.35', async () => {
  const table = (await import('../../../server/src/kubernetes/schema/field-versions.json', { with: { type: 'json' } })).default as Record<string, string>;
  const schema = (await import('../../../server/src/kubernetes/schema/k8s-1.36.json', { with: { type: 'json' } })).default as { defs: Record<string, { p: Record<string, unknown> }> };
  assert.ok(Object.keys(table).length > 30);
  for (const [key, release] of Object.entries(table)) {
    const [def, field] = [key.slice(0, key.indexOf('.')), key.slice(key.indexOf('.') + 1)];
    assert.ok(schema.defs[def]?.p[field], key);
    assert.match(release, /^1\.(29|3[0-5])$/, key);
  }
  assert.equal(table['V1PodSpec.resources'], '1.31');
  assert.equal(table['V1PodSpec.hostNetwork'], undefined);
});
