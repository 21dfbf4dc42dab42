/**
 * Reading and writing the V8 code cache of the server's bundles (see boot.ts) without trusting a file
 * someone else could have written. V8 accepts cached code whenever the source's length matches, so
 * whoever can write the cache file runs code in the server: a cache is only loaded from a private
 * folder (a real directory, ours, mode 0700) and only when the opened file is a regular file,
 * ours, mode 0600, with no other hard link. Every function here reports failure instead of
 * throwing: without a cache the server still starts, only slower.
 *
 * Where the platform has no POSIX owners (Windows: no `process.getuid`), owner and mode bits say
 * nothing about who may write; there the cache folder is the user's own (%LOCALAPPDATA%) and only
 * the kind of file (no symlink, a regular file) is checked.
 */
import { chmodSync, closeSync, constants, fchmodSync, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

/**
 * A hex digest of `text`, `hexLength` characters long (at most 32): names the cache file by what it
 * was made from (boot.ts). Not a cryptographic hash, and it need not be: the name only tells builds
 * and installs apart, and whether a cache may be loaded is decided by who owns the file and its
 * folder, not by its name. node:crypto's createHash would load that module at every start (~10 ms
 * of CPU, docs/performance.md). Four FNV-1a lanes with different offsets, mixed at the end.
 */
export function fingerprint(text: string, hexLength: number): string {
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x2b1d4e3a, 0x6c8e9cf5];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    for (let lane = 0; lane < lanes.length; lane++) lanes[lane] = Math.imul(lanes[lane]! ^ (code + lane * 0x9e37), 0x01000193);
  }
  return lanes.map((lane, index) => {
    // A final avalanche (murmur3's), so nearby inputs differ in every digit.
    let h = lane ^ (text.length + index);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }).join('').slice(0, hexLength);
}

/** The stat values the checks read: fs.Stats, or a stand-in (the tests simulate another owner). */
export interface CacheStats {
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  uid: number;
  mode: number;
  nlink: number;
}

export type CacheVerdict = { trusted: true } | { trusted: false; reason: string };

/**
 * The file name of a cache: `<program>-<install>-<key>.cache`. `program` is `server` (the language
 * server, boot.ts) or `cli` (`stevedore lint`, cli/launch.ts): each prunes only its own. `install`
 * tells the installed copies apart (a hash of its folder: the VS Code extension and an npm install
 * each keep their own cache instead of pruning each other's at every start); `key` the bundle
 * build, Node version, architecture and start flags (the launchers derive both). Earlier releases
 * of the server wrote `server-<key>.cache`.
 */
export const cacheFileName = /^(server|cli)-(?:([0-9a-f]{8})-)?[0-9a-f]{24}\.cache$/;

/** Which program and installed copy a cache file name belongs to (install undefined: the earlier naming); undefined when not a cache name. */
function ownerOf(name: string): { program: string; install: string | undefined } | undefined {
  const match = cacheFileName.exec(name);
  return match ? { program: match[1]!, install: match[2] } : undefined;
}

/**
 * The V8 flag each launcher sets before it compiles anything (boot.ts, cli/launch.ts). V8 checks a
 * cache's header (its version, flags, the source's length) but, in release builds, not its content:
 * a cache damaged on disk was accepted and crashed the process at every start until the file was
 * removed (a segmentation fault before the server could answer or write a new cache). With this
 * flag V8 stamps each cache it makes with a checksum and refuses one whose content does not match.
 */
export const verifiedCachesFlag = '--verify-snapshot-checksum';

/**
 * The folder the caches are kept in: `stevedore` in the user's own cache folder (`$XDG_CACHE_HOME`,
 * `%LOCALAPPDATA%` on Windows, else `~/.cache`).
 */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const base = env.XDG_CACHE_HOME || (platform === 'win32' ? env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
  return join(base, 'stevedore');
}

