import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, CompletionList } from 'vscode-languageserver-protocol';
import { positionOf, StdioClient } from './client';

/** JSON documents (languageId `json`, as editors send them) over real JSON-RPC. */

const deployment = JSON.stringify({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'shop' },
  spec: {
    replicas: 'two',
    selector: { matchLabels: { app: 'shop' } },
    template: {
      metadata: { labels: { app: 'shop' } },
      spec: { containers: [{ name: 'shop', image: 'registry.example/shop:2.1.0' }] },
    },
  },
}, null, '\t');

test('a JSON Deployment gets Kubernetes diagnostics, without YAML-shaped fixes or completions', async () => {
  const { client } = await StdioClient.start();
  const uri = 'file:///tmp/stevedore-protocol/json/deployment.json';
  try {
    await client.open(uri, 'json', deployment);
    const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('schema-type'), JSON.stringify(codes));
    assert.ok(!codes.includes('yaml-tab-indent'), 'tab indentation is fine in JSON');
    assert.ok(diagnostics.every((d) => ((d.data as { fixes?: unknown[] } | undefined)?.fixes ?? []).length === 0), 'no fix travels on a JSON finding');
    const schemaError = diagnostics.find((d) => d.code === 'schema-type')!;
    assert.equal(schemaError.range.start.line, positionOf(deployment, '"two"').line);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: schemaError.range, context: { diagnostics } });
    assert.deepEqual(actions, []);
    const completion = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: positionOf(deployment, '"replicas"') });
    assert.equal(completion, null);
  } finally {
    await client.stop();
  }
});

test('package.json gets no diagnostics', async () => {
  const { client } = await StdioClient.start();
  const uri = 'file:///tmp/stevedore-protocol/json/package.json';
  // A kind-like word is not enough: only top-level apiVersion and kind keys make a manifest.
  const packageJson = JSON.stringify({ name: 'shop', version: '1.0.0', keywords: ['kind'], scripts: { build: 'tsc -p .' } }, null, 2);
  try {
    await client.open(uri, 'json', packageJson);
    assert.deepEqual(await client.waitForDiagnostics(uri, (p) => p.version === 1), []);
  } finally {
    await client.stop();
  }
});
