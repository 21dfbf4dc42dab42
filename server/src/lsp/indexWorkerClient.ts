import type { Worker } from 'node:worker_threads';
import type { WalkFile } from './walkSummaries';
import type { WalkReply } from './walkResultsWire';
import type { PackedWalkResults } from './walkResultsWire';

/**
 * The main thread's side of the index worker (indexWorker.ts): sends batches of files, gets their
 * results back in order. Any failure of the worker (it cannot start, throws, exits) rejects every
 * open request; the walk then does the rest itself.
 */
export class IndexWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(results: PackedWalkResults): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(script: string, maxFileBytes: number) {
    this.worker = new (workerThreads().Worker)(script, { workerData: { maxFileBytes } });
    this.worker.on('message', (reply: WalkReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply.results);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the index worker stopped with code ${code}`)));
  }

  /** The results for these files, in their order, packed (walkResultsWire.ts unpacks each when it is needed). */
  summarise(files: WalkFile[]): Promise<PackedWalkResults> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, files });
    });
  }

  dispose(): void {
    this.fail(new Error('the index worker was stopped'));
    void this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }
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
