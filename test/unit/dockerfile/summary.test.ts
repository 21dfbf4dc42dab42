import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerfileService } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

// The one-line summary the editor's language status shows (server: stevedore/documentSummary).

const en = contextFor('en');
const zh = contextFor('zh-cn');

const multistage = 'ARG GO=1.23\nFROM golang:${GO} AS builder\nRUN go build\nFROM builder AS tester\nRUN go test\nFROM alpine:3.20\nCOPY --from=builder /a /a\n';

test('a Dockerfile: its stages counted, each named with what it is built from', () => {
  assert.deepEqual(dockerfileService.summary!(dockerfile(multistage), en), {
    language: 'dockerfile',
    text: 'Dockerfile · 3 stages',
    detail: 'Stages: builder from golang:${GO}; tester from builder; stage 2 from alpine:3.20',
  });
  assert.deepEqual(dockerfileService.summary!(dockerfile(multistage), zh), {
    language: 'dockerfile',
    text: 'Dockerfile · 3 个阶段',
    detail: '构建阶段：builder 基于 golang:${GO}；tester 基于 builder；阶段 2 基于 alpine:3.20',
  });
  assert.equal(dockerfileService.summary!(dockerfile('FROM alpine:3.20\n'), en).text, 'Dockerfile · 1 stage');
  assert.equal(dockerfileService.summary!(dockerfile('# just a comment\n'), en).text, 'Dockerfile · no stage yet');
});

test('a long Dockerfile lists its first stages and counts the rest', () => {
  const text = Array.from({ length: 9 }, (_, i) => `FROM alpine:3.20 AS s${i}\n`).join('');
  const { text: line, detail } = dockerfileService.summary!(dockerfile(text), en);
  assert.equal(line, 'Dockerfile · 9 stages');
  assert.match(detail, /s5 from alpine:3\.20; 3 more$/);
  assert.doesNotMatch(detail, /s6/);
});
