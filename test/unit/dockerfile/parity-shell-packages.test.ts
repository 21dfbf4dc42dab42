import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, assertReports, findings } from './rules-kit';
import { diagnose, withCode } from './rules-helpers';

/** Defects 7, 8 and 11 of issue 14: package managers and languages, registries beyond FROM, precision. */

test('dnf and microdnf: the short subcommand names count like the long ones', () => {
  for (const sub of ['in', 'up', 'upgrade-minimal', 'up-min', 'rei']) {
    assertReports('dnf-clean-missing', `FROM fedora:40\nRUN dnf -y ${sub} tar-1.35\n`);
    assertClean('dnf-clean-missing', `FROM fedora:40\nRUN dnf -y ${sub} tar-1.35 && dnf clean all\n`);
    assertReports('dnf-missing-yes', `FROM fedora:40\nRUN dnf ${sub} tar-1.35 && dnf clean all\n`);
  }
  assertReports('dnf-unpinned', 'FROM fedora:40\nRUN dnf in -y tar && dnf clean all\n');
  assertClean('dnf-unpinned', 'FROM fedora:40\nRUN dnf in -y tar-1.35 && dnf clean all\n');
  // Another program's clean-up does not empty dnf's cache.
  assertReports('dnf-clean-missing', 'FROM fedora:40\nRUN dnf install -y tar-1.35 && microdnf clean all\n');
  assertClean('dnf-clean-missing', 'FROM fedora:40\nRUN dnf install -y tar-1.35 && rm -rf /var/cache/dnf\n');
});

test('yum: module streams are pinned, groups have no version', () => {
  assertClean('yum-unpinned', 'FROM centos:7\nRUN yum module install -y nodejs:20 && yum clean all\n');
  assertReports('yum-unpinned', 'FROM centos:7\nRUN yum module install -y nodejs && yum clean all\n');
  assertClean('yum-unpinned', 'FROM centos:7\nRUN yum groupinstall -y "Development Tools" && yum clean all\n');
  assertReports('yum-unpinned', 'FROM centos:7\nRUN yum install -y gcc && yum clean all\n');
});

test('aptitude is read by the apt rules', () => {
  assertReports('apt-lists-not-cleaned', 'FROM debian:12\nRUN aptitude update && aptitude install -y curl=7.88.1-10\n');
  assertClean('apt-lists-not-cleaned', 'FROM debian:12\nRUN aptitude update && aptitude install -y curl=7.88.1-10 && rm -rf /var/lib/apt/lists/*\n');
  const [yes] = assertReports('apt-get-missing-yes', 'FROM debian:12\nRUN aptitude update && aptitude install curl=7.88.1-10\n');
  assert.match(yes.message.en, /aptitude install/);
  assertReports('apt-get-unpinned', 'FROM debian:12\nRUN aptitude update && aptitude install -y curl\n');
  assertClean('apt-get-unpinned', 'FROM debian:12\nRUN aptitude update && aptitude install -y curl=7.88.1-10\n');
  assertReports('apt-get-install-recommends', 'FROM debian:12\nRUN aptitude update && aptitude install -y curl=7.88.1-10\n');
  assertClean('apt-get-install-recommends', 'FROM debian:12\nRUN aptitude update && aptitude install -y --without-recommends curl=7.88.1-10\n');
});

