import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { StdioClient } from './client';

// Multi-root workspaces: each workspace folder has its own `stevedore.*` settings (its
// `.vscode/settings.json`), pulled with `scopeUri`, and a document follows its folder's.

const base = 'file:///tmp/stevedore-protocol/multi-root';
const alpha = { uri: `${base}/alpha`, name: 'alpha' };
const beta = { uri: `${base}/beta`, name: 'beta' };
const untagged = 'FROM alpine\n';

const severityOfUntagged = (diagnostics: Diagnostic[]) => diagnostics.find((d) => d.code === 'image-untagged')?.severity;

test('each document is checked with its own workspace folder\'s settings, pulled in one request', async () => {
  const { client } = await StdioClient.start({
    workspaceFolders: [alpha, beta],
    settings: { dockerfile: { rules: { 'image-untagged': 'warning' } } },
    folderSettings: { [alpha.uri]: { dockerfile: { rules: { 'image-untagged': 'off' } } } },
  });
  try {
    await client.open(`${alpha.uri}/Dockerfile`, 'dockerfile', untagged);
    await client.open(`${beta.uri}/Dockerfile`, 'dockerfile', untagged);
    await client.open(`${base}/outside/Dockerfile`, 'dockerfile', untagged);
    assert.equal(severityOfUntagged(await client.waitForDiagnostics(`${alpha.uri}/Dockerfile`)), undefined, 'alpha turns the rule off');
    assert.equal(severityOfUntagged(await client.waitForDiagnostics(`${beta.uri}/Dockerfile`)), 2, 'beta keeps the window\'s warning');
    assert.equal(severityOfUntagged(await client.waitForDiagnostics(`${base}/outside/Dockerfile`)), 2, 'outside every folder: the window\'s settings');
    // One pull for the window and both folders, not one per document.
    assert.deepEqual(client.configurationRequests, [[
      { section: 'stevedore' },
      { scopeUri: alpha.uri, section: 'stevedore' },
      { scopeUri: beta.uri, section: 'stevedore' },
    ]]);
  } finally {
    await client.stop();
  }
});

test('a changed folder setting re-checks that folder\'s documents after one more pull', async () => {
  const { client } = await StdioClient.start({ workspaceFolders: [alpha, beta] });
  try {
    const alphaUri = `${alpha.uri}/Dockerfile`;
    const betaUri = `${beta.uri}/Dockerfile`;
    await client.open(alphaUri, 'dockerfile', untagged);
    await client.open(betaUri, 'dockerfile', untagged);
    assert.equal(severityOfUntagged(await client.waitForDiagnostics(betaUri)), 2);
    assert.equal(severityOfUntagged(await client.waitForDiagnostics(alphaUri)), 2);
    const publishedForAlpha = client.published(alphaUri).length;
    client.folderSettings = { [beta.uri]: { dockerfile: { rules: { 'image-untagged': 'error' } } } };
    await client.settingsChanged();
    const again = await client.waitForDiagnostics(betaUri, (p) => severityOfUntagged(p.diagnostics) === 1, 5000, false);
    assert.equal(severityOfUntagged(again), 1);
    assert.equal(client.configurationRequests.length, 2);
    // Alpha's answer is the same: re-checked under new settings, still a warning.
    assert.ok(client.published(alphaUri).slice(publishedForAlpha).every((p) => severityOfUntagged(p.diagnostics) === 2));
  } finally {
    await client.stop();
  }
});

test('the same settings announced again re-check nothing', async () => {
  const { client } = await StdioClient.start({ workspaceFolders: [alpha] });
  try {
    const uri = `${alpha.uri}/Dockerfile`;
    await client.open(uri, 'dockerfile', untagged);
    await client.waitForDiagnostics(uri);
    await client.settingsChanged();
    // The pull is answered, then a hover round trip: any re-check would have published by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.equal(client.configurationRequests.length, 2);
    assert.equal(client.published(uri).length, 1);
  } finally {
    await client.stop();
  }
});

test('a workspace folder added later brings its own settings', async () => {
  const { client } = await StdioClient.start({ workspaceFolders: [alpha] });
  try {
    const uri = `${beta.uri}/Dockerfile`;
    await client.open(uri, 'dockerfile', untagged);
    assert.equal(severityOfUntagged(await client.waitForDiagnostics(uri)), 2, 'not in a folder yet: the window\'s settings');
    client.folderSettings = { [beta.uri]: { dockerfile: { rules: { 'image-untagged': 'off' } } } };
    await client.changeWorkspaceFolders([beta]);
    await client.waitForDiagnostics(uri, (p) => severityOfUntagged(p.diagnostics) === undefined, 5000, false);
    assert.deepEqual(client.configurationRequests.at(-1), [
      { section: 'stevedore' },
      { scopeUri: alpha.uri, section: 'stevedore' },
      { scopeUri: beta.uri, section: 'stevedore' },
    ]);
    // Removed again: back to the window's settings.
    await client.changeWorkspaceFolders([], [beta]);
    await client.waitForDiagnostics(uri, (p) => severityOfUntagged(p.diagnostics) === 2, 5000, false);
  } finally {
    await client.stop();
  }
});

test('a client with dynamic registration is asked to announce stevedore.* changes', async () => {
  const { client } = await StdioClient.start({ workspaceFolders: [alpha], registersConfigurationChanges: true });
  try {
    const uri = `${alpha.uri}/Dockerfile`;
    await client.open(uri, 'dockerfile', untagged);
    await client.waitForDiagnostics(uri);
    assert.deepEqual(client.registrations.filter((r) => r.method === 'workspace/didChangeConfiguration'), [
      { method: 'workspace/didChangeConfiguration', registerOptions: { section: 'stevedore' } },
    ]);
  } finally {
    await client.stop();
  }
});

test('with workspace folders, a client that never answers the pull still gets diagnostics', async () => {
  const { client } = await StdioClient.start({ workspaceFolders: [alpha, beta], neverAnswerConfiguration: true });
  try {
    const uri = `${alpha.uri}/Dockerfile`;
    await client.open(uri, 'dockerfile', untagged);
    assert.equal(severityOfUntagged(await client.waitForDiagnostics(uri, () => true, 8000)), 2);
  } finally {
    await client.stop();
  }
});
