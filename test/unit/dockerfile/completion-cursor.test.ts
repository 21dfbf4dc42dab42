import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cursorAt, inFlagZone, positionalIndex, tokenize } from '../../../server/src/dockerfile/cursor';
import { dockerfile } from '../helpers';

const words = (text: string, escape = '\\'): string[] => tokenize(text, 0, text.length, escape).map((t) => t.text);

test('tokenize splits on whitespace and line continuations, keeps quoted words whole', () => {
  assert.deepEqual(words('RUN --mount=type=cache \\\n    echo "a b" c'), ['RUN', '--mount=type=cache', 'echo', '"a b"', 'c']);
  assert.deepEqual(words('RUN a \\  \r\n  b'), ['RUN', 'a', 'b'], 'spaces after the escape and CRLF');
  assert.deepEqual(words('RUN a `\n  b', '`'), ['RUN', 'a', 'b'], 'backtick escape');
  assert.deepEqual(words('RUN a \\\n# a comment line\n  b'), ['RUN', 'a', 'b'], 'comment lines inside a continuation are skipped');
  assert.deepEqual(words('RUN echo \\$HOME'), ['RUN', 'echo', '\\$HOME'], 'an escaped character stays in its word');
  assert.deepEqual(words(''), []);
});

test('cursorAt reports the keyword, the word under the cursor and the flag zone', () => {
  const model = dockerfile('FROM alpine\nONBUILD RUN --network=none make\n');
  const cursor = cursorAt(model, { line: 1, character: 14 })!;
  assert.equal(cursor.keyword, 'RUN');
  assert.equal(cursor.onbuild, true);
  assert.equal(cursor.args[cursor.current].text, '--network=none');
  assert.equal(inFlagZone(cursor), true);
  const after = cursorAt(model, { line: 1, character: 31 })!;
  assert.equal(after.args[after.current].text, 'make');
  assert.equal(positionalIndex(after), 0);
  assert.equal(cursorAt(model, { line: 2, character: 0 }), undefined, 'no instruction on a blank line');
  const keyword = cursorAt(model, { line: 0, character: 2 })!;
  assert.equal(keyword.inKeyword, true);
});
