import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Memory given back once the server goes quiet (issue #19: idle RSS ≤ 60 MB).
 *
 * While the user types, V8 collects the old generation only now and then, so between two full
 * collections the heap holds the garbage of the last checks as well as what is live. Once no
 * message has arrived for `idleQuietMs`, and no check or workspace walk is under way, this runs one
 * full collection; then nothing more until the next message starts another busy period. Every
 * message re-arms the timer, so typing never triggers it; a message arriving during it waits at most
 * the collection's time.
 *
 * What it gives and costs (docs/performance.md, "Idle memory, late night round"): the collection
 * takes 16–46 ms of a quiet moment (bench sessions up to a 50,000-line manifest) and frees 2–4 MB of
 * heap, but V8 keeps the freed pages, so RSS does not fall measurably; most of the idle RSS is not
 * the heap (40 MB are Node's own file-backed pages). So it does not reach the 60 MB target by itself;
 * it is cheap, runs only when nobody waits, and leaves the live heap.
 */
export const idleQuietMs = 2000;

/** A full garbage collection. */
export type FullCollection = () => void;

/** V8's `gc` (its gc extension): without options, a full, synchronous mark-compact collection. */
type V8Gc = () => void;

/**
 * V8's `gc` function, without giving it to anything else. Node has no API for a collection; the
 * `--expose-gc` flag installs `gc` in contexts created while it is set, so it is set only for the
 * moment a private context is made, and cleared again: the server's own global (made at start) and
 * every later context have no `gc`. Cleared at once also for the code cache (boot.ts): the flag is
 * part of the flag hash V8 checks a cache against, so a cache written while it is set is refused at
 * the next start (measured; one written after it is cleared again is accepted). A process started with `--expose-gc` has
 * `gc` already and keeps its flags as they are. Undefined where the engine refuses.
 */
export function obtainFullCollection(): FullCollection | undefined {
  const wrap = (gc: unknown): FullCollection | undefined =>
    typeof gc === 'function' ? () => (gc as V8Gc)() : undefined;
  const existing = (globalThis as { gc?: unknown }).gc;
  if (existing !== undefined) return wrap(existing);
  try {
    setFlagsFromString('--expose-gc');
    return wrap(runInNewContext('gc'));
  } catch {
    return undefined;
  } finally {
    try { setFlagsFromString('--no-expose-gc'); } catch { /* the flag stays as the engine has it */ }
  }
}

export interface IdleMemoryOptions {
  /** The collection (undefined: the engine gave none, nothing is ever released). */
  collect: FullCollection | undefined;
  /** Whether work is under way or queued (a check, a workspace walk): the release waits for another quiet period. */
  busy: () => boolean;
  /** Told after each release, with what it cost. */
  log?: (message: string) => void;
  quietMs?: number;
  /** Timers (tests pass fake ones); the real ones are unref'd, so they never keep the process alive. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  now?: () => number;
  memoryUsage?: () => { heapUsed: number; rss: number };
}

/** Releases memory once per idle period: `noteActivity` on every incoming message. */
export class IdleMemoryRelease {
  private timer: unknown;
  private readonly quietMs: number;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly now: () => number;
  /** Releases made (for tests and the log). */
  releases = 0;

  constructor(private readonly options: IdleMemoryOptions) {
    this.quietMs = options.quietMs ?? idleQuietMs;
    this.setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms).unref());
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
    this.now = options.now ?? (() => performance.now());
  }

  /** A message arrived: the quiet period starts over. */
  noteActivity(): void {
    if (!this.options.collect) return;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => this.quietPeriodOver(), this.quietMs);
  }

  dispose(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private memory(): { heap: string; rss: string } {
    const usage = (this.options.memoryUsage ?? process.memoryUsage)();
    const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
    return { heap: mb(usage.heapUsed), rss: mb(usage.rss) };
  }

  private quietPeriodOver(): void {
    this.timer = undefined;
    // Work under way makes garbage of its own, and must not wait for a collection: try after it.
    if (this.options.busy()) {
      this.timer = this.setTimer(() => this.quietPeriodOver(), this.quietMs);
      return;
    }
    const before = this.memory();
    const started = this.now();
    this.options.collect?.();
    const ms = this.now() - started;
    const after = this.memory();
    this.releases++;
    this.options.log?.(`stevedore: idle for ${this.quietMs / 1000} s: released memory (full garbage collection, ${ms.toFixed(1)} ms; heap ${before.heap} → ${after.heap} MB, RSS ${before.rss} → ${after.rss} MB)`);
  }
}

/**
 * Calls `listener` on incoming protocol traffic: stdin's data over `--stdio`, IPC messages under
 * VS Code (`--node-ipc`). Other transports report nothing, and then no release is ever armed. Call
 * it after the connection listens (its reader then owns the stream's flow).
 */
export function onIncomingTraffic(argv: readonly string[], listener: () => void): boolean {
  if (argv.includes('--stdio')) {
    process.stdin.on('data', listener);
    return true;
  }
  if (argv.includes('--node-ipc')) {
    process.on('message', listener);
    return true;
  }
  return false;
}
