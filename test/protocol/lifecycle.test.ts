import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { CompletionList, Hover, InitializeResult } from 'vscode-languageserver-protocol';
import { positionOf, repoRoot, StdioClient } from './client';

let client: StdioClient;
let init: InitializeResult;

before(async () => {
  ({ client, init } = await StdioClient.start());
});

after(async () => {
  await client?.stop();
});

test('initialize advertises the features the engine implements', () => {
  assert.equal(init.serverInfo?.name, 'stevedore-language-server');
  // The version users see everywhere (the CLI's --version, the editor's status) is package.json's.
  assert.equal(init.serverInfo?.version, (JSON.parse(readFileSync(resolve(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
  assert.equal(init.capabilities.hoverProvider, true);
  assert.ok(init.capabilities.completionProvider);
  assert.ok(init.capabilities.codeActionProvider);
});

test('a Dockerfile gets hover, completion and diagnostics over stdio', async () => {
  const uri = 'file:///tmp/stevedore-protocol/Dockerfile';
  const text = 'FROM alpine:3.20\nFORM busybox\nRUN echo hi\n\n';
  await client.open(uri, 'dockerfile', text);

  const diagnostics = await client.waitForDiagnostics(uri);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.source, d.range.start.line]), [['unknown-instruction', 'stevedore', 1]]);

  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'RUN', 1) });
  assert.match(JSON.stringify(hover.contents), /Runs a command/);

  const completion = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 0 } });
  assert.ok(completion.items.some((item) => item.label === 'WORKDIR'));
});

test('an edit re-validates with the new version', async () => {
  const uri = 'file:///tmp/stevedore-protocol/edit/Dockerfile';
  await client.open(uri, 'dockerfile', 'FROM alpine:3.20\n');
  assert.deepEqual(await client.waitForDiagnostics(uri), []);
  const version = await client.change(uri, 'FROM alpine:3.20\nRUNN true\n');
  const diagnostics = await client.waitForDiagnostics(uri, (p) => p.version === version);
  assert.equal(diagnostics[0]?.code, 'unknown-instruction');
});

test('a Kubernetes document gets hover; other YAML gets nothing', async () => {
  const k8s = 'file:///tmp/stevedore-protocol/app.yaml';
  const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
  await client.open(k8s, 'yaml', text);
  const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: k8s }, position: positionOf(text, 'Deployment', 2) });
  assert.match(JSON.stringify(hover.contents), /ReplicaSets/);

  // YAML that is neither Kubernetes nor Compose (Helm values, here), even broken.
  const values = 'file:///tmp/stevedore-protocol/values.yaml';
  await client.open(values, 'yaml', 'services:\n  web:\n    image: nginx\n  - broken: [\n');
  assert.deepEqual(await client.waitForDiagnostics(values), []);
});

test('a Kubernetes YAML syntax error is reported with its range', async () => {
  const uri = 'file:///tmp/stevedore-protocol/broken.yaml';
  await client.open(uri, 'yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata: [a, b\n');
  const diagnostics = await client.waitForDiagnostics(uri);
  assert.ok(diagnostics.some((d) => d.code === 'yaml-syntax' && d.severity === 1), JSON.stringify(diagnostics));
});

test('requests on unknown documents answer empty instead of failing', async () => {
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: 'file:///nowhere/Dockerfile' }, position: { line: 0, character: 0 } });
  assert.equal(hover, null);
});

test('closing and reopening a document checks it again', async () => {
  const uri = 'file:///tmp/stevedore-protocol/reopen/Dockerfile';
  await client.open(uri, 'dockerfile', 'FROM alpine:3.20\nFORM x\n');
  assert.equal((await client.waitForDiagnostics(uri))[0]?.code, 'unknown-instruction');
  await client.close(uri);
  const published = client.published(uri).length;
  await client.open(uri, 'dockerfile', 'FROM alpine:3.20\nFORM x\n');
  const again = await client.waitForDiagnostics(uri, () => client.published(uri).length > published + 1, 5000, false);
  assert.equal(again[0]?.code, 'unknown-instruction');
});

test('a document opened while the first settings pull is under way is published once', async () => {
  // The editor answers the settings pull late, so the document is opened while it is under way.
  const { client: fresh } = await StdioClient.start({ settings: { dockerfile: { rules: { 'image-untagged': 'info' } } }, configurationDelayMs: 200 });
  try {
    const uri = 'file:///tmp/stevedore-protocol/once/Dockerfile';
    await fresh.open(uri, 'dockerfile', 'FROM alpine\n');
    const diagnostics = await fresh.waitForDiagnostics(uri);
    assert.equal(diagnostics.find((d) => d.code === 'image-untagged')?.severity, 3, 'published with the pulled settings');
    // Any second publish for the same version would have arrived within this round trip and pause.
    await fresh.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(fresh.published(uri).length, 1);
  } finally {
    await fresh.stop();
  }
});
