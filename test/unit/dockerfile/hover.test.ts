import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

test('hover on an instruction keyword shows its docs', () => {
  const model = dockerfile('FROM alpine:3.20\nRUN echo hi\n');
  const hover = dockerfileService.hover!(model, { line: 1, character: 1 }, contextFor());
  assert.ok(hover);
  assert.match(JSON.stringify(hover.contents), /Runs a command in a new layer/);
  assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
});

test('hover follows the docs language', () => {
  const model = dockerfile('FROM alpine:3.20\n');
  const hover = dockerfileService.hover!(model, { line: 0, character: 2 }, contextFor('zh-cn'));
  assert.match(JSON.stringify(hover?.contents), /构建阶段/);
});

test('no hover on an unknown keyword', () => {
  const model = dockerfile('FORM alpine\n');
  assert.equal(dockerfileService.hover!(model, { line: 0, character: 1 }, contextFor()), null);
});
