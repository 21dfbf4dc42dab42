import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { contextFor, manifest } from '../helpers';
import { codesOf, goodManifest } from './k8sTestKit';

const [deploymentText, serviceText] = goodManifest.split('---\n');
const deployUri = 'file:///ws/deploy.yaml';
const serviceUri = 'file:///ws/service.yaml';

test('cross-file: a Service in one file, its Deployment in another', () => {
  const index = new WorkspaceIndex();
  index.updateText(deployUri, deploymentText);
  index.updateText(serviceUri, serviceText);
  assert.ok(!codesOf(serviceText, { workspace: index, uri: serviceUri }).includes('service-selects-nothing'));
  // Alone, the Service selects nothing that we can see.
  assert.ok(codesOf(serviceText, { uri: serviceUri }).includes('service-selects-nothing'));
});

test('cross-file: renaming the label in the Deployment makes the Service warning appear', () => {
  const index = new WorkspaceIndex();
  index.updateText(deployUri, deploymentText);
  index.updateText(serviceUri, serviceText);
  const before = index.version;
  const renamed = deploymentText.replaceAll('app: web', 'app: frontend');
  assert.equal(index.updateText(deployUri, renamed), true);
  assert.ok(index.version > before);
  assert.ok(codesOf(serviceText, { workspace: index, uri: serviceUri }).includes('service-selects-nothing'));
  assert.ok(!codesOf(renamed, { workspace: index, uri: deployUri }).includes('selector-mismatch'));
  // And back.
  index.updateText(deployUri, deploymentText);
  assert.ok(!codesOf(serviceText, { workspace: index, uri: serviceUri }).includes('service-selects-nothing'));
});

test('the file being checked is read as typed, not as indexed', () => {
  const index = new WorkspaceIndex();
  index.updateText(serviceUri, `${serviceText}---\n${deploymentText.replaceAll('app: web', 'app: old')}`);
  // The unsaved text has the right labels: the stale indexed copy of the same file is ignored.
  assert.ok(!codesOf(`${serviceText}---\n${deploymentText}`, { workspace: index, uri: serviceUri }).includes('service-selects-nothing'));
});

test('moving text inside a file changes ranges but not meaning: no version bump', () => {
  const index = new WorkspaceIndex();
  index.updateText(deployUri, deploymentText);
  const version = index.version;
  assert.equal(index.updateText(deployUri, `# a comment\n${deploymentText}`), false);
  assert.equal(index.version, version);
  assert.equal(index.objectsIn(deployUri)[0].range.start.line, 4);
});

test('ConfigMaps and Secrets in other files satisfy references, keys included', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///ws/cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n');
  const withRef = (key: string) => deploymentText.replace('          ports:', `          env:\n            - name: MODE\n              valueFrom:\n                configMapKeyRef:\n                  name: settings\n                  key: ${key}\n          ports:`);
  assert.ok(!codesOf(withRef('mode'), { workspace: index, uri: deployUri }).includes('config-reference-missing'));
  assert.ok(codesOf(withRef('speed'), { workspace: index, uri: deployUri }).includes('config-reference-missing'));
  assert.ok(!codesOf(withRef('speed').replace('key: speed', 'key: speed\n                  optional: true'), { uri: deployUri }).includes('config-reference-missing'));
});

test('kustomize: generated ConfigMaps exist, patches are fragments, commonLabels complete selectors', () => {
  const index = new WorkspaceIndex();
  index.updateText('file:///ws/base/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels:\n  app: web\nresources:\n  - deployment.yaml\nconfigMapGenerator:\n  - name: settings\n    literals: [a=b]\npatches:\n  - path: ../overlay/replicas.yaml\n');
  const ref = deploymentText.replace('          ports:', '          envFrom:\n            - configMapRef:\n                name: settings\n          ports:');
  assert.ok(!codesOf(ref, { workspace: index, uri: 'file:///ws/base/deployment.yaml' }).includes('config-reference-missing'));
  const noSelector = deploymentText.replace('  selector:\n    matchLabels:\n      app: web\n', '');
  assert.ok(!codesOf(noSelector, { workspace: index, uri: 'file:///ws/base/deployment.yaml' }).includes('schema-required'));
  assert.ok(codesOf(noSelector, { uri: 'file:///elsewhere/deployment.yaml' }).includes('schema-required'));
  const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n';
  assert.deepEqual(codesOf(patch, { workspace: index, uri: 'file:///ws/overlay/replicas.yaml' }), []);
  assert.ok(codesOf(patch, { uri: 'file:///ws/other.yaml' }).includes('schema-required'));
});

test('the index stays bounded and ignores templates and non-Kubernetes YAML', () => {
  const index = new WorkspaceIndex({ maxFiles: 2, maxObjectsPerFile: 1 });
  assert.equal(index.updateText('file:///ws/a.yaml', goodManifest), true);
  assert.equal(index.objectsIn('file:///ws/a.yaml').length, 1);
  assert.equal(index.updateText('file:///ws/b.yaml', serviceText), true);
  assert.equal(index.updateText('file:///ws/c.yaml', serviceText), false);
  assert.equal(index.fileCount, 2);
  assert.equal(index.updateText('file:///ws/a.yaml', 'name: compose\nservices: {}\n'), true);
  assert.equal(index.has('file:///ws/a.yaml'), false);
  assert.equal(index.updateText('file:///ws/helm.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name }}\n'), false);
  assert.equal(index.removeUnder('file:///ws'), true);
  assert.equal(index.fileCount, 0);
});

test('the index takes parsed files from the editor too', () => {
  const index = new WorkspaceIndex();
  assert.equal(index.updateFile(deployUri, manifest(deploymentText, deployUri)), true);
  assert.equal(index.ofKind('Deployment')[0].name, 'web');
  assert.deepEqual(index.ofKind('Deployment')[0].podLabels, { app: 'web' });
});

test('image: completion offers base images of the workspace Dockerfiles', () => {
  const index = new WorkspaceIndex();
  index.setDockerfileImages('file:///w/api/Dockerfile', ['golang:1.23-alpine', 'registry.example.com/base:2.1']);
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: \n';
  const file = manifest(text);
  const list = kubernetesService.complete!(file, { line: 7, character: 13 }, { ...contextFor(), workspace: index });
  const labels = (list?.items ?? []).map((i) => String(i.label));
  assert.ok(labels.includes('registry.example.com/base:2.1'), JSON.stringify(labels));
  index.setDockerfileImages('file:///w/api/Dockerfile', []);
  assert.deepEqual(index.knownImages(), []);
});
