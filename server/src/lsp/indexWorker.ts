import { readFileSync, statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { walkResultOf, type WalkRequest } from './walkSummaries';
import { packWalkResults, transferablesOf, type WalkReply } from './walkResultsWire';
import { lowerThisThreadsPriority, MainThreadWatch } from './indexWorkerYield';

/**
 * The language server's index worker (workspaceIndexer.ts starts it for a big workspace walk): reads,
 * parses and summarises the manifests it is sent, off the server's main thread, so neither the
 * parsing nor its garbage collections hold up requests on open files. Requests are answered one at
 * a time, in the order they came, with byte arrays (walkResultsWire.ts), at the lowest priority
 * and out of the main thread's way (indexWorkerYield.ts). Built as `server-index-worker.js`
 * (scripts/server-bundles.mjs); it runs nothing but this code.
 */
const { maxFileBytes } = workerData as { maxFileBytes: number };

// On a busy machine requests on open files go first: indexWorkerYield.ts.
lowerThisThreadsPriority();

/**
 * A file's text as smallFiles.ts `readSmallFile` reads it (undefined: unreadable, not a file, or
 * bigger than `maxBytes`), but read here, on this thread: asynchronous reads are five jobs per file
 * (stat, open, fstat, read, close) for libuv's thread pool, whose threads run at the process's
 * priority, not at this thread's lowered one; this thread has nothing else to do meanwhile.
 */
function readSmallFileHere(path: string, maxBytes: number): string | undefined {
  try {
    const stats = statSync(path);
    if (!stats.isFile() || stats.size > maxBytes) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

const mainThread = new MainThreadWatch();

const queue: WalkRequest[] = [];
let scheduled = false;

/** Answers the oldest request, then lets this thread's event loop turn (its timers, its messages) before the next. */
function answerNext(): void {
  scheduled = false;
  const request = queue.shift();
  if (!request) return;
  // Before each file, the main thread's requests get their turn (indexWorkerYield.ts).
  const results = mainThread.watching(() => request.files.map((file) => {
    mainThread.giveWay();
    return walkResultOf(file, readSmallFileHere(file.path, maxFileBytes));
  }));
  const reply: WalkReply = { id: request.id, results: packWalkResults(results) };
  parentPort!.postMessage(reply, transferablesOf(reply.results));
  schedule();
}

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  setImmediate(answerNext);
}

parentPort!.on('message', (request: WalkRequest) => {
  queue.push(request);
  schedule();
});
