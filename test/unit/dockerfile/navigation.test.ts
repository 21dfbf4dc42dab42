import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { UserFacingError } from '../../../server/src/common/errors';
import { dockerfileService as service } from '../../../server/src/dockerfile/service';
import { contextFor, dockerfile } from '../helpers';

const ctx = contextFor();

/** Position of the n-th occurrence (0-based) of `needle`, plus `offset` characters. */
function at(text: string, needle: string, nth = 0, offset = 1): Position {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" #${nth} not found`);
  }
  return TextDocument.create('file:///x', 'dockerfile', 1, text).positionAt(index + offset);
}

function applyRename(text: string, edit: WorkspaceEdit | null): string {
  assert.ok(edit?.changes);
  const edits: TextEdit[] = Object.values(edit.changes)[0];
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'dockerfile', 1, text), edits);
}

const stages = [
  'FROM golang:1.22 AS Builder',
  'RUN go build -o /out/app .',
  'FROM builder AS tester',
  'RUN --mount=type=cache,target=/root/.cache,from=BUILDER go test ./...',
  'FROM alpine:3.20',
  'COPY --from=builder /out/app /usr/local/bin/app',
  'COPY --from=0 /etc/ssl /etc/ssl',
  'COPY --from=nginx:latest /etc/nginx /etc/nginx',
  '',
].join('\n');

test('renaming a stage updates AS, FROM <stage>, every --from= and mount from= (case-insensitively)', () => {
  const model = dockerfile(stages);
  const renamed = applyRename(stages, service.rename!(model, at(stages, 'Builder'), 'compile', ctx));
  assert.equal(renamed, [
    'FROM golang:1.22 AS compile',
    'RUN go build -o /out/app .',
    'FROM compile AS tester',
    'RUN --mount=type=cache,target=/root/.cache,from=compile go test ./...',
    'FROM alpine:3.20',
    'COPY --from=compile /out/app /usr/local/bin/app',
    'COPY --from=0 /etc/ssl /etc/ssl',
    'COPY --from=nginx:latest /etc/nginx /etc/nginx',
    '',
  ].join('\n'));
});

test('renaming a stage from a --from= reference gives the same edit', () => {
  const model = dockerfile(stages);
  const fromDefinition = service.rename!(model, at(stages, 'Builder'), 'compile', ctx);
  const fromReference = service.rename!(model, at(stages, '--from=builder', 0, 9), 'compile', ctx);
  assert.deepEqual(fromReference, fromDefinition);
});

test('prepareRename gives the name range and placeholder; refuses images and index references', () => {
  const model = dockerfile(stages);
  const prepared = service.prepareRename!(model, at(stages, 'from=BUILDER', 0, 6), ctx);
  assert.deepEqual(prepared, { range: { start: { line: 3, character: 48 }, end: { line: 3, character: 55 } }, placeholder: 'BUILDER' });
  assert.throws(() => service.prepareRename!(model, at(stages, 'nginx:latest'), ctx), UserFacingError);
  assert.throws(() => service.prepareRename!(model, at(stages, '--from=0', 0, 7), ctx), UserFacingError);
  assert.equal(service.prepareRename!(model, at(stages, 'go build'), ctx), null);
});

test('stage rename rejects invalid and clashing names with a user-facing message', () => {
  const model = dockerfile(stages);
  assert.throws(() => service.rename!(model, at(stages, 'Builder'), '1abc', ctx), (e: unknown) => e instanceof UserFacingError && /not a valid stage name/.test(e.message));
  assert.throws(() => service.rename!(model, at(stages, 'Builder'), 'with space', ctx), UserFacingError);
  assert.throws(() => service.rename!(model, at(stages, 'Builder'), 'TESTER', ctx), (e: unknown) => e instanceof UserFacingError && /already named/.test(e.message));
  const zh = (() => { try { service.rename!(model, at(stages, 'Builder'), '-x', ctx); } catch (e) { return (e as UserFacingError).localized.zh; } return ''; })();
  assert.match(zh, /构建阶段名称/);
});

test('stage definition, references and highlights', () => {
  const model = dockerfile(stages);
  const definition = service.definition!(model, at(stages, '--from=builder', 0, 10), ctx);
  assert.deepEqual(definition, [{ uri: model.document.uri, range: { start: { line: 0, character: 20 }, end: { line: 0, character: 27 } } }]);
  const byIndex = service.definition!(model, at(stages, '--from=0', 0, 7), ctx);
  assert.equal(byIndex?.[0].range.start.line, 0);
  const refs = service.references!(model, at(stages, 'Builder'), true, ctx).map((l) => l.range.start.line);
  assert.deepEqual(refs, [0, 2, 3, 5, 6]);
  const withoutDeclaration = service.references!(model, at(stages, 'Builder'), false, ctx).map((l) => l.range.start.line);
  assert.deepEqual(withoutDeclaration, [2, 3, 5, 6]);
  const highlights = service.highlights!(model, at(stages, 'FROM builder', 0, 6), ctx);
  assert.equal(highlights.length, 5);
  assert.equal(highlights[0].kind, 3 /* Write */);
  assert.equal(service.definition!(model, at(stages, 'alpine'), ctx), null);
});

const scoped = [
  'ARG VERSION=1.0', // 0
  'FROM alpine:${VERSION} AS one', // 1
  'ARG VERSION', // 2
  'ARG LOCAL=a', // 3
  'RUN echo $VERSION ${LOCAL}', // 4
  'FROM alpine AS two', // 5
  'ARG LOCAL=b', // 6
  'RUN echo ${LOCAL:-x} $VERSION', // 7
  '',
].join('\n');

