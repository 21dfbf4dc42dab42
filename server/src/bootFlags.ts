import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * The V8 flags boot.ts sets at start-up (a module of their own so tests can ask for them without
 * starting a server).
 */

/**
 * A language server re-checks on every keystroke: each check of a large file makes a few MB of
 * short-lived objects, and V8's defaults size the heap for throughput, not for a process that stays
 * open all day beside the editor. boot.ts sets these flags before the bundle is compiled:
 * - `--heap-growing-percent=20`: the old generation grows by 20% of the live heap between full
 *   collections instead of several times it (major collections are incremental and mostly
 *   concurrent, so checks barely notice).
 * - `--semi-space-growth-factor=1`: the young generation stays at its initial 1 MB semi-spaces
 *   instead of doubling up to 16 MB each (32 MB committed) after a few busy checks. That young
 *   generation was the largest single item of the server's peak memory. Set at run time because
 *   the bin has no way to pass `--max-semi-space-size` at start; a launcher that does pass it
 *   (or NODE_OPTIONS) keeps its own choice.
 * - `--no-opt`: no optimizing compiler (TurboFan) while every open document is of an ordinary
 *   size; functions that run often get baseline (Sparkplug) code instead, which V8 makes quickly,
 *   beside their bytecode. The optimizing compiler was 8–10 MB of an idle server: its own machine
 *   code paged in from the `node` binary (~4 MB), the memory its compile jobs leave in the worker
 *   threads' `malloc` arenas (~3–5 MB) and the optimized code. Baseline code is slower than
 *   optimized code but fast enough for files of ordinary size (a 1,000-line Dockerfile re-checks
 *   in ~6 ms instead of ~3.5), and a document of 128 K characters or more switches the optimizing
 *   compiler on while it is open (lsp/bigDocumentFlags.ts), where throughput matters more.
 * - `--no-turbo-inlining`: the optimizing compiler compiles each hot function alone instead of
 *   inlining its callees into it. For the first few hundred edits after a file is opened the
 *   process spent about half its CPU in those compiles, on V8's worker threads beside the checks
 *   (one compile of the Dockerfile rules' runner took ~0.2 s): without inlining they cost a third
 *   less and the checks wait less for a core, and warm checks ran no slower (docs/performance.md,
 *   "300-line edit, late night round").
 * - `--bytecode-old-age=5`: V8's own default, set so that the value is known: the idle compaction
 *   (lsp/idleCompaction.ts) lowers it for its collections and puts this value back, and the value a
 *   code cache was made under must be the start's (it is part of V8's flag hash).
 * What each costs and saves is measured in docs/performance.md. A launcher that passes a flag of
 * its own for the young generation's size, for the optimizing compiler, for inlining or for the
 * bytecode's age keeps its choice.
 */
export function gcFlags(execArgv: readonly string[], nodeOptions = ''): string[] {
  const flags = ['--heap-growing-percent=20'];
  const launcherFlags = launcherFlagsOf(execArgv, nodeOptions);
  if (!launcherGaveValue(launcherFlags, 'max-semi-space-size')) flags.push(smallYoungGenerationFlag);
  if (!launcherChoseOptimizingCompiler(launcherFlags)) flags.push(noOptimizingCompilerFlag);
  if (!launcherChose(launcherFlags, 'turbo-inlining')) flags.push(noInliningFlag);
  if (!launcherGaveValue(launcherFlags, 'bytecode-old-age')) flags.push(`--bytecode-old-age=${bytecodeOldAge}`);
  return flags;
}

/** Full collections a function may go unused before V8 drops its bytecode: V8's default, set at start (gcFlags). */
export const bytecodeOldAge = 5;


/** The flags whoever started the process gave it: its command line's, then NODE_OPTIONS'. */
export function launcherFlagsOf(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): string[] {
  return [...execArgv, ...nodeOptions.split(/\s+/)];
}

/** Whether the launcher set a V8 switch either way: `--name` or `--no-name`, with dashes or underscores. */
export function launcherChose(launcherFlags: readonly string[], name: string): boolean {
  const pattern = new RegExp(`^--(no[-_])?${name.replace(/-/g, '[-_]')}$`);
  return launcherFlags.some((arg) => pattern.test(arg));
}

/** Whether the launcher set a V8 flag that takes a value (`--name=N` or `--name N`), with dashes or underscores. */
export function launcherGaveValue(launcherFlags: readonly string[], name: string): boolean {
  const pattern = new RegExp(`^--${name.replace(/-/g, '[-_]')}(=|$)`);
  return launcherFlags.some((arg) => pattern.test(arg));
}

/** The `--max-semi-space-size` a launcher passed (`=N` or as the next word), or V8's default, 0. */
export function launcherSemiSpaceSize(launcherFlags: readonly string[]): string {
  let size = '0';
  launcherFlags.forEach((flag, i) => {
    const match = /^--max[-_]semi[-_]space[-_]size(?:=(\d+))?$/.exec(flag);
    if (!match) return;
    const value = match[1] ?? launcherFlags[i + 1];
    if (value !== undefined && /^\d+$/.test(value)) size = value;
  });
  return size;
}

/** No optimizing compiler (see gcFlags); lsp/bigDocumentFlags.ts sets optimizingCompilerFlag while a big document is open. */
export const noOptimizingCompilerFlag = '--no-opt';
/** The optimizing compiler back on (V8's default). */
export const optimizingCompilerFlag = '--opt';

