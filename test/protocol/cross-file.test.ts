import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StdioClient } from './client';

const deployment = (label: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: ${label}
  template:
    metadata:
      labels:
        app: ${label}
    spec:
      containers:
        - name: web
          image: nginx:1.27.3
`;

const service = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

test('renaming a label in one open file re-checks the Service in another', async () => {
  const { client } = await StdioClient.start();
  const deploymentUri = 'file:///tmp/stevedore-protocol/cross/deployment.yaml';
  const serviceUri = 'file:///tmp/stevedore-protocol/cross/service.yaml';
  const dangling = (codes: { code?: unknown }[]): boolean => codes.some((d) => d.code === 'service-selects-nothing');
  try {
    await client.open(deploymentUri, 'yaml', deployment('web'));
    await client.waitForDiagnostics(deploymentUri);
    await client.open(serviceUri, 'yaml', service);
    assert.ok(!dangling(await client.waitForDiagnostics(serviceUri)), 'the Service selects the Deployment');

    await client.change(deploymentUri, deployment('website'));
    await client.waitForDiagnostics(serviceUri, (p) => dangling(p.diagnostics), 5000, false);

    await client.change(deploymentUri, deployment('web'));
    await client.waitForDiagnostics(serviceUri, (p) => !dangling(p.diagnostics), 5000, false);
  } finally {
    await client.stop();
  }
});
