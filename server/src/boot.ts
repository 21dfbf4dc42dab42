/**
 * Starts the bundled language server (dist/server.js) with a V8 code cache. Compiling the 1.5 MB
 * bundle is a large part of start-up; V8 can reuse the bytecode of an earlier start instead. The
 * cache lives in the user's own cache folder (created private), is keyed by the bundle's size, time
 * and the Node version, and is ignored when V8 rejects it; any failure falls back to a plain load.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

const serverFile = join(__dirname, 'server.js');

function cacheFile(): string | undefined {
  if (process.env.STEVEDORE_NO_CODE_CACHE) return undefined;
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
  const stats = statSync(serverFile);
  const key = createHash('sha256').update(`${serverFile}|${stats.size}|${stats.mtimeMs}|${process.version}|${process.arch}`).digest('hex').slice(0, 24);
  return join(base, 'stevedore', `server-${key}.cache`);
}

function boot(): void {
  let cachePath: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    cachePath = cacheFile();
    if (cachePath) cachedData = readFileSync(cachePath);
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
    // Once start-up has run, the cache also holds the functions it compiled. Written atomically.
    setTimeout(() => {
      try {
        mkdirSync(join(target, '..'), { recursive: true, mode: 0o700 });
        const temporary = `${target}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        renameSync(temporary, target);
      } catch {
        // A read-only home or a full disk only costs the next start its cache.
      }
    }, 2000).unref();
  }
}

boot();
