import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** How the cache is made and read back, beyond the defaults. */
export interface CacheAcceptanceOptions {
  /** A function (an expression in the writer, after the prelude) the cache is made through, as `wrap(() => script.createCachedData())`. */
  writeThrough?: string;
  /** JavaScript the reading process runs first (plain node: it may set flags). */
  readerPrelude?: string;
}

/**
 * Whether a V8 code cache written by a process that first ran `prelude` (TypeScript run through
 * tsx: it may require the server's modules and change V8's flags) is refused by a plain `node`
 * start: 'true' or 'false', as `cachedDataRejected` says. V8 checks a cache against a hash of its
 * flags, so this tells whether the prelude left a flag changed (boot.ts's code cache depends on it).
 */
export function cacheRefusedAfter(prelude: string, options: CacheAcceptanceOptions = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'stevedore-cache-flags-'));
  try {
    const cacheFile = join(folder, 'script.cache');
    const source = 'function twice(x) { return 2 * x; } twice(21);';
    const write = `
      ${prelude}
      const { Script } = require('node:vm');
      const script = new Script(${JSON.stringify(source)});
      script.runInThisContext();
      const make = () => script.createCachedData();
      require('node:fs').writeFileSync(${JSON.stringify(cacheFile)}, ${options.writeThrough ? `(${options.writeThrough})(make)` : 'make()'});`;
    const read = `
      ${options.readerPrelude ?? ''}
      const { Script } = require('node:vm');
      const script = new Script(${JSON.stringify(source)}, { cachedData: require('node:fs').readFileSync(${JSON.stringify(cacheFile)}) });
      process.stdout.write(String(script.cachedDataRejected));`;
    const written = spawnSync(process.execPath, ['--import', 'tsx', '-e', write], { encoding: 'utf8' });
    assert.equal(written.status, 0, written.stderr);
    const readBack = spawnSync(process.execPath, ['-e', read], { encoding: 'utf8' });
    assert.equal(readBack.status, 0, readBack.stderr);
    return readBack.stdout;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
