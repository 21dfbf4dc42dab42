import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { ConfigProblem } from '../config/projectConfig';
import { lintLane, lintSharedLane, runEntriesOf, type LaneOptions, type LaneResult, type RunEntry } from './lane';
import type { LintTarget } from './lint';
import { canImportSummaries, type ManifestSummary } from './sharedIndex';

/**
 * Big trees are linted in worker threads, one lane per core; each other lane than the first runs
 * in a worker started from the bundle itself (dist/cli.js), the main thread lints the first, and
 * lanes exchange only plain data. The report keeps the discovery order whatever lane a file went to.
 *
 * The manifests are split among the lanes: each lane parses its share and sends the others what
 * its files give the workspace index (sharedIndex.ts), so every lane checks its manifests against
 * the whole tree's index, as one lane over every file would (lane.ts `lintSharedLane`). Dockerfiles
 * and Compose files are independent and fill the lanes by size. With `--fix` (a fixed manifest
 * changes the index for the files after it) every manifest stays in the first lane, as it does
 * when this build's index cannot take summaries (`canImportSummaries`).
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

/** Main thread → worker: what to lint (`run` set: a lane of a shared index), then the other lanes' summaries. */
type ToWorker = { type: 'lint'; targets: LintTarget[]; options: LaneOptions; shared?: { run: RunEntry[]; queue: LintTarget[]; taken: SharedArrayBuffer } } | { type: 'summaries'; summaries: ManifestSummary[] };
type FromWorker = { type: 'summaries'; summaries: ManifestSummary[] } | { type: 'result'; result: LaneResult };

/** The bundle can start itself as a worker; under a TypeScript loader (tests) we stay in-process. */
export function workersAvailable(): boolean {
  return typeof __filename === 'string' && __filename.endsWith('.js') && availableParallelism() > 1;
}

/** Per-file cost estimate: text length plus a fixed share for parsing and running every rule. */
function weight(target: LintTarget): number {
  return target.text.length + 2000;
}

/**
 * The same, closer to what the manifests cost when they are split among lanes: a manifest's text
 * costs about twice a Dockerfile's (YAML parse, schema; measured over the shared corpus).
 */
function splitWeight(target: LintTarget): number {
  return (target.kind === 'yaml' ? 2 : 1) * target.text.length + 2000;
}

/** Whether the manifests may be split among lanes. */
export function sharesIndex(options: Pick<LaneOptions, 'fix'>): boolean {
  return !options.fix && canImportSummaries();
}

/**
 * The lanes' files. Without `split`, every manifest goes to the first lane and the Dockerfiles and
 * Compose files go, largest first, to the lane with the least work. With `split`, the Dockerfiles
 * and Compose files go to the workers' lanes first (the first lane, on the main thread, also reads
 * the files and writes the report, and need not compile the Dockerfile checks at all), and the
 * manifests fill every lane up to its share in runs of discovery order (files of a folder share
 * config lookups). `headStart` is work the first lane can do while the workers start.
 */
export function planLanes(targets: readonly LintTarget[], laneCount: number, split = false, headStart = 0): LintTarget[][] {
  const count = Math.max(1, laneCount);
  const lanes: { targets: LintTarget[]; load: number }[] = Array.from({ length: count }, () => ({ targets: [], load: 0 }));
  const manifests = targets.filter((t) => t.kind === 'yaml');
  const others = targets.filter((t) => t.kind !== 'yaml').sort((a, b) => weight(b) - weight(a));
  const lightest = (from: number): { targets: LintTarget[]; load: number } => lanes.slice(from).reduce((best, lane) => (lane.load < best.load ? lane : best));
  if (split && count > 1) {
    const add = (lane: { targets: LintTarget[]; load: number }, target: LintTarget): void => {
      lane.targets.push(target);
      lane.load += splitWeight(target);
    };
    const total = targets.reduce((sum, t) => sum + splitWeight(t), 0);
    // The first lane's share is larger by the head start, the others' smaller.
    const share = (lane: number): number => (lane === 0 ? (total - headStart) / count + headStart : (total - headStart) / count);
    for (const target of [...others].sort((a, b) => splitWeight(b) - splitWeight(a))) {
      const lane = lightest(1);
      add(lane.load + splitWeight(target) <= share(1) ? lane : lightest(0), target);
    }
    let lane = 0;
    for (const target of manifests) {
      while (lane < count - 1 && lanes[lane].load + splitWeight(target) / 2 > share(lane)) lane++;
      add(lanes[lane], target);
    }
  } else {
    const add = (lane: { targets: LintTarget[]; load: number }, target: LintTarget): void => {
      lane.targets.push(target);
      lane.load += weight(target);
    };
    for (const target of manifests) add(lanes[0], target);
    for (const target of others) add(lightest(0), target);
  }
  // Lanes keep the discovery order of their files.
  const position = new Map(targets.map((t, i) => [t, i]));
  return lanes.map((lane) => lane.targets.sort((a, b) => position.get(a)! - position.get(b)!)).filter((lane) => lane.length > 0);
}

