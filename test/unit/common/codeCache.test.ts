import assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { cacheFileName, cacheTrust, codeCacheFolder, type CacheStats, fingerprint, folderTrust, openTrustedPackedCache, packCaches, pruneStaleCaches, readTrustedCache, unpackCaches, writeCache } from '../../../server/src/codeCache';

const uid = process.getuid!();
const current = `server-${'a'.repeat(24)}.cache`;
const stale = `server-${'b'.repeat(24)}.cache`;
const cacheBytes = Buffer.from('cached code');

/** A temporary folder holding a private cache folder `stevedore` (0700) with a valid cache file (0600). */
function privateCache(t: TestContext): { root: string; folder: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-code-cache-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const folder = join(root, 'stevedore');
  mkdirSync(folder, { mode: 0o700 });
  chmodSync(folder, 0o700);
  const file = join(folder, current);
  writeFileSync(file, cacheBytes, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { root, folder, file };
}

/** Stat values as for a file or folder of ours, with `changes` on top (another owner, another mode…). */
function statValues(kind: 'file' | 'directory' | 'symlink', changes: Partial<Pick<CacheStats, 'uid' | 'mode' | 'nlink'>> = {}): CacheStats {
  const type = kind === 'file' ? 0o100000 : kind === 'directory' ? 0o040000 : 0o120000;
  const mode = kind === 'directory' ? 0o700 : 0o600;
  return {
    isFile: () => kind === 'file',
    isDirectory: () => kind === 'directory',
    isSymbolicLink: () => kind === 'symlink',
    uid,
    nlink: 1,
    ...changes,
    mode: type | (changes.mode ?? mode),
  };
}

test('code cache: a valid cache in a private folder is read', (t) => {
  const { file } = privateCache(t);
  assert.deepEqual(readTrustedCache(file, uid), cacheBytes);
  assert.deepEqual(cacheTrust(statSync(file), uid), { trusted: true });
});

test('code cache: a file or folder owned by someone else is refused', (t) => {
  assert.deepEqual(cacheTrust(statValues('file'), uid), { trusted: true }, 'the stand-in itself is acceptable');
  assert.deepEqual(cacheTrust(statValues('file', { uid: uid + 4242 }), uid), { trusted: false, reason: `owned by uid ${uid + 4242}, not ${uid}` });
  assert.equal(folderTrust(statValues('directory', { uid: uid + 4242 }), uid).trusted, false);
  assert.deepEqual(folderTrust(statValues('directory'), uid), { trusted: true });
  // As root the tests can hand the file to another user for real.
  if (uid !== 0) return;
  const { file, folder } = privateCache(t);
  chownSync(file, 4242, 4242);
  assert.equal(readTrustedCache(file, uid), undefined);
  chownSync(file, uid, uid);
  chownSync(folder, 4242, 4242);
  assert.equal(readTrustedCache(file, uid), undefined, 'a foreign folder is refused even with our own file in it');
});

test('code cache: a group- or world-writable file or folder is refused', (t) => {
  for (const mode of [0o620, 0o602, 0o666, 0o644, 0o700]) {
    assert.equal(cacheTrust(statValues('file', { mode }), uid).trusted, false, `file mode ${mode.toString(8)}`);
  }
  for (const mode of [0o770, 0o707, 0o755]) {
    assert.equal(folderTrust(statValues('directory', { mode }), uid).trusted, false, `folder mode ${mode.toString(8)}`);
  }
  const { file, folder } = privateCache(t);
  chmodSync(file, 0o666);
  assert.equal(readTrustedCache(file, uid), undefined, 'a world-writable file');
  chmodSync(file, 0o600);
  chmodSync(folder, 0o770);
  assert.equal(readTrustedCache(file, uid), undefined, 'a group-writable folder');
  chmodSync(folder, 0o700);
  assert.deepEqual(readTrustedCache(file, uid), cacheBytes, 'trusted again once private');
});

test('code cache: a hard-linked file or something other than a file is refused', (t) => {
  assert.equal(cacheTrust(statValues('file', { nlink: 2 }), uid).trusted, false);
  assert.equal(cacheTrust(statValues('directory'), uid).trusted, false);
  assert.equal(folderTrust(statValues('file'), uid).trusted, false);
  const { root, file } = privateCache(t);
  linkSync(file, join(root, 'elsewhere'));
  assert.equal(readTrustedCache(file, uid), undefined);
});

test('code cache: a symlinked cache file is refused, not followed, and replaced by a real file', (t) => {
  const { root, file } = privateCache(t);
  // The link points at a file that would pass every check itself.
  const target = join(root, 'target.cache');
  writeFileSync(target, 'attacker code', { mode: 0o600 });
  chmodSync(target, 0o600);
  rmSync(file);
  symlinkSync(target, file);
  assert.equal(readTrustedCache(file, uid), undefined);
  assert.equal(writeCache(file, cacheBytes, uid), true);
  assert.ok(lstatSync(file).isFile(), 'the symlink was replaced by a regular file');
  assert.equal(readFileSync(target, 'utf8'), 'attacker code', 'the link target is untouched');
  assert.deepEqual(readTrustedCache(file, uid), cacheBytes);
});

test('code cache: a symlinked cache folder is refused and nothing is written through it', (t) => {
  const { root, folder } = privateCache(t);
  const linked = join(root, 'linked');
  symlinkSync(folder, linked);
  const file = join(linked, current);
  assert.equal(readTrustedCache(file, uid), undefined, 'the file behind the link would be valid');
  const before = readdirSync(folder).sort();
  assert.equal(writeCache(join(linked, stale), cacheBytes, uid), false);
  assert.deepEqual(readdirSync(folder).sort(), before);
  assert.equal(folderTrust(lstatSync(linked), uid).trusted, false);
});

test('code cache: writing creates a private folder and a 0600 file, or refuses a folder that is not private', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'stevedore-code-cache-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, 'cache', 'stevedore', current);
  assert.equal(writeCache(file, cacheBytes, uid), true);
  assert.equal(statSync(join(root, 'cache', 'stevedore')).mode & 0o777, 0o700);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readTrustedCache(file, uid), cacheBytes);
  assert.deepEqual(readdirSync(join(root, 'cache', 'stevedore')), [current], 'no temporary file left behind');

  const open = join(root, 'open');
  mkdirSync(open);
  chmodSync(open, 0o755);
  assert.equal(writeCache(join(open, current), cacheBytes, uid), false);
  assert.deepEqual(readdirSync(open), [], 'nothing written in a folder others can read');
});

