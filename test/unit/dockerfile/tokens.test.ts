import assert from 'node:assert/strict';
import { test } from 'node:test';
import { semanticTokenLegend } from '../../../server/src/common/service';
import { dockerfileService as service } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

/** Decodes the relative encoding into `text:type[.modifier…]` strings for readable assertions. */
function decode(text: string): string[] {
  const data = service.semanticTokens!(dockerfile(text), contextFor());
  assert.equal(data.length % 5, 0);
  const lines = text.split('\n');
  const result: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaChar, length, type, modifiers] = data.slice(i, i + 5);
    assert.ok(deltaLine >= 0 && (deltaLine > 0 || deltaChar >= 0), 'tokens are in order');
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaChar : deltaChar;
    const names = semanticTokenLegend.tokenModifiers.filter((_, bit) => modifiers & (1 << bit));
    result.push(`${lines[line].slice(character, character + length)}:${[semanticTokenLegend.tokenTypes[type], ...names].join('.')}`);
  }
  return result;
}

test('keywords, stage names, images, flags, variables and comments', () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    '# Build stage',
    'ARG GO=1.22',
    'FROM golang:${GO} AS build',
    'ENV CGO_ENABLED=0',
    'RUN --mount=type=cache,target=/root/.cache go build -o /out/app $CGO_ENABLED',
    'FROM alpine:3.20',
    'COPY --from=build /out/app /app',
    'EXPOSE 8080/tcp',
    'CMD ["/app", "--port=$PORT"]',
  ].join('\n');
  assert.deepEqual(decode(text), [
    'syntax:macro', 'docker/dockerfile:1:string',
    '# Build stage:comment',
    'ARG:keyword', 'GO:variable.declaration.readonly', '=:operator',
    'FROM:keyword', '${GO}:variable', 'AS:keyword', 'build:class.declaration',
    'ENV:keyword', 'CGO_ENABLED:variable.declaration', '=:operator',
    'RUN:keyword', '--mount:parameter', 'type:property', 'target:property', '$CGO_ENABLED:variable',
    'FROM:keyword', 'alpine:3.20:type',
    'COPY:keyword', '--from:parameter', 'build:class',
    'EXPOSE:keyword', '8080/tcp:number',
    'CMD:keyword', '"/app":string', '"--port=:string', '$PORT:variable', '":string',
  ]);
});

test('built-in platform ARGs, deprecated MAINTAINER, heredoc delimiters, lower-case and backtick escape', () => {
  const text = '# escape=`\nfrom --platform=$BUILDPLATFORM alpine as a\nmaintainer me\nrun <<EOF `\n  && true\necho hi\nEOF\n';
  const tokens = decode(text);
  assert.ok(tokens.includes('escape:macro'));
  assert.ok(tokens.includes('$BUILDPLATFORM:variable.defaultLibrary'));
  assert.ok(tokens.includes('maintainer:keyword.deprecated'));
  assert.ok(tokens.includes('<<EOF:operator'));
  assert.ok(tokens.includes('EOF:operator'));
  assert.ok(tokens.includes('as:keyword'));
  assert.ok(!tokens.some((t) => t.startsWith('echo')), 'heredoc bodies are left to the grammar');
});

test('empty and broken files', () => {
  assert.deepEqual(service.semanticTokens!(dockerfile(''), contextFor()), []);
  for (const text of ['FROM', 'ARG =', 'RUN --mount=', 'COPY --from=', 'ONBUILD', 'ONBUILD RUN echo $X', 'ENV "a b"']) {
    assert.doesNotThrow(() => decode(text), text);
  }
});

test('${NAME:-word} colours only the variable part', () => {
  const tokens = decode('FROM alpine\nARG V\nRUN echo ${V:-none} ${V}\n');
  assert.ok(tokens.includes('${V:variable'));
  assert.ok(tokens.includes('${V}:variable'));
});
