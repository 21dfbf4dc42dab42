import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registryAllowed } from '../../../server/src/dockerfile/rules/images';
import { assertClean, assertFix, assertNoFix, assertReports, covered, findings } from './rules-bestpractice-kit';

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

test('add-instead-of-copy: local files only; URLs, archives, git and ADD-only flags are fine; fix swaps the keyword', () => {
  assertFix('add-instead-of-copy', 'FROM debian:12\nADD --chown=app:app ./src /app/src\n', 'FROM debian:12\nCOPY --chown=app:app ./src /app/src\n', true);
  assertFix('add-instead-of-copy', 'from debian:12\nadd app.py /app/\n', 'from debian:12\ncopy app.py /app/\n');
  for (const line of ['ADD https://e.x/f.txt /f.txt', 'ADD rootfs.tar.xz /', 'ADD https://github.com/moby/buildkit.git#v0.14 /src', 'ADD --checksum=sha256:abc https://e.x/a /a', 'ADD $SRC /dst', 'ADD ["rootfs.tar.xz", "/"]']) {
    assertClean('add-instead-of-copy', `FROM debian:12\n${line}\n`);
  }
});

test('copy-archive-then-extract: COPY of a tarball that a later RUN unpacks', () => {
  const text = 'FROM debian:12\nCOPY dist/app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n';
  const [finding] = assertReports('copy-archive-then-extract', text);
  assert.equal(covered(text, finding), 'dist/app.tar.gz');
  assertReports('copy-archive-then-extract', 'FROM debian:12\nCOPY app.tgz /tmp/\nRUN <<EOF\ntar xzf /tmp/app.tgz\nEOF\n');
  assertClean('copy-archive-then-extract', 'FROM debian:12\nCOPY app.tar.gz /srv/downloads/\n');
  assertClean('copy-archive-then-extract', 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -czf /tmp/other.tar.gz /etc\n');
});

test('copy-relative-without-workdir', () => {
  const text = 'FROM node:20\nCOPY package.json .\n';
  const [finding] = assertReports('copy-relative-without-workdir', text);
  assert.equal(covered(text, finding), '.');
  assertClean('copy-relative-without-workdir', 'FROM node:20\nWORKDIR /app\nCOPY package.json .\n');
  assertClean('copy-relative-without-workdir', 'FROM node:20 AS base\nWORKDIR /app\nFROM base\nCOPY package.json ./\n');
  assertClean('copy-relative-without-workdir', 'FROM node:20\nCOPY package.json /app/\nCOPY x $APP_HOME/\n');
});

test('chown-after-copy: chmod/chown of just-copied files', () => {
  const text = 'FROM debian:12\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/entrypoint.sh\n';
  const [finding] = assertReports('chown-after-copy', text);
  assert.match(finding.message.en, /COPY --chmod/);
  assertReports('chown-after-copy', 'FROM debian:12\nCOPY . /app\nRUN chown -R app:app /app\n');
  assertClean('chown-after-copy', 'FROM debian:12\nCOPY . /app\nRUN chown -R app:app /data\n');
  assertClean('chown-after-copy', 'FROM debian:12\nCOPY . /app\nRUN make && chown -R app /app\n');
});

test('credentials-copied: key and token files', () => {
  assertReports('credentials-copied', 'FROM node:20\nCOPY .npmrc /root/.npmrc\n');
  assertReports('credentials-copied', 'FROM debian:12\nCOPY id_rsa /root/.ssh/id_rsa\n');
  assertReports('credentials-copied', 'FROM debian:12\nADD --chown=app .aws /home/app/.aws\n');
  assertClean('credentials-copied', 'FROM debian:12\nCOPY id_rsa.pub /root/.ssh/authorized_keys\nCOPY config.json /etc/app/\n');
});

test('consecutive-run: joins consecutive RUNs; chained commands, flags and heredocs keep them apart', () => {
  assertFix('consecutive-run', 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\n', false);
  assertFix('consecutive-run', '# escape=`\nFROM debian:12\nRUN a\nRUN b\n', '# escape=`\nFROM debian:12\nRUN a `\n    && b\n');
  assertNoFix('consecutive-run', 'FROM debian:12\nRUN a\n# separate layer for caching\nRUN b\n');
  assertClean('consecutive-run', 'FROM debian:12\nRUN a && b\nRUN c\n');
  assertClean('consecutive-run', 'FROM debian:12\nRUN a\nRUN --mount=type=cache,target=/root/.cache b\n');
  assertClean('consecutive-run', 'FROM debian:12\nRUN a\nENV X=1\nRUN b\n');
  assertClean('consecutive-run', 'FROM debian:12\nRUN <<EOF\na\nEOF\nRUN b\n');
  assertNoFix('consecutive-run', 'FROM debian:12\nRUN a # comment\nRUN b\n');
});

test('mkdir-before-workdir: removes the redundant RUN', () => {
  assertFix('mkdir-before-workdir', 'FROM debian:12\nRUN mkdir -p /app\nWORKDIR /app\n', 'FROM debian:12\nWORKDIR /app\n', true);
  assertClean('mkdir-before-workdir', 'FROM debian:12\nUSER app\nRUN mkdir -p /app\nWORKDIR /app\n');
  assertClean('mkdir-before-workdir', 'FROM debian:12\nRUN mkdir -p /app /data\nWORKDIR /app\n');
  assertClean('mkdir-before-workdir', 'FROM debian:12\nRUN mkdir -m 700 /app\nWORKDIR /app\n');
});

test('debian-frontend-env: ENV leaks into containers; fix turns it into ARG', () => {
  assertFix('debian-frontend-env', 'FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\n', 'FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\n', false);
  assertNoFix('debian-frontend-env', 'FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive TZ=UTC\n');
  assertClean('debian-frontend-env', 'FROM debian:12\nARG DEBIAN_FRONTEND=noninteractive\nRUN DEBIAN_FRONTEND=noninteractive apt-get update\n');
});

test('entrypoint-shell-form-ignores-cmd and cmd-shell-form-with-exec-entrypoint', () => {
  assertReports('entrypoint-shell-form-ignores-cmd', 'FROM debian:12\nENTRYPOINT /app/run --serve\nCMD ["--port", "80"]\n');
  assertClean('entrypoint-shell-form-ignores-cmd', 'FROM debian:12\nENTRYPOINT ["/app/run"]\nCMD ["--port", "80"]\n');
  assertClean('entrypoint-shell-form-ignores-cmd', 'FROM debian:12\nENTRYPOINT /app/run\n');

  assertFix('cmd-shell-form-with-exec-entrypoint', 'FROM debian:12\nENTRYPOINT ["/app/run"]\nCMD --port 80\n', 'FROM debian:12\nENTRYPOINT ["/app/run"]\nCMD ["--port", "80"]\n', true);
  assertNoFix('cmd-shell-form-with-exec-entrypoint', 'FROM debian:12\nENTRYPOINT ["/app/run"]\nCMD --port "$PORT"\n');
  assertClean('cmd-shell-form-with-exec-entrypoint', 'FROM debian:12\nCMD run --port 80\n');
});

test('copy-entire-filesystem: / from a stage that runs commands', () => {
  const text = 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build / /\n';
  const [finding] = assertReports('copy-entire-filesystem', text);
  assert.equal(covered(text, finding), '/');
  assertClean('copy-entire-filesystem', 'FROM scratch AS bin\nCOPY app /app\nFROM debian:12\nCOPY --from=bin / /usr/local/bin/\n');
  assertClean('copy-entire-filesystem', 'FROM debian:12\nCOPY --from=tonistiigi/xx:1.4 / /\n');
  assertClean('copy-entire-filesystem', 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /out/ /app/\n');
});

test('user-non-numeric: a named final user; the fix uses the UID from useradd', () => {
  assertFix('user-non-numeric', 'FROM debian:12\nRUN useradd -u 10001 app\nUSER app\n', 'FROM debian:12\nRUN useradd -u 10001 app\nUSER 10001\n', false);
  assertNoFix('user-non-numeric', 'FROM debian:12\nUSER nobody:nogroup\n');
  assertClean('user-non-numeric', 'FROM debian:12\nUSER 10001:10001\n');
  assertClean('user-non-numeric', 'FROM debian:12\nUSER app\nFROM debian:12\nRUN id\n');
  assertClean('user-non-numeric', 'FROM debian:12\nUSER $APP_UID\n');
});
