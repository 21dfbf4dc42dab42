/**
 * Starts the bundled language server (dist/server.js) with a V8 code cache. Compiling the bundles
 * is a large part of start-up; V8 can reuse the bytecode of an earlier start instead. The server is
 * several scripts (scripts/build.mjs): `server.js` (the protocol, settings and config loaders),
 * shared chunks `server-chunk-*.js`, and one bundle per language (`server-dockerfile.js`,
 * `server-kubernetes.js`, `server-compose.js`) that services.ts requires when a document of that
 * language first needs it, and likewise `server-workspace.js` (the workspace index and image graph)
 * and `server-yaml.js` (the yaml parser for config files), loaded after initialize. This file loads them all: each with its cached code when there is some.
 * The cache is one file (codeCache.ts packs the scripts' caches) in the user's own cache folder,
 * keyed by the core bundle's size, time, the Node version and the flags the process was started
 * with, and named by the installed copy (so two installs do not remove each other's); V8 ignores a
 * script's cache it rejects. V8 runs whatever cached code matches the source's
 * length, so the cache is only loaded when it and its folder are private to this user (see
 * codeCache.ts); any failure falls back to a plain load.
 * It also tunes the garbage collector for a server that re-checks on every keystroke (below).
 * docs/performance.md has the measurements behind both.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Script } from 'node:vm';
import { gcFlags, obtainYoungCollection, setStartFlag, withStartFlags } from './bootFlags';
import { cacheFileFor, keptCaches, onFirstWorkDone, openTrustedPackedCache, packCaches, writeCache, type PackedCacheReader } from './codeCache';

const serverFile = join(__dirname, 'server.js');
/** What the server's scripts require of each other: `./server.js`, `./server-<name>.js`. */
const ownScript = /^\.\/(server(?:-[\w-]+)?\.js)$/;
/**
 * Node's CommonJS wrapper around a script, the same text as `Module.wrap` (so caches written by
 * earlier builds still match). Written out here, with boot.js' own `require` for the scripts (below),
 * because requiring `node:module` for `wrap` and `createRequire` loaded four more of Node's modules
 * at every start (its ES module loader and source maps; docs/performance.md, "Start-up, night round").
 */
const wrapperStart = '(function (exports, require, module, __filename, __dirname) { ';
const wrapperEnd = '\n});';

const wrapperStartBytes = Buffer.from(wrapperStart);
const wrapperEndBytes = Buffer.from(wrapperEnd);

/**
 * A script's text inside the wrapper, made as one string from the file's bytes. Joining the file's
 * string with the wrapper's made a rope that V8 copies into one flat string to compile, and the
 * file's own string stayed behind as garbage: these strings are large (the Dockerfile engine's is
 * 0.5 MB) and V8 frees large objects only in a full collection, which an idle server may not have
 * for minutes, so each script's text was held twice (0.7 MB with a Dockerfile open). The bytes are
 * native memory, freed with the buffers. The text is the same (UTF-8 decoded as readFileSync
 * decodes it; V8 still keeps a production bundle one byte per character, see build.mjs).
 */
function wrappedSource(file: string): string {
  return Buffer.concat([wrapperStartBytes, readFileSync(file), wrapperEndBytes]).toString('utf8');
}

/** The garbage collector's tuning for a server that re-checks on every keystroke (bootFlags.ts). */
function tuneGarbageCollector(): void {
  for (const flag of gcFlags(process.execArgv, process.env.NODE_OPTIONS)) {
    try {
      setStartFlag(flag);
    } catch {
      // An engine without the flag keeps its default.
    }
  }
}

interface LoadedScript {
  script: Script;
  /** Whether V8 took this script's code from the cache file (then the file's copy is kept as it is). */
  fromCache: boolean;
}

/**
 * Loads the server's scripts as CommonJS modules, each compiled with its code from the cache file.
 * The cache file is opened when a load starts (start-up, a language's first document) and closed
 * when it ends, and only the caches of the scripts loaded are read from it: the caches of languages
 * not in use are neither read at start nor kept in memory.
 */
