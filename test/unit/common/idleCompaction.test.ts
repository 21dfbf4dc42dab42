import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { cacheRefusedAfter } from './codeCacheAcceptance';
import { launcherGaveValue, launcherSemiSpaceSize } from '../../../server/src/bootFlags';
import { IdleCompaction, idleBytecodeOldAge, lazyCompactionStep, maxHeapUsed, maxSteps, obtainCompactionStep, quietMs, recheckMs, stepGapMs, type HeapFigures } from '../../../server/src/lsp/idleCompaction';

const MB = 2 ** 20;
const moduleFile = resolve(__dirname, '..', '..', '..', 'server', 'src', 'lsp', 'idleCompaction.ts');

/** A clock and timers the test moves by hand. */
function fakeTime() {
  let now = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  let ids = 0;
  return {
    advance(ms: number): void {
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
    setTimer: (run: () => void, ms: number): unknown => {
      const id = ++ids;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id: unknown): void => {
      timers.delete(id as number);
    },
    now: () => now,
  };
}

/**
 * A heap like the three-file session's after its checks: 24 MB committed, 20 used (5 of it garbage).
 * The first step frees the garbage but keeps most pages; the second gives the pages back.
 */
function compaction(options: { busy?: () => boolean; heap?: HeapFigures; loopBusy?: () => number } = {}) {
  const time = fakeTime();
  const heap: HeapFigures = options.heap ?? { committed: 24 * MB, used: 20 * MB };
  const steps: number[] = [];
  const logs: string[] = [];
  const idle = new IdleCompaction({
    // The first step of a heap with garbage frees the garbage but keeps its pages; the next one gives the pages back.
    step: () => {
      steps.push(time.now());
      if (heap.used > 15 * MB) {
        heap.used = 15 * MB;
        heap.committed -= 2 * MB;
      } else {
        heap.committed = 15.5 * MB;
      }
    },
    busy: options.busy ?? (() => false),
    log: (message) => logs.push(message),
    heap: () => ({ ...heap }),
    loopBusySince: options.loopBusy ?? (() => 0),
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    now: time.now,
  });
  return { idle, steps, logs, time, heap };
}

test('after a quiet period: one collection per task, until the unused pages are given back', () => {
  const { idle, steps, logs, time } = compaction();
  idle.noteActivity();
  time.advance(quietMs - 1);
  assert.deepEqual(steps, [], 'not before the quiet period is over');
  time.advance(1);
  assert.deepEqual(steps, [quietMs], 'the first step, alone in its task');
  assert.equal(time.pending(), 1, 'the second step waits for a task of its own');
  time.advance(stepGapMs);
  assert.deepEqual(steps, [quietMs, quietMs + stepGapMs]);
  assert.equal(time.pending(), 0, 'done: the heap holds no unused pages any more');
  assert.deepEqual(idle.outcomes, ['compacted']);
  assert.match(logs[0], /compacting the heap \(20\.0 of 24\.0 MB used\)/);
  assert.match(logs[1], /heap compacted \(compacted; 2 step\(s\) of 0\.0 \+ 0\.0 ms, process CPU \d+ ms; heap 20\.0 of 24\.0 → 15\.0 of 15\.5 MB used\)/);
});

test('a bounded number of steps: at most maxSteps, one when the first left no unused pages', () => {
  const time = fakeTime();
  let steps = 0;
  let heap: HeapFigures = { committed: 30 * MB, used: 20 * MB };
  let afterStep = (): void => {};
  const idle = new IdleCompaction({
    step: () => {
      steps++;
      afterStep();
    },
    busy: () => false,
    heap: () => heap,
    loopBusySince: () => 0,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    now: time.now,
  });
  idle.noteActivity();
  time.advance(60_000);
  assert.equal(steps, maxSteps, 'pages that stay unused do not make it go on');
  heap = { committed: 40 * MB, used: 20 * MB };
  afterStep = () => {
    heap = { committed: 20.5 * MB, used: 20 * MB };
  };
  idle.noteActivity();
  time.advance(60_000);
  assert.equal(steps, maxSteps + 1, 'the first step gave the pages back: no second');
});

test('at most once per quiet period; the next message arms it again', () => {
  const { idle, steps, time, heap } = compaction();
  idle.noteActivity();
  time.advance(60_000);
  assert.equal(steps.length, 2);
  assert.equal(time.pending(), 0, 'nothing armed while idle');
  // Work after it: the heap grew with garbage.
  heap.committed = 21 * MB;
  heap.used = 19 * MB;
  idle.noteActivity();
  time.advance(quietMs + stepGapMs);
  assert.equal(steps.length, 4, 'compacted again after the next quiet period');
  assert.deepEqual(idle.outcomes, ['compacted', 'compacted']);
});

test('each message re-arms the timer: typing never compacts', () => {
  const { idle, steps, time } = compaction();
  for (let i = 0; i < 50; i++) {
    idle.noteActivity();
    time.advance(quietMs / 3);
  }
  assert.deepEqual(steps, []);
  time.advance(quietMs);
  assert.equal(steps.length, 2, 'compacted once the typing stopped');
});

test('a message between two steps stops the compaction; the next quiet period starts it again', () => {
  const { idle, steps, time, logs } = compaction();
  idle.noteActivity();
  time.advance(quietMs);
  assert.equal(steps.length, 1);
  idle.noteActivity();
  time.advance(stepGapMs);
  assert.equal(steps.length, 1, 'no step after the message');
  assert.deepEqual(idle.outcomes, ['stopped by a message']);
  assert.match(logs[1], /stopped by a message; 1 step/);
  time.advance(quietMs);
  assert.equal(steps.length, 2, 'the next quiet period compacts what is left');
});

test('work under way (a check, or a busy event loop) postpones it', () => {
  let busy = true;
  let loop = 0;
  const { idle, steps, time } = compaction({ busy: () => busy, loopBusy: () => loop });
  idle.noteActivity();
  time.advance(quietMs + 3 * recheckMs);
  assert.deepEqual(steps, [], 'a check still running');
  busy = false;
  loop = 0.4;
  time.advance(recheckMs);
  assert.deepEqual(steps, [], 'a workspace walk keeping the loop busy');
  loop = 0;
  time.advance(recheckMs);
  assert.deepEqual(steps, [quietMs + 5 * recheckMs]);
});

test('a heap too big to collect quickly is left to V8', () => {
  const { idle, steps, time, logs } = compaction({ heap: { committed: maxHeapUsed + 20 * MB, used: maxHeapUsed + MB } });
  idle.noteActivity();
  time.advance(60_000);
  assert.deepEqual(steps, []);
  assert.deepEqual(idle.outcomes, ['heap too big']);
  assert.match(logs[0], /not compacted \(heap too big/);
});

test('after the first compaction, only a heap grown since by the threshold is compacted again', () => {
  const { idle, steps, time, heap } = compaction({ heap: { committed: 18 * MB, used: 15.5 * MB } });
  idle.noteActivity();
  time.advance(60_000);
  assert.equal(steps.length, 2, 'the first quiet period: how much is garbage is not known yet');
  // A hover or two: the heap grew by less than the threshold over what was live.
  heap.committed = 16 * MB;
  heap.used = 15.8 * MB;
  idle.noteActivity();
  time.advance(60_000);
  assert.equal(steps.length, 2, 'nothing to give back');
  // A few edits: garbage promoted, pages added.
  heap.committed = 19 * MB;
  heap.used = 18.5 * MB;
  idle.noteActivity();
  time.advance(60_000);
  assert.equal(steps.length, 4, 'the heap grew: its garbage is worth a compaction');
  assert.deepEqual(idle.outcomes, ['compacted', 'nothing to give back', 'compacted']);
});

test('without a step from the engine nothing is armed; dispose disarms', () => {
  const time = fakeTime();
  const idle = new IdleCompaction({ step: undefined, busy: () => false, setTimer: time.setTimer, clearTimer: time.clearTimer });
  idle.noteActivity();
  assert.equal(time.pending(), 0);
  const { idle: armed, steps, time: time2 } = compaction();
  armed.noteActivity();
  armed.dispose();
  time2.advance(60_000);
  assert.deepEqual(steps, []);
});

test('the step is obtained without exposing gc, and it collects', async () => {
  const hadGc = typeof (globalThis as { gc?: unknown }).gc;
  const step = obtainCompactionStep();
  assert.equal(typeof step, 'function');
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, hadGc, 'the global is as it was');
  assert.equal(runInNewContext('typeof gc'), 'undefined', 'a context made afterwards has no gc');
  let target: object | undefined = { big: new Array(1000).fill(0) };
  const ref = new WeakRef(target);
  target = undefined;
  // A WeakRef keeps its target until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  step!();
  assert.equal(ref.deref(), undefined);
});

test('a code cache written after compactions is accepted by the next start (both flags are back)', () => {
  const compact = `const { obtainCompactionStep } = require(${JSON.stringify(moduleFile)}); const step = obtainCompactionStep(); step(); step();`;
  assert.equal(cacheRefusedAfter(compact), 'false', 'the next start takes the cache');
  // The controls: had either flag, or the semi-space size the first one implies, stayed set, the cache would be refused.
  const v8 = `const { setFlagsFromString } = require('node:v8');`;
  assert.equal(cacheRefusedAfter(`${v8} setFlagsFromString('--optimize-for-size');`), 'true', 'optimize-for-size is part of the flag hash');
  assert.equal(cacheRefusedAfter(`${v8} setFlagsFromString('--optimize-for-size'); setFlagsFromString('--no-optimize-for-size');`), 'true', 'its implication stays when it is cleared');
  assert.equal(cacheRefusedAfter(`${v8} setFlagsFromString('--expose-gc');`), 'true', 'expose-gc is part of the flag hash');
  assert.equal(cacheRefusedAfter(`${v8} setFlagsFromString('--bytecode-old-age=${idleBytecodeOldAge}');`), 'true', 'the bytecode age is part of the flag hash');
});

test('a launcher that set the bytecode age keeps it (the compaction lowers it only when the age is ours)', () => {
  assert.equal(launcherGaveValue([], 'bytecode-old-age'), false);
  assert.equal(launcherGaveValue(['--bytecode-old-age=3'], 'bytecode-old-age'), true);
  assert.equal(launcherGaveValue(['--bytecode_old_age', '2'], 'bytecode-old-age'), true);
  assert.equal(launcherGaveValue(['--no-flush-bytecode', '--bytecode-old-ages'], 'bytecode-old-age'), false);
});

test('the semi-space size put back is the launcher\'s', () => {
  assert.equal(launcherSemiSpaceSize([]), '0');
  assert.equal(launcherSemiSpaceSize(['--max-semi-space-size=16']), '16');
  assert.equal(launcherSemiSpaceSize(['--max_semi_space_size', '8', '--stdio']), '8');
});

test('a process started with the flags keeps them', () => {
  const script = `
    const { obtainCompactionStep } = require(${JSON.stringify(moduleFile)});
    const step = obtainCompactionStep();
    step();
    process.stdout.write(typeof step + ' ' + typeof gc + ' ' + require('node:vm').runInNewContext('typeof gc'));`;
  const run = spawnSync(process.execPath, ['--expose-gc', '--optimize-for-size', '--import', 'tsx', '-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'function function function');
});

test('the lazy step obtains the real one on its first use only, and does nothing when the engine gives none', () => {
  let obtained = 0;
  let ran = 0;
  const step = lazyCompactionStep(() => { obtained++; return () => { ran++; }; });
  assert.equal(obtained, 0, 'nothing is obtained before the first step');
  step();
  step();
  assert.equal(obtained, 1);
  assert.equal(ran, 2);
  let asked = 0;
  const none = lazyCompactionStep(() => { asked++; return undefined; });
  none();
  none();
  assert.equal(asked, 1, 'a refusal is not asked again');
});
