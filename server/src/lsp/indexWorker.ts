import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readSmallFile } from './smallFiles';
import { walkResultOf, type WalkRequest } from './walkSummaries';
import { packWalkResults, transferablesOf, type WalkReply } from './walkResultsWire';

/**
 * The language server's index worker (workspaceIndexer.ts starts it for a big workspace walk): reads,
 * parses and summarises the manifests it is sent, off the server's main thread, so neither the
 * parsing nor its garbage collections hold up requests on open files. Requests are answered one at
 * a time, in the order they came, with byte arrays (walkResultsWire.ts). Built as `server-index-worker.js`
 * (scripts/server-bundles.mjs); it runs nothing but this code.
 */
const { maxFileBytes } = workerData as { maxFileBytes: number };

/**
 * On a busy machine the worker and the server's main thread compete for the cores: the worker's
 * thread (on Linux each thread has a nice value of its own) gives way, so requests on open files
 * run first. Elsewhere, or when not allowed, it runs at the process's priority.
 */
try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, 10);
} catch { /* not Linux: same priority as the main thread */ }

const queue: WalkRequest[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length > 0) {
    const request = queue.shift()!;
    const texts = await Promise.all(request.files.map((file) => readSmallFile(file.path, maxFileBytes)));
    const reply: WalkReply = { id: request.id, results: packWalkResults(request.files.map((file, k) => walkResultOf(file, texts[k]))) };
    parentPort!.postMessage(reply, transferablesOf(reply.results));
  }
  busy = false;
}

parentPort!.on('message', (request: WalkRequest) => {
  queue.push(request);
  void drain();
});