/**
 * The cache file of a program's bundle for this process (`<program>-<install>-<key>.cache` in
 * codeCacheFolder, see cacheFileName), or undefined when `STEVEDORE_NO_CODE_CACHE` turns caches
 * off. Sets verifiedCachesFlag first, so call it before anything is compiled: the flags are the
 * process's, so worker threads find it set too. The key holds the bundle's size and time, Node's
 * version, the architecture and the start flags (V8 refuses a cache made under other flags:
 * launchers with different flags keep their own); the install part is the bundle's folder, so each
 * installed copy prunes only its own older caches.
 */
export function cacheFileFor(program: 'server' | 'cli', bundleFile: string): string | undefined {
  if (process.env.STEVEDORE_NO_CODE_CACHE) return undefined;
  setFlagsFromString(verifiedCachesFlag);
  const stats = statSync(bundleFile);
  const flags = `${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}`;
  const key = fingerprint(`${bundleFile}|${stats.size}|${stats.mtimeMs}|${process.version}|${process.arch}|${flags}`, 24);
  return join(codeCacheFolder(), `${program}-${fingerprint(dirname(bundleFile), 8)}-${key}.cache`);
}

/** The caches a cache file holds now, by entry, to be kept beside a new one when the file is written again; none when it cannot be trusted or read. */
export function keptCaches(file: string): Map<string, Buffer> {
  try {
    const packed = readTrustedCache(file);
    return packed ? unpackCaches(packed) : new Map();
  } catch {
    return new Map();
  }
}

const fileMode = 0o600;
const folderMode = 0o700;
const trusted: CacheVerdict = { trusted: true };

/** The current user's id, or undefined where the platform has none (Windows). */
export function currentUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

/** Whether stats of the owner and mode describe something only `uid` can have written. */
function ownerVerdict(stats: CacheStats, uid: number | undefined, mode: number): CacheVerdict {
  if (uid === undefined) return trusted;
  if (stats.uid !== uid) return { trusted: false, reason: `owned by uid ${stats.uid}, not ${uid}` };
  const permissions = stats.mode & 0o777;
  if (permissions !== mode) return { trusted: false, reason: `mode ${permissions.toString(8).padStart(4, '0')}, not ${mode.toString(8).padStart(4, '0')}` };
  return trusted;
}

/**
 * Whether a cache file (stats of the opened handle) can be trusted: a regular file, owned by `uid`,
 * mode 0600, and not hard-linked elsewhere (a link to a file of ours that others can influence).
 */
export function cacheTrust(stats: CacheStats, uid: number | undefined): CacheVerdict {
  if (!stats.isFile()) return { trusted: false, reason: 'not a regular file' };
  if (uid !== undefined && stats.nlink !== 1) return { trusted: false, reason: `${stats.nlink} hard links` };
  return ownerVerdict(stats, uid, fileMode);
}

/** Whether the cache folder (stats from lstat, so a symlink shows as one) can be trusted: a real directory, ours, mode 0700. */
export function folderTrust(stats: CacheStats, uid: number | undefined): CacheVerdict {
  if (stats.isSymbolicLink()) return { trusted: false, reason: 'a symbolic link' };
  if (!stats.isDirectory()) return { trusted: false, reason: 'not a directory' };
  return ownerVerdict(stats, uid, folderMode);
}