test('pip: pipx installs are pinned like pip ones; git requirements need a ref; an exported PIP_NO_CACHE_DIR counts', () => {
  assertReports('pip-unpinned', 'FROM python:3.12\nRUN pipx install black\n');
  assertClean('pip-unpinned', 'FROM python:3.12\nRUN pipx install --python "$(which python3)" "black==24.8.0"\n');
  assertClean('pip-no-cache-dir', 'FROM python:3.12\nRUN pipx install black==24.8.0\n');
  assertReports('pip-unpinned', 'FROM python:3.12\nRUN pip install --no-cache-dir git+https://github.com/org/tool.git#egg=tool\n');
  assertReports('pip-unpinned', 'FROM python:3.12\nRUN pip install --no-cache-dir git+ssh://git@github.com/org/tool.git\n');
  assertClean('pip-unpinned', 'FROM python:3.12\nRUN pip install --no-cache-dir git+https://github.com/org/tool.git@v2.1#egg=tool\n');
  assertClean('pip-unpinned', 'FROM python:3.12\nRUN pip install --no-cache-dir git+https://user:token@github.com/org/tool.git@4f2a9c1\n');
  assertClean('pip-no-cache-dir', 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask==3.0.3\n');
  assertReports('pip-no-cache-dir', 'FROM python:3.12\nRUN pip install flask==3.0.3 && export PIP_NO_CACHE_DIR=1\n');
});

test('npm: git URLs need a #ref, .tar files are local packages', () => {
  assertReports('npm-unpinned', 'FROM node:20\nRUN npm install git+https://github.com/org/lib.git\n');
  assertReports('npm-unpinned', 'FROM node:20\nRUN npm install git://github.com/org/lib.git\n');
  assertClean('npm-unpinned', 'FROM node:20\nRUN npm install git+https://github.com/org/lib.git#v1.4.0\n');
  assertClean('npm-unpinned', 'FROM node:20\nRUN npm install lib-v1.4.0.tar\n');
  assertReports('npm-unpinned', 'FROM node:20\nRUN npm install lib-tar\n');
});

test('gem: what follows -- is passed to the build, not a gem name', () => {
  assertClean('gem-unpinned', 'FROM ruby:3.3\nRUN gem install pg:1.5.6 -- --with-pg-config=/usr/bin/pg_config\n');
  assertClean('gem-unpinned', 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries true\n');
  assertReports('gem-unpinned', 'FROM ruby:3.3\nRUN gem install pg -- --with-pg-config=/usr/bin/pg_config\n');
});

test('go: go get without a version, go get -tool, go run @latest move with the day of the build', () => {
  assertReports('go-install-unpinned', 'FROM golang:1.23\nRUN go get example.com/lib\n');
  assertReports('go-install-unpinned', 'FROM golang:1.23\nRUN go get example.com/lib@latest\n');
  assertReports('go-install-unpinned', 'FROM golang:1.23\nRUN go get -tool example.com/gen\n');
  assertClean('go-install-unpinned', 'FROM golang:1.23\nRUN go get -tool example.com/gen@v0.3.1\n');
  assertReports('go-install-unpinned', 'FROM golang:1.23\nRUN go run example.com/gen@latest -out x.go\n');
  assertClean('go-install-unpinned', 'FROM golang:1.23\nRUN go run example.com/gen@v0.3.1 --tag latest\n');
  assertClean('go-install-unpinned', 'FROM golang:1.23\nRUN go get ./... && go run .\n');
  // Inside a module, a path without @ is built at the version go.mod requires.
  assertClean('go-install-unpinned', 'FROM golang:1.23\nRUN go install example.com/cmd/tool\n');
});

test('untrusted-registry: COPY --from and RUN --mount from= that name an image', () => {
  const trusted = { trustedRegistries: ['registry.corp.example'] };
  const count = (text: string) => findings('untrusted-registry', text, trusted).length;
  const base = 'FROM registry.corp.example/base:1 AS build\n';
  assert.equal(count(`${base}COPY --from=ghcr.io/org/tools:1 /bin/tool /bin/\n`), 1);
  assert.equal(count(`${base}COPY --from=registry.corp.example/tools:1 /bin/tool /bin/\n`), 0);
  assert.equal(count(`${base}COPY --from=build /app /app\nCOPY --from=0 /app /app2\n`), 0);
  assert.equal(count(`${base}RUN --mount=type=bind,from=quay.io/org/data:2,target=/data ls /data\n`), 1);
  assert.equal(count(`${base}RUN --mount=type=cache,from=build,target=/cache ls /cache\n`), 0);
  assert.equal(count(`${base}ARG TOOLS=ghcr.io/org/tools:1\nCOPY --from=\${TOOLS} /bin/tool /bin/\n`), 0);
  assert.equal(findings('untrusted-registry', `${base}COPY --from=ghcr.io/org/tools:1 /bin/tool /bin/\n`).length, 0, 'off without trustedRegistries');
});

test('user-non-numeric: Windows images have user names only', () => {
  assertClean('user-non-numeric', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\n');
  assertClean('user-non-numeric', 'FROM mcr.microsoft.com/dotnet/runtime:8.0-nanoserver-ltsc2022\nUSER ContainerUser\n');
  assertReports('user-non-numeric', 'FROM mcr.microsoft.com/dotnet/runtime:8.0\nUSER app\n');
});

test('pipe-without-pipefail: a plain /bin/sh with -o pipefail is dash on Debian, ash on Alpine', () => {
  const [finding] = assertReports('pipe-without-pipefail', 'FROM debian:12\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com | tar -xz\n');
  assert.match(finding.message.en, /dash/);
  assertClean('pipe-without-pipefail', 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN wget -qO- https://example.com | tar -xz\n');
  assertClean('pipe-without-pipefail', 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com | tar -xz\n');
});

test('npm-install-instead-of-ci: package*.json brings no lockfile when the build context visibly has none', () => {
  const text = 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install\n';
  const ci = (files?: Record<string, string>) => withCode(diagnose(text, { files, filePath: '/work/app/Dockerfile', settings: { profile: 'strict' } }), 'npm-install-instead-of-ci').length;
  assert.equal(ci({ '/work/app/package.json': '{}' }), 0, 'package.json alone: npm install is all there is');
  assert.equal(ci({ '/work/app/package.json': '{}', '/work/app/package-lock.json': '{}' }), 1);
  assert.equal(ci({ '/work/app/package.json': '{}', '/work/app/npm-shrinkwrap.json': '{}' }), 1);
  assert.equal(ci({ '/work/app/Dockerfile': text }), 1, 'no package.json beside the Dockerfile: the context is elsewhere, so unknown');
  assert.equal(ci(), 1, 'no view of the files: as before');
  const nested = 'FROM node:20\nCOPY web/package*.json ./\nRUN npm install\n';
  assert.equal(withCode(diagnose(nested, { files: { '/work/app/web/package.json': '{}' }, filePath: '/work/app/Dockerfile', settings: { profile: 'strict' } }), 'npm-install-instead-of-ci').length, 0);
});

test('copy-archive-then-extract: an archive copied under a new name is followed under that name', () => {
  assertReports('copy-archive-then-extract', 'FROM debian:12\nCOPY dist/packaged-app.tar /opt/app.tar\nRUN tar -xf /opt/app.tar -C /opt\n');
  assertReports('copy-archive-then-extract', 'FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n');
  assertClean('copy-archive-then-extract', 'FROM debian:12\nCOPY dist/packaged-app.tar /opt/app.tar\nRUN tar -xf /opt/other.tar -C /opt\n');
  assertClean('copy-archive-then-extract', 'FROM debian:12\nCOPY a.tar b.tar /opt/\nRUN tar -xf /opt/c.tar\n');
});
