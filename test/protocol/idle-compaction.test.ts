import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { largeCompose, largeDockerfile, largeManifest } from '../../bench/inputs';
import { StdioClient } from './client';

/** The idle compaction (server/src/lsp/idleCompaction.ts), seen from a client: the bench's three-file session. */
let client: StdioClient;

before(async () => {
  ({ client } = await StdioClient.start());
});

after(async () => {
  await client?.stop();
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = (): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${client.child.pid!}/status`, 'utf8'))?.[1]) / 1024;
const compactions = (): string[] => client.logs.filter((line) => /heap compacted/.test(line));
/** The next log line matching `pattern` that arrives after the first `from` lines. */
function nextLog(pattern: RegExp, from: number, timeoutMs: number): Promise<string> {
  class LaterLine extends RegExp {
    override test(line: string): boolean {
      return super.test(line) && client.logs.slice(from).includes(line);
    }
  }
  return client.waitForLog(new LaterLine(pattern.source), timeoutMs);
}
const dockerfileUri = 'file:///bench/Dockerfile';
const dockerfile = largeDockerfile(1000);

test('after a quiet second the heap is compacted and RSS goes down, once per quiet period', async () => {
  const files = [
    { uri: dockerfileUri, languageId: 'dockerfile', text: dockerfile },
    { uri: 'file:///bench/manifest.yaml', languageId: 'yaml', text: largeManifest(60) },
    { uri: 'file:///bench/compose.yaml', languageId: 'dockercompose', text: largeCompose(1000) },
  ];
  const from = client.logs.length;
  for (const file of files) {
    await client.open(file.uri, file.languageId, file.text);
    await client.waitForDiagnostics(file.uri, () => true, 20000);
  }
  // Read as the server says it starts (the first step runs right after it says so).
  await nextLog(/compacting the heap/, from, 10000);
  const rssBefore = rssMb();
  const line = await nextLog(/heap compacted/, from, 10000);
  // The emptied pages are unmapped on a V8 helper thread right after the collection.
  await sleep(500);
  const rssAfter = rssMb();
  const heap = /heap ([\d.]+) of ([\d.]+) → ([\d.]+) of ([\d.]+) MB used/.exec(line);
  assert.ok(heap, line);
  const [committedBefore, committedAfter] = [Number(heap[2]), Number(heap[4])];
  assert.ok(committedAfter < committedBefore - 2, `committed heap given back: ${line}`);
  assert.ok(rssAfter < rssBefore - 1, `RSS ${rssBefore.toFixed(1)} → ${rssAfter.toFixed(1)} MB (${line})`);
  await sleep(3000);
  assert.equal(compactions().length, 1, 'once per quiet period, not every second');
});

test('a request sent as the compaction starts is answered at once', async (t) => {
  let text = dockerfile;
  const outcomes: string[] = [];
  for (let round = 0; round < 4 && outcomes.length < 2; round++) {
    // A few edits make garbage (the heap grows past what was live after the last compaction) and arm the next quiet period.
    for (let edit = 0; edit < 6; edit++) {
      text += `RUN echo round ${round} edit ${edit}\n`;
      const version = await client.change(dockerfileUri, text);
      await client.waitForDiagnostics(dockerfileUri, (p) => p.version === version, 20000);
    }
    const from = client.logs.length;
    const starting = await nextLog(/compacting the heap|not compacted/, from, 10000);
    if (/not compacted/.test(starting)) continue;
    // Sent the moment the server says it starts: it arrives during the first step or right after it.
    const sent = performance.now();
    const hover = await client.request('textDocument/hover', { textDocument: { uri: dockerfileUri }, position: { line: 1, character: 1 } });
    const waited = performance.now() - sent;
    const outcome = await nextLog(/heap compacted \(/, from, 5000);
    assert.ok(hover !== null && hover !== undefined, 'answered');
    assert.ok(waited < 1000, `answered in ${waited.toFixed(0)} ms (${outcome})`);
    outcomes.push(`${outcome}, hover answered in ${waited.toFixed(0)} ms`);
  }
  for (const outcome of outcomes) t.diagnostic(outcome);
  assert.ok(outcomes.length > 0, 'the edits were followed by compactions');
});
