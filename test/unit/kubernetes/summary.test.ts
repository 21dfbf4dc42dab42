import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { contextFor, manifest } from '../helpers';

// The one-line summary the editor's language status shows (server: stevedore/documentSummary).

const en = contextFor('en');
const zh = contextFor('zh-cn');

test('a manifest: the schema version and the kinds, in the order they appear', () => {
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: admin\n';
  assert.deepEqual(kubernetesService.summary!(manifest(text), en), {
    language: 'kubernetes',
    text: 'Kubernetes 1.36 · Deployment, Service',
    detail: '3 objects: Deployment/web, Service/web, Service/admin',
  });
  assert.equal(kubernetesService.summary!(manifest(text), zh).detail, '3 个对象：Deployment/web、Service/web、Service/admin');
});

test('many kinds: three named, the rest counted', () => {
  const kinds = ['ConfigMap', 'Secret', 'Service', 'ServiceAccount', 'Namespace'];
  const text = kinds.map((kind) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: x\n`).join('---\n');
  assert.equal(kubernetesService.summary!(manifest(text), en).text, 'Kubernetes 1.36 · ConfigMap, Secret, Service +2');
});

test('the status names the release the checks target (stevedore.kubernetes.version)', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
  const older = contextFor('en', { settings: { kubernetes: { version: '1.30' } } });
  assert.equal(kubernetesService.summary!(manifest(text), older).text, 'Kubernetes 1.30 · Service');
});

test('YAML that is not Kubernetes, and a chart template, say why they get nothing', () => {
  const compose = kubernetesService.summary!(manifest('services:\n  web:\n    image: nginx\n', 'file:///w/compose.yaml'), en);
  assert.equal(compose.language, 'other');
  // Compose-shaped YAML is not Kubernetes either; the status offers to treat it as Compose (test/unit/compose/compose-detect.test.ts).
  assert.equal(compose.text, 'YAML · looks like a Compose file');
  assert.equal(kubernetesService.summary!(manifest('name: ci\non: push\njobs: {}\n'), en).text, 'YAML · no Kubernetes object');
  const chart = kubernetesService.summary!(manifest('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n'), zh);
  assert.equal(chart.language, 'kubernetes');
  assert.equal(chart.text, 'Kubernetes 模板 · 未检查');
});
