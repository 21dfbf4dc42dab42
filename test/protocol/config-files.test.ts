import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { StdioClient } from './client';

test('editing .hadolint.yaml on disk re-checks open Dockerfiles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-config-'));
  const { client } = await StdioClient.start({ rootUri: pathToFileURL(dir).href });
  try {
    const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
    await client.open(uri, 'dockerfile', 'FROM alpine\nUSER 10001\n');
    const before = await client.waitForDiagnostics(uri);
    assert.ok(before.some((d) => d.code === 'image-untagged'), JSON.stringify(before.map((d) => d.code)));

    writeFileSync(join(dir, '.hadolint.yaml'), 'ignored:\n  - DL3006\n');
    const published = client.published(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, '.hadolint.yaml')).href, type: 1 }] });
    const after = await client.waitForDiagnostics(uri, () => client.published(uri).length > published, 5000, false);
    assert.ok(!after.some((d) => d.code === 'image-untagged'), JSON.stringify(after.map((d) => d.code)));
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
