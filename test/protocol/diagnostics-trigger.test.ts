import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { StdioClient } from './client';

const broken = 'FROM alpine:3.20\nFORM x\n';
const fixed = 'FROM alpine:3.20\nRUN true\n';
const hasUnknown = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === 'unknown-instruction');

/** Lets the server's debounce (a few ms) run out, so a publish that should not come would have come. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

test('onType: diagnostics follow every change', async () => {
  const { client } = await StdioClient.start({ settings: { diagnostics: { trigger: 'onType' } } });
  const uri = 'file:///tmp/stevedore-protocol/trigger-type/Dockerfile';
  try {
    await client.open(uri, 'dockerfile', broken);
    assert.ok(hasUnknown(await client.waitForDiagnostics(uri, (p) => p.version === 1)));
    const version = await client.change(uri, fixed);
    assert.ok(!hasUnknown(await client.waitForDiagnostics(uri, (p) => p.version === version)));
  } finally {
    await client.stop();
  }
});

test('onType: changes that arrive together are checked together, not one by one', async () => {
  const { client } = await StdioClient.start();
  const uri = 'file:///tmp/stevedore-protocol/trigger-burst/Dockerfile';
  const lines = Array.from({ length: 300 }, (_, i) => `RUN echo ${i} && apt-get update`);
  try {
    await client.open(uri, 'dockerfile', `FROM alpine:3.20\n${lines.join('\n')}\n`);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const bursts = 5;
    const changesPerBurst = 10;
    const before = client.published(uri).length;
    for (let burst = 0; burst < bursts; burst++) {
      let version = 0;
      // Sent back to back, as an editor does for a paste or several cursors.
      for (let i = 0; i < changesPerBurst; i++) version = await client.changeIncremental(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '#' }]);
      const last = version;
      await client.waitForDiagnostics(uri, (p) => p.version === last, 10000, false);
    }
    await settle();
    const publishes = client.published(uri).length - before;
    assert.ok(publishes < bursts * changesPerBurst, `${publishes} checks published for ${bursts * changesPerBurst} changes: none were merged`);
    assert.equal(client.published(uri).at(-1)?.version, 1 + bursts * changesPerBurst, 'the last publish is for the last version');
  } finally {
    await client.stop();
  }
});

test('onSave: diagnostics appear on open, stay while typing and refresh on save', async () => {
  const { client } = await StdioClient.start({ settings: { diagnostics: { trigger: 'onSave' } } });
  const uri = 'file:///tmp/stevedore-protocol/trigger-save/Dockerfile';
  try {
    await client.open(uri, 'dockerfile', broken);
    assert.ok(hasUnknown(await client.waitForDiagnostics(uri)));
    const before = client.published(uri).length;
    const version = await client.change(uri, fixed);
    await settle();
    assert.equal(client.published(uri).length, before, 'no publish while typing');
    await client.save(uri);
    assert.ok(!hasUnknown(await client.waitForDiagnostics(uri, (p) => p.version === version, 5000, false)));
  } finally {
    await client.stop();
  }
});

test('code actions: rule fix plus ignore on this line / in this file', async () => {
  const { client } = await StdioClient.start();
  const uri = 'file:///tmp/stevedore-protocol/actions/Dockerfile';
  try {
    await client.open(uri, 'dockerfile', 'FROM alpine:3.20 as build\n');
    const diagnostics = (await client.waitForDiagnostics(uri)).filter((d) => d.code === 'from-as-casing');
    assert.equal(diagnostics.length, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.deepEqual(actions.map((a) => a.title), ['Change to AS', 'Ignore from-as-casing on this line (FromAsCasing)', 'Ignore from-as-casing in this file (FromAsCasing)']);
    assert.equal(actions[0].isPreferred, true);
  } finally {
    await client.stop();
  }
});
