import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { StdioClient } from './client';

const text = 'FROM alpine:3.20\n';
const uri = 'file:///tmp/stevedore-protocol/locale/Dockerfile';

async function hoverFrom(options: { locale?: string; settings?: unknown }): Promise<string> {
  const { client } = await StdioClient.start(options);
  try {
    await client.open(uri, 'dockerfile', text);
    // The settings pull happens after `initialized`; diagnostics for the open document follow it.
    await client.waitForDiagnostics(uri);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    return JSON.stringify(hover.contents);
  } finally {
    await client.stop();
  }
}

test('docs follow the editor locale (zh-cn → Simplified Chinese)', async () => {
  assert.match(await hoverFrom({ locale: 'zh-cn' }), /构建阶段/);
  assert.match(await hoverFrom({ locale: 'en' }), /build stage/);
});

test('stevedore.docs.language overrides the editor locale', async () => {
  assert.match(await hoverFrom({ locale: 'en', settings: { docs: { language: 'zh-cn' } } }), /构建阶段/);
  assert.match(await hoverFrom({ locale: 'zh-cn', settings: { docs: { language: 'en' } } }), /build stage/);
});

test('a rule can be switched off in settings', async () => {
  const { client } = await StdioClient.start({ settings: { dockerfile: { rules: { 'unknown-instruction': 'off' } } } });
  try {
    const offUri = 'file:///tmp/stevedore-protocol/off/Dockerfile';
    await client.open(offUri, 'dockerfile', 'FROM alpine:3.20\nFORM x\n');
    // Diagnostics wait for the settings pull, so not even the first publish has the error.
    assert.deepEqual(await client.waitForDiagnostics(offUri), []);
    assert.ok(client.published(offUri).every((p) => p.diagnostics.length === 0));
  } finally {
    await client.stop();
  }
});

test('shutdown and exit end the process cleanly', async () => {
  const { client } = await StdioClient.start();
  assert.equal(await client.stop(), 0);
});

test('a client that never answers workspace/configuration still gets answers', async () => {
  const { client } = await StdioClient.start({ neverAnswerConfiguration: true });
  try {
    const silentUri = 'file:///tmp/stevedore-protocol/silent/Dockerfile';
    await client.open(silentUri, 'dockerfile', 'FROM alpine:3.20\nFORM x\n');
    const diagnostics = await client.waitForDiagnostics(silentUri, () => true, 8000);
    assert.ok(diagnostics.some((d) => d.code === 'unknown-instruction'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: silentUri }, position: { line: 0, character: 1 } });
    assert.match(JSON.stringify(hover.contents), /build stage/);
  } finally {
    await client.stop();
  }
});

test('an editor that answers the settings pull late does not hold back the first diagnostics', async () => {
  // Answers after 1.5 s, with a setting that differs from the initialize-time ones.
  const { client } = await StdioClient.start({ settings: { dockerfile: { rules: { 'image-untagged': 'info' } } }, configurationDelayMs: 1500 });
  try {
    const uri = 'file:///tmp/stevedore-protocol/late-settings/Dockerfile';
    const started = Date.now();
    await client.open(uri, 'dockerfile', 'FROM alpine\n');
    const first = await client.waitForDiagnostics(uri, () => true, 5000);
    assert.ok(Date.now() - started < 1200, `first diagnostics after ${Date.now() - started} ms`);
    assert.equal(first.find((d) => d.code === 'image-untagged')?.severity, 2, 'first check with the settings from initialize (none: the default warning)');
    // The pulled settings differ: the document is checked again with them.
    const second = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'image-untagged' && d.severity === 3), 5000, false);
    assert.ok(second.length > 0);
  } finally {
    await client.stop();
  }
});