class ScriptLoader {
  private readonly modules = new Map<string, { exports: unknown }>();
  private readonly scripts = new Map<string, LoadedScript>();
  /** The cache file, open during a load (undefined between loads; null when there is none to use). */
  private cacheFile: PackedCacheReader | null | undefined;
  private depth = 0;
  private writeTimer: NodeJS.Timeout | undefined;

  constructor(private readonly cachePath: string | undefined) {}

  /**
   * `require` for the scripts of ours: our own scripts through the loader, anything else through
   * Node. One for all of them: they sit beside boot.js and require only each other and Node's
   * built-in modules, which boot.js' own `require` resolves as theirs would.
   */
  private readonly scriptRequire: NodeJS.Require = Object.assign((specifier: string): unknown => {
    const own = ownScript.exec(specifier);
    return own ? this.load(join(__dirname, own[1])) : require(specifier);
  }, require);

  private cachedCode(name: string): Buffer | undefined {
    if (!this.cachePath) return undefined;
    if (this.cacheFile === undefined) {
      try {
        this.cacheFile = openTrustedPackedCache(this.cachePath) ?? null;
      } catch {
        this.cacheFile = null;
      }
    }
    return this.cacheFile?.read(name);
  }

  load(file: string): unknown {
    const known = this.modules.get(file);
    if (known) return known.exports;
    const name = basename(file);
    this.depth++;
    try {
      const cachedData = this.cachedCode(name);
      // With the start's flags, which the cache was made under (bootFlags.ts withStartFlags).
      const script = withStartFlags(() => new Script(wrappedSource(file), { filename: file, cachedData }));
      this.scripts.set(name, { script, fromCache: cachedData !== undefined && !script.cachedDataRejected });
      if (!this.scripts.get(name)!.fromCache) this.scheduleCacheWrite();
      const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
      // Registered before it runs: scripts that require each other get the exports so far, as in Node.
      const module = { exports: {}, filename: file, id: file, loaded: false };
      this.modules.set(file, module);
      wrapper.call(module.exports, module.exports, this.scriptRequire, module, file, __dirname);
      module.loaded = true;
      return module.exports;
    } finally {
      if (--this.depth === 0) {
        this.cacheFile?.close();
        this.cacheFile = undefined;
      }
    }
  }

  /**
   * A script compiled without usable cached code: when the server reports its first work done (a
   * document's first diagnostics: codeCache.ts `firstWorkDone` says why), or two seconds after the
   * load if it reports nothing, the cache file is written again with it, keeping what the file had
   * for the other scripts. Written atomically, and only in a private folder.
   */
  private scheduleCacheWrite(): void {
    if (!this.cachePath || this.writeTimer) return;
    this.writeTimer = setTimeout(() => this.writeCaches(), 2000);
    this.writeTimer.unref();
  }

  /** The pending cache write, in a task of its own right away (the publish that asked is done). */
  writeSoon(): void {
    if (!this.writeTimer) return;
    clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => this.writeCaches(), 0);
    this.writeTimer.unref();
  }

  private writeCaches(): void {
    this.writeTimer = undefined;
    const target = this.cachePath;
    if (!target) return;
    try {
      const kept = keptCaches(target);
      const entries = new Map<string, Uint8Array>(kept);
      for (const [name, { script, fromCache }] of this.scripts) {
        if (!fromCache || !kept.has(name)) entries.set(name, withStartFlags(() => script.createCachedData()));
      }
      writeCache(target, packCaches(entries));
      for (const loaded of this.scripts.values()) loaded.fromCache = true;
    } catch {
      // writeCache reports its own failures; anything else only costs the next start its cache.
    }
    // The buffers written are garbage now: free them at once (bootFlags.ts obtainYoungCollection),
    // in a task of its own so that this one's variables no longer hold them.
    setTimeout(() => obtainYoungCollection()?.(), 0).unref();
  }
}

function boot(): void {
  tuneGarbageCollector();
  let cachePath: string | undefined;
  try {
    cachePath = cacheFileFor('server', serverFile);
  } catch {
    cachePath = undefined;
  }
  const loader = new ScriptLoader(cachePath);
  onFirstWorkDone(() => loader.writeSoon());
  loader.load(serverFile);
}

boot();
