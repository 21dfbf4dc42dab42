import { readFileSync, statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { walkResultOf, type WalkRequest } from './walkSummaries';
import { packWalkResults, transferablesOf, type WalkReply } from './walkResultsWire';
import { lowerThisProcessesPriority, lowerThisThreadsPriority, MainThreadWatch, maxFileBytesArgument } from './indexWorkerYield';

/**
 * The language server's index worker (workspaceIndexer.ts starts it for a big workspace walk): reads,
 * parses and summarises the manifests it is sent, off the server's main thread, so neither the
 * parsing nor its garbage collections hold up requests on open files. Requests are answered one at
 * a time, in the order they came, with byte arrays (walkResultsWire.ts), at the lowest priority
 * and out of the main thread's way (indexWorkerYield.ts). Built as `server-index-worker.js`
 * (scripts/server-bundles.mjs); it runs nothing but this code, as a worker thread or as a child
 * process of the server (indexWorkerClient.ts), with the same answers.
 */
interface Channel {
  maxFileBytes: number;
  /** The server's main thread: its state is what the worker gives way to. */
  mainThreadStat: string;
  onRequest(listener: (request: WalkRequest) => void): void;
  reply(reply: WalkReply): void;
}

function channel(): Channel {
  if (parentPort) {
    const port = parentPort;
    // On a busy machine requests on open files go first: indexWorkerYield.ts.
    lowerThisThreadsPriority();
    return {
      maxFileBytes: (workerData as { maxFileBytes: number }).maxFileBytes,
      mainThreadStat: `/proc/${process.pid}/task/${process.pid}/stat`,
      onRequest: (listener) => port.on('message', listener),
      reply: (reply) => port.postMessage(reply, transferablesOf(reply.results)),
    };
  }
  // A child process: all of it (its helper threads too) at the lowest priority, and gone with the server's channel.
  lowerThisProcessesPriority();
  process.on('disconnect', () => process.exit(0));
  const argument = process.argv.find((arg) => arg.startsWith(maxFileBytesArgument));
  return {
    maxFileBytes: Number(argument?.slice(maxFileBytesArgument.length)),
    mainThreadStat: `/proc/${process.ppid}/task/${process.ppid}/stat`,
    onRequest: (listener) => process.on('message', listener),
    reply: (reply) => { process.send!(reply); },
  };
}

const port = channel();
const { maxFileBytes } = port;

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

const mainThread = new MainThreadWatch(port.mainThreadStat);

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
  port.reply(reply);
  schedule();
}

function schedule(): void {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  setImmediate(answerNext);
}

port.onRequest((request: WalkRequest) => {
  queue.push(request);
  schedule();
});
