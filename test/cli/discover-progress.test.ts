import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoverFiles } from '../../server/src/cli/discover';
import { tree } from './helpers';

/**
 * The command line starts its worker threads as soon as the walk has found enough files for them
 * (run.ts), so the walk reports its count as it goes: once per file taken, never for a file found
 * twice or skipped.
 */
test('the walk reports how many files it has found so far, once per file taken', () => {
  const root = tree({ 'a/Dockerfile': 'FROM alpine\n', 'a/pod.yaml': 'kind: Pod\n', 'b/compose.yaml': 'services: {}\n', 'README.md': '# no\n', 'node_modules/x/Dockerfile': 'FROM alpine\n' });
  const counts: number[] = [];
  const found = discoverFiles(['.', 'a/Dockerfile'], { cwd: root, onUnreadable() {}, onFound: (count) => counts.push(count) });
  assert.equal(found.length, 3);
  assert.deepEqual(counts, [1, 2, 3]);
});