test('code cache: writing replaces a refused file and prunes stale caches', (t) => {
  const { folder, file } = privateCache(t);
  chmodSync(file, 0o666);
  writeFileSync(join(folder, stale), 'old', { mode: 0o600 });
  assert.equal(writeCache(file, Buffer.from('fresh'), uid), true);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(readTrustedCache(file, uid)?.toString(), 'fresh');
  assert.deepEqual(readdirSync(folder), [current]);
});

test('code cache: pruning removes stale caches only: our naming, regular files, our own', (t) => {
  const { root, folder } = privateCache(t);
  const outside = join(root, 'outside.cache');
  writeFileSync(outside, 'keep me');
  const linkedName = `server-${'c'.repeat(24)}.cache`;
  symlinkSync(outside, join(folder, linkedName));
  const folderName = `server-${'d'.repeat(24)}.cache`;
  mkdirSync(join(folder, folderName));
  const others = ['notes.txt', 'server-abc.cache.bak', `server-${'e'.repeat(24)}.cache.123.tmp`, 'server-XYZ.cache'];
  for (const name of [stale, ...others]) writeFileSync(join(folder, name), 'x');
  // As root the tests can hand a stale-looking cache to another user for real.
  const foreignName = `server-${'f'.repeat(24)}.cache`;
  if (uid === 0) {
    writeFileSync(join(folder, foreignName), 'x');
    chownSync(join(folder, foreignName), 4242, 4242);
  }

  assert.deepEqual(pruneStaleCaches(folder, current, uid), [stale]);
  const left = readdirSync(folder).sort();
  assert.ok(left.includes(current), 'the current cache is kept');
  assert.ok(!left.includes(stale), 'a stale cache is removed');
  for (const name of [...others, linkedName, folderName]) assert.ok(left.includes(name), `${name} is left alone`);
  if (uid === 0) assert.ok(left.includes(foreignName), 'a file owned by someone else is left alone');
  assert.equal(readFileSync(outside, 'utf8'), 'keep me', 'a symlink is not followed');
});