test('renaming a stage-local ARG leaves another stage\'s same-named ARG alone', () => {
  const model = dockerfile(scoped);
  const renamed = applyRename(scoped, service.rename!(model, at(scoped, 'LOCAL=a'), 'MINE', ctx));
  assert.equal(renamed.split('\n')[3], 'ARG MINE=a');
  assert.equal(renamed.split('\n')[4], 'RUN echo $VERSION ${MINE}');
  assert.equal(renamed.split('\n')[6], 'ARG LOCAL=b');
  assert.equal(renamed.split('\n')[7], 'RUN echo ${LOCAL:-x} $VERSION');
});

test('renaming a global ARG renames FROM uses and in-stage re-declarations with their uses', () => {
  const model = dockerfile(scoped);
  const renamed = applyRename(scoped, service.rename!(model, at(scoped, 'VERSION'), 'ALPINE_VERSION', ctx)).split('\n');
  assert.equal(renamed[0], 'ARG ALPINE_VERSION=1.0');
  assert.equal(renamed[1], 'FROM alpine:${ALPINE_VERSION} AS one');
  assert.equal(renamed[2], 'ARG ALPINE_VERSION');
  assert.equal(renamed[4], 'RUN echo $ALPINE_VERSION ${LOCAL}');
  // Stage "two" never re-declared VERSION: its $VERSION is a different (unset) variable.
  assert.equal(renamed[7], 'RUN echo ${LOCAL:-x} $VERSION');
  const fromUse = service.rename!(model, at(scoped, '$VERSION', 0, 2), 'ALPINE_VERSION', ctx);
  assert.deepEqual(fromUse, service.rename!(model, at(scoped, 'VERSION'), 'ALPINE_VERSION', ctx));
});

test('variable definition goes to the declaration in scope; on `ARG NAME` it goes to the global ARG', () => {
  const model = dockerfile(scoped);
  const fromRun = service.definition!(model, at(scoped, '$VERSION', 0, 3), ctx);
  assert.equal(fromRun?.[0].range.start.line, 2);
  const fromRedeclaration = service.definition!(model, { line: 2, character: 6 }, ctx);
  assert.equal(fromRedeclaration?.[0].range.start.line, 0);
  const local = service.definition!(model, at(scoped, '${LOCAL:-x}', 0, 3), ctx);
  assert.equal(local?.[0].range.start.line, 6);
  assert.equal(service.definition!(model, at(scoped, '$VERSION', 1, 3), ctx), null, 'unset in stage two');
});

test('variable rename validates names and refuses clashes and undeclared variables', () => {
  const model = dockerfile(scoped);
  assert.throws(() => service.rename!(model, at(scoped, 'LOCAL=a'), '9X', ctx), (e: unknown) => e instanceof UserFacingError && /not a valid variable name/.test(e.message));
  assert.throws(() => service.rename!(model, at(scoped, 'LOCAL=a'), 'VERSION', ctx), (e: unknown) => e instanceof UserFacingError && /already declared/.test(e.message));
  assert.throws(() => service.prepareRename!(model, at(scoped, '$VERSION', 1, 3), ctx), UserFacingError);
});

test('ENV inherited by a child stage renames together with the base stage ENV', () => {
  const text = 'FROM alpine AS base\nENV APP_HOME=/app\nFROM base\nWORKDIR $APP_HOME\nENV APP_HOME=/srv\n';
  const renamed = applyRename(text, service.rename!(dockerfile(text), at(text, 'APP_HOME'), 'ROOT', ctx));
  assert.equal(renamed, 'FROM alpine AS base\nENV ROOT=/app\nFROM base\nWORKDIR $ROOT\nENV ROOT=/srv\n');
});

test('highlights mark declarations as write and uses as read', () => {
  const model = dockerfile(scoped);
  const highlights = service.highlights!(model, at(scoped, 'LOCAL=b'), ctx);
  assert.deepEqual(highlights.map((h) => [h.range.start.line, h.kind]), [[6, 3], [7, 2]]);
});

test('lower-case keywords and the backtick escape work the same', () => {
  const text = '# escape=`\nfrom alpine as build\nrun echo hi `\n  && echo there\nfrom scratch\ncopy --from=build `\n  /a /b\n';
  const renamed = applyRename(text, service.rename!(dockerfile(text), at(text, 'build'), 'make', ctx));
  assert.equal(renamed, '# escape=`\nfrom alpine as make\nrun echo hi `\n  && echo there\nfrom scratch\ncopy --from=make `\n  /a /b\n');
});

test('navigation on empty and incomplete files returns nothing', () => {
  for (const text of ['', 'FROM', 'COPY --from=', 'FROM a AS', 'ARG', 'RUN $']) {
    const model = dockerfile(text);
    const position = { line: 0, character: Math.min(3, text.length) };
    assert.doesNotThrow(() => {
      service.definition!(model, position, ctx);
      service.references!(model, position, true, ctx);
      service.highlights!(model, position, ctx);
    }, text);
  }
});

test('rename reaches --from= on COPY lines that carry other flags too', () => {
  const text = 'FROM alpine:3.20 AS build\nRUN true\nFROM alpine:3.20\nCOPY --from=build --link /a /b\nCOPY --chown=1:1 --from=build /a /c\n';
  const edit = service.rename!(dockerfile(text), { line: 0, character: 22 }, 'builder', ctx);
  const edits = edit?.changes?.['file:///work/Dockerfile'] ?? [];
  assert.deepEqual(edits.map((e) => e.range.start.line).sort(), [0, 3, 4]);
});
