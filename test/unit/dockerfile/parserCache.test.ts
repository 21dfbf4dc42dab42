import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Run } from 'dockerfile-ast';
import { dockerfile } from '../helpers';

test('memoised arguments are equal on repeated calls and safe to mutate', () => {
  const model = dockerfile('FROM alpine:3.20 AS base\nRUN --mount=type=cache,target=/x \\\n    echo a b\n');
  const run = model.ast.getInstructions()[1] as Run;
  assert.deepEqual(run.getFlags().map((f) => [f.getName(), f.getValue()]), [['mount', 'type=cache,target=/x']]);
  const first = run.getArguments();
  assert.deepEqual(first.map((a) => a.getValue()), ['echo', 'a', 'b']);
  first.pop();
  assert.equal(run.getArguments().length, 3, 'a caller mutating its array must not change the cache');
  assert.deepEqual(run.getArguments().map((a) => a.getRange().start), [{ line: 2, character: 4 }, { line: 2, character: 9 }, { line: 2, character: 11 }]);
  assert.equal(model.ast.getInstructions()[0].getArguments().map((a) => a.getValue()).join(' '), 'alpine:3.20 AS base');
});