/**
 * A run whose lanes share one index: each lane's manifests (as planned), the Dockerfiles and
 * Compose files in one queue every lane takes from (largest first, so the last ones taken are
 * small and the lanes end together), the run's files for the index, and the queue's shared counter.
 */
export function sharedRunOf(targets: readonly LintTarget[], lanes: readonly LintTarget[][]): { lanes: LintTarget[][]; queue: LintTarget[]; run: RunEntry[]; taken: SharedArrayBuffer } {
  return {
    lanes: lanes.map((lane) => lane.filter((t) => t.kind === 'yaml')),
    queue: targets.filter((t) => t.kind !== 'yaml').sort((a, b) => weight(b) - weight(a)),
    run: runEntriesOf(targets),
    taken: new SharedArrayBuffer(4),
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
    this.worker = new Worker(__filename, { workerData: input });
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

/**
 * What lane 0 can do before the workers are ready to lint, in `weight` units: a worker loads the
 * bundle (about a quarter of a second) once it is told what to lint, or before, when the pool was
 * started early.
 */
const workerStartWeight = 150_000;

/** Lints the targets in parallel lanes and merges the results in the targets' order. */
export async function lintInWorkers(targets: readonly LintTarget[], options: LaneOptions, onProgress: (done: number) => void, pool = new LanePool()): Promise<LaneResult> {
  const split = sharesIndex(options);
  const lanes = planLanes(targets, pool.lanes, split, workerStartWeight);
  const workers = pool.take(lanes.length);
  const counts = new Int32Array(pool.progress);
  const total = (): number => counts.reduce((sum, _n, i) => sum + Atomics.load(counts, i), 0);
  const progress = (done: number): void => {
    Atomics.store(counts, 0, done);
    onProgress(total());
  };
  const shared = split && lanes.length > 1 && targets.some((t) => t.kind === 'yaml') ? sharedRunOf(targets, lanes) : undefined;
  const laneTargets = shared?.lanes ?? lanes;
  const run = shared?.run;
  // Workers first, so they start while this thread lints the first lane itself.
  workers.forEach((worker, i) => worker.send({ type: 'lint', targets: laneTargets[i + 1], options, shared: shared && { run: shared.run, queue: shared.queue, taken: shared.taken } }));
  const pending = workers.map((worker) => worker.next('result'));
  // Observed now: a worker failing before this thread awaits its result must not be an unhandled rejection.
  for (const result of pending) result.catch(() => {});
  let own: LaneResult;
  try {
    if (run) {
      // Every worker's summaries, then each worker gets the others' (its own it has).
      const exchange = async (mine: ManifestSummary[]): Promise<ManifestSummary[]> => {
        const theirs = await Promise.all(workers.map(async (worker) => (await worker.next('summaries')).summaries));
        const all = [mine, ...theirs];
        workers.forEach((worker, i) => worker.send({ type: 'summaries', summaries: all.filter((_, lane) => lane !== i + 1).flat() }));
        return all.flat();
      };
      own = await lintSharedLane(laneTargets[0], run, options, exchange, { targets: shared!.queue, taken: new Int32Array(shared!.taken) }, progress, true);
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
  let others: ((summaries: ManifestSummary[]) => void) | undefined;
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
    const exchange = (mine: ManifestSummary[]): Promise<ManifestSummary[]> => {
      const arrived = new Promise<ManifestSummary[]>((resolve) => { others = resolve; });
      post({ type: 'summaries', summaries: mine });
      return arrived.then((theirs) => [...mine, ...theirs]);
    };
    // A failure here ends the thread with an error event, which the main thread reports.
    void lintSharedLane(message.targets, shared.run, message.options, exchange, { targets: shared.queue, taken: new Int32Array(shared.taken) }, progress).then(finish, (error: unknown) => {
      throw error;
    });
  });
  return true;
}