/** Whether the launcher chose the optimizing tier itself: `--[no-]opt`, `--[no-]turbofan`, `--max-opt=N` or `--jitless`. */
function launcherChoseOptimizingCompiler(launcherFlags: readonly string[]): boolean {
  return launcherChose(launcherFlags, 'opt') || launcherChose(launcherFlags, 'turbofan')
    || launcherFlags.some((arg) => /^--(max[-_]opt(=|$)|jitless$)/.test(arg));
}

/** Optimized functions compiled without their callees inlined (see gcFlags). */
export const noInliningFlag = '--no-turbo-inlining';

/** Keeps the young generation at its initial 1 MB semi-spaces (see gcFlags). */
export const smallYoungGenerationFlag = '--semi-space-growth-factor=1';
/** V8's own growth factor: the semi-spaces double, up to 16 MB each, as checks keep objects alive. */
export const defaultYoungGenerationFlag = '--semi-space-growth-factor=2';

type SetFlag = (flag: string) => void;

/**
 * The flags boot.ts set at start and their values now, by switch (`opt`, `semi-space-growth-factor`).
 * Kept on the global object because boot.js and server.js are bundles of their own, each with its
 * own copy of this module.
 */
interface EngineFlags {
  atStart: Map<string, string>;
  now: Map<string, string>;
}

const engineFlagsKey = Symbol.for('stevedore.engineFlags');

function engineFlags(): EngineFlags {
  const global = globalThis as Record<symbol, EngineFlags | undefined>;
  return (global[engineFlagsKey] ??= { atStart: new Map(), now: new Map() });
}

/** The switch a flag sets: `--no-opt` and `--opt` → `opt`; `--semi-space-growth-factor=1` → `semi-space-growth-factor`. */
function switchOf(flag: string): string {
  return flag.replace(/^--(no[-_])?/, '').replace(/=.*$/, '').replace(/_/g, '-');
}

/** boot.ts: one of gcFlags' flags, set before anything is compiled. */
export function setStartFlag(flag: string, set: SetFlag = setFlagsFromString): void {
  set(flag);
  const { atStart, now } = engineFlags();
  atStart.set(switchOf(flag), flag);
  now.set(switchOf(flag), flag);
}

/** The flag boot.ts set for a switch (`startFlagOf('opt')` is `--no-opt` when it held the optimizing compiler back), if any. */
export function startFlagOf(flag: string): string | undefined {
  return engineFlags().atStart.get(switchOf(flag));
}

/** A flag the server changes while it runs (lsp/bigDocumentFlags.ts); withStartFlags puts the start's value back for a moment. */
export function setRuntimeFlag(flag: string, set: SetFlag = setFlagsFromString): void {
  set(flag);
  engineFlags().now.set(switchOf(flag), flag);
}

/**
 * Runs `work` with the flags as boot.ts set them, then puts back the ones changed since. boot.ts
 * checks and writes its code cache through this: V8 stamps cached code with a hash of its flags and
 * refuses code stamped under others, so a cache written while a big document had the optimizing
 * compiler on would be refused at every later start, and a language's bundle first loaded then
 * would be compiled from its source.
 */
export function withStartFlags<T>(work: () => T, set: SetFlag = setFlagsFromString): T {
  const { atStart, now } = engineFlags();
  const changed = [...now].filter(([name, flag]) => atStart.has(name) && atStart.get(name) !== flag);
  for (const [name] of changed) set(atStart.get(name)!);
  try {
    return work();
  } finally {
    for (const [, flag] of changed) set(flag);
  }
}

/** A young-generation collection (a scavenge), or undefined when the engine would not give one. */
export type YoungCollection = () => void;

/** V8's `gc` from its gc extension: a full collection without options, a scavenge with `{ type: 'minor' }`. */
export type V8Gc = (options?: { type?: 'minor' | 'major' }) => void;

/**
 * V8's `gc`, without giving it to any script. Node has no API for a collection: `--expose-gc`
 * installs `gc` in the contexts created while it is set, so it is set only while one private
 * context is made and cleared at once: the server's global and later contexts get no `gc`, and the
 * flag is back as it was before the next code cache is checked or written (the flags are part of
 * what V8 checks a cache against). A process started with `--expose-gc` gives its own. Undefined
 * when the engine refuses.
 */
export function obtainPrivateGc(): V8Gc | undefined {
  const exposedAtStart = (globalThis as { gc?: unknown }).gc !== undefined;
  try {
    if (!exposedAtStart) setFlagsFromString('--expose-gc');
    const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as V8Gc | undefined;
    return typeof gc === 'function' ? gc : undefined;
  } catch {
    return undefined;
  } finally {
    if (!exposedAtStart) {
      try {
        setFlagsFromString('--no-expose-gc');
      } catch {
        // The flag stays as the engine has it.
      }
    }
  }
}

/**
 * One scavenge, for boot.ts to free the code cache's buffers right after it wrote them. Writing the
 * cache makes ~3 MB of native buffers (each script's serialized code, then the packed file) that
 * are garbage as soon as the file is written, but native memory behind a JavaScript buffer is only
 * freed when a collection finds the buffer dead, and a server that has just gone quiet may not
 * collect for minutes: the first session after an install held them (idle RSS +2.5–3 MB). The
 * buffers are still in the young generation, so a scavenge (~1 ms with 1 MB semi-spaces) frees
 * them; no full collection. `gc` comes from `obtainPrivateGc`.
 */
export function obtainYoungCollection(): YoungCollection | undefined {
  const gc = obtainPrivateGc();
  return gc ? () => gc({ type: 'minor' }) : undefined;
}