test('the caches of several scripts pack into one file and unpack to the same bytes', () => {
  const entries = new Map([['server.js', Buffer.from('core code')], ['server-chunk-ABC123.js', Buffer.alloc(0)], ['server-dockerfile.js', Buffer.from([0, 10, 255, 10, 0])]]);
  const unpacked = unpackCaches(packCaches(entries));
  assert.deepEqual([...unpacked.keys()], [...entries.keys()]);
  for (const [name, data] of entries) assert.deepEqual(Buffer.from(unpacked.get(name)!), data, name);
  assert.equal(unpackCaches(packCaches(new Map())).size, 0);
});

test('a cache file of another format, or cut short, unpacks to nothing', () => {
  const packed = packCaches(new Map([['server.js', Buffer.from('core code')], ['server-kubernetes.js', Buffer.from('more code')]]));
  // A cache written by an earlier release: V8's data for one script, no index.
  assert.equal(unpackCaches(Buffer.from('raw V8 code cache bytes')).size, 0);
  assert.equal(unpackCaches(packed.subarray(0, packed.length - 1)).size, 0, 'a torn file');
  assert.equal(unpackCaches(packed.subarray(0, 30)).size, 0, 'cut inside the index');
  assert.equal(unpackCaches(Buffer.concat([packed.subarray(0, packed.indexOf(0x0a) + 1), Buffer.from('{"not":"a list"}\n')])).size, 0, 'an index that is not a list');
  assert.equal(unpackCaches(Buffer.concat([packed.subarray(0, packed.indexOf(0x0a) + 1), Buffer.from('[["server.js",-1]]\n')])).size, 0, 'a negative length');
});

test('code cache: an installed copy prunes its own older caches and the earlier naming, never another copy\'s', (t) => {
  const { folder } = privateCache(t);
  const ours = `server-${'1'.repeat(8)}-${'a'.repeat(24)}.cache`;
  const oursOlder = `server-${'1'.repeat(8)}-${'b'.repeat(24)}.cache`;
  const otherInstall = `server-${'2'.repeat(8)}-${'c'.repeat(24)}.cache`;
  for (const name of [ours, oursOlder, otherInstall]) writeFileSync(join(folder, name), 'x', { mode: 0o600 });
  assert.deepEqual(pruneStaleCaches(folder, ours, uid).sort(), [current, oursOlder].sort());
  assert.deepEqual(readdirSync(folder).sort(), [ours, otherInstall].sort());
});

test('a packed cache file is read one script at a time, with the same checks as a whole read', (t) => {
  const { file } = privateCache(t);
  const entries = new Map([['server.js', Buffer.from('core code')], ['server-chunk-ABC123.js', Buffer.alloc(0)], ['server-dockerfile.js', Buffer.alloc(50_000, 7)]]);
  writeFileSync(file, packCaches(entries));
  const reader = openTrustedPackedCache(file, uid)!;
  assert.ok(reader, 'a private packed file is opened');
  // In any order, each script's bytes exactly; a script the file has no cache for gets none.
  for (const name of ['server-dockerfile.js', 'server.js', 'server-chunk-ABC123.js']) assert.deepEqual(reader.read(name), entries.get(name), name);
  assert.equal(reader.read('server-kubernetes.js'), undefined);
  reader.close();
  assert.equal(reader.read('server.js'), undefined, 'nothing is read once closed');

  // The checks of readTrustedCache: a file others may write is not opened...
  chmodSync(file, 0o666);
  assert.equal(openTrustedPackedCache(file, uid), undefined);
  chmodSync(file, 0o600);
  // ...nor a file of another format (an earlier release's cache), nor one cut short.
  writeFileSync(file, cacheBytes);
  assert.equal(openTrustedPackedCache(file, uid), undefined);
  writeFileSync(file, packCaches(entries).subarray(0, 100));
  assert.equal(openTrustedPackedCache(file, uid), undefined);
  assert.equal(openTrustedPackedCache(join(file, '..', 'missing.cache'), uid), undefined);
});

