// Base images, registries and the user an image runs as (images.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registryAllowed } from '../../../server/src/dockerfile/rules/images';
import { assertClean, assertFix, assertNoFix, assertReports, covered, findings } from './rules-kit';

test('image-untagged: untagged registry images; stages, scratch, digests and variables are fine', () => {
  const text = 'FROM ubuntu\n';
  const [finding] = assertReports('image-untagged', text);
  assert.equal(covered(text, finding), 'ubuntu');
  assertReports('image-untagged', 'FROM --platform=$BUILDPLATFORM ghcr.io/org/tool AS tool\n');
  assertClean('image-untagged', 'FROM ubuntu:24.04 AS base\nFROM base\nFROM scratch\nFROM alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nARG IMG=debian\nFROM $IMG\n');
  assertClean('image-untagged', 'FROM localhost:5000/app:1.0\n');
});

test('image-latest-tag: latest without a digest', () => {
  assertReports('image-latest-tag', 'FROM alpine:latest\n');
  assertClean('image-latest-tag', 'FROM alpine:3.20\n');
  assertClean('image-latest-tag', 'FROM alpine:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n');
});

test('untrusted-registry: inactive without configuration, enforces trustedRegistries', () => {
  const text = 'FROM docker.io/library/debian:12\nFROM quay.io/org/app:1\nFROM alpine:3.20\nFROM gcr.io/distroless/static:nonroot\n';
  assert.equal(findings('untrusted-registry', text).length, 0);
  const found = findings('untrusted-registry', text, { trustedRegistries: ['docker.io', '*.gcr.io', 'gcr.io'] });
  assert.deepEqual(found.map((f) => covered(text, f)), ['quay.io/org/app:1']);
  assert.match(found[0].message.zh, /quay\.io/);
  assert.equal(registryAllowed('eu.gcr.io', ['*.gcr.io']), true);
  assert.equal(registryAllowed('docker.io', ['hub.docker.com']), true);
  assert.equal(registryAllowed('evil.io', ['docker.io']), false);
});

test('last-user-root: the final stage ends as root', () => {
  assertReports('last-user-root', 'FROM debian:12\nUSER app\nRUN id\nUSER root\n');
  assertReports('last-user-root', 'FROM debian:12\nUSER 0:0\n');
  assertClean('last-user-root', 'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n');
  assertClean('last-user-root', 'FROM debian:12 AS build\nUSER root\nFROM debian:12\nUSER 10001\n');
  assertClean('last-user-root', 'FROM debian:12\nRUN id\n');
});

test('user-non-numeric: a named final user; the fix uses the UID from useradd', () => {
  assertFix('user-non-numeric', 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app\n', 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\n', false);
  assertNoFix('user-non-numeric', 'FROM debian:12\nUSER nobody:nogroup\n');
  assertClean('user-non-numeric', 'FROM debian:12\nUSER 10001:10001\n');
  assertClean('user-non-numeric', 'FROM debian:12\nUSER app\nFROM debian:12\nRUN id\n');
  assertClean('user-non-numeric', 'FROM debian:12\nUSER $APP_UID\n');
});
