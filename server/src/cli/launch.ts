/**
 * dist/cli.js, what `stevedore` and `node dist/cli.js` start: loads the command line's bundle
 * (dist/cli-main.js, built from main.ts) with a V8 code cache, in the main thread and in each
 * worker thread of a big run (parallel.ts starts its workers from this file too). Each thread
 * compiles the 1.7 MB bundle and then every function the run calls; with the cache V8 takes that
 * code from an earlier run instead (docs/performance.md, "`stevedore lint` start-up").
 *
 * The cache is the language server's kind (codeCache.ts, boot.ts): one packed file in the user's
 * own cache folder, named by the installed copy and keyed by the bundle's size and time, the Node
 * version, architecture and start flags; V8 runs whatever cached code matches the source's length,
 * so the file is only loaded when it and its folder are private to this user. It holds two caches,
 * the main thread's and the lanes': V8 refuses code cached under other flags, and the lanes start
 * after the main thread has raised V8's interrupt budget (engineFlags.ts). A thread that found no
 * cache it could use writes its own when it ends, so the cache holds every function the run
 * compiled; a run that used its caches writes nothing, except once: the main thread of the first
 * run with lanes replaces a cache made by a run without them (one Dockerfile, say), which lacks
 * most of what a big run compiles. `STEVEDORE_NO_CODE_CACHE` turns it off, and any failure falls
 * back to a plain load.
 *
 * A damaged cache is refused, not run: codeCache.ts `verifiedCachesFlag` (a few ms per thread).
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { cacheFileFor, keptCaches, openTrustedPackedCache, packCaches, writeCache } from '../codeCache';
import { lanesStartedMark, restoreEngineFlags } from './engineFlags';

/** The command line's bundle, beside this launcher (scripts/build.mjs builds both). */
const cliBundleName = 'cli-main.js';

/**
 * The caches in the packed file (see above): a lane's, and the main thread's, made by a run with
 * lanes or by one without them (then replaced by the first run with lanes).
 */
const laneEntry = `${cliBundleName}@lane`;
const mainWithLanesEntry = `${cliBundleName}@main-lanes`;
const mainAloneEntry = `${cliBundleName}@main`;

/** The cache this thread loaded: its code and the entry it came from. */
interface Loaded {
  entry: string;
  data: Buffer;
}

/** This thread's cached code from the file, when the file can be trusted and has some (the main thread prefers a run with lanes' cache). */
function cachedCode(cacheFile: string): Loaded | undefined {
  const reader = openTrustedPackedCache(cacheFile);
  if (!reader) return undefined;
  try {
    for (const entry of isMainThread ? [mainWithLanesEntry, mainAloneEntry] : [laneEntry]) {
      const data = reader.read(entry);
      if (data) return { entry, data };
    }
    return undefined;
  } finally {
    reader.close();
  }
}

/** The entry this thread's cache is to be written as when it ends, or undefined when the one it used will do. */
function entryToWrite(used: Loaded | undefined): string | undefined {
  if (!isMainThread) return used ? undefined : laneEntry;
  const lanes = (globalThis as Record<symbol, unknown>)[lanesStartedMark] === true;
  if (used && (used.entry === mainWithLanesEntry || !lanes)) return undefined;
  return lanes ? mainWithLanesEntry : mainAloneEntry;
}

/**
 * Writes this thread's cache into the file, keeping the other thread kind's. Called as the thread
 * ends, so the code of every function the run compiled is in it. The main thread first puts back
 * the flags it started with, which V8 stamps the cache with.
 */
function saveCache(cacheFile: string, script: Script, entry: string): void {
  try {
    if (isMainThread) restoreEngineFlags();
    const kept = keptCaches(cacheFile);
    const entries = new Map<string, Uint8Array>(kept);
    if (entry === mainWithLanesEntry) entries.delete(mainAloneEntry);
    entries.set(entry, script.createCachedData());
    writeCache(cacheFile, packCaches(entries));
  } catch {
    // writeCache reports its own failures; anything else only costs the next run its cache.
  }
}

function launch(): void {
  const bundleFile = join(__dirname, cliBundleName);
  let cacheFile: string | undefined;
  let loaded: Loaded | undefined;
  try {
    cacheFile = cacheFileFor('cli', bundleFile);
    loaded = cacheFile === undefined ? undefined : cachedCode(cacheFile);
  } catch {
    cacheFile = undefined;
    loaded = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(bundleFile, 'utf8')), { filename: bundleFile, cachedData: loaded?.data });
  if (cacheFile !== undefined) {
    const target = cacheFile;
    const used = loaded && !script.cachedDataRejected ? loaded : undefined;
    process.once('exit', () => {
      const entry = entryToWrite(used);
      if (entry) saveCache(target, script, entry);
    });
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: bundleFile, id: bundleFile, loaded: false };
  wrapper.call(module.exports, module.exports, Module.createRequire(bundleFile), module, bundleFile, __dirname);
  module.loaded = true;
}

launch();
