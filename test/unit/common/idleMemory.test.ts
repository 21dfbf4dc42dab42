import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { IdleMemoryRelease, obtainFullCollection } from '../../../server/src/lsp/idleMemory';

/** A clock and timers the test moves by hand. */
function fakeTime(): { advance(ms: number): void; pending(): number; setTimer: (run: () => void, ms: number) => unknown; clearTimer: (t: unknown) => void; now: () => number } {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let ids = 0;
  return {
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
    pending: () => timers.size,
    setTimer: (run, ms) => { const id = ++ids; timers.set(id, { at: now + ms, run }); return id; },
    clearTimer: (id) => { timers.delete(id as number); },
    now: () => now,
  };
}

function release(busy: () => boolean = () => false): { idle: IdleMemoryRelease; collections: number[]; time: ReturnType<typeof fakeTime>; logs: string[] } {
  const time = fakeTime();
  const collections: number[] = [];
  const logs: string[] = [];
  const idle = new IdleMemoryRelease({
    collect: () => collections.push(time.now()),
    busy,
    log: (message) => logs.push(message),
    quietMs: 2000,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    now: time.now,
    memoryUsage: () => ({ heapUsed: 10 * 2 ** 20, rss: 50 * 2 ** 20 }),
  });
  return { idle, collections, time, logs };
}

test('one collection after 2 s without messages, then none until the next message', () => {
  const { idle, collections, time, logs } = release();
  idle.noteActivity();
  time.advance(1999);
  assert.deepEqual(collections, [], 'not before the quiet period is over');
  time.advance(1);
  assert.deepEqual(collections, [2000]);
  time.advance(60_000);
  assert.deepEqual(collections, [2000], 'once per idle period, not every 2 s');
  assert.equal(time.pending(), 0, 'no timer left armed while idle');
  assert.match(logs[0], /released memory \(full garbage collection, 0\.0 ms; heap 10\.0 → 10\.0 MB, RSS 50\.0 → 50\.0 MB\)/);
  idle.noteActivity();
  time.advance(2000);
  assert.deepEqual(collections, [2000, 64_000], 'the next message starts another period');
  assert.equal(idle.releases, 2);
});

test('each message re-arms the timer: a burst of typing never collects', () => {
  const { idle, collections, time } = release();
  for (let i = 0; i < 50; i++) {
    idle.noteActivity();
    time.advance(300);
  }
  assert.deepEqual(collections, []);
  time.advance(1700);
  assert.deepEqual(collections, [15_000 + 1700], 'collected 2 s after the last message');
});

test('never while work is under way: tried again after another quiet period', () => {
  let busy = true;
  const { idle, collections, time } = release(() => busy);
  idle.noteActivity();
  time.advance(2000);
  time.advance(2000);
  assert.deepEqual(collections, [], 'a check or a walk still running');
  busy = false;
  time.advance(2000);
  assert.deepEqual(collections, [6000]);
});

test('without a collection from the engine nothing is armed', () => {
  const time = fakeTime();
  const idle = new IdleMemoryRelease({ collect: undefined, busy: () => false, setTimer: time.setTimer, clearTimer: time.clearTimer });
  idle.noteActivity();
  assert.equal(time.pending(), 0);
});

test('dispose disarms the timer', () => {
  const { idle, collections, time } = release();
  idle.noteActivity();
  idle.dispose();
  time.advance(10_000);
  assert.deepEqual(collections, []);
});

test('the engine gc is obtained without exposing gc to this global or to later contexts', async () => {
  const hadGc = typeof (globalThis as { gc?: unknown }).gc;
  const collect = obtainFullCollection();
  assert.equal(typeof collect, 'function');
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, hadGc, 'the global is as it was');
  assert.equal(runInNewContext('typeof gc'), 'undefined', 'a context made afterwards has no gc');
  // It really collects: a weakly held object is gone after it.
  let target: object | undefined = { big: new Array(1000).fill(0) };
  const ref = new WeakRef(target);
  target = undefined;
  // A WeakRef keeps its target until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  collect!();
  assert.equal(ref.deref(), undefined);
});

test('code cached after the gc was obtained is accepted by the next start (the flag was cleared again)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stevedore-idle-'));
  const cache = join(dir, 'script.cache');
  const module = join(__dirname, '../../../server/src/lsp/idleMemory.ts');
  const source = 'function f() { return 1 + 2 } f();'.repeat(20);
  const write = `const { obtainFullCollection } = require(${JSON.stringify(module)}); obtainFullCollection();
    require('node:fs').writeFileSync(${JSON.stringify(cache)}, new (require('node:vm').Script)(${JSON.stringify(source)}, { filename: 'a.js' }).createCachedData());`;
  const read = `const s = new (require('node:vm').Script)(${JSON.stringify(source)}, { filename: 'a.js', cachedData: require('node:fs').readFileSync(${JSON.stringify(cache)}) });
    process.stdout.write(String(s.cachedDataRejected));`;
  const writer = spawnSync(process.execPath, ['--import', 'tsx', '-e', write], { encoding: 'utf8' });
  assert.equal(writer.status, 0, writer.stderr);
  const reader = spawnSync(process.execPath, ['-e', read], { encoding: 'utf8' });
  assert.equal(reader.stdout, 'false', 'a cache written with --expose-gc still set is refused at the next start');
});
