import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, editDistance } from '../../../server/src/common/didYouMean';

test('editDistance counts insertions, deletions and substitutions, capped at the limit', () => {
  assert.equal(editDistance('copy', 'copy'), 0);
  assert.equal(editDistance('cpoy', 'copy'), 2);
  assert.equal(editDistance('workdr', 'workdir'), 1);
  assert.equal(editDistance('a', 'abcdefgh', 3), 4);
  assert.equal(editDistance('x'.repeat(70), 'y'.repeat(70)), 4);
});

test('closest suggests the nearest candidate within the limit, ignoring case', () => {
  assert.equal(closest('WORKDR', ['WORKDIR', 'WORKER', 'USER']), 'WORKDIR');
  assert.equal(closest('contianers', ['containers', 'initContainers'], 2), 'containers');
  assert.equal(closest('imagePulPolicy', ['imagePullPolicy']), 'imagePullPolicy');
  assert.equal(closest('zzz', ['WORKDIR', 'USER']), undefined);
  assert.equal(closest('RUNN', ['RUN', 'ENV'], 1), 'RUN');
});