/** The verdict on a folder as it is on disk; a missing folder is not trusted. */
function folderOnDisk(folder: string, uid: number | undefined): CacheVerdict {
  try {
    return folderTrust(lstatSync(folder), uid);
  } catch (error) {
    return { trusted: false, reason: (error as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
}

/**
 * The cache at `file` when both it and its folder can be trusted, else undefined. The file is
 * opened without following a symlink (and without blocking on a FIFO) and checked on the open
 * handle, so it cannot be swapped between the check and the read.
 */
export function readTrustedCache(file: string, uid = currentUid()): Buffer | undefined {
  const handle = openTrusted(file, uid);
  if (handle === undefined) return undefined;
  try {
    return readFileSync(handle);
  } catch {
    return undefined;
  } finally {
    closeSync(handle);
  }
}

/** An open handle on the cache at `file` when both it and its folder can be trusted (see readTrustedCache), else undefined. */
function openTrusted(file: string, uid: number | undefined): number | undefined {
  if (!folderOnDisk(dirname(file), uid).trusted) return undefined;
  // Without O_NOFOLLOW (Windows) a symlink is refused by lstat before opening instead.
  const noFollow = constants.O_NOFOLLOW;
  let handle: number;
  try {
    if (noFollow === undefined && lstatSync(file).isSymbolicLink()) return undefined;
    handle = openSync(file, constants.O_RDONLY | (noFollow ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined; // Missing, or a symlink (ELOOP).
  }
  try {
    if (cacheTrust(fstatSync(handle), uid).trusted) return handle;
  } catch {
    // Unreadable: treated as untrusted.
  }
  closeSync(handle);
  return undefined;
}

/**
 * Writes `data` as the cache at `file`, atomically: a fresh file (mode 0600, created exclusively so
 * no existing file or symlink is reused) renamed over whatever was there, a refused cache or a
 * symlink included (rename replaces the link, not its target). The folder is created 0700 when
 * missing; when it exists but cannot be trusted nothing is written there. Then removes the caches
 * of other bundles and Node versions. Answers whether the cache was written.
 */
export function writeCache(file: string, data: Uint8Array, uid = currentUid()): boolean {
  const folder = dirname(file);
  try {
    // The umask could narrow the mode further: a folder we created is set to 0700 exactly.
    if (mkdirSync(folder, { recursive: true, mode: folderMode }) !== undefined) chmodSync(folder, folderMode);
  } catch {
    return false;
  }
  if (!folderOnDisk(folder, uid).trusted) return false;
  // Created exclusively (O_EXCL below): the suffix only keeps concurrent writers apart, so it need
  // not be unpredictable, and node:crypto stays unloaded (it costs start-up ~10 ms, see fingerprint).
  const temporary = `${file}.${process.pid}.${Math.random().toString(16).slice(2, 14)}.tmp`;
  try {
    const handle = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), fileMode);
    try {
      fchmodSync(handle, fileMode);
      for (let written = 0; written < data.length; ) written += writeSync(handle, data, written);
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, file);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    return false;
  }
  pruneStaleCaches(folder, basename(file), uid);
  return true;
}

/**
 * Removes the caches of other builds and Node versions of the same program and installed copy as
 * `keep` from `folder` (and those of the earlier naming): only names of our own pattern other than
 * `keep`, only regular files (a symlink is neither followed nor removed), only files owned by
 * `uid`. Other programs' and installed copies' caches are theirs to prune. Answers the names removed.
 */
export function pruneStaleCaches(folder: string, keep: string, uid = currentUid()): string[] {
  const removed: string[] = [];
  const keeper = ownerOf(keep);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return removed;
  }
  for (const name of names) {
    const owner = name === keep ? undefined : ownerOf(name);
    if (!owner || owner.program !== keeper?.program) continue;
    if (owner.install !== undefined && owner.install !== keeper.install) continue;
    const path = join(folder, name);
    try {
      const stats = lstatSync(path);
      if (!stats.isFile() || (uid !== undefined && stats.uid !== uid)) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      // Gone already (another server pruned it), or not ours to remove.
    }
  }
  return removed;
}

/**
 * One cache file holds the V8 code of every script of the language server (the core bundle, its
 * shared chunks and each language's engine, see boot.ts): a first line naming the format, a JSON
 * line of `[script file name, byte length]` pairs, then the caches one after the other.
 */
const packedFormat = 'stevedore-code-cache/1\n';

/** The caches of several scripts as one file (see unpackCaches). */
export function packCaches(entries: ReadonlyMap<string, Uint8Array>): Buffer {
  const index = JSON.stringify([...entries].map(([name, data]) => [name, data.length]));
  return Buffer.concat([Buffer.from(`${packedFormat}${index}\n`, 'utf8'), ...entries.values()]);
}

/**
 * The caches packed in `data`, by script file name, as views into it (nothing is copied); empty
 * when the file is not of this format or is cut short (an older release's cache, a torn file).
 */
export function unpackCaches(data: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  for (const { name, offset, length } of packedIndex(data, data.length) ?? []) entries.set(name, data.subarray(offset, offset + length));
  return entries;
}

/** Where each script's cache lies in a packed file of `size` bytes that starts with `head`; undefined when the file is not of this format or is cut short. */
function packedIndex(head: Buffer, size: number): { name: string; offset: number; length: number }[] | undefined {
  if (head.subarray(0, packedFormat.length).toString('latin1') !== packedFormat) return undefined;
  const indexEnd = head.indexOf(0x0a, packedFormat.length);
  if (indexEnd < 0) return undefined;
  let index: unknown;
  try {
    index = JSON.parse(head.subarray(packedFormat.length, indexEnd).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(index)) return undefined;
  const entries: { name: string; offset: number; length: number }[] = [];
  let offset = indexEnd + 1;
  for (const entry of index) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Number.isSafeInteger(entry[1]) || entry[1] < 0) return undefined;
    const [name, length] = entry as [string, number];
    if (offset + length > size) return undefined;
    entries.push({ name, offset, length });
    offset += length;
  }
  return entries;
}

/** The index of a packed cache file is read in one go when it fits here (it names a dozen scripts: well under 1 KB). */
const indexReadBytes = 16 * 1024;

/**
 * A trusted packed cache file (see readTrustedCache for the checks), open for reading single
 * scripts' caches: only the index is read at first, then each script's bytes when asked for, so a
 * start does not read the caches of engines it does not load. Undefined when the file is missing,
 * untrusted or not of this format. Close it when done.
 */
export interface PackedCacheReader {
  /** The cache of one script (a fresh buffer), or undefined when the file has none for it or the read fails. */
  read(name: string): Buffer | undefined;
  close(): void;
}

export function openTrustedPackedCache(file: string, uid = currentUid()): PackedCacheReader | undefined {
  const handle = openTrusted(file, uid);
  if (handle === undefined) return undefined;
  let index: Map<string, { offset: number; length: number }> | undefined;
  try {
    const size = fstatSync(handle).size;
    const head = Buffer.allocUnsafe(Math.min(size, indexReadBytes));
    const got = readSync(handle, head, 0, head.length, 0);
    const entries = packedIndex(head.subarray(0, got), size);
    if (entries) index = new Map(entries.map(({ name, offset, length }) => [name, { offset, length }]));
  } catch {
    index = undefined;
  }
  if (!index) {
    closeSync(handle);
    return undefined;
  }
  const entries = index;
  let open = true;
  return {
    read(name) {
      const entry = entries.get(name);
      if (!entry || !open) return undefined;
      try {
        const data = Buffer.allocUnsafe(entry.length);
        for (let done = 0; done < entry.length;) {
          const got = readSync(handle, data, done, entry.length - done, entry.offset + done);
          if (got === 0) return undefined; // The file shrank: no cache rather than a torn one.
          done += got;
        }
        return data;
      } catch {
        return undefined;
      }
    },
    close() {
      if (open) closeSync(handle);
      open = false;
    },
  };
}

/**
 * When the cache of a newly loaded script is written (boot.ts). V8's cached code holds every function
 * compiled when it is made, and a later start deserializes all of it at once: a cache made while a
 * session was busy with requests makes every later start hold their code, used or not (idle RSS
 * +0.4–0.6 MB with the bench's three files, issue #19). So the server says when a language's first
 * work is done (its first diagnostics published, which comes after the requests an editor sends on
 * open), and the loader writes then rather than after its two-second timer: later starts load the
 * code that opening a file needs, and compile the rest when it is first used.
 *
 * Shared through the global object: boot.js and server.js are separate bundles.
 */
interface CacheTiming {
  /** Called by the server after a document's first diagnostics; the loader's pending write, if any, runs now. */
  firstWorkDone(): void;
}

const cacheTimingKey = Symbol.for('stevedore.codeCacheTiming');

/** boot.ts: what to do when the server reports its first work done. */
export function onFirstWorkDone(write: () => void): void {
  (globalThis as { [cacheTimingKey]?: CacheTiming })[cacheTimingKey] = { firstWorkDone: write };
}

/** The server: a document's diagnostics were published (a no-op when not started by boot.js). */
export function firstWorkDone(): void {
  (globalThis as { [cacheTimingKey]?: CacheTiming })[cacheTimingKey]?.firstWorkDone();
}