test('cache names: the fingerprint is hex of the asked length, stable, and tells nearby inputs apart', () => {
  const key = 'dist/server.js|214305|1765046000000.5|v20.20.2|x64||';
  assert.match(fingerprint(key, 24), /^[0-9a-f]{24}$/);
  assert.match(fingerprint('/opt/stevedore/dist', 8), /^[0-9a-f]{8}$/);
  assert.equal(fingerprint(key, 24), fingerprint(key, 24));
  assert.match(`server-${fingerprint('/opt/stevedore/dist', 8)}-${fingerprint(key, 24)}.cache`, cacheFileName);
  // Builds differ by a digit of the size or the time, launchers by a flag: every variant gets its own name.
  const variants = [key, key.replace('214305', '214306'), key.replace('.5|', '.6|'), `${key}--max-semi-space-size=8`, key.replace('v20.20.2', 'v20.20.3'), ''];
  for (let i = 0; i < 200; i++) variants.push(`${key}${i}`);
  assert.equal(new Set(variants.map((text) => fingerprint(text, 24))).size, variants.length);
  assert.equal(new Set(variants.map((text) => fingerprint(text, 8))).size, variants.length);
});

test('code cache: the language server and the command line each prune only their own caches', (t) => {
  const { folder } = privateCache(t);
  const copy = '1'.repeat(8);
  const server = `server-${copy}-${'a'.repeat(24)}.cache`;
  const serverOlder = `server-${copy}-${'b'.repeat(24)}.cache`;
  const cli = `cli-${copy}-${'c'.repeat(24)}.cache`;
  const cliOlder = `cli-${copy}-${'d'.repeat(24)}.cache`;
  const cliOtherCopy = `cli-${'2'.repeat(8)}-${'e'.repeat(24)}.cache`;
  for (const name of [server, serverOlder, cli, cliOlder, cliOtherCopy]) writeFileSync(join(folder, name), 'x', { mode: 0o600 });
  for (const name of [cli, cliOlder, cliOtherCopy]) assert.match(name, cacheFileName);
  assert.doesNotMatch(`client-${copy}-${'c'.repeat(24)}.cache`, cacheFileName);
  // The command line's write leaves the server's caches (and the earlier naming, which only the server used) alone...
  assert.deepEqual(pruneStaleCaches(folder, cli, uid), [cliOlder]);
  assert.deepEqual(readdirSync(folder).sort(), [current, cli, cliOtherCopy, server, serverOlder].sort());
  // ...and the server's leaves the command line's.
  assert.deepEqual(pruneStaleCaches(folder, server, uid).sort(), [current, serverOlder].sort());
  assert.deepEqual(readdirSync(folder).sort(), [cli, cliOtherCopy, server].sort());
});

test('code cache: the folder is stevedore in the user\'s cache folder', () => {
  assert.equal(codeCacheFolder({ XDG_CACHE_HOME: '/x/cache' }, 'linux'), join('/x/cache', 'stevedore'));
  assert.equal(codeCacheFolder({ LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'win32'), join('C:\\Users\\u\\AppData\\Local', 'stevedore'));
  assert.equal(codeCacheFolder({ LOCALAPPDATA: '/ignored' }, 'linux'), join(homedir(), '.cache', 'stevedore'));
});
