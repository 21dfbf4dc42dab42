import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { obtainYoungCollection } from '../../../server/src/bootFlags';
import { cacheRefusedAfter } from './codeCacheAcceptance';

const bootFlags = resolve(__dirname, '..', '..', '..', 'server', 'src', 'bootFlags.ts');

/**
 * In a process of its own: an 8 MB buffer made and dropped (the frame that made it is gone, as the
 * cache write's task is gone when boot.ts collects), then, in the same task, the young collection
 * or nothing. Returns the native memory before and after: nothing else can collect in between.
 * V8 frees a dead buffer's memory on a helper thread after the collection (its array buffer
 * sweeper), so the task waits, blocked, for up to 2 s until the memory is back (the control waits
 * 300 ms); a blocked task runs no JavaScript, so V8 starts no collection of its own meanwhile.
 */
function deadBufferMemory(collectIt: boolean): number[] {
  const script = `
    const { obtainYoungCollection } = require(${JSON.stringify(bootFlags)});
    const collect = obtainYoungCollection();
    (function () { Buffer.alloc(8 * 1024 * 1024, 1); })();
    const before = process.memoryUsage().arrayBuffers;
    if (${collectIt}) collect();
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const until = Date.now() + (${collectIt} ? 2000 : 300);
    while (Date.now() < until && (!${collectIt} || process.memoryUsage().arrayBuffers > before - 7 * 1024 * 1024)) Atomics.wait(pause, 0, 0, 5);
    process.stdout.write(JSON.stringify([before, process.memoryUsage().arrayBuffers]));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as number[];
}

test('the young collection frees a dead buffer\'s native memory at once; without it, the memory stays', () => {
  const mb = 1024 * 1024;
  const [before, after] = deadBufferMemory(true);
  assert.ok(before >= 8 * mb, `counted before (${before})`);
  assert.ok(after < before - 7 * mb, `freed: ${before} -> ${after}`);
  const [controlBefore, controlAfter] = deadBufferMemory(false);
  assert.ok(controlAfter >= controlBefore - mb, `kept without it: ${controlBefore} -> ${controlAfter}`);
});

test('obtaining the young collection leaves no gc behind', () => {
  const collect = obtainYoungCollection();
  assert.equal(typeof collect, 'function');
  assert.equal((globalThis as { gc?: unknown }).gc, undefined);
  assert.equal(runInNewContext('typeof gc'), 'undefined', 'a context made after it has no gc');
  collect!();
});

test('a code cache made after the young collection was obtained is accepted by the next start', () => {
  const prelude = `const { obtainYoungCollection } = require(${JSON.stringify(bootFlags)}); obtainYoungCollection()();`;
  assert.equal(cacheRefusedAfter(prelude), 'false', 'the next start takes the cache');
});

test('a process started with gc exposed keeps it', () => {
  const script = `
    const { obtainYoungCollection } = require(${JSON.stringify(bootFlags)});
    const collect = obtainYoungCollection();
    collect();
    process.stdout.write(typeof collect + ' ' + typeof gc + ' ' + require('node:vm').runInNewContext('typeof gc'));`;
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'function function function');
});
