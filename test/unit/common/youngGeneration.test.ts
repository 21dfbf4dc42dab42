import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultYoungGenerationFlag, smallYoungGenerationFlag } from '../../../server/src/bootFlags';
import { bigDocumentChars, YoungGenerationSizer } from '../../../server/src/lsp/youngGeneration';

function sizer(enabled = true): { sizer: YoungGenerationSizer; flags: string[] } {
  const flags: string[] = [];
  return { sizer: new YoungGenerationSizer(enabled, (flag) => flags.push(flag)), flags };
}

test('a big open document lets the young generation grow; closing the last one takes the room back', () => {
  const { sizer: s, flags } = sizer();
  s.noteSize('file:///small.Dockerfile', 40_000);
  assert.deepEqual(flags, [], 'ordinary files keep the small young generation without touching the flags');
  s.noteSize('file:///big.yaml', bigDocumentChars);
  s.noteSize('file:///big2.yaml', bigDocumentChars * 8);
  assert.deepEqual(flags, [defaultYoungGenerationFlag], 'set once, however many big documents are open');
  assert.equal(s.roomy, true);
  s.forget('file:///big.yaml');
  assert.deepEqual(flags, [defaultYoungGenerationFlag], 'another big document is still open');
  s.noteSize('file:///big2.yaml', 1_000);
  assert.deepEqual(flags, [defaultYoungGenerationFlag, smallYoungGenerationFlag], 'shrunk below the limit by an edit');
  assert.equal(s.roomy, false);
});

test('nothing changes when boot.ts did not make the young generation small (a launcher sized it)', () => {
  const { sizer: s, flags } = sizer(false);
  s.noteSize('file:///big.yaml', bigDocumentChars * 10);
  s.forget('file:///big.yaml');
  assert.deepEqual(flags, []);
  assert.equal(s.roomy, false);
});

test('an engine refusing the flag is not fatal', () => {
  const s = new YoungGenerationSizer(true, () => { throw new Error('unknown flag'); });
  assert.doesNotThrow(() => s.noteSize('file:///big.yaml', bigDocumentChars));
  assert.equal(s.roomy, false);
});
