import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StdioClient } from './client';

/** References from a Dockerfile to the workloads and services that run its image (the image graph's `image:` places). */

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: acme/web:1.0
`;

const compose = 'services:\n  web:\n    build: ./web\n    image: acme/web:1.0\n';
const dockerfileText = 'FROM golang:1.22 AS build\nRUN go build -o /app\n\nFROM alpine:3.20\nCOPY --from=build /app /app\n';

type Location = { uri: string; range: { start: { line: number; character: number } } };

test('references on the final FROM line list the image: places in manifests and Compose files', async () => {
  const { client } = await StdioClient.start();
  const base = 'file:///tmp/stevedore-protocol/image-graph-references';
  const dockerfileUri = `${base}/web/Dockerfile`;
  try {
    await client.open(`${base}/compose.yaml`, 'dockercompose', compose);
    await client.open(`${base}/pod.yaml`, 'yaml', pod);
    await client.open(dockerfileUri, 'dockerfile', dockerfileText);
    await client.waitForDiagnostics(`${base}/pod.yaml`);
    const references = (position: { line: number; character: number }) => client.connection.sendRequest('textDocument/references', {
      textDocument: { uri: dockerfileUri }, position, context: { includeDeclaration: true },
    }) as Promise<Location[]>;
    const found = (await references({ line: 3, character: 7 })).map((l) => `${l.uri.slice(base.length + 1)}:${l.range.start.line}:${l.range.start.character}`).sort();
    assert.deepEqual(found, ['compose.yaml:3:11', 'pod.yaml:7:13']);
    assert.deepEqual(await references({ line: 4, character: 1 }), [], 'COPY line: nothing');
  } finally {
    await client.stop();
  }
});
