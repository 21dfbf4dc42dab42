import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { StdioClient } from './client';

/** The idle memory release (server/src/lsp/idleMemory.ts), seen from a client. */
let client: StdioClient;

before(async () => {
  ({ client } = await StdioClient.start());
});

after(async () => {
  await client?.stop();
});

const releases = (): string[] => client.logs.filter((line) => /released memory/.test(line));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test('memory is released once after 2 s without messages, never while the user types', async () => {
  const uri = 'file:///tmp/stevedore-idle/Dockerfile';
  const lines = Array.from({ length: 300 }, (_, i) => `RUN echo step ${i} && apt-get install -y curl`);
  let text = `FROM debian:12\n${lines.join('\n')}\n`;
  await client.open(uri, 'dockerfile', text);
  await client.waitForDiagnostics(uri, () => true, 10000);
  // Typing for 3 s, a change every 300 ms: each message re-arms the 2 s timer.
  for (let i = 0; i < 10; i++) {
    text += `RUN echo typed ${i}\n`;
    const version = await client.change(uri, text);
    await client.waitForDiagnostics(uri, (p) => p.version === version, 10000);
    await sleep(300);
  }
  assert.deepEqual(releases(), [], 'no release while messages keep arriving');
  const line = await client.waitForLog(/released memory/, 5000);
  const heap = /heap ([\d.]+) → ([\d.]+) MB/.exec(line);
  assert.ok(heap, line);
  assert.ok(Number(heap[2]) < Number(heap[1]), `the collection freed the garbage of the checks: ${line}`);
  await sleep(4500);
  assert.equal(releases().length, 1, 'once per idle period, not every 2 s');
});
