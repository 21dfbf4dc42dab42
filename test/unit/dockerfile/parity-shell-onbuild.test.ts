import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertClean, assertReports, covered, findings } from './rules-kit';

/** Defect 1 of issue 14: an `ONBUILD RUN` trigger is read like any RUN, and reported inside the trigger. */

const aptRules = ['apt-get-missing-yes', 'apt-get-install-recommends', 'apt-get-unpinned', 'apt-get-install-without-update'];

test('ONBUILD RUN: the apt rules read the trigger and point into it', () => {
  const text = 'FROM debian:12\nONBUILD RUN apt-get install python3\n';
  for (const id of aptRules) {
    const [finding] = assertReports(id, text);
    assert.equal(finding.range.start.line, 1, `${id} reports on the ONBUILD line`);
    assert.ok(finding.range.start.character >= 'ONBUILD RUN '.length, `${id} points at the command, not at ONBUILD`);
    assert.equal(covered(text, finding), 'apt-get install');
  }
  const tidy = 'FROM debian:12\nONBUILD RUN apt-get update && apt-get install -y --no-install-recommends python3=3.11.2-1 && rm -rf /var/lib/apt/lists/*\n';
  for (const id of [...aptRules, 'apt-lists-not-cleaned']) assertClean(id, tidy);
});

test('ONBUILD RUN: a lower-case trigger, continuation lines and mounts are read too', () => {
  assertReports('apk-no-cache', 'FROM alpine:3.20\nonbuild run apk add \\\n    curl=8.9.1-r0\n');
  assertClean('apk-no-cache', 'FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r0\n');
  assertReports('pip-unpinned', 'FROM python:3.12\nONBUILD RUN ["pip", "install", "flask"]\n');
  assertClean('pip-unpinned', 'FROM python:3.12\nONBUILD RUN ["pip", "install", "flask==3.0.3"]\n');
});

test('ONBUILD RUN: its layer ships with every image built from this one, even from a stage nobody copies', () => {
  const unusedStage = (run: string) => `FROM alpine:3.20 AS tools\n${run}\nFROM scratch\nCOPY app /app\n`;
  assertClean('apk-no-cache', unusedStage('RUN apk add curl=8.9.1-r0'));
  assertReports('apk-no-cache', unusedStage('ONBUILD RUN apk add curl=8.9.1-r0'));
  assertClean('apt-lists-not-cleaned', 'FROM debian:12 AS base\nRUN apt-get update\nFROM scratch\n');
  assertReports('apt-lists-not-cleaned', 'FROM debian:12 AS base\nONBUILD RUN apt-get update\nFROM scratch\n');
});

test('ONBUILD RUN: the pipefail fix puts SHELL above the ONBUILD line, with its indentation', () => {
  const text = 'FROM debian:12\n  ONBUILD RUN curl -fsSL https://example.com/x.tgz | tar -xz\n';
  const [finding] = assertReports('pipe-without-pipefail', text);
  const fixed = TextDocument.applyEdits(TextDocument.create('file:///t', 'dockerfile', 1, text), finding.fixes![0].edits);
  assert.equal(fixed, 'FROM debian:12\n  SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n  ONBUILD RUN curl -fsSL https://example.com/x.tgz | tar -xz\n');
  assertClean('pipe-without-pipefail', 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nONBUILD RUN curl -fsSL https://example.com/x.tgz | tar -xz\n');
});

test('ONBUILD with another trigger runs nothing; ONBUILD RUN lines are not joined as consecutive RUNs', () => {
  assertClean('no-sudo', 'FROM debian:12\nONBUILD COPY sudo /sudo\nONBUILD WORKDIR /sudo\n');
  assert.deepEqual(findings('consecutive-run', 'FROM debian:12\nONBUILD RUN make\nONBUILD RUN make install\n'), []);
  assertReports('no-sudo', 'FROM debian:12\nONBUILD RUN sudo make install\n');
});

test('each shell rule reports once per RUN, as hadolint does, whatever the number of calls in it', () => {
  const [yes] = assertReports('apt-get-missing-yes', 'FROM debian:12\nRUN apt-get update && apt-get install curl && apt-get remove wget\n');
  // The one finding's fix answers every call of the RUN.
  const fixed = TextDocument.applyEdits(TextDocument.create('file:///t', 'dockerfile', 1, 'FROM debian:12\nRUN apt-get update && apt-get install curl && apt-get remove wget\n'), yes.fixes![0].edits);
  assert.equal(fixed, 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && apt-get remove -y wget\n');
  const [pins] = assertReports('apt-get-unpinned', 'FROM debian:12\nRUN apt-get install -y curl && apt-get install -y wget\n');
  assert.match(pins.message.en, /curl, wget/);
  assertReports('no-sudo', 'FROM debian:12\nRUN sudo make && sudo make install\n');
  assertReports('useless-command', 'FROM debian:12\nRUN ps aux && free -m\n');
  assertReports('curl-and-wget', 'FROM debian:12\nRUN curl -o a https://a && wget https://b && wget https://c\n');
  // Two RUNs are two findings.
  assertReports('no-sudo', 'FROM debian:12\nRUN sudo make\nRUN sudo make install\n', 2);
  assertReports('pip-unpinned', 'FROM python:3.12\nRUN pip install flask && pip install requests\nONBUILD RUN pip install six\n', 2);
});

test('ONBUILD COPY --from and ONBUILD RUN --mount from= that name an image are checked against trustedRegistries', () => {
  const trusted = { trustedRegistries: ['registry.corp.example'] };
  const count = (line: string) => findings('untrusted-registry', `FROM registry.corp.example/base:1\n${line}\n`, trusted).length;
  assert.equal(count('ONBUILD COPY --from=ghcr.io/org/tools:1 /bin/tool /bin/'), 1);
  assert.equal(count('ONBUILD RUN --mount=type=bind,from=quay.io/org/data:2,target=/data ls /data'), 1);
  assert.equal(count('ONBUILD COPY --from=registry.corp.example/tools:1 /bin/tool /bin/'), 0);
  // A bare name may be a stage of the build that uses this image: not judged.
  assert.equal(count('ONBUILD COPY --from=builder /app /app'), 0);
});

test('ONBUILD RUN: the trigger sees every ENV of its stage, since it runs in a later build', () => {
  assertClean('pip-no-cache-dir', 'FROM python:3.12\nONBUILD RUN pip install flask==3.0.3\nENV PIP_NO_CACHE_DIR=1\n');
  assertReports('pip-no-cache-dir', 'FROM python:3.12\nRUN pip install flask==3.0.3\nENV PIP_NO_CACHE_DIR=1\n');
});

test('ONBUILD ADD and ONBUILD COPY: what they copy is judged like a plain COPY/ADD', () => {
  const [add] = assertReports('add-instead-of-copy', 'FROM debian:12\nONBUILD ADD app.conf /etc/app/\n');
  const fixed = TextDocument.applyEdits(TextDocument.create('file:///t', 'dockerfile', 1, 'FROM debian:12\nONBUILD ADD app.conf /etc/app/\n'), add.fixes![0].edits);
  assert.equal(fixed, 'FROM debian:12\nONBUILD COPY app.conf /etc/app/\n');
  assertClean('add-instead-of-copy', 'FROM debian:12\nONBUILD ADD https://example.com/app.tgz /opt/\n');
  assertReports('credentials-copied', 'FROM node:20\nONBUILD COPY .npmrc /root/.npmrc\n');
  assertClean('credentials-copied', 'FROM node:20\nONBUILD COPY package.json /app/\n');
});
