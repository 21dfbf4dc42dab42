/**
 * kindNames() sorts without localeCompare (which maps ICU's collation data for the rest of the
 * session): the order must be the one localeCompare gave, for every kind name there is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kindDocs, kindNames } from '../../../server/src/kubernetes/kinds';

test('kind names: common kinds first, then in localeCompare\'s alphabetical order', () => {
  const expected = Object.keys(kindDocs).sort((a, b) => (kindDocs[a]!.common ? 0 : 1) - (kindDocs[b]!.common ? 0 : 1) || a.localeCompare(b));
  assert.ok(expected.length > 50);
  assert.deepEqual(kindNames(), expected);
  // The data has names a plain code-unit order would place differently (capitals sort before lower case there).
  const byCodeUnits = Object.keys(kindDocs).sort((a, b) => (kindDocs[a]!.common ? 0 : 1) - (kindDocs[b]!.common ? 0 : 1) || (a < b ? -1 : a > b ? 1 : 0));
  assert.notDeepEqual(byCodeUnits, expected);
});
