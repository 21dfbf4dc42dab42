import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerfileRules } from '../../../server/src/dockerfile/rules';
import { diagnose, withCode } from './rules-helpers';

/**
 * healthcheck-missing (hadolint DL3057): the images a build can ship say how to check them. It
 * shares the notion of a shipped stage with required-label-missing (rules/stageCoverage.ts).
 */

const lines = (text: string, settings: unknown = { profile: 'strict' }) => withCode(diagnose(text, { settings }), 'healthcheck-missing').map((d) => d.range.start.line + 1);

test('an image without HEALTHCHECK is reported at its FROM; HEALTHCHECK NONE or CMD satisfies it', () => {
  assert.deepEqual(lines('FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n'), [1]);
  assert.deepEqual(lines('FROM nginx:1.27\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n'), []);
  assert.deepEqual(lines('FROM nginx:1.27\nHEALTHCHECK NONE\n'), []);
  // A trigger is for the images built on this one.
  assert.deepEqual(lines('FROM nginx:1.27\nONBUILD HEALTHCHECK NONE\n'), [1]);
});

test('health checks are inherited through FROM <stage>; helper stages are spared', () => {
  assert.deepEqual(lines('FROM alpine:3.20 AS base\nHEALTHCHECK NONE\nFROM base\n'), []);
  // A chain that ends in a checked image: every stage on the way is a base.
  assert.deepEqual(lines('FROM alpine:3.20 AS a\nFROM a AS b\nFROM b AS c\nHEALTHCHECK NONE\n'), []);
  // The chain forks and one branch never gets a check: that branch is reported.
  assert.deepEqual(lines('FROM alpine:3.20 AS a\nFROM a AS left\nHEALTHCHECK NONE\nFROM a AS right\n'), [4]);
  // An unchecked image is reported once, at its own FROM, not again at the stages it builds on.
  assert.deepEqual(lines('FROM alpine:3.20 AS base\nRUN true\nFROM base AS app\nCMD ["app"]\n'), [3]);
  // Not built on the checked stage: a separate image.
  assert.deepEqual(lines('FROM alpine:3.20 AS a\nHEALTHCHECK NONE\nFROM alpine:3.20\n'), [3]);
  // A build stage that files are copied from is not shipped.
  assert.deepEqual(lines('FROM golang:1.22 AS build\nRUN go build -o /app\nFROM alpine:3.20\nCOPY --from=build /app /app\nHEALTHCHECK CMD ["/app", "health"]\n'), []);
});

test('strict only, as hadolint leaves DL3057 off by default; DL3057 names it', () => {
  assert.deepEqual(lines('FROM nginx:1.27\n', {}), []);
  assert.equal(dockerfileRules.find('DL3057')?.meta.id, 'healthcheck-missing');
  assert.equal(dockerfileRules.find('DL3057')?.meta.profile, 'strict');
});
