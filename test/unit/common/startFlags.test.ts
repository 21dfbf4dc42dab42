import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { gcFlags, noOptimizingCompilerFlag, optimizingCompilerFlag, setRuntimeFlag, setStartFlag, startFlagOf, withStartFlags } from '../../../server/src/bootFlags';
import { cacheRefusedAfter } from './codeCacheAcceptance';

test('withStartFlags sets the start values of the flags changed since, then the current ones again', () => {
  const set: string[] = [];
  const record = (flag: string): void => { set.push(flag); };
  /** What was set since the last call. */
  const taken = (): string[] => set.splice(0);
  setStartFlag('--no-opt', record);
  setStartFlag('--semi-space-growth-factor=1', record);
  assert.equal(startFlagOf('--opt'), '--no-opt', 'looked up by switch, whichever way it is written');
  assert.equal(startFlagOf('--turbo-inlining'), undefined);
  taken();
  assert.equal(withStartFlags(() => 'unchanged', record), 'unchanged');
  assert.deepEqual(taken(), [], 'nothing changed since the start: no flag is touched');
  setRuntimeFlag('--opt', record);
  taken();
  assert.throws(() => withStartFlags(() => { set.push('work'); throw new Error('work failed'); }, record), /work failed/);
  assert.deepEqual(taken(), ['--no-opt', 'work', '--opt'], 'the current value comes back even when the work throws');
  setRuntimeFlag('--no-opt', record);
  taken();
  withStartFlags(() => set.push('work'), record);
  assert.deepEqual(taken(), ['work'], 'back at the start value');
});

// The real engine: the server's start flags, then the big-document flags, then a cache written.
const startFlags = `for (const flag of ${JSON.stringify(gcFlags([]))}) require('node:v8').setFlagsFromString(flag);`;
const serverPrelude = `
  const flags = require('./server/src/bootFlags');
  for (const flag of flags.gcFlags([])) flags.setStartFlag(flag);
  flags.setRuntimeFlag(${JSON.stringify(optimizingCompilerFlag)});
  flags.setRuntimeFlag(flags.defaultYoungGenerationFlag);`;

test('a cache written through withStartFlags while a big document has the flags changed is accepted by the next start', () => {
  assert.ok(gcFlags([]).includes(noOptimizingCompilerFlag), 'the server starts without the optimizing compiler');
  assert.equal(cacheRefusedAfter(serverPrelude, { writeThrough: 'flags.withStartFlags', readerPrelude: startFlags }), 'false');
});

test('control: the same cache written without withStartFlags is refused, so the test above can fail', () => {
  assert.equal(cacheRefusedAfter(serverPrelude, { readerPrelude: startFlags }), 'true');
});
