import { performance } from 'node:perf_hooks';
import type { StdioClient } from '../test/protocol/client';

/** Unmeasured edits first, as the request rows warm up with 20 requests. */
const warmUpEdits = 20;

/**
 * Edit → diagnostics latency as typing makes it: a one-character incremental change in the middle
 * of the file (a space typed, then deleted), each answered by diagnostics. Servers that publish the
 * document version are matched on it; the others on the next publish after the change.
 */
export async function timeEdits(client: StdioClient, uri: string, text: string, iterations: number, versioned = true): Promise<number[]> {
  const samples: number[] = [];
  const line = Math.floor(text.split('\n').length / 2);
  for (let i = 0; i < iterations + warmUpEdits; i++) {
    const change = i % 2 === 0
      ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }
      : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
    const started = performance.now();
    const version = await client.changeIncremental(uri, [change]);
    await client.waitForDiagnostics(uri, (p) => !versioned || p.version === version, 10000, false);
    if (i >= warmUpEdits) samples.push(performance.now() - started);
  }
  return samples;
}
