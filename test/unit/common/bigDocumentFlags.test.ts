import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultYoungGenerationFlag, noOptimizingCompilerFlag, optimizingCompilerFlag, smallYoungGenerationFlag } from '../../../server/src/bootFlags';
import { bigDocumentChars, BigDocumentFlags } from '../../../server/src/lsp/bigDocumentFlags';

const youngGeneration = { big: defaultYoungGenerationFlag, ordinary: smallYoungGenerationFlag };
const optimizingCompiler = { big: optimizingCompilerFlag, ordinary: noOptimizingCompilerFlag };

function flagsWith(switches = [youngGeneration, optimizingCompiler]): { flags: BigDocumentFlags; set: string[] } {
  const set: string[] = [];
  return { flags: new BigDocumentFlags(switches, (flag) => set.push(flag)), set };
}

test('a big open document sets both flags; closing the last one sets the start values again', () => {
  const { flags, set } = flagsWith();
  flags.noteSize('file:///small.Dockerfile', 40_000);
  assert.deepEqual(set, [], 'ordinary files keep the start flags without touching them');
  flags.noteSize('file:///big.yaml', bigDocumentChars);
  flags.noteSize('file:///big2.yaml', bigDocumentChars * 8);
  assert.deepEqual(set, [defaultYoungGenerationFlag, optimizingCompilerFlag], 'set once, however many big documents are open');
  assert.equal(flags.active, true);
  flags.forget('file:///big.yaml');
  assert.equal(set.length, 2, 'another big document is still open');
  flags.noteSize('file:///big2.yaml', 1_000);
  assert.deepEqual(set.slice(2), [smallYoungGenerationFlag, noOptimizingCompilerFlag], 'shrunk below the limit by an edit');
  assert.equal(flags.active, false);
});

test('only the switches boot.ts set are touched (a launcher that chose keeps its choice)', () => {
  const { flags, set } = flagsWith([optimizingCompiler]);
  flags.noteSize('file:///big.yaml', bigDocumentChars * 10);
  flags.forget('file:///big.yaml');
  assert.deepEqual(set, [optimizingCompilerFlag, noOptimizingCompilerFlag]);
  const none = flagsWith([]);
  none.flags.noteSize('file:///big.yaml', bigDocumentChars * 10);
  assert.deepEqual(none.set, []);
  assert.equal(none.flags.active, false);
});

test('an engine refusing a flag is not fatal, and the other flag is still set', () => {
  const set: string[] = [];
  const flags = new BigDocumentFlags([youngGeneration, optimizingCompiler], (flag) => {
    if (flag === defaultYoungGenerationFlag) throw new Error('unknown flag');
    set.push(flag);
  });
  assert.doesNotThrow(() => flags.noteSize('file:///big.yaml', bigDocumentChars));
  assert.deepEqual(set, [optimizingCompilerFlag]);
});

test('a walk with the index worker sets the flags too, and ends without undoing a big document', () => {
  const { flags, set } = flagsWith([optimizingCompiler]);
  flags.noteWorkerWalk(true);
  assert.deepEqual(set, [optimizingCompilerFlag]);
  flags.noteSize('file:///big.yaml', bigDocumentChars);
  flags.noteWorkerWalk(false);
  assert.deepEqual(set, [optimizingCompilerFlag], 'the big document still wants them');
  flags.forget('file:///big.yaml');
  assert.deepEqual(set, [optimizingCompilerFlag, noOptimizingCompilerFlag]);
});
