// Stages and the references between them (stages.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnoseStrict, messageOf, withCode } from './rules-helpers';

test('COPY --from a later stage is reported', () => {
  const found = withCode(diagnoseStrict('FROM alpine AS a\nCOPY --from=b /x /y\nFROM alpine AS b\n'), 'copy-from-unknown-stage');
  assert.match(messageOf(found[0]), /defined after/);
});

test('RUN --mount from= is checked like COPY --from', () => {
  assert.equal(withCode(diagnoseStrict('FROM alpine AS app\nRUN --mount=from=app,target=/x true\n'), 'copy-from-own-stage').length, 1);
});

test('FROM naming a stage defined later is reported', () => {
  const found = withCode(diagnoseStrict('FROM builder AS app\nRUN true\nFROM alpine:3.20 AS builder\n'), 'copy-from-unknown-stage');
  assert.equal(found.length, 1);
  assert.match(messageOf(found[0]), /defined after this FROM/);
});
