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

export function tuneEngineForLanes(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): boolean {
  if (Number(process.versions.v8.split('.')[0]) !== tunedV8Major) return false;
  // Whoever starts the process with a budget of their own keeps it.
  if ([...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return false;
  try {
    setFlagsFromString(interruptBudgetFlag);
    return true;
  } catch {
    return false;
  }
}
