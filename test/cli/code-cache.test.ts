import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { commonOptions } from '../../scripts/bundle-options.mjs';
import { packCaches, unpackCaches } from '../../server/src/codeCache';
import { crossFileFixture } from './crossFileFixture';
import { repoRoot, tree } from './helpers';

/**
 * `stevedore lint` loads its bundle through a launcher (dist/cli.js, cli/launch.ts) that keeps a V8
 * code cache in the user's cache folder, in the main thread and in the lanes' worker threads. The
 * cache may change how fast a run starts, never what it reports: every run below must print the
 * same report as a run without the cache. The launcher and bundle are built here, as the
 * production build makes them, into a folder of this test's own (dist/ is shared with other tests).
 */

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
const work = mkdtempSync(join(tmpdir(), 'stevedore-cli-cache-'));
const dist = join(work, 'dist');
const launcher = join(dist, 'cli.js');
const bundle = join(dist, 'cli-main.js');
/** Enough files for worker-thread lanes (parallel.ts minFilesForWorkers), with cross-file findings. */
const project = tree(crossFileFixture());
const lanes = availableParallelism() > 1;
/** The main thread's cache as a big run writes it: made by a run with lanes where there are two cores. */
const mainEntry = lanes ? 'cli-main.js@main-lanes' : 'cli-main.js@main';

after(() => rmSync(work, { recursive: true, force: true }));

