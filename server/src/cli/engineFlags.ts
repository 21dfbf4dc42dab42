import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimises a function once it has run for a while (its "interrupt budget"), compiling it on
 * background threads. When the command line lints in worker-thread lanes on every core, those
 * compilations compete with the lanes: on the shared corpus they took about 3 s of CPU beside 4 s
 * of linting on two cores. Eight times V8's budget keeps the optimising compiler to the functions
 * that are really hot (the YAML parser, the rule loops): about 1.5 s less CPU for the run, the
 * lanes no slower. A run in one thread leaves a core to the compiler, and over 10,000 files it was
 * about 8% slower with the larger budget, so it keeps V8's default. No result changes either way.
 * Set only on the V8 it was measured with (Node 20's; a flag V8 does not know would be reported on
 * stderr), before the checks first run (the budget is read when a function first runs).
 */
const tunedV8Major = 11;
const interruptBudgetFlag = '--interrupt-budget=540672';
/**
 * Set on the global object when a run starts worker-thread lanes (parallel.ts): cli/launch.ts, in
 * whose context the bundle runs, then keeps the main thread's code cache of a big run.
 */
export const lanesStartedMark = Symbol.for('stevedore.cli.lanesStarted');

/** That V8's own budget (`node --v8-options`), which restoreEngineFlags puts back. */
const defaultInterruptBudgetFlag = '--interrupt-budget=67584';

/** Whether the budget is ours to set: the V8 it was measured with, and no budget given at start (whoever starts the process with one keeps it). */
function tunable(execArgv: readonly string[], nodeOptions: string): boolean {
  if (Number(process.versions.v8.split('.')[0]) !== tunedV8Major) return false;
  return ![...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg));
}

function setFlag(flag: string): boolean {
  try {
    setFlagsFromString(flag);
    return true;
  } catch {
    return false;
  }
}

export function tuneEngineForLanes(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  return tunable(execArgv, nodeOptions) && setFlag(interruptBudgetFlag);
}

/**
 * Puts V8's own budget back (nothing changes when tuneEngineForLanes set none). V8 stamps cached
 * code with a hash of its flags and refuses code stamped under other flags: cli/launch.ts calls
 * this before it makes the main thread's code cache at exit, so the cache matches the flags the
 * next run's main thread compiles under (the budget is only raised once the run turns out big).
 */
export function restoreEngineFlags(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  return tunable(execArgv, nodeOptions) && setFlag(defaultInterruptBudgetFlag);
}
