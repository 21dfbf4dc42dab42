import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentSummaryRequest, type DocumentSummaryResult } from '../../server/src/lsp/customRequests';
import { StdioClient } from './client';

// stevedore/documentSummary: what the editor's language status item shows for the active document.

const base = 'file:///tmp/stevedore-protocol/summary';

async function summaryOf(client: StdioClient, uri: string): Promise<DocumentSummaryResult> {
  return client.request<DocumentSummaryResult>(documentSummaryRequest, { textDocument: { uri } });
}

test('a Dockerfile, a manifest, a Compose file and plain YAML are summarised in the docs language', async () => {
  const { client } = await StdioClient.start();
  try {
    await client.open(`${base}/Dockerfile`, 'dockerfile', 'FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nCOPY --from=build /a /a\n');
    await client.open(`${base}/app.yaml`, 'yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
    await client.open(`${base}/compose.yaml`, 'yaml', 'services:\n  web:\n    image: nginx\n');
    await client.open(`${base}/values.yaml`, 'yaml', 'replicaCount: 2\nimage:\n  repository: nginx\n');
    assert.deepEqual(await summaryOf(client, `${base}/Dockerfile`), {
      language: 'dockerfile', text: 'Dockerfile · 2 stages', detail: 'Stages: build from golang:1.23; stage 1 from alpine:3.20',
    });
    assert.deepEqual(await summaryOf(client, `${base}/app.yaml`), {
      language: 'kubernetes', text: 'Kubernetes 1.36 · Deployment, Service', detail: '2 objects: Deployment/web, Service/web',
    });
    assert.deepEqual(await summaryOf(client, `${base}/compose.yaml`), { language: 'compose', text: 'Compose · 1 service', detail: 'Services: web' });
    assert.equal((await summaryOf(client, `${base}/values.yaml`))?.language, 'other');
    assert.equal(await summaryOf(client, `${base}/not-open.yaml`), null);
  } finally {
    await client.stop();
  }
});

test('the summary follows edits and the Chinese docs language', async () => {
  const { client } = await StdioClient.start({ locale: 'zh-cn' });
  try {
    const uri = `${base}/zh/Dockerfile`;
    await client.open(uri, 'dockerfile', 'FROM alpine:3.20\n');
    assert.equal((await summaryOf(client, uri))?.text, 'Dockerfile · 1 个阶段');
    await client.change(uri, 'FROM alpine:3.20 AS a\nFROM a AS b\nFROM b\n');
    const after = await summaryOf(client, uri);
    assert.equal(after?.text, 'Dockerfile · 3 个阶段');
    assert.equal(after?.detail, '构建阶段：a 基于 alpine:3.20；b 基于 a；阶段 2 基于 b');
  } finally {
    await client.stop();
  }
});