before(async () => {
  const options = { ...commonOptions(true), absWorkingDir: repoRoot };
  await build({ ...options, entryPoints: ['server/src/cli/main.ts'], outfile: bundle });
  await build({ ...options, entryPoints: ['server/src/cli/launch.ts'], outfile: launcher });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function lint(cacheHome: string, extraEnv: NodeJS.ProcessEnv = {}, paths = ['.']): Run {
  const result = spawnSync(process.execPath, [launcher, 'lint', ...paths, '--format', 'json'], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'en_US.UTF-8', XDG_CACHE_HOME: cacheHome, ...extraEnv },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The report of a run without the cache: what every run must print. */
let expected: Run;

function assertSameReport(run: Run, what: string): void {
  assert.equal(run.stderr, expected.stderr, `${what}: stderr`);
  assert.equal(run.code, expected.code, `${what}: exit code`);
  assert.equal(run.stdout, expected.stdout, `${what}: the report, byte for byte`);
}

function cacheFolder(cacheHome: string): string {
  return join(cacheHome, 'stevedore');
}

/** The launcher's cache file (the only one in a fresh cache home). */
function cacheFileIn(cacheHome: string): string {
  const names = readdirSync(cacheFolder(cacheHome));
  assert.equal(names.length, 1, `one cache file expected, found ${names.join(', ')}`);
  assert.match(names[0]!, /^cli-[0-9a-f]{8}-[0-9a-f]{24}\.cache$/);
  return join(cacheFolder(cacheHome), names[0]!);
}

/** Identity of the file on disk: the launcher writes a new file and renames it over, so a rewrite changes the inode. */
function identity(file: string): string {
  const stats = statSync(file);
  return `${stats.ino}:${stats.mtimeMs}:${stats.size}`;
}

function freshCacheHome(): string {
  return mkdtempSync(join(work, 'cache-'));
}

/**
 * What an attacker would plant: V8 code for another script of the same length as the wrapped
 * bundle, which V8 would run in its place. Made in a child with the flags the launcher's main
 * thread compiles under (it sets the checksum flag), as the packed file's main-thread cache.
 */
function plantForeignCode(file: string): Buffer {
  const make = `
    require('node:v8').setFlagsFromString('--verify-snapshot-checksum');
    const Module = require('node:module');
    const fs = require('node:fs');
    const { Script } = require('node:vm');
    const [bundle, out] = process.argv.slice(1);
    const length = Module.wrap(fs.readFileSync(bundle, 'utf8')).length;
    const source = Module.wrap('process.stdout.write("FOREIGN CODE RAN"); process.exit(0);');
    fs.writeFileSync(out, new Script(source.padEnd(length), { filename: bundle }).createCachedData());`;
  const raw = `${file}.raw`;
  const result = spawnSync(process.execPath, ['-e', make, bundle, raw], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  assert.equal(result.status, 0, result.stderr);
  const packed = packCaches(new Map([['cli-main.js@main', readFileSync(raw)]]));
  rmSync(raw);
  writeFileSync(file, packed, { mode: 0o600 });
  chmodSync(file, 0o600);
  return packed;
}

describe('stevedore lint: the code cache', () => {
  before(() => {
    const cacheHome = freshCacheHome();
    expected = lint(cacheHome, { STEVEDORE_NO_CODE_CACHE: '1' });
    assert.equal(expected.code, 1, `findings expected: ${expected.stderr}`);
    assert.ok(JSON.parse(expected.stdout).summary.files > 150, 'a run big enough for worker threads');
    assert.ok(!existsSync(cacheFolder(cacheHome)), 'STEVEDORE_NO_CODE_CACHE: nothing written');
  });

  test('the first run writes a private cache for the main thread and the lanes; the second uses it as it is', () => {
    const cacheHome = freshCacheHome();
    assertSameReport(lint(cacheHome), 'first run');
    const file = cacheFileIn(cacheHome);
    assert.equal(statSync(cacheFolder(cacheHome)).mode & 0o777, 0o700);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const entries = unpackCaches(readFileSync(file));
    assert.deepEqual([...entries.keys()].sort(), lanes ? ['cli-main.js@lane', mainEntry] : [mainEntry]);
    for (const [name, data] of entries) assert.ok(data.length > 100_000, `${name}: the code of the run's functions, not only the top level`);

    // A thread whose cache V8 refused (made under other flags, say) would write the file again at exit.
    const written = identity(file);
    assertSameReport(lint(cacheHome), 'second run');
    assert.equal(identity(file), written, 'the second run took both caches as they were');
    assertSameReport(lint(cacheHome, { STEVEDORE_NO_CODE_CACHE: '1' }), 'cache turned off');
    assert.equal(identity(file), written, 'STEVEDORE_NO_CODE_CACHE: the file is neither read nor written');
  });

  test('the first run with lanes replaces the main thread\'s cache of a run without them, once', { skip: lanes ? false : 'one core: no worker threads' }, () => {
    const cacheHome = freshCacheHome();
    const one = lint(cacheHome, {}, ['web/Dockerfile']);
    assert.equal(one.code, 1, one.stderr);
    const file = cacheFileIn(cacheHome);
    assert.deepEqual([...unpackCaches(readFileSync(file)).keys()], ['cli-main.js@main']);
    const small = unpackCaches(readFileSync(file)).get('cli-main.js@main')!.length;

    assertSameReport(lint(cacheHome), 'the first run with lanes');
    const entries = unpackCaches(readFileSync(file));
    assert.deepEqual([...entries.keys()].sort(), ['cli-main.js@lane', 'cli-main.js@main-lanes']);
    assert.ok(entries.get('cli-main.js@main-lanes')!.length > small, 'the big run\'s cache holds more code');

    // From then on neither kind of run writes: both take the big run's cache.
    const written = identity(file);
    assertSameReport(lint(cacheHome), 'the next run with lanes');
    assert.equal(lint(cacheHome, {}, ['web/Dockerfile']).stdout, one.stdout, 'a run without lanes, same report');
    assert.equal(identity(file), written, 'the file was not written again');
  });

  test('a corrupted cache is ignored and replaced: the report is the same', () => {
    const cacheHome = freshCacheHome();
    lint(cacheHome);
    const file = cacheFileIn(cacheHome);
    const good = unpackCaches(readFileSync(file));
    const corruptions: [string, Buffer][] = [
      ['random bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
      ['cut short', readFileSync(file).subarray(0, 50_000)],
      // A valid pack whose V8 data is damaged: V8's own checks refuse it.
      ['damaged V8 data', packCaches(new Map([...good].map(([name, data]) => [name, Buffer.from(data).fill(0x5a, 64, 4096)])))],
    ];
    for (const [what, bytes] of corruptions) {
      writeFileSync(file, bytes, { mode: 0o600 });
      const damaged = identity(file);
      assertSameReport(lint(cacheHome), what);
      assert.notEqual(identity(file), damaged, `${what}: replaced`);
      const now = unpackCaches(readFileSync(file));
      assert.ok(now.has(mainEntry), `${what}: a good cache written in its place`);
    }
  });

  test('a cache others could have written is not loaded; the same file, private, would be', () => {
    const cacheHome = freshCacheHome();
    lint(cacheHome);
    const file = cacheFileIn(cacheHome);

    // Writable by others: the launcher loads the bundle from its source and writes its own cache over it.
    const planted = plantForeignCode(file);
    chmodSync(file, 0o666);
    const run = lint(cacheHome);
    assert.doesNotMatch(run.stdout, /FOREIGN CODE RAN/);
    assertSameReport(run, 'a world-writable cache');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.notDeepEqual(readFileSync(file), planted);

    // Owned by another user (as root the test can hand it over for real).
    if (uid === 0) {
      plantForeignCode(file);
      chownSync(file, 4242, 4242);
      const foreign = lint(cacheHome);
      assert.doesNotMatch(foreign.stdout, /FOREIGN CODE RAN/);
      assertSameReport(foreign, 'a cache owned by another user');
      assert.equal(statSync(file).uid, uid, 'replaced by a file of our own');
    }

    // A cache folder others can write to: nothing is loaded from it, nothing written.
    plantForeignCode(file);
    chmodSync(cacheFolder(cacheHome), 0o777);
    const shared = lint(cacheHome);
    assert.doesNotMatch(shared.stdout, /FOREIGN CODE RAN/);
    assertSameReport(shared, 'a cache folder others can write to');
    chmodSync(cacheFolder(cacheHome), 0o700);

    // The control: the same planted code in a private file is what V8 runs, so the checks above are what kept it out.
    plantForeignCode(file);
    assert.match(lint(cacheHome).stdout, /FOREIGN CODE RAN/);
  });
});
