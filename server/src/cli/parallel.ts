import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { ConfigProblem } from '../config/projectConfig';
import { lanesStartedMark } from './engineFlags';
import { evidenceEntriesOf, lintLane, lintSharedLane, runEntriesOf, type LaneOptions, type LaneResult, type RunEntry, type SharedQueues } from './lane';
import type { LintTarget } from './lint';
import type { LaneShare } from './sharedIndex';

/**
 * Big trees are linted in worker threads, one lane per core; each other lane than the first runs
 * in a worker that loads the bundle itself (through dist/cli.js), the main thread lints the first, and
 * lanes exchange only plain data. The report keeps the discovery order whatever lane a file went to.
 *
 * The lanes share the manifests: each takes them from a queue a few at a time (shared memory, so
 * a worker that starts late or runs slower simply takes fewer), parses them and sends the others
 * what its files give the workspace index (sharedIndex.ts); every lane then checks the manifests it
 * parsed against the whole tree's index, as one lane over every file would (lane.ts
 * `lintSharedLane`), and takes Dockerfiles and Compose files from a second queue. With `--fix` (a
 * fixed manifest changes the index for the files after it) every manifest stays in the first lane
 * and the other files fill the lanes by size.
 */

/** Below this many files a worker's start-up costs more than it saves. */
export const minFilesForWorkers = 150;

/** How many lanes a big run uses. */
export function laneCount(): number {
  return Math.min(availableParallelism(), 8);
}

interface WorkerInput {
  stevedoreLane: true;
  /** Files done per lane, shared: the main thread reads it for the progress line even while it lints. */
  progress: SharedArrayBuffer;
  lane: number;
}

/** Main thread → worker: what to lint (`shared`: a lane of a shared index, which takes from its queues), then the other lanes' summaries. */
type ToWorker = { type: 'lint'; targets: LintTarget[]; options: LaneOptions; shared?: SharedRun } | { type: 'summaries'; summaries: LaneShare[] };
type FromWorker = { type: 'summaries'; summaries: LaneShare[] } | { type: 'result'; result: LaneResult };

/** The bundle can start itself as a worker; under a TypeScript loader (tests) we stay in-process. */
export function workersAvailable(): boolean {
  return typeof __filename === 'string' && __filename.endsWith('.js') && availableParallelism() > 1;
}

/**
 * What a worker thread starts: the launcher beside the bundle (dist/cli.js, launch.ts), which loads
 * the bundle with the lanes' code cache as it does for the main thread with its own.
 */
function workerEntry(): string {
  return join(__dirname, 'cli.js');
}

/** Per-file cost estimate: text length plus a fixed share for parsing and running every rule. */
function weight(target: LintTarget): number {
  return target.text.length + 2000;
}

/** Whether the manifests may be shared among lanes. */
export function sharesIndex(options: Pick<LaneOptions, 'fix'>): boolean {
  return !options.fix;
}

/**
 * The lanes' files when they do not share an index: every manifest in the first lane, and the
 * Dockerfiles and Compose files, largest first, to the lane with the least work.
 */
export function planLanes(targets: readonly LintTarget[], laneCount: number): LintTarget[][] {
  const lanes: { targets: LintTarget[]; load: number }[] = Array.from({ length: Math.max(1, laneCount) }, () => ({ targets: [], load: 0 }));
  const manifests = targets.filter((t) => t.kind === 'yaml');
  if (manifests.length) {
    lanes[0].targets.push(...manifests);
    lanes[0].load = manifests.reduce((sum, t) => sum + weight(t), 0);
  }
  const dockerfiles = targets.filter((t) => t.kind !== 'yaml').sort((a, b) => weight(b) - weight(a));
  for (const target of dockerfiles) {
    const lightest = lanes.reduce((best, lane) => (lane.load < best.load ? lane : best));
    lightest.targets.push(target);
    lightest.load += weight(target);
  }
  return lanes.map((lane) => lane.targets).filter((lane) => lane.length > 0);
}

/** Manifests a lane takes from the queue at a time: neighbours share config lookups. */
const manifestChunk = 8;

/** A run whose lanes share one index, as sent to every lane. */
export interface SharedRun {
  run: RunEntry[];
  /** Every manifest, in discovery order. */
  manifests: LintTarget[];
  /** The Dockerfiles and Compose files, largest first (the last ones taken are small, so the lanes end together). */
  others: LintTarget[];
  /** The queues' counters. */
  taken: SharedArrayBuffer;
  lanes: number;
}

