import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imagePageUrl } from '../../../server/src/dockerfile/links';
import { dockerfileService as service } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

const targets = (text: string, lang: 'en' | 'zh-cn' = 'en') => service.links!(dockerfile(text), contextFor(lang)).map((l) => l.target);

test('Docker Hub official and user images', () => {
  assert.deepEqual(targets('FROM alpine:3.20\nFROM bitnami/redis:7.2 AS cache\nFROM docker.io/library/nginx@sha256:abc\nFROM index.docker.io/grafana/grafana\n'), [
    'https://hub.docker.com/_/alpine',
    'https://hub.docker.com/r/bitnami/redis',
    'https://hub.docker.com/_/nginx',
    'https://hub.docker.com/r/grafana/grafana',
  ]);
});

test('ghcr.io, mcr.microsoft.com, quay.io and the ECR public gallery', () => {
  assert.deepEqual(targets([
    'FROM ghcr.io/astral-sh/uv:0.4 AS uv',
    'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS sdk',
    'FROM quay.io/prometheus/node-exporter:v1.8.0',
    'FROM public.ecr.aws/lambda/python:3.12',
  ].join('\n')), [
    'https://ghcr.io/astral-sh/uv',
    'https://mcr.microsoft.com/artifact/mar/dotnet/sdk',
    'https://quay.io/repository/prometheus/node-exporter',
    'https://gallery.ecr.aws/lambda/python',
  ]);
});

test('no link for stages, scratch, unknown registries and unresolved variables', () => {
  const text = [
    'ARG BASE',
    'ARG TAG=3.20',
    'FROM alpine:${TAG} AS build', // resolved through the global default: linked
    'FROM build',
    'FROM scratch',
    'FROM registry.example.com/team/app:1',
    'FROM ${BASE}',
    'FROM golang:${GO_VERSION}',
    'FROM --platform=$BUILDPLATFORM tonistiigi/xx AS xx',
  ].join('\n');
  assert.deepEqual(targets(text), ['https://hub.docker.com/_/alpine', 'https://hub.docker.com/r/tonistiigi/xx']);
});

test('the link covers the image text and carries a localized tooltip', () => {
  const [link] = service.links!(dockerfile('from  python:3.12-slim as base\n'), contextFor('zh-cn'));
  assert.deepEqual(link.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 22 } });
  assert.equal(link.tooltip, '在 Docker Hub 上打开 python');
});

test('imagePageUrl: registries with a port, malformed and upper-case references get no page', () => {
  assert.equal(imagePageUrl('localhost:5000/app:dev'), undefined);
  assert.deepEqual(imagePageUrl('ubuntu@sha256:0123'), { url: 'https://hub.docker.com/_/ubuntu', registry: 'Docker Hub', repository: 'ubuntu' });
  assert.equal(imagePageUrl('Bad Image'), undefined);
  assert.equal(imagePageUrl('UPPER/case'), undefined);
  assert.equal(imagePageUrl(''), undefined);
  assert.equal(imagePageUrl('quay.io/single'), undefined);
});

test('the syntax directive and images copied from get links too; stages and indexes do not', () => {
  const text = [
    '# syntax=docker/dockerfile:1.7',
    'ARG TOOLS=ghcr.io/acme/tools:1',
    'FROM alpine AS base',
    'ARG TOOLS',
    'COPY --from=nginx:1.27 /etc/nginx /etc/nginx',
    'COPY --from=base /a /a',
    'COPY --from=0 /b /b',
    'COPY --from=${TOOLS} /bin/tool /bin/tool',
    'RUN --mount=type=bind,from=quay.io/coreos/etcd:v3.5,target=/etcd true',
  ].join('\n');
  assert.deepEqual(targets(text), [
    'https://hub.docker.com/r/docker/dockerfile',
    'https://hub.docker.com/_/alpine',
    'https://hub.docker.com/_/nginx',
    'https://ghcr.io/acme/tools',
    'https://quay.io/repository/coreos/etcd',
  ]);
});

test('empty and incomplete files give no links', () => {
  assert.deepEqual(targets(''), []);
  assert.deepEqual(targets('FROM'), []);
  assert.deepEqual(targets('FROM --platform=linux/amd64'), []);
});
