import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { bytecodeOldAge, launcherChose, launcherFlagsOf, launcherGaveValue, launcherSemiSpaceSize, obtainPrivateGc } from '../bootFlags';
import { transportOf } from './stdioTransport';

/**
 * Gives the heap's spare pages back once the server has gone quiet (issue #19: idle RSS ≤ 60 MB).
 *
 * While the user types, V8 collects the old generation with incremental, mostly concurrent
 * collections that keep the pages they emptied, and it gives them back only when its memory reducer
 * fires, about 8 s after the last full collection (a delay fixed when V8 starts). A single full
 * collection when the server goes quiet freed nothing visible (tried and reverted in 41e2b20: V8
 * keeps the emptied pages); two full collections, each with `--optimize-for-size` set just around it,
 * move the live objects out of sparse pages and release them: the three-file session of
 * `npm run bench` goes from 74–76 to 70–72 MB (old space committed 20 → 15 MB, code space
 * 0.8 → 0.5 MB). docs/performance.md, "Idle compaction", has the figures.
 *
 * A collection is a pause, longer for a larger live heap: 15–35 ms for that session's 15 MB (more on a
 * loaded machine). So:
 * - it starts only once no message has arrived for `quietMs` and the event loop was idle meanwhile
 *   (no check, workspace walk or index result being handled), otherwise it looks again a little later;
 * - one collection per macrotask: a message that arrives after a step is read (and stops the rest)
 *   before the next step would start, so it waits at most one step, never the whole compaction;
 * - it stops at the first incoming message, and runs at most once per quiet period: the next message
 *   arms it again;
 * - only when there is something to give back: the first quiet period, then when the heap has grown
 *   by `minGiveBack` over what was live after the last compaction (a hover or two does not make it
 *   grow; a few edits do); never for a heap too big to collect quickly.
 */

/** No message for this long (ms) before the compaction starts. */
export const quietMs = 1000;
/** When the quiet period finds work under way, it looks again after this long (ms). */
export const recheckMs = 300;
/** The event loop counts as idle when it was busy for at most this fraction of the quiet period. */
export const idleLoopFraction = 0.05;
/**
 * Collections per quiet period. The first frees the last checks' garbage and sometimes the pages; the
 * second gives the pages back (one alone: −0.2 to −5 MB RSS; two: −5 MB every time; a third freed
 * nothing more, measured).
 */
export const maxSteps = 2;
/** Compact only when at least this much (bytes) could come back. */
export const minGiveBack = 2 * 1024 * 1024;
/** Another step only while the heap holds at least this much (bytes) committed but unused. */
export const minSlackForNextStep = 1024 * 1024;
/**
 * Heaps using more than this (bytes) are left to V8's own memory reducer: above it a step would hold a
 * message up for 50 ms and more, for a few MB of a large RSS (a 50,000-line manifest's session, 27 MB
 * live, 33 MB used at idle: 32–66 ms per step for 2–3 MB of 111–115 MB, measured).
 */
export const maxHeapUsed = 32 * 1024 * 1024;
/** Milliseconds between two steps: room for a message already on its way to be read first. */
export const stepGapMs = 5;

/** One compaction step: a full collection that compacts (V8's memory-reducing mode). */
export type CompactionStep = () => void;

/**
 * The compaction step, without giving `gc` to any script (bootFlags.ts `obtainPrivateGc`).
 * `--optimize-for-size` is set only for the time of each collection, so V8 picks more pages to
 * evacuate and releases the emptied ones, and is cleared right after: like `--expose-gc` it is part
 * of the flag hash V8 checks a code cache against (boot.ts), and compiled code should not see it.
 * A process started with `--optimize-for-size` (or its negation) collects without changing flags.
 * Undefined when the engine refuses.
 */
export function obtainCompactionStep(launcherFlags: readonly string[] = launcherFlagsOf()): CompactionStep | undefined {
  const gc = obtainPrivateGc();
  if (!gc) return undefined;
  const collect = launcherGaveValue(launcherFlags, 'bytecode-old-age') ? gc : withOldBytecodeDropped(gc);
  if (launcherChose(launcherFlags, 'optimize-for-size')) return () => collect();
  // Setting `--optimize-for-size` also sets `--max-semi-space-size=1` (a V8 implication, part of the
  // hash too). V8 reads that flag when it sets the heap up, so the value put back matters for the hash.
  const semiSpace = launcherSemiSpaceSize(launcherFlags);
  return () => {
    setFlagsFromString('--optimize-for-size');
    try {
      collect();
    } finally {
      setFlagsFromString('--no-optimize-for-size');
      setFlagsFromString(`--max-semi-space-size=${semiSpace}`);
    }
  };
}

