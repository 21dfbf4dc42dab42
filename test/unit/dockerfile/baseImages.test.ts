import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baseImagesOf } from '../../../server/src/dockerfile/baseImages';
import { corpusAvailable, corpusEntries, readCorpusFile } from '../../corpus/corpus';

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

/** The multi-line pattern the reader used before it searched for the word (see baseImages.ts). */
function byMultilinePattern(text: string, limit = 50): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const match of text.matchAll(/^[ \t]*from[ \t]+(?:--\S+[ \t]+)*([^\s#]+)(?:[ \t]+as[ \t]+([^\s#]+))?/gim)) {
    const image = match[1];
    if (!stages.has(image.toLowerCase()) && image.toLowerCase() !== 'scratch' && !image.includes('$') && !images.includes(image)) {
      images.push(image);
      if (images.length >= limit) break;
    }
    if (match[2]) stages.add(match[2].toLowerCase());
  }
  return images;
}

test('the same images as the multi-line pattern: corpus Dockerfiles, line endings, words containing "from"', () => {
  const samples = [
    'FROM a\r\nFROM b AS x\rFROM x\u2028 from c\u2029\tFROM\td as e\nFROM e\nxfrom f\nFROM from AS g\n fromage h\nFROM --platform=x --foo=y i AS j #c\nFROM',
    'from a from b\n  \t FROM c\n#FROM d\nRUN x \\\nFROM e\n', 'FROMx\nFROM  \nFROM k', '',
  ];
  const corpus = corpusAvailable ? corpusEntries().filter((entry) => entry.kind === 'dockerfile').map(readCorpusFile) : [];
  for (const text of [...samples, ...corpus]) {
    assert.deepEqual(baseImagesOf(text), byMultilinePattern(text), text.slice(0, 200));
    assert.deepEqual(baseImagesOf(text, 2), byMultilinePattern(text, 2), text.slice(0, 200));
  }
  assert.ok(!corpusAvailable || corpus.length > 300);
});
