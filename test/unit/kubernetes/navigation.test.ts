import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Position } from 'vscode-languageserver-types';
import { kubernetesService } from '../../../server/src/kubernetes/service';
import { WorkspaceIndex } from '../../../server/src/kubernetes/workspace';
import { contextFor, manifest } from '../helpers';
import { goodManifest } from './k8sTestKit';

const [deploymentText, serviceText] = goodManifest.split('---\n');
const deployUri = 'file:///ws/deploy.yaml';
const serviceUri = 'file:///ws/service.yaml';

function positionOf(text: string, needle: string, offsetInNeedle = 1): Position {
  const index = text.indexOf(needle);
  assert.ok(index >= 0, needle);
  const before = text.slice(0, index + offsetInNeedle);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

function workspace(...files: [string, string][]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of files) index.updateText(uri, text);
  return index;
}

test('definition: from a Service selector to the Deployment in another file', () => {
  const index = workspace([deployUri, deploymentText]);
  const ctx = { ...contextFor(), workspace: index };
  const found = kubernetesService.definition!(manifest(serviceText, serviceUri), positionOf(serviceText, 'app: web'), ctx);
  assert.deepEqual(found, [{ uri: deployUri, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } } }]);
});

test('definition: from an HPA target and a configMapKeyRef to the objects', () => {
  const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 3\n';
  const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';
  const index = workspace([deployUri, deploymentText], ['file:///ws/cm.yaml', cm]);
  const ctx = { ...contextFor(), workspace: index };
  const target = kubernetesService.definition!(manifest(hpa, 'file:///ws/hpa.yaml'), positionOf(hpa, 'name: web\n  maxReplicas', 7), ctx);
  assert.equal(target?.[0].uri, deployUri);
  const withRef = deploymentText.replace('          ports:', '          envFrom:\n            - configMapRef:\n                name: settings\n          ports:');
  const config = kubernetesService.definition!(manifest(withRef, deployUri), positionOf(withRef, 'name: settings', 7), ctx);
  assert.deepEqual(config, [{ uri: 'file:///ws/cm.yaml', range: { start: { line: 3, character: 8 }, end: { line: 3, character: 16 } } }]);
  // Nothing to go to from an ordinary field.
  assert.equal(kubernetesService.definition!(manifest(withRef, deployUri), positionOf(withRef, 'replicas'), ctx), null);
});

test('references: from a Deployment to the Services and HPAs that point at it', () => {
  const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  maxReplicas: 3\n';
  const index = workspace([serviceUri, serviceText], ['file:///ws/hpa.yaml', hpa]);
  const ctx = { ...contextFor(), workspace: index };
  const refs = kubernetesService.references!(manifest(deploymentText, deployUri), positionOf(deploymentText, 'name: web', 7), true, ctx);
  const uris = refs.map((r) => r.uri).sort();
  assert.deepEqual(uris, [deployUri, 'file:///ws/hpa.yaml', serviceUri]);
  const withoutDeclaration = kubernetesService.references!(manifest(deploymentText, deployUri), positionOf(deploymentText, 'name: web', 7), false, ctx);
  assert.equal(withoutDeclaration.length, 2);
});
