import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { largeManifest } from '../../bench/inputs';
import { StdioClient } from './client';

/**
 * A long check (a 50,000-line manifest) runs in slices: requests are answered between them, and a
 * newer version of the document stops the check of the older one. The checks here are full ones,
 * started by a settings change (another profile: no finding kept from the previous check applies).
 */

const manifest = largeManifest(960);
const lines = manifest.split('\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A key of the middle Deployment's container (`image:`), where hover has something to say. */
const hoverLine = lines.findIndex((line, i) => i > lines.length / 2 && /^\s+image: /.test(line));
const hoverAt = (uri: string) => ({ textDocument: { uri }, position: { line: hoverLine, character: lines[hoverLine].indexOf('image') + 1 } });

async function openBig(uri: string): Promise<StdioClient> {
  const { client } = await StdioClient.start({ settings: { profile: 'recommended' } });
  await client.open(uri, 'yaml', manifest);
  await client.waitForDiagnostics(uri, (p) => p.version === 1, 120_000);
  return client;
}

test('hover on a big manifest is answered while its check runs, not after it', { timeout: 300_000 }, async () => {
  const uri = 'file:///tmp/stevedore-protocol/slicing-hover/big.yaml';
  const client = await openBig(uri);
  try {
    const before = client.published(uri).length;
    client.configuration = { profile: 'strict' };
    const started = performance.now();
    let finishedAt: number | undefined;
    const checked = client.waitForDiagnostics(uri, () => true, 120_000, false).then(() => { finishedAt = performance.now(); });
    await client.settingsChanged();
    // Hovers one after another until the check publishes: without slicing one of them waits for the whole check.
    const waits: number[] = [];
    while (finishedAt === undefined) {
      const sent = performance.now();
      const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', hoverAt(uri));
      waits.push(performance.now() - sent);
      assert.ok(hover?.contents, 'the hover has contents');
      await sleep(5);
    }
    await checked;
    const checkMs = finishedAt - started;
    const longest = Math.max(...waits);
    const summary = `check ${Math.round(checkMs)} ms, ${waits.length} hovers, longest wait ${Math.round(longest)} ms`;
    assert.equal(client.published(uri).length, before + 1, summary);
    assert.ok(waits.length >= 3, `hovers were answered during the check: ${summary}`);
    assert.ok(longest < checkMs / 2, `no hover waited for the check: ${summary}`);
  } finally {
    await client.stop();
  }
});

test('a newer version stops the check of the older one, and only the newer one is published', { timeout: 300_000 }, async () => {
  const uri = 'file:///tmp/stevedore-protocol/slicing-cancel/big.yaml';
  const client = await openBig(uri);
  try {
    const before = client.published(uri).length;
    const pulls = client.configurationRequests.length;
    client.configuration = { profile: 'strict' };
    await client.settingsChanged();
    // The settings were pulled: the full check of version 1 under them starts now and runs far longer than this.
    while (client.configurationRequests.length === pulls) await sleep(2);
    await sleep(40);
    const line = Math.floor(lines.length / 2);
    const version = await client.changeIncremental(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '# typed\n' }]);
    const dropped = await client.waitForLog(new RegExp(`dropped the check of ${uri.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} version 1 .*: version ${version} arrived`), 60_000);
    await client.waitForDiagnostics(uri, (p) => p.version === version, 120_000, false);
    const after = client.published(uri).slice(before);
    assert.deepEqual(after.map((p) => p.version), [version], `only version ${version} is published after the settings change (${dropped})`);
    // The newer version is checked under the new settings: strict rules (owner labels…) report on it.
    assert.ok(after[0].diagnostics.some((d) => d.code === 'owner-label-missing'), 'the strict profile applies to the published findings');
  } finally {
    await client.stop();
  }
});