export function sharedRunOf(targets: readonly LintTarget[], lanes: number): SharedRun {
  return {
    run: runEntriesOf(targets),
    manifests: targets.filter((t) => t.kind === 'yaml'),
    others: targets.filter((t) => t.kind !== 'yaml').sort((a, b) => weight(b) - weight(a)),
    taken: new SharedArrayBuffer(12),
    lanes,
  };
}

/** The queues of a shared run, over its shared counters (each lane makes its own view). */
export function queuesOf(shared: SharedRun): SharedQueues {
  const taken = new Int32Array(shared.taken);
  return {
    manifests: { targets: shared.manifests, taken, slot: 0, chunk: manifestChunk },
    others: { targets: shared.others, taken, slot: 1, chunk: 1 },
    evidence: { targets: evidenceEntriesOf(shared.run), taken, slot: 2, chunk: 1 },
    lanes: shared.lanes,
  };
}

/** A worker thread that runs one lane; started before the files are read, told what to lint later. */
class LaneWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<FromWorker['type'], { resolve(message: FromWorker): void; reject(error: Error): void }>();
  private readonly arrived = new Map<FromWorker['type'], FromWorker>();
  private failure: Error | undefined;
  private done = false;

  constructor(input: WorkerInput) {
    this.worker = new Worker(workerEntry(), { workerData: input });
    this.worker.on('message', (message: FromWorker) => {
      const waiter = this.waiting.get(message.type);
      this.waiting.delete(message.type);
      if (message.type === 'result') this.done = true;
      if (waiter) waiter.resolve(message); else this.arrived.set(message.type, message);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => {
      if (!this.done) this.fail(new Error(`lint worker stopped with code ${code}`));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }

  send(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** The worker's next message of this type. */
  next<T extends FromWorker['type']>(type: T): Promise<Extract<FromWorker, { type: T }>> {
    const arrived = this.arrived.get(type);
    if (arrived) {
      this.arrived.delete(type);
      return Promise.resolve(arrived as Extract<FromWorker, { type: T }>);
    }
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiting.set(type, { resolve: resolve as (message: FromWorker) => void, reject }));
  }

  /** A worker given nothing to do. */
  stop(): void {
    this.done = true;
    void this.worker.terminate();
  }
}

/**
 * Worker threads started early (while the files are read: a worker takes a while to load the
 * bundle), with the shared progress counters. `lintInWorkers` gives them their lanes.
 */
export class LanePool {
  readonly progress: SharedArrayBuffer;
  private readonly workers: LaneWorker[];

  constructor(readonly lanes = laneCount()) {
    this.progress = new SharedArrayBuffer(4 * lanes);
    this.workers = Array.from({ length: lanes - 1 }, (_, i) => new LaneWorker({ stevedoreLane: true, progress: this.progress, lane: i + 1 }));
  }

  /** The workers for lanes 1…n-1 that have files; the others are stopped. */
  take(lanesWithFiles: number): LaneWorker[] {
    for (const worker of this.workers.slice(lanesWithFiles - 1)) worker.stop();
    return this.workers.slice(0, Math.max(0, lanesWithFiles - 1));
  }

  /** The run turned out too small for workers. */
  close(): void {
    this.take(1);
  }
}

/** Lints the targets in parallel lanes and merges the results in the targets' order. */
export async function lintInWorkers(targets: readonly LintTarget[], options: LaneOptions, onProgress: (done: number) => void, pool = new LanePool()): Promise<LaneResult> {
  const shared = sharesIndex(options) && targets.some((t) => t.kind === 'yaml') ? sharedRunOf(targets, pool.lanes) : undefined;
  const lanes = shared ? Array.from({ length: pool.lanes }, (): LintTarget[] => []) : planLanes(targets, pool.lanes);
  const workers = pool.take(lanes.length);
  // The launcher keeps this run's code cache for the main thread (engineFlags.ts lanesStartedMark).
  if (workers.length > 0) (globalThis as Record<symbol, unknown>)[lanesStartedMark] = true;
  const counts = new Int32Array(pool.progress);
  const total = (): number => counts.reduce((sum, _n, i) => sum + Atomics.load(counts, i), 0);
  const progress = (done: number): void => {
    Atomics.store(counts, 0, done);
    onProgress(total());
  };
  const run = shared?.run;
  // Workers first, so they start while this thread lints the first lane itself.
  workers.forEach((worker, i) => worker.send({ type: 'lint', targets: lanes[i + 1], options, shared }));
  const pending = workers.map((worker) => worker.next('result'));
  // Observed now: a worker failing before this thread awaits its result must not be an unhandled rejection.
  for (const result of pending) result.catch(() => {});
  let own: LaneResult;
  try {
    if (run) {
      // Every worker's summaries, then each worker gets the others' (its own it has).
      const exchange = async (mine: LaneShare[]): Promise<LaneShare[]> => {
        const theirs = await Promise.all(workers.map(async (worker) => (await worker.next('summaries')).summaries));
        const all = [mine, ...theirs];
        workers.forEach((worker, i) => worker.send({ type: 'summaries', summaries: all.filter((_, lane) => lane !== i + 1).flat() }));
        return all.flat();
      };
      own = await lintSharedLane([], run, options, exchange, queuesOf(shared!), progress, true);
    } else {
      // The manifests' lane also reads the other lanes' Dockerfiles and Compose files for the image graph.
      const graphOnly = [...(options.graphOnly ?? []), ...lanes.slice(1).flat().filter((t) => t.kind !== 'yaml').map((t) => ({ absolute: t.absolute, text: t.text }))];
      own = lintLane(lanes[0] ?? [], { ...options, graphOnly }, progress);
    }
  } catch (error) {
    // Workers of a shared index would wait for this lane's summaries for ever: stop them all.
    if (run) workers.forEach((worker) => worker.stop());
    // Otherwise let them finish (their rejections are observed) before reporting the failure.
    else await Promise.allSettled(pending);
    throw error;
  }
  Atomics.store(counts, 0, own.reports.length + own.crashes.length);
  const ticker = setInterval(() => onProgress(total()), 100);
  let others: LaneResult[];
  try {
    others = (await Promise.all(pending)).map((message) => message.result);
  } finally {
    clearInterval(ticker);
  }
  return mergeLanes(targets, [own, ...others]);
}

function mergeLanes(targets: readonly LintTarget[], results: LaneResult[]): LaneResult {
  const order = new Map(targets.map((t, i) => [t.absolute, i]));
  const merged: LaneResult = { reports: [], problems: [], notices: [], writeErrors: [], crashes: [] };
  const seen = new Set<string>();
  const once = (list: ConfigProblem[], problem: ConfigProblem, kind: string): void => {
    const key = `${kind}\u0000${problem.path}\u0000${problem.message}`;
    if (!seen.has(key)) list.push(problem);
    seen.add(key);
  };
  for (const result of results) {
    merged.reports.push(...result.reports);
    merged.writeErrors.push(...result.writeErrors);
    merged.crashes.push(...result.crashes);
    for (const problem of result.problems) once(merged.problems, problem, 'problem');
    for (const notice of result.notices) once(merged.notices, notice, 'notice');
    if (result.stdinOutput !== undefined) merged.stdinOutput = result.stdinOutput;
  }
  merged.reports.sort((a, b) => (order.get(a.absolute) ?? 0) - (order.get(b.absolute) ?? 0));
  return merged;
}

/** In a worker started by `LanePool`: lint the lane it is given and post the result. Returns false elsewhere. */
export function runAsLaneWorker(): boolean {
  const input = workerData as WorkerInput | undefined;
  const port = parentPort;
  if (!port || !input?.stevedoreLane) return false;
  const counts = new Int32Array(input.progress);
  const progress = (done: number): void => {
    Atomics.store(counts, input.lane, done);
  };
  let others: ((summaries: LaneShare[]) => void) | undefined;
  const post = (message: FromWorker): void => port.postMessage(message);
  port.on('message', (message: ToWorker) => {
    if (message.type === 'summaries') {
      others?.(message.summaries);
      return;
    }
    const finish = (result: LaneResult): void => {
      post({ type: 'result', result });
      // Nothing more will come: let the thread end.
      port.unref();
    };
    const shared = message.shared;
    if (!shared) {
      finish(lintLane(message.targets, message.options, progress));
      return;
    }
    const exchange = (mine: LaneShare[]): Promise<LaneShare[]> => {
      const arrived = new Promise<LaneShare[]>((resolve) => { others = resolve; });
      post({ type: 'summaries', summaries: mine });
      return arrived.then((theirs) => [...mine, ...theirs]);
    };
    // A failure here ends the thread with an error event, which the main thread reports.
    void lintSharedLane(message.targets, shared.run, message.options, exchange, queuesOf(shared), progress).then(finish, (error: unknown) => {
      throw error;
    });
  });
  return true;
}
