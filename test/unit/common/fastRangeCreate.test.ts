import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Range } from 'vscode-languageserver-types';
import { fastRangeCreate, installFastRangeCreate, originalRangeCreate } from '../../../server/src/common/fastRangeCreate';

function outcome(create: typeof fastRangeCreate, args: unknown[]): unknown {
  try {
    return { value: create(args[0], args[1], args[2], args[3]) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

test('the fast Range.create answers (and fails) exactly like the original', () => {
  const number = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(2147483647, 2147483648, NaN, 1.5, Infinity));
  const position = fc.record({ line: number, character: number });
  const value = fc.oneof(number, position, fc.constantFrom(null, undefined, '1', {}, { line: 1 }, { line: '1', character: 0 }));
  fc.assert(
    fc.property(fc.array(value, { minLength: 0, maxLength: 4 }), (args) => {
      assert.deepEqual(outcome(fastRangeCreate, args), outcome(originalRangeCreate, args));
    }),
    { numRuns: 5000, seed: 20261127 },
  );
});

test('installing it replaces Range.create and keeps the same object shape', () => {
  installFastRangeCreate();
  const start = { line: 1, character: 2 };
  const end = { line: 3, character: 4 };
  const range = Range.create(start, end);
  assert.deepEqual(range, { start, end });
  assert.equal(range.start, start, 'positions are used as given, as before');
  assert.deepEqual(Range.create(0, 1, 2, 3), { start: { line: 0, character: 1 }, end: { line: 2, character: 3 } });
  assert.throws(() => Range.create(-1 as never, {} as never));
});
