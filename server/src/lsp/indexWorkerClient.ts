import type { ChildProcess } from 'node:child_process';
import type { Worker } from 'node:worker_threads';
import type { WalkFile } from './walkSummaries';
import type { WalkReply } from './walkResultsWire';
import type { PackedWalkResults } from './walkResultsWire';
import { maxFileBytesArgument, workerNice } from './indexWorkerYield';

/** How the index worker runs: a thread of the server (the default), or a process of its own. */
export interface IndexWorkerOptions {
  /**
   * Run the worker as a child process (indexWorker.ts answers the same either way). A worker
   * thread shares the process's V8 helper threads, which run at normal priority: its garbage
   * collections and the compiling of its hot code run there, beside the main thread's requests, on
   * a machine with few cores. A child process has helper threads of its own and lowers all of them
   * with itself (the server's threads then did 1.5–2 s less work per walk of 10,000 files), but
   * its answers arrive through a pipe, and the main thread collected about 80 more times per walk;
   * the hovers while indexing were not shown better (docs/performance.md, "Requests while
   * indexing: what the slow hovers are made of").
   */
  process?: boolean;
}

/**
 * The main thread's side of the index worker (indexWorker.ts): sends batches of files, gets their
 * results back in order. Any failure of the worker (it cannot start, throws, exits) rejects every
 * open request; the walk then does the rest itself.
 */
export class IndexWorkerClient {
  private readonly post: (request: { id: number; files: WalkFile[] }) => void;
  private readonly stop: () => void;
  private readonly pending = new Map<number, { resolve(results: PackedWalkResults): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(script: string, maxFileBytes: number, options: IndexWorkerOptions = {}) {
    const answered = (reply: WalkReply): void => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply.results);
    };
    if (options.process) {
      const child = startChild(script, maxFileBytes);
      child.on('message', (reply: WalkReply) => answered(reply));
      child.on('error', (error) => this.fail(error));
      child.on('exit', (code, signal) => this.fail(new Error(`the index worker stopped with ${signal ?? `code ${code}`}`)));
      this.post = (request) => {
        try { child.send(request); } catch (error) { this.fail(error instanceof Error ? error : new Error(String(error))); }
      };
      this.stop = () => { child.kill(); };
    } else {
      const worker: Worker = new (workerThreads().Worker)(script, { workerData: { maxFileBytes } });
      worker.on('message', (reply: WalkReply) => answered(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.fail(new Error(`the index worker stopped with code ${code}`)));
      this.post = (request) => worker.postMessage(request);
      this.stop = () => { void worker.terminate(); };
    }
  }

  /** The results for these files, in their order, packed (walkResultsWire.ts unpacks each when it is needed). */
  summarise(files: WalkFile[]): Promise<PackedWalkResults> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ id, files });
    });
  }

  dispose(): void {
    this.fail(new Error('the index worker was stopped'));
    this.stop();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
}

/**
 * The worker as a child process of this Node (or Electron run as Node: `fork` starts the same
 * executable with the same environment): the IPC channel carries requests and replies with V8's
 * serialisation (the replies' byte arrays arrive as byte arrays), nothing else is inherited (the
 * server's stdout is the protocol's), and it is lowered to the lowest priority at once; it lowers
 * its helper threads itself as it starts (indexWorkerYield.ts).
 */
function startChild(script: string, maxFileBytes: number): ChildProcess {
  const child = childProcesses().fork(script, [`${maxFileBytesArgument}${maxFileBytes}`], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    execArgv: [],
  });
  if (child.pid !== undefined) {
    try { require('node:os').setPriority(child.pid, workerNice); } catch { /* it lowers itself as it starts */ }
  }
  return child;
}

/**
 * node:worker_threads, required when the first index worker starts: at the top of this module it
 * was loaded at every start of the server (with the worker, message port and performance modules
 * it loads: 9 of Node's modules), although only the walk of a big workspace starts a worker, after
 * `initialize` (docs/performance.md, "Start-up, night round").
 */
function workerThreads(): typeof import('node:worker_threads') {
  return require('node:worker_threads') as typeof import('node:worker_threads');
}

/** node:child_process, required when a worker process starts (as node:worker_threads is, above). */
function childProcesses(): typeof import('node:child_process') {
  return require('node:child_process') as typeof import('node:child_process');
}
