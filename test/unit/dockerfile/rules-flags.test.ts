// Instruction flags and their values: unknown flags, flag values, --mount options (flags.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, diagnoseStrict, fixesOf, messageOf, withCode } from './rules-helpers';

test('flag values: durations, booleans, chmod, network', () => {
  const text = 'FROM alpine\nHEALTHCHECK --interval=5x --timeout=0.1ns CMD true\nCOPY --link=maybe --chmod=999 a /b\nRUN --network=bridge true\n';
  const messages = withCode(diagnoseStrict(text), 'invalid-flag-value').map((d) => messageOf(d));
  assert.equal(messages.length, 5, messages.join('\n'));
  assert.ok(messages.some((m) => m.includes('Unknown unit "x"')));
  assert.ok(messages.some((m) => m.includes('at least 1ms')));
  assert.ok(messages.some((m) => m.includes('true or false')));
});

test('mount options: unknown key, wrong type key, missing target', () => {
  const messages = withCode(diagnoseStrict('FROM alpine\nRUN --mount=type=tmpfs,sharing=locked,foo=1 --mount=type=cache true\n'), 'invalid-mount').map((d) => messageOf(d));
  assert.equal(messages.length, 4, messages.join('\n'));
});

test('flags on instructions that take none are reported', () => {
  const found = withCode(diagnoseStrict('FROM alpine\nENV --mode=x A=1\nWORKDIR --parents /a\n'), 'unknown-flag');
  assert.deepEqual(found.map((d) => d.range.start.line), [1, 2]);
  assert.match(messageOf(found[0]), /ENV takes no flags/);
});

test('unknown-flag suggests the closest flag and the fix replaces only the name', () => {
  const [diagnostic] = withCode(diagnoseStrict('FROM alpine\nHEALTHCHECK --intreval=5s CMD true\n'), 'unknown-flag');
  assert.match(messageOf(diagnostic), /did you mean --interval/);
});

test('a misspelt mount option is fixed to the closest one', () => {
  const text = 'FROM alpine:3.20\nRUN --mount=type=cache,traget=/root/.cache true\n';
  const [diagnostic] = withCode(diagnoseStrict(text), 'invalid-mount');
  const after = applyEdits(text, fixesOf(diagnostic)[0].edits);
  assert.equal(after, 'FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache true\n');
  assert.deepEqual(withCode(diagnoseStrict(after), 'invalid-mount'), []);
});
