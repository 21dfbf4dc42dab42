import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertClean, assertFix, assertReports, findings } from './rules-kit';

test('apk-no-cache: reports and fixes; cache removal, cache mounts and --no-network are fine', () => {
  assertFix('apk-no-cache', 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r0\n', 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n', true);
  assertClean('apk-no-cache', 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n');
  assertClean('apk-no-cache', 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*\n');
  assertClean('apk-no-cache', 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n');
  assertClean('apk-no-cache', 'FROM alpine:3.20\nRUN apk add --no-network --virtual .deps $deps\n');
  assertReports('apk-no-cache', 'FROM alpine:3.20\nRUN set -eux; \\\n    apk add \\\n      curl\n');
  assertReports('apk-no-cache', 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n');
});

test('apk-unpinned: versions with =, ~, <, >; virtual names are not packages', () => {
  const [finding] = assertReports('apk-unpinned', 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc "musl-dev~1.2" curl=8.9.1-r0\n');
  assert.match(finding.message.en, /gcc/);
  assert.doesNotMatch(finding.message.en, /build-deps|musl|curl/);
  assertClean('apk-unpinned', 'FROM alpine:3.20\nRUN apk add --no-cache $PKGS /tmp/local.apk\n');
  assertReports('apk-unpinned', 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache git\nEOF\n');
});

test('yum and dnf: -y, clean all, versions', () => {
  assertFix('yum-missing-yes', 'FROM centos:7\nRUN yum install httpd-2.4.6\n', 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n', true);
  assertClean('yum-missing-yes', 'FROM centos:7\nRUN yum --assumeyes install httpd\n');
  assertFix('dnf-missing-yes', 'FROM fedora:40\nRUN microdnf install curl\n', 'FROM fedora:40\nRUN microdnf install -y curl\n', true);
  assertClean('dnf-missing-yes', 'FROM fedora:40\nRUN dnf module list\n');
  assertReports('dnf-missing-yes', 'FROM fedora:40\nRUN dnf module enable nodejs:20\n');

  assertReports('yum-clean-missing', 'FROM centos:7\nRUN yum install -y httpd\n');
  assertClean('yum-clean-missing', 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n');
  assertClean('yum-clean-missing', 'FROM centos:7\nRUN yum install -y httpd && rm -rf /var/cache/yum\n');
  assertClean('dnf-clean-missing', 'FROM fedora:40\nRUN dnf install -y git && dnf clean --disableplugin=subscription-manager all\n');
  assertClean('dnf-clean-missing', 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y git\n');
  assertReports('dnf-clean-missing', 'FROM fedora:40\nRUN <<EOF\nmicrodnf install -y git\nEOF\n');

  assertReports('yum-unpinned', 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n');
  assertClean('yum-unpinned', 'FROM centos:7\nRUN yum install -y httpd-2.4.6 @development /tmp/x.rpm\n');
  assertReports('dnf-unpinned', 'FROM fedora:40\nRUN dnf install -y \\\n  git \\\n  make-4.4\n');
  assertClean('dnf-unpinned', 'FROM fedora:40\nRUN dnf module install -y nodejs:20\n');
});

test('zypper: non-interactive, clean, versions, dist-upgrade', () => {
  assertFix('zypper-missing-yes', 'FROM opensuse/leap:15.6\nRUN zypper install curl\n', 'FROM opensuse/leap:15.6\nRUN zypper install -y curl\n', true);
  assertClean('zypper-missing-yes', 'FROM opensuse/leap:15.6\nRUN zypper -n in curl\n');
  assertClean('zypper-missing-yes', 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive install curl\n');
  assertReports('zypper-clean-missing', 'FROM opensuse/leap:15.6\nRUN zypper -n in curl\n');
  assertClean('zypper-clean-missing', 'FROM opensuse/leap:15.6\nRUN zypper -n in curl && zypper clean -a\n');
  assertReports('zypper-unpinned', 'FROM opensuse/leap:15.6\nRUN zypper -n in curl\n');
  assertClean('zypper-unpinned', 'FROM opensuse/leap:15.6\nRUN zypper -n in "curl=8.6.0" "git>=2.40"\n');
  assertReports('zypper-dist-upgrade', 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n');
  assertClean('zypper-dist-upgrade', 'FROM opensuse/leap:15.6\nRUN zypper -n patch\n');
});

test('pip-no-cache-dir: reports and fixes; env, cache mounts, python -m pip', () => {
  assertFix('pip-no-cache-dir', 'FROM python:3.12\nRUN pip install -r requirements.txt\n', 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n', true);
  assertReports('pip-no-cache-dir', 'FROM python:3.12\nRUN python3 -m pip install -r requirements.txt\n');
  assertClean('pip-no-cache-dir', 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n');
  assertClean('pip-no-cache-dir', 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install -r requirements.txt\n');
  assertClean('pip-no-cache-dir', 'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=off pip install -r requirements.txt\n');
  assertClean('pip-no-cache-dir', 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n');
  assertClean('pip-no-cache-dir', 'FROM python:3.12 AS build\nRUN pip wheel -r r.txt && pip install x==1\nFROM python:3.12-slim\nCOPY --from=build /w /w\n');
  assertReports('pip-no-cache-dir', 'FROM python:3.12\nRUN <<EOF\npip install -r requirements.txt\nEOF\n');
});

test('pip-unpinned: requirements, constraints, paths and upgrades of pip itself are fine', () => {
  const [finding] = assertReports('pip-unpinned', 'FROM python:3.12\nRUN pip install --no-cache-dir flask "requests>=2.31" django==5.0 uvicorn[standard]\n');
  assert.match(finding.message.en, /flask, uvicorn\[standard\]/);
  for (const args of ['-r requirements.txt', '.', '-e .', './dist/app-1.0-py3-none-any.whl', 'git+https://github.com/x/y.git@v1.0', '-U pip setuptools wheel', '-c constraints.txt flask', '"$PACKAGE"']) {
    assertClean('pip-unpinned', `FROM python:3.12\nRUN pip install --no-cache-dir ${args}\n`);
  }
  assertReports('pip-unpinned', 'FROM python:3.12\nRUN bash -c "pip install --no-cache-dir flask"\n');
});

test('npm-unpinned and npm-install-instead-of-ci', () => {
  const [finding] = assertReports('npm-unpinned', 'FROM node:20\nRUN npm install -g typescript@5.6.3 @angular/cli eslint@latest\n');
  assert.match(finding.message.en, /@angular\/cli, eslint@latest/);
  assertClean('npm-unpinned', 'FROM node:20\nRUN npm install -g @angular/cli@17 ./local-pkg git+https://github.com/a/b.git#v1.0\n');
  assertClean('npm-unpinned', 'FROM node:20\nRUN npm install\n');

  assertFix('npm-install-instead-of-ci', 'FROM node:20\nCOPY package*.json ./\nRUN npm install\n', 'FROM node:20\nCOPY package*.json ./\nRUN npm ci\n', false);
  assertClean('npm-install-instead-of-ci', 'FROM node:20\nCOPY package.json ./\nRUN npm install\n');
  assertClean('npm-install-instead-of-ci', 'FROM node:20\nCOPY package*.json ./\nRUN npm install express@4\n');
  assertReports('npm-install-instead-of-ci', 'FROM node:20\nCOPY package.json package-lock.json ./\nRUN <<EOF\nnpm install --omit=dev\nEOF\n');
});

test('yarn-cache-not-cleaned', () => {
  assertReports('yarn-cache-not-cleaned', 'FROM node:20\nRUN yarn install --frozen-lockfile\n');
  assertReports('yarn-cache-not-cleaned', 'FROM node:20\nRUN yarn global add serve@14\n');
  assertClean('yarn-cache-not-cleaned', 'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean\n');
  assertClean('yarn-cache-not-cleaned', 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n');
  assertClean('yarn-cache-not-cleaned', 'FROM node:20\nRUN yarn build\n');
  assertClean('yarn-cache-not-cleaned', 'FROM node:20 AS build\nRUN yarn install\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n');
});

test('gem-unpinned and go-install-unpinned', () => {
  assertReports('gem-unpinned', 'FROM ruby:3.3\nRUN gem install bundler rake:13.2.1\n');
  assertClean('gem-unpinned', 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.10\n');
  assertClean('gem-unpinned', 'FROM ruby:3.3\nRUN gem install ./local.gem\n');

  const [finding] = assertReports('go-install-unpinned', 'FROM golang:1.22\nRUN go install -ldflags "-s -w" golang.org/x/tools/gopls@latest honnef.co/go/tools/cmd/staticcheck@2023.1.7\n');
  assert.match(finding.message.en, /gopls@latest/);
  assert.doesNotMatch(finding.message.en, /staticcheck/);
  assertClean('go-install-unpinned', 'FROM golang:1.22\nRUN go install ./cmd/... && go install github.com/a/b/cmd/c\n');
  assert.equal(findings('go-install-unpinned', 'FROM golang:1.22\nRUN <<EOF\ngo install example.com/tool@main\nEOF\n').length, 1);
});
