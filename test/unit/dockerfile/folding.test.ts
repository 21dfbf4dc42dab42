import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerfileService as service } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

const ctx = contextFor();
const fold = (text: string) => service.folding!(dockerfile(text), ctx).map((r) => [r.startLine, r.endLine, r.kind ?? '']);

test('stages, continuation lines, heredocs and comment blocks fold', () => {
  const text = [
    '# Build image', // 0
    '# for the app', // 1
    'FROM alpine AS build', // 2
    'RUN apk add \\', // 3
    '      curl \\', // 4
    '      git', // 5
    '# single comment', // 6
    'COPY <<EOF /etc/motd', // 7
    'hello', // 8
    'EOF', // 9
    'FROM scratch', // 10
    'COPY --from=build /a /a', // 11
  ].join('\n');
  assert.deepEqual(fold(text), [
    [0, 1, 'comment'],
    [2, 9, 'region'],
    [3, 5, ''],
    [7, 9, ''],
    [10, 11, 'region'],
  ]);
});

test('two heredocs in one RUN fold separately', () => {
  const text = 'FROM a\nRUN <<A <<B\necho a\nA\necho b\nB\n';
  assert.deepEqual(fold(text), [[0, 5, 'region'], [1, 5, ''], [3, 5, '']]);
});

test('backtick escape continuation folds; single-line things do not', () => {
  const text = '# escape=`\nFROM alpine\nRUN echo `\n  hi\n';
  assert.deepEqual(fold(text), [[1, 3, 'region'], [2, 3, '']]);
  assert.deepEqual(fold('FROM alpine\n'), []);
  assert.deepEqual(fold(''), []);
});
