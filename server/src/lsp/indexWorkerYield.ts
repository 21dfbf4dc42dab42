import { closeSync, openSync, readlinkSync, readSync } from 'node:fs';
import { setPriority } from 'node:os';
import { performance } from 'node:perf_hooks';

/**
 * How the index worker (indexWorker.ts) keeps out of the way of the server's main thread on a busy
 * machine, where the two, V8's helper threads, the editor and other programs share few cores.
 * Linux only (both need `/proc`); elsewhere the worker runs as any thread does.
 */

/** The nice value of the worker's thread: the lowest priority there is. */
export const workerNice = 19;

/**
 * Lowers the calling thread's priority (on Linux each thread has a nice value of its own, and
 * `setpriority` with a thread's id sets only that thread's). Answers the thread's id, or undefined
 * where that is not possible (then the thread keeps the process's priority).
 */
export function lowerThisThreadsPriority(): number | undefined {
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(threadId) || threadId <= 0) return undefined;
    setPriority(threadId, workerNice);
    return threadId;
  } catch {
    return undefined;
  }
}

/** Longest the worker waits in one go (milliseconds): then one more file. */
export const maxGiveWayMs = 10;

/**
 * The worker waits at most as long as it has worked (milliseconds of waiting per millisecond of
 * work), and saves up no more than `maxSavedMs` of it: a main thread that stays runnable (busy for
 * long, or queued on a loaded machine) slows the index to half its speed, never more.
 */
const waitPerWork = 1;
const maxSavedMs = 20;

/**
 * Waits while a thread (the process's main thread unless told otherwise: its id is the process's)
 * is running or waiting for a core: Linux's "R" state in `/proc/<pid>/task/<tid>/stat`. A nice
 * value only orders the threads queued on one core: a main thread queued on one core behind another
 * program would otherwise wait while the worker keeps the other core busy; a core the worker leaves
 * idle takes the waiting thread over. The state file is opened for a request's files and closed
 * after them (`watching`), so a worker ended in between leaves at most that one open.
 */
export class MainThreadWatch {
  private fd: number | undefined;
  private readonly buffer = Buffer.alloc(256);
  private readonly sleeper = new Int32Array(new SharedArrayBuffer(4));
  /** Milliseconds the worker may still wait (earned by working), and when it last stopped waiting. */
  private allowanceMs = maxSavedMs;
  private workingSince = performance.now();

  constructor(
    private readonly statPath = `/proc/${process.pid}/task/${process.pid}/stat`,
    private readonly maxWaitMs = maxGiveWayMs,
  ) {}

  /** Runs `work` with the state file open (on any failure to open it, `giveWay` never waits). */
  watching<T>(work: () => T): T {
    try { this.fd = openSync(this.statPath, 'r'); } catch { this.fd = undefined; }
    try {
      return work();
    } finally {
      if (this.fd !== undefined) try { closeSync(this.fd); } catch { /* already closed */ }
      this.fd = undefined;
    }
  }

  /**
   * Sleeps a millisecond at a time while the watched thread is runnable, up to `maxWaitMs` and as
   * long as the time worked since allows; answers the milliseconds waited.
   */
  giveWay(): number {
    const now = performance.now();
    this.allowanceMs = Math.min(maxSavedMs, this.allowanceMs + (now - this.workingSince) * waitPerWork);
    let waited = 0;
    while (waited < this.maxWaitMs && this.allowanceMs >= 1 && this.runnable()) {
      Atomics.wait(this.sleeper, 0, 0, 1);
      waited++;
      this.allowanceMs--;
    }
    this.workingSince = performance.now();
    return waited;
  }

  /** Whether the watched thread is running or waiting for a core (false when unknown). */
  runnable(): boolean {
    if (this.fd === undefined) return false;
    try {
      const length = readSync(this.fd, this.buffer, 0, this.buffer.length, 0);
      // "pid (name) S …": the state follows the name's closing parenthesis (a name may hold one itself).
      const close = this.buffer.lastIndexOf(0x29, length - 1);
      return close > 0 && this.buffer[close + 2] === 0x52; // 'R'
    } catch {
      return false;
    }
  }
}
