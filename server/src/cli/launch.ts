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
 * compiled; a run that used its caches writes nothing. `STEVEDORE_NO_CODE_CACHE` turns it off,
 * and any failure falls back to a plain load.
 *
 * V8 checks a cache's header (its version, flags, the source's length) but, in release builds, not
 * its content: a cache damaged on disk was accepted and crashed the process or, worse, could have
 * run other code than the bundle's. `--verify-snapshot-checksum` makes V8 stamp each cache it makes
 * with a checksum and refuse one whose content does not match it (a few ms per thread).
 */
import { readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { isMainThread } from 'node:worker_threads';
import { codeCacheFolder, fingerprint, openTrustedPackedCache, packCaches, readTrustedCache, unpackCaches, writeCache } from '../codeCache';
import { restoreEngineFlags } from './engineFlags';

/** The command line's bundle, beside this launcher (scripts/build.mjs builds both). */
const cliBundleName = 'cli-main.js';

/** This thread's cache in the packed file: the main thread's, or a lane's (see above). */
const cacheEntry = `${cliBundleName}@${isMainThread ? 'main' : 'lane'}`;

/** The cache file for this bundle and process, or undefined when the cache is turned off. */
function cacheFileFor(bundleFile: string): string | undefined {
  if (process.env.STEVEDORE_NO_CODE_CACHE) return undefined;
  // Set before anything is compiled or cached (see above); the flags are the process's, so a worker thread finds it set.
  setFlagsFromString('--verify-snapshot-checksum');
  const stats = statSync(bundleFile);
  // V8 refuses a cache made under other flags: launchers with different flags keep their own.
  const flags = `${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}`;
  const key = fingerprint(`${bundleFile}|${stats.size}|${stats.mtimeMs}|${process.version}|${process.arch}|${flags}`, 24);
  // Each installed copy (its folder) prunes only its own older caches (codeCache.ts cacheFileName).
  return join(codeCacheFolder(), `cli-${fingerprint(__dirname, 8)}-${key}.cache`);
}

/** This thread's cached code from the file, when the file can be trusted and has some. */
function cachedCode(cacheFile: string): Buffer | undefined {
  const reader = openTrustedPackedCache(cacheFile);
  if (!reader) return undefined;
  try {
    return reader.read(cacheEntry);
  } finally {
    reader.close();
  }
}

/**
 * Writes this thread's cache into the file, keeping the other thread kind's. Called as the thread
 * ends, so the code of every function the run compiled is in it. The main thread first puts back
 * the flags it started with, which V8 stamps the cache with.
 */
function saveCache(cacheFile: string, script: Script): void {
  try {
    if (isMainThread) restoreEngineFlags();
    let kept: Map<string, Buffer>;
    try {
      const packed = readTrustedCache(cacheFile);
      kept = packed ? unpackCaches(packed) : new Map();
    } catch {
      kept = new Map();
    }
    const entries = new Map<string, Uint8Array>(kept);
    entries.set(cacheEntry, script.createCachedData());
    writeCache(cacheFile, packCaches(entries));
  } catch {
    // writeCache reports its own failures; anything else only costs the next run its cache.
  }
}

function launch(): void {
  const bundleFile = join(__dirname, cliBundleName);
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    cacheFile = cacheFileFor(bundleFile);
    cachedData = cacheFile === undefined ? undefined : cachedCode(cacheFile);
  } catch {
    cacheFile = undefined;
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(bundleFile, 'utf8')), { filename: bundleFile, cachedData });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
    const target = cacheFile;
    process.once('exit', () => saveCache(target, script));
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const module = { exports: {}, filename: bundleFile, id: bundleFile, loaded: false };
  wrapper.call(module.exports, module.exports, Module.createRequire(bundleFile), module, bundleFile, __dirname);
  module.loaded = true;
}

launch();
