import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseImagesOf } from '../../../server/src/dockerfile/baseImages';

test('base images of a Dockerfile: stages, scratch and variables left out', () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=alpine:3.20',
    'FROM --platform=$BUILDPLATFORM golang:1.23-alpine AS build',
    'from node:20.17-bookworm-slim as web',
    'FROM build AS test',
    'FROM ${BASE}',
    'FROM scratch',
    'FROM gcr.io/distroless/static-debian12:nonroot',
    'FROM golang:1.23-alpine',
    'RUN echo FROM ubuntu:24.04',
  ].join('\n');
  assert.deepEqual(baseImagesOf(text), ['golang:1.23-alpine', 'node:20.17-bookworm-slim', 'gcr.io/distroless/static-debian12:nonroot']);
});

test('no FROM, no images', () => {
  assert.deepEqual(baseImagesOf(''), []);
  assert.deepEqual(baseImagesOf('RUN true\n'), []);
});
