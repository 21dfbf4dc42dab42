/**
 * Starts the bundled language server (dist/server.js) with a V8 code cache. Compiling the bundle
 * (about 1.8 MB of code; its data files are read from dist/data on first use) is a large part of
 * start-up; V8 can reuse the bytecode of an earlier start instead. The cache lives in the user's
 * own cache folder, is keyed by the bundle's size, time, the Node version and the flags the
 * process was started with, and is ignored when V8 rejects it. V8 runs whatever cached code
 * matches the source's length, so the cache is only loaded when it and its folder are private to
 * this user (see codeCache.ts); any failure falls back to a plain load.
 * It also tunes the garbage collector for a server that re-checks on every keystroke (below).
 * docs/performance.md has the measurements behind both.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { gcFlags, smallYoungGenerationFlag, smallYoungGenerationMark } from './bootFlags';
import { readTrustedCache, writeCache } from './codeCache';

const serverFile = join(__dirname, 'server.js');

function cacheFile(): string | undefined {
  if (process.env.STEVEDORE_NO_CODE_CACHE) return undefined;
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
  const stats = statSync(serverFile);
  // V8 refuses a cache made under other flags: launchers with different flags keep their own.
  const flags = `${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}`;
  const key = createHash('sha256').update(`${serverFile}|${stats.size}|${stats.mtimeMs}|${process.version}|${process.arch}|${flags}`).digest('hex').slice(0, 24);
  return join(base, 'stevedore', `server-${key}.cache`);
}

/** The garbage collector's tuning for a server that re-checks on every keystroke (bootFlags.ts). */
function tuneGarbageCollector(): void {
  for (const flag of gcFlags(process.execArgv, process.env.NODE_OPTIONS)) {
    try {
      setFlagsFromString(flag);
      if (flag === smallYoungGenerationFlag) (globalThis as Record<symbol, unknown>)[smallYoungGenerationMark] = true;
    } catch {
      // An engine without the flag keeps its default.
    }
  }
}

function boot(): void {
  tuneGarbageCollector();
  let cachePath: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    cachePath = cacheFile();
    if (cachePath) cachedData = readTrustedCache(cachePath);
  } catch {
    cachedData = undefined;
  }
  const source = readFileSync(serverFile, 'utf8');
  const script = new Script(Module.wrap(source), { filename: serverFile, cachedData });
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  const serverModule = { exports: {}, filename: serverFile, id: serverFile, loaded: false };
  const serverRequire = Module.createRequire(serverFile);
  wrapper.call(serverModule.exports, serverModule.exports, serverRequire, serverModule, serverFile, __dirname);
  if (cachePath && (!cachedData || script.cachedDataRejected)) {
    const target = cachePath;
    // Once start-up has run, the cache also holds the functions it compiled. A missing, refused or
    // rejected cache is replaced (atomically, and only in a private folder).
    setTimeout(() => {
      try {
        writeCache(target, script.createCachedData());
      } catch {
        // writeCache reports its own failures; anything else only costs the next start its cache.
      }
    }, 2000).unref();
  }
}

boot();
