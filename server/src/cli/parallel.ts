import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import type { ConfigProblem } from '../config/projectConfig';
import { lintLane, type LaneOptions, type LaneResult } from './lane';
import type { LintTarget } from './lint';

/**
 * Big trees are linted in worker threads, one lane per core. Every Kubernetes file goes to one
 * lane (cross-file checks need them all in one index); Dockerfiles are independent and fill the
 * lanes by size, largest first. The main thread lints the first lane; each other lane runs in a
 * worker started from the bundle itself (dist/cli.js) and returns plain data. The report keeps the
 * discovery order whatever lane a file went to.
 */

/** Below this many files a worker's start-up costs more than it saves. */
export const minFilesForWorkers = 150;

interface WorkerInput {
  stevedoreLane: true;
  targets: LintTarget[];
  options: LaneOptions;
  /** Files done per lane, shared: the main thread reads it for the progress line even while it lints. */
  progress: SharedArrayBuffer;
  lane: number;
}

type WorkerMessage = { type: 'result'; result: LaneResult };

/** The bundle can start itself as a worker; under a TypeScript loader (tests) we stay in-process. */
export function workersAvailable(): boolean {
  return typeof __filename === 'string' && __filename.endsWith('.js') && availableParallelism() > 1;
}

/** Per-file cost estimate: text length plus a fixed share for parsing and running every rule. */
function weight(target: LintTarget): number {
  return target.text.length + 2000;
}

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

function runWorker(input: WorkerInput): Promise<LaneResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: input });
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      settled = true;
      resolve(message.result);
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`lint worker stopped with code ${code}`));
    });
  });
}

/** Lints the targets in parallel lanes and merges the results in the targets' order. */
export async function lintInWorkers(targets: readonly LintTarget[], options: LaneOptions, onProgress: (done: number) => void): Promise<LaneResult> {
  const lanes = planLanes(targets, Math.min(availableParallelism(), 8));
  const progress = new SharedArrayBuffer(4 * lanes.length);
  const counts = new Int32Array(progress);
  const total = (): number => counts.reduce((sum, _n, i) => sum + Atomics.load(counts, i), 0);
  // Workers first, so they start while this thread lints the first lane itself (one bundle load saved).
  const pending = lanes.slice(1).map((lane, i) => runWorker({ stevedoreLane: true, targets: lane, options, progress, lane: i + 1 }));
  let own: LaneResult;
  try {
    // The manifests' lane also reads the other lanes' Dockerfiles and Compose files for the image graph.
    const graphOnly = [...(options.graphOnly ?? []), ...lanes.slice(1).flat().filter((t) => t.kind !== 'yaml').map((t) => ({ absolute: t.absolute, text: t.text }))];
    own = lintLane(lanes[0] ?? [], { ...options, graphOnly }, (done) => {
      Atomics.store(counts, 0, done);
      onProgress(total());
    });
  } catch (error) {
    // Let the workers finish (their rejections are observed) before reporting the failure.
    await Promise.allSettled(pending);
    throw error;
  }
  Atomics.store(counts, 0, lanes[0]?.length ?? 0);
  const ticker = setInterval(() => onProgress(total()), 100);
  let others: LaneResult[];
  try {
    others = await Promise.all(pending);
  } finally {
    clearInterval(ticker);
  }
  const results = [own, ...others];
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

/** In a worker started by `lintInWorkers`: lint the lane and post the result. Returns false elsewhere. */
export function runAsLaneWorker(): boolean {
  const input = workerData as WorkerInput | undefined;
  if (!parentPort || !input?.stevedoreLane) return false;
  const counts = new Int32Array(input.progress);
  const result = lintLane(input.targets, input.options, (done) => Atomics.store(counts, input.lane, done));
  parentPort.postMessage({ type: 'result', result } satisfies WorkerMessage);
  return true;
}
