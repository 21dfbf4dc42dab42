import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { diagnose } from './k8sTestKit';
import { composeFor, deployment, workspaceOf } from './imageEdgesKit';

/** service-target-port-vs-expose (rules/serviceImagePorts.ts): a Service's numeric targetPort against the EXPOSE of the images its pods run. */

const service = (ports: string, selector = 'app: web') => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    ${selector}
  ports:
${ports}`;

function findings(files: Record<string, string>, path = 'svc.yaml', lang: 'en' | 'zh-cn' = 'en'): Diagnostic[] {
  return diagnose(files[path], { workspace: workspaceOf(files), uri: `file:///w/${path}`, lang }).filter((d) => d.code === 'service-target-port-vs-expose');
}

const base = { 'web/Dockerfile': 'FROM node:20\nEXPOSE 3000\n', 'compose.yaml': composeFor(), 'app.yaml': deployment() };

test('a numeric targetPort (or port) the selected image does not EXPOSE is info, on the port value', () => {
  const text = service('    - port: 80\n      targetPort: 8080\n    - port: 3000\n    - port: 81\n      targetPort: "3000"\n');
  const found = findings({ ...base, 'svc.yaml': text });
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, DiagnosticSeverity.Information);
  assert.equal(found[0].range.start.line, 9, 'on targetPort: 8080');
  assert.match(String(found[0].message), /8080\/tcp.*web\/Dockerfile.*3000\/tcp/);
  assert.match(String(findings({ ...base, 'svc.yaml': text }, 'svc.yaml', 'zh-cn')[0].message), /没有 EXPOSE/);
});

test('the protocol counts: UDP 3000 is not TCP 3000', () => {
  const found = findings({ ...base, 'svc.yaml': service('    - port: 3000\n      protocol: UDP\n') });
  assert.equal(found.length, 1);
});

test('quiet: named targetPort, no edge, a guessed edge, a sidecar from an outside image, no EXPOSE, no selected workload', () => {
  const mismatch = service('    - port: 80\n      targetPort: 8080\n');
  assert.deepEqual(findings({ ...base, 'svc.yaml': service('    - port: 80\n      targetPort: http\n') }), []);
  assert.deepEqual(findings({ 'web/Dockerfile': base['web/Dockerfile'], 'app.yaml': deployment({ image: 'other/thing:1' }), 'svc.yaml': mismatch }), [], 'no evidence for the image');
  assert.deepEqual(findings({ 'web/Dockerfile': base['web/Dockerfile'], 'app.yaml': base['app.yaml'], 'svc.yaml': mismatch }), [], 'folder-name guess only');
  const sidecar = deployment({ container: '\n        - name: proxy\n          image: envoyproxy/envoy:v1.31.0' });
  assert.deepEqual(findings({ ...base, 'app.yaml': sidecar, 'svc.yaml': mismatch }), [], 'the sidecar may listen on 8080');
  assert.deepEqual(findings({ ...base, 'web/Dockerfile': 'FROM node:20\n', 'svc.yaml': mismatch }), [], 'no EXPOSE: nothing to compare');
  assert.deepEqual(findings({ ...base, 'svc.yaml': service('    - port: 80\n      targetPort: 8080\n', 'app: other') }), []);
});

test('reported when the pods of two workloads run images that both lack the port, quiet when one exposes it', () => {
  const api = deployment({ image: 'acme/api:1.0' }).replace('name: web\n', 'name: api\n');
  const compose = 'services:\n  web:\n    build: ./web\n    image: acme/web:1.0\n  api:\n    build: ./api\n    image: acme/api:1.0\n';
  const files = { ...base, 'compose.yaml': compose, 'api.yaml': api, 'api/Dockerfile': 'FROM golang\nEXPOSE 9000\n' };
  assert.equal(findings({ ...files, 'svc.yaml': service('    - port: 80\n      targetPort: 8080\n') }).length, 1);
  assert.deepEqual(findings({ ...files, 'svc.yaml': service('    - port: 80\n      targetPort: 9000\n') }), []);
});
