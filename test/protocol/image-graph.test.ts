import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StdioClient, positionOf } from './client';

/** The image graph over the protocol: an open Dockerfile's edit re-checks the open manifest that runs its image. */

const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: web
      image: acme/web:1.0
`;

const compose = 'services:\n  web:\n    build: ./web\n    image: acme/web:1.0\n';

test('editing an open Dockerfile re-checks the open manifest; image: goes to the Dockerfile', async () => {
  const { client } = await StdioClient.start();
  const base = 'file:///tmp/stevedore-protocol/image-graph';
  const manifestUri = `${base}/pod.yaml`;
  const dockerfileUri = `${base}/web/Dockerfile`;
  const rooted = (diagnostics: { code?: unknown }[]): boolean => diagnostics.some((d) => d.code === 'image-root-vs-run-as-non-root');
  try {
    await client.open(`${base}/compose.yaml`, 'dockercompose', compose);
    await client.open(dockerfileUri, 'dockerfile', 'FROM alpine:3.20\nUSER 1000\n');
    await client.open(manifestUri, 'yaml', manifest);
    assert.ok(!rooted(await client.waitForDiagnostics(manifestUri)), 'USER 1000: nothing to say');

    await client.change(dockerfileUri, 'FROM alpine:3.20\nUSER root\n');
    await client.waitForDiagnostics(manifestUri, (p) => rooted(p.diagnostics), 5000, false);

    await client.change(dockerfileUri, 'FROM alpine:3.20\nUSER 1000\n');
    await client.waitForDiagnostics(manifestUri, (p) => !rooted(p.diagnostics), 5000, false);

    const definition = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: manifestUri }, position: positionOf(manifest, 'acme/web') }) as { uri: string; range: { start: { line: number } } }[];
    assert.equal(definition[0].uri, dockerfileUri);
    assert.equal(definition[0].range.start.line, 0);
  } finally {
    await client.stop();
  }
});