/**
 * The bytecode age of the compaction's collections: V8 drops the bytecode of functions not run since
 * the collection before (and keeps the code of any with baseline code, the ones that run often). A
 * quiet server then lets go of what ran once: the scripts' top-level code that built their tables,
 * start-up, the first checks' one-off paths. Three-file idle session: 60.1–60.4 → 59.0–59.1 MB; a
 * request after the quiet period compiles again what it needs and no longer has, measured at
 * +0.5–1 ms on its first call (docs/performance.md, "Idle memory, fifth round"). While the user
 * types, V8's own age (bootFlags.ts `bytecodeOldAge`) applies, and it is put back after each
 * collection: it is part of the flag hash a code cache is checked against.
 */
export const idleBytecodeOldAge = 1;

function withOldBytecodeDropped(gc: () => void): () => void {
  return () => {
    setFlagsFromString(`--bytecode-old-age=${idleBytecodeOldAge}`);
    try {
      gc();
    } finally {
      setFlagsFromString(`--bytecode-old-age=${bytecodeOldAge}`);
    }
  };
}

/**
 * The compaction step, obtained on its first use rather than at start-up: taking `gc` makes a V8
 * context (~2 ms), which the server's start need not wait for. When the engine gives none, the step
 * does nothing.
 */
export function lazyCompactionStep(obtain: () => CompactionStep | undefined = obtainCompactionStep): CompactionStep {
  let step: CompactionStep | null | undefined;
  return () => {
    if (step === undefined) step = obtain() ?? null;
    step?.();
  };
}

/** What the scheduler reads of the heap (bytes): every space but the young generation's. */
export interface HeapFigures {
  /** Committed (`space_size`). */
  committed: number;
  /** Used, garbage included until a collection finds it (`space_used_size`). */
  used: number;
}

export interface IdleCompactionOptions {
  /** The step (undefined: the engine gave none, nothing is ever armed). */
  step: CompactionStep | undefined;
  /** Work under way or queued (a check, a pending check): the compaction looks again later. */
  busy: () => boolean;
  log?: (message: string) => void;
  quietMs?: number;
  recheckMs?: number;
  maxHeapUsed?: number;
  minGiveBack?: number;
  /** Tests pass fakes for the rest; the real timers are unref'd, so they never keep the process alive. */
  heap?: () => HeapFigures;
  /** Fraction (0–1) of the time since the previous call that the event loop was busy. */
  loopBusySince?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  now?: () => number;
}

/**
 * The heap without the young generation: its semi-spaces keep their size whatever is collected (one
 * of the two is always empty), so counting them would make an idle heap look as if it had 1–2 MB to
 * give back every time.
 */
const realHeap = (): HeapFigures => {
  const figures: HeapFigures = { committed: 0, used: 0 };
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') continue;
    figures.committed += space.space_size;
    figures.used += space.space_used_size;
  }
  return figures;
};

/** The event loop's utilization since the previous call (performance.eventLoopUtilization). */
function loopUtilizationMeter(): () => number {
  let last = performance.eventLoopUtilization();
  return () => {
    const delta = performance.eventLoopUtilization(last);
    last = performance.eventLoopUtilization();
    return delta.utilization;
  };
}

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);

/** What a quiet period ended with (for tests and the log). */
export type CompactionOutcome = 'compacted' | 'stopped by a message' | 'nothing to give back' | 'heap too big';

/** Compacts the heap once per quiet period: call `noteActivity` on every incoming message. */
export class IdleCompaction {
  private timer: unknown;
  /** The steps of the compaction under way, or undefined. */
  private run: { steps: number; pauses: number[]; cpuMs: number; before: HeapFigures } | undefined;
  /**
   * Used heap right after the last compaction (or at the last look that found nothing to give back):
   * at most what was live then. Before any compaction nothing is known of it (what is used counts the
   * garbage too): the first quiet period compacts whatever the heap holds.
   */
  private liveAfterLast = 0;
  private readonly heap: () => HeapFigures;
  private readonly loopBusySince: () => number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly now: () => number;
  /** How each quiet period ended, oldest first (tests, the log). */
  readonly outcomes: CompactionOutcome[] = [];

