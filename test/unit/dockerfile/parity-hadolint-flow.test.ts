import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose, withCode } from './rules-helpers';

/** consecutive-run (DL3059) as hadolint reads consecutive RUNs. */

const count = (text: string) => withCode(diagnose(text), 'consecutive-run').length;

test('consecutive-run: two single-command RUNs in a row, comments between them or not', () => {
  assert.equal(count('FROM debian:12\nRUN ./configure\nRUN make\n'), 1);
  assert.equal(count('FROM debian:12\nRUN ./configure\n# build next\n# (slow)\nRUN make\n'), 1);
  assert.equal(count('FROM debian:12\nRUN a && b\nRUN c\nRUN d\n'), 1, 'the last two are single commands');
});

test('consecutive-run: a RUN that chains commands, another instruction or other flags keep them apart', () => {
  assert.equal(count('FROM debian:12\nRUN a && b\nRUN c\n'), 0);
  assert.equal(count('FROM debian:12\nRUN c\nRUN a; b\n'), 0);
  assert.equal(count('FROM debian:12\nRUN a\nWORKDIR /src\nRUN b\n'), 0);
  assert.equal(count('FROM debian:12\nRUN --mount=type=secret,id=a a\nRUN --mount=type=secret,id=b b\n'), 0);
  assert.equal(count('FROM debian:12\nRUN --mount=type=secret,id=a a\nRUN --mount=type=secret,id=a b\n'), 1);
});
