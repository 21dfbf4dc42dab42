import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { gcFlags } from '../../../server/src/bootFlags';
import { packCaches, unpackCaches, verifiedCachesFlag } from '../../../server/src/codeCache';

const boot = resolve(__dirname, '..', '..', '..', 'dist', 'boot.js');
const server = resolve(__dirname, '..', '..', '..', 'dist', 'server.js');
const skip = existsSync(boot) ? false : 'dist/boot.js is not built';

/** Starts dist/boot.js, answers initialize, and waits `linger` ms before killing it. */
function startOnce(cacheHome: string, linger: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [boot, '--stdio'], { env: { ...process.env, XDG_CACHE_HOME: cacheHome } });
    const message = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"serverInfo"')) setTimeout(() => child.kill(), linger);
    });
    child.on('exit', () => resolvePromise(out));
    child.on('error', reject);
    child.stdin.write(`Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
  });
}

test('boot.js starts the server and keeps a private V8 code cache for the next start', { skip }, async () => {
  const cacheHome = mkdtempSync(join(tmpdir(), 'stevedore-cache-'));
  try {
    assert.match(await startOnce(cacheHome, 2600), /stevedore-language-server/);
    const files = readdirSync(join(cacheHome, 'stevedore'));
    assert.equal(files.length, 1, `one cache file expected, found ${files.join(', ')}`);
    assert.match(files[0], /^server-[0-9a-f]{8}-[0-9a-f]{24}\.cache$/);
    assert.equal(statSync(join(cacheHome, 'stevedore')).mode & 0o777, 0o700);
    assert.equal(statSync(join(cacheHome, 'stevedore', files[0])).mode & 0o777, 0o600);
    // The second start reads the cache and still answers.
    assert.match(await startOnce(cacheHome, 0), /stevedore-language-server/);
    assert.equal(readdirSync(join(cacheHome, 'stevedore')).length, 1);
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
});

/**
 * What an attacker would plant: V8 code for another script of the same length as the wrapped
 * bundle, which V8 accepts in place of the bundle's own. Made in a child with boot.js's V8 flags,
 * since V8 also checks the flags a cache was made with.
 */
function plantForeignCode(file: string): void {
  const make = `
    const { setFlagsFromString } = require('node:v8');
    const Module = require('node:module');
    const fs = require('node:fs');
    const { Script } = require('node:vm');
    const [serverFile, out, flags] = process.argv.slice(1);
    for (const flag of JSON.parse(flags)) setFlagsFromString(flag);
    const length = Module.wrap(fs.readFileSync(serverFile, 'utf8')).length;
    const source = Module.wrap('process.stdout.write("FOREIGN CODE RAN"); process.exit(0);');
    fs.writeFileSync(out, new Script(source.padEnd(length), { filename: serverFile }).createCachedData());`;
  const raw = `${file}.raw`;
  const result = spawnSync(process.execPath, ['-e', make, server, raw, JSON.stringify([...gcFlags([], process.env.NODE_OPTIONS), verifiedCachesFlag])], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  // The cache file holds every script's cache (codeCache.ts packCaches); the planted code stands for server.js's.
  writeFileSync(file, packCaches(new Map([['server.js', readFileSync(raw)]])));
  rmSync(raw);
}

/** A fresh cache home in which one start has written its cache: the cache folder, the file's name and path. */
async function withWrittenCache(run: (cacheHome: string, cache: { folder: string; name: string; file: string }) => Promise<void>): Promise<void> {
  const cacheHome = mkdtempSync(join(tmpdir(), 'stevedore-cache-'));
  try {
    const folder = join(cacheHome, 'stevedore');
    assert.match(await startOnce(cacheHome, 2600), /stevedore-language-server/);
    const [name] = readdirSync(folder);
    await run(cacheHome, { folder, name, file: join(folder, name) });
  } finally {
    rmSync(cacheHome, { recursive: true, force: true });
  }
}

test('boot.js refuses a cache others could have written, starts anyway, and replaces it', { skip }, () => withWrittenCache(async (cacheHome, { folder, name, file }) => {
  // An earlier release's cache (the naming without the installed copy) and an older build of this copy.
  const stale = join(folder, `server-${'0'.repeat(24)}.cache`);
  const older = join(folder, `${name.slice(0, 'server-'.length + 9)}${'0'.repeat(24)}.cache`);
  writeFileSync(older, 'an older build', { mode: 0o600 });
  const otherCopy = `server-${name.startsWith('server-ffffffff') ? 'eeeeeeee' : 'ffffffff'}-${'0'.repeat(24)}.cache`;
  writeFileSync(join(folder, otherCopy), 'another installed copy', { mode: 0o600 });
  writeFileSync(stale, 'an older bundle', { mode: 0o600 });
  writeFileSync(join(folder, 'notes.txt'), 'not ours to remove');

  // A world-writable cache is not loaded: the server starts from its own source...
  plantForeignCode(file);
  const planted = readFileSync(file);
  chmodSync(file, 0o666);
  const output = await startOnce(cacheHome, 2600);
  assert.match(output, /stevedore-language-server/);
  assert.doesNotMatch(output, /FOREIGN CODE RAN/);
  // ...then writes a private cache of its own in its place and removes the stale one.
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.notDeepEqual(readFileSync(file), planted);
  assert.deepEqual(readdirSync(folder).sort(), [name, otherCopy, 'notes.txt'].sort());

  // The control: the same planted code in a file that passes the checks is what V8 would run.
  plantForeignCode(file);
  chmodSync(file, 0o600);
  assert.match(await startOnce(cacheHome, 0), /FOREIGN CODE RAN/);
}));

test('boot.js starts with a damaged cache, answers, and writes a good one in its place', { skip }, () => withWrittenCache(async (cacheHome, { file }) => {
  const good = unpackCaches(readFileSync(file));
  // Private and well-formed as a pack, but V8's data inside is damaged: what a bad disk block leaves.
  // Without V8 checking the content this start died in a segmentation fault, and so did every start after.
  const damaged = new Map([...good].map(([script, data]) => [script, Buffer.from(data).fill(0x5a, 64, Math.min(4096, data.length))]));
  writeFileSync(file, packCaches(damaged), { mode: 0o600 });
  assert.match(await startOnce(cacheHome, 2600), /stevedore-language-server/);
  const now = unpackCaches(readFileSync(file));
  assert.ok([...now.keys()].length > 0, 'a cache was written again');
  assert.notDeepEqual(now.get('server.js'), damaged.get('server.js'), 'the damaged cache was replaced');
  assert.match(await startOnce(cacheHome, 0), /stevedore-language-server/);
}));