  constructor(private readonly options: IdleCompactionOptions) {
    this.heap = options.heap ?? realHeap;
    this.loopBusySince = options.loopBusySince ?? loopUtilizationMeter();
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
    this.now = options.now ?? (() => performance.now());
  }

  /** A message arrived: a compaction under way stops, and the quiet period starts over. */
  noteActivity(): void {
    if (!this.options.step) return;
    if (this.run) this.finish('stopped by a message');
    this.disarm();
    // The event loop's busy time is counted from here: the quiet period is judged on its own.
    this.loopBusySince();
    this.timer = this.setTimer(() => this.quietPeriodOver(), this.options.quietMs ?? quietMs);
  }

  dispose(): void {
    this.disarm();
    this.run = undefined;
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private quietPeriodOver(): void {
    this.timer = undefined;
    // Work under way makes garbage of its own and must not wait for a collection: look again after it.
    const loopBusy = this.loopBusySince() > idleLoopFraction;
    if (loopBusy || this.options.busy()) {
      this.timer = this.setTimer(() => this.quietPeriodOver(), this.options.recheckMs ?? recheckMs);
      return;
    }
    const before = this.heap();
    if (before.used > (this.options.maxHeapUsed ?? maxHeapUsed)) return this.skip('heap too big', before);
    const giveBack = before.committed - Math.min(before.used, this.liveAfterLast);
    if (giveBack < (this.options.minGiveBack ?? minGiveBack)) {
      // What is used now is at most what was live: the next period compares its growth with it.
      this.liveAfterLast = before.used;
      return this.skip('nothing to give back', before);
    }
    this.run = { steps: 0, pauses: [], cpuMs: 0, before };
    this.options.log?.(`stevedore: idle, compacting the heap (${mb(before.used)} of ${mb(before.committed)} MB used)`);
    this.nextStep();
  }

  private skip(outcome: CompactionOutcome, heap: HeapFigures): void {
    this.outcomes.push(outcome);
    this.options.log?.(`stevedore: idle, heap not compacted (${outcome}: ${mb(heap.used)} of ${mb(heap.committed)} MB used)`);
  }

  /** One collection, in a macrotask of its own; the next one after `stepGapMs`, unless a message came meanwhile. */
  private nextStep(): void {
    this.timer = undefined;
    const run = this.run;
    if (!run) return;
    const started = this.now();
    const cpu = process.cpuUsage();
    this.options.step?.();
    run.pauses.push(this.now() - started);
    const used = process.cpuUsage(cpu);
    run.cpuMs += (used.user + used.system) / 1000;
    run.steps++;
    const heap = this.heap();
    this.liveAfterLast = heap.used;
    if (run.steps >= maxSteps || heap.committed - heap.used < minSlackForNextStep) return this.finish('compacted');
    this.timer = this.setTimer(() => this.nextStep(), stepGapMs);
  }

  private finish(outcome: CompactionOutcome): void {
    const run = this.run;
    this.run = undefined;
    this.disarm();
    if (!run) return;
    this.outcomes.push(outcome);
    const after = this.heap();
    const pauses = run.pauses.map((ms) => ms.toFixed(1)).join(' + ');
    this.options.log?.(`stevedore: idle, heap compacted (${outcome}; ${run.steps} step(s) of ${pauses} ms, process CPU ${run.cpuMs.toFixed(0)} ms; heap ${mb(run.before.used)} of ${mb(run.before.committed)} → ${mb(after.used)} of ${mb(after.committed)} MB used)`);
  }
}

/**
 * Calls `listener` on incoming protocol traffic: stdin's data over `--stdio`, IPC messages under
 * VS Code (`--node-ipc`). Other transports report nothing, and then nothing is ever armed. Call it
 * after the connection listens (its reader then owns the stream's flow). The listener runs when the
 * bytes arrive, before the message is handled, so a compaction stops before the message is served.
 */
export function onIncomingTraffic(argv: readonly string[], listener: () => void): boolean {
  const transport = transportOf(argv);
  if (transport === '--stdio') {
    process.stdin.on('data', listener);
    return true;
  }
  if (transport === '--node-ipc') {
    process.on('message', listener);
    return true;
  }
  return false;
}
