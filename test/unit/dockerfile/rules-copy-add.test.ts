// COPY and ADD: what is copied, how, and what is done to it afterwards (copyAdd.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, assertFix, assertReports, covered } from './rules-kit';

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

test('copy-entire-filesystem: / from a stage that runs commands', () => {
  const text = 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build / /\n';
  const [finding] = assertReports('copy-entire-filesystem', text);
  assert.equal(covered(text, finding), '/');
  assertClean('copy-entire-filesystem', 'FROM scratch AS bin\nCOPY app /app\nFROM debian:12\nCOPY --from=bin / /usr/local/bin/\n');
  assertClean('copy-entire-filesystem', 'FROM debian:12\nCOPY --from=tonistiigi/xx:1.4 / /\n');
  assertClean('copy-entire-filesystem', 'FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /out/ /app/\n');
});
